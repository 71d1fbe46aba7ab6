package dev.leviathan.engine.aegis.scenario;

/** An amount of cpu (millicores) and memory (MiB). */
public record Resources(long cpuMillis, long memoryMib) {

    public static final Resources ZERO = new Resources(0, 0);

    public Resources {
        if (cpuMillis < 0 || memoryMib < 0) {
            throw new IllegalArgumentException("negative resources: " + cpuMillis + "m, " + memoryMib + "Mi");
        }
    }
}
