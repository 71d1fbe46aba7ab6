package dev.leviathan.engine.aegis.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;

/** An optional top-level list of mappings, read entry by entry. */
final class Sections {

    private Sections() {
    }

    /** Each entry of the list {@code key} (absent: none) read by {@code entry}; wrong entries are left out. */
    static <T> List<T> each(YamlMapping top, String key, Function<YamlMapping, Optional<T>> entry) {
        List<Node> items = top.optional(key, Values.list()).orElse(List.of());
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Values.mapping().read(items.get(i), top.pathOf(key).index(i), top.problems())
                    .flatMap(entry).ifPresent(out::add);
        }
        return out;
    }
}
