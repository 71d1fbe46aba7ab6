package dev.leviathan.engine.aegis.scenario;

import java.util.OptionalLong;

/**
 * A container's limits; each one may be absent, as in Kubernetes, and an absent memory limit is what
 * lets a pod grow until it starves its neighbours ({@code missing_limits}).
 */
public record Limits(OptionalLong cpuMillis, OptionalLong memoryMib) {

    public static final Limits NONE = new Limits(OptionalLong.empty(), OptionalLong.empty());

    public static Limits of(long cpuMillis, long memoryMib) {
        return new Limits(OptionalLong.of(cpuMillis), OptionalLong.of(memoryMib));
    }
}
