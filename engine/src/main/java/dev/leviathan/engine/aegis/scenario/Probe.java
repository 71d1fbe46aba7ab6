package dev.leviathan.engine.aegis.scenario;

/** A readiness or liveness probe: it fails when the app answers slower than {@code timeoutMs}. */
public record Probe(int timeoutMs, int failureThreshold) {

    /** Kubernetes' defaults: a one-second timeout, three failures. */
    public static final Probe DEFAULT = new Probe(1000, 3);
}
