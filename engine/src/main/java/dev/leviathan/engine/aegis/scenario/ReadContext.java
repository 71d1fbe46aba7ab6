package dev.leviathan.engine.aegis.scenario;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What every section reader shares: where problems go, the references to resolve at the end, and the
 * run length (empty when {@code ticks} itself is wrong, so no tick is checked against it).
 */
record ReadContext(Problems problems, References references, OptionalInt ticks) {

    /** A required name that other entries may refer to as a {@code kind}; declared even if its entry is wrong. */
    Optional<String> declaration(YamlMapping m, String key, References.Kind kind, String hint) {
        Optional<String> name = m.required(key, Values.name(), hint);
        name.ifPresent(n -> references.declare(kind, n));
        return name;
    }

    /** A required name that must resolve to a {@code kind}; the reference is checked after reading. */
    Optional<String> reference(YamlMapping m, String key, References.Kind kind, String hint) {
        Optional<String> name = m.required(key, Values.name(), hint);
        name.ifPresent(n -> references.expect(kind, n, m.get(key).orElseThrow(), m.pathOf(key)));
        return name;
    }

    /** A tick field that must fall within the run: from 0 to ticks − 1. */
    Optional<Integer> tickOfRun(YamlMapping m, String key, boolean required, String hint) {
        Optional<Integer> tick = required ? m.required(key, Values.ticks(0), hint) : m.optional(key, Values.ticks(0));
        if (tick.isPresent() && ticks.isPresent() && tick.get() >= ticks.getAsInt()) {
            m.error(key, "tick " + tick.get() + " is not within the run (ticks: " + ticks.getAsInt() + ")",
                    "use a tick from 0 to " + (ticks.getAsInt() - 1));
            return Optional.empty();
        }
        return tick;
    }
}
