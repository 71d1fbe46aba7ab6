package dev.leviathan.engine.aegis.run;

import java.util.Optional;

/**
 * Who operates the simulated cluster: shown the cluster after every tick, it may decide to act. The
 * four baselines implement it, and so will the AI SRE. A policy instance serves one run.
 */
public interface Policy {

    String name();

    /** A decision to act now, or empty to wait. */
    Optional<Decision> observe(Observation observation);
}
