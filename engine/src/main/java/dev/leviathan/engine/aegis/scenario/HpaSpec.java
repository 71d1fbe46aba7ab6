package dev.leviathan.engine.aegis.scenario;

/**
 * A HorizontalPodAutoscaler on cpu.
 *
 * @param stabilizationTicks how long a scale-down recommendation must persist before it is applied
 *     (Kubernetes' default of five minutes is 30 ticks)
 */
public record HpaSpec(String workload, int min, int max, int cpuTargetPercent, int stabilizationTicks) {

    public static final int DEFAULT_STABILIZATION_TICKS = 30;
}
