package dev.leviathan.engine.bootstrap;

import java.time.Duration;
import java.util.SortedMap;

/**
 * What a bootstrap did.
 *
 * @param baseCommit the commit an incremental bootstrap diffed against; null for a full one
 * @param emitted the fact events appended, by type (empty when the commit was already bootstrapped)
 * @param artifacts the artifacts' digests by name
 * @param firstSeq the first seq the bootstrap appended; 0 when it appended nothing
 */
public record BootstrapResult(String targetId, String commit, Mode mode, String baseCommit, BootstrapCounts counts,
        SortedMap<String, Integer> emitted, SortedMap<String, String> artifacts, long firstSeq, long lastSeq,
        Duration duration) {

    public enum Mode {
        /** Every indexed file of the commit was read. */
        FULL,
        /** Only what changed since an earlier bootstrapped commit was read and recorded. */
        INCREMENTAL,
        /** The commit was already bootstrapped with these extractor versions: nothing appended. */
        UNCHANGED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
