package dev.leviathan.engine.aegis.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** Names that must be unique within one kind of entry (workloads, nodes, quotas …), in file order. */
final class UniqueNames {

    private final String what;
    private final String clash;
    private final String hint;
    private final Problems problems;
    private final Map<String, Located<String>> first = new LinkedHashMap<>();

    /** Reports "{what} 'x' {clash} {earlier path} (line, column)" with {@code hint}. */
    UniqueNames(String what, String clash, String hint, Problems problems) {
        this.what = what;
        this.clash = clash;
        this.hint = hint;
        this.problems = problems;
    }

    /** Names of one kind of entry: {@code what} is "workload name", "node name" …. */
    static UniqueNames of(String what, Problems problems) {
        return new UniqueNames(what, "is already used by", "names must be unique; rename one of the two", problems);
    }

    /** Adds {@code name}; when an earlier entry has it, reports both and returns false. */
    boolean add(String name, Node at, FieldPath path) {
        Located<String> earlier = first.putIfAbsent(name, new Located<>(name, at, path));
        if (earlier == null) {
            return true;
        }
        problems.error(at, path, what + " '" + name + "' " + clash + " " + earlier.path() + " ("
                + Problems.where(earlier.at()) + ")", hint);
        return false;
    }

    boolean contains(String name) {
        return first.containsKey(name);
    }

    List<String> names() {
        return List.copyOf(first.keySet());
    }
}
