package dev.leviathan.engine.artifact;

import java.util.List;

/**
 * The result of checking the artifact store.
 *
 * @param corrupt artifacts whose content no longer hashes to their name
 * @param missing digests that {@code artifact.created} events name but the store lacks
 * @param stray files that are not artifacts (leftover temp files, foreign files)
 */
public record ArtifactReport(long checked, long bytes, List<String> corrupt, List<String> missing,
        List<String> stray) {

    public boolean ok() {
        return corrupt.isEmpty() && missing.isEmpty();
    }

    public String summary() {
        if (ok()) {
            return "artifacts intact: " + checked + " checked (" + bytes + " bytes)"
                    + (stray.isEmpty() ? "" : ", " + stray.size() + " stray file(s) ignored");
        }
        return "artifacts DAMAGED: " + corrupt.size() + " corrupt, " + missing.size() + " missing of " + checked
                + " checked";
    }
}
