package dev.leviathan.engine.target;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The word-to-constant tables enums are read with, in declaration order (for hints). */
final class Words {

    private Words() {
    }

    static <E> Map<String, E> of(E[] values, Function<E, String> word) {
        Map<String, E> out = new LinkedHashMap<>();
        for (E value : values) {
            out.put(word.apply(value), value);
        }
        return Collections.unmodifiableMap(out);
    }
}
