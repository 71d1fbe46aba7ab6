package dev.leviathan.engine.aegis.sim;

/**
 * Small deterministic jitter: a pure function of (seed, tick, key), so a fork that replays the same
 * ticks draws the same numbers without sharing a generator, and a fork with another seed draws others.
 */
final class Noise {

    private Noise() {
    }

    /** A value in [1 − spread, 1 + spread). */
    static double around1(long seed, int tick, long key, double spread) {
        long bits = mix(seed ^ mix(((long) tick << 32) ^ key));
        double unit = (bits >>> 11) * 0x1.0p-53;
        return 1 + spread * (2 * unit - 1);
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
