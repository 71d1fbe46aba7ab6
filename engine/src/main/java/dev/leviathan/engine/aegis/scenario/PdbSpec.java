package dev.leviathan.engine.aegis.scenario;

/** A PodDisruptionBudget: a voluntary eviction (a drain) never takes the workload below {@code minAvailable} ready pods. */
public record PdbSpec(String workload, int minAvailable) {
}
