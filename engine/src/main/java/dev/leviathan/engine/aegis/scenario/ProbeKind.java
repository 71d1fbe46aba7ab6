package dev.leviathan.engine.aegis.scenario;

/** Which of a workload's probes a chaos event or an action is about. */
public enum ProbeKind {
    READINESS,
    LIVENESS
}
