package dev.leviathan.engine.bootstrap;

import java.time.Instant;
import java.util.SortedMap;

/**
 * What every fact of one bootstrapped commit shares. Facts are stamped with the commit's time
 * and the bootstrap's own actor, not with the wall clock and the operator, so the same commit
 * and extractor versions give byte-identical events wherever and by whomever they are made.
 *
 * @param extractors the version of each extractor, by name ({@code classify}, {@code ci},
 *     {@code python}, …)
 */
record FactContext(String targetId, String commit, Instant committedAt, SortedMap<String, Integer> extractors) {

    /** The actor of every fact: the deterministic indexer, not a person. */
    static final String ACTOR = "leviathan-bootstrap";

    int version(String extractor) {
        Integer version = extractors.get(extractor);
        if (version == null) {
            throw new IllegalArgumentException("no extractor named " + extractor);
        }
        return version;
    }
}
