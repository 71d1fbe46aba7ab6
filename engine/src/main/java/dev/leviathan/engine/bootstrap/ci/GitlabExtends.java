package dev.leviathan.engine.bootstrap.ci;

import dev.leviathan.engine.bootstrap.ci.YamlNode.Entry;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Mapping;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedCollection;

/**
 * {@code extends} resolved as GitLab resolves it, within one file: the bases, each resolved
 * first, are deep-merged in the order given, then the job's own keys over them. Mappings merge
 * key by key; any other value (a list included) replaces the base's. A base this file does not
 * define (it may come from an included file), a cycle, or a chain deeper than GitLab's ten levels
 * is noted and left unresolved, where GitLab would reject the pipeline or find the base elsewhere.
 */
final class GitlabExtends {

    /** GitLab's limit: a chain of more ancestors is an error. */
    static final int MAX_NESTING = 10;

    private final Map<String, YamlNode> definitions = new HashMap<>();
    private final Map<String, Mapping> resolved = new HashMap<>();
    private final SequencedCollection<String> notes;

    GitlabExtends(Mapping root, SequencedCollection<String> notes) {
        for (Entry entry : root.entries()) {
            definitions.put(entry.key().value(), entry.value());
        }
        this.notes = notes;
    }

    /** The job or template {@code name} (a mapping of this file) with what it extends merged in. */
    Mapping resolve(String name, Mapping own) {
        return resolve(name, own, new ArrayDeque<>());
    }

    private Mapping resolve(String name, Mapping own, Deque<String> ancestors) {
        Mapping done = resolved.get(name);
        if (done != null) {
            return done;
        }
        List<String> bases = Expect.strings(own.get("extends"), name + ".extends");
        if (bases.isEmpty()) {
            return own;
        }
        if (ancestors.size() > MAX_NESTING) {
            notes.add("extends of \"" + name + "\" nests deeper than " + MAX_NESTING + " levels: not resolved");
            return own;
        }
        ancestors.push(name);
        Mapping merged = new Mapping(List.of(), null, own.position(), 1);
        for (String base : bases) {
            if (ancestors.contains(base)) {
                notes.add("extends of \"" + name + "\" is circular through \"" + base + "\": not resolved");
                continue;
            }
            YamlNode definition = definitions.get(base);
            if (!(definition instanceof Mapping baseMapping)) {
                notes.add(definition == null
                        ? "\"" + name + "\" extends \"" + base + "\", which this file does not define"
                        : "\"" + name + "\" extends \"" + base + "\", which is not a mapping");
                continue;
            }
            merged = deepMerge(merged, resolve(base, baseMapping, ancestors));
        }
        ancestors.pop();
        Mapping result = deepMerge(merged, own);
        resolved.put(name, result);
        return result;
    }

    /** {@code base} with {@code over} merged in: Ruby's {@code Hash#deep_merge}. */
    static Mapping deepMerge(Mapping base, Mapping over) {
        LinkedHashMap<String, Entry> out = new LinkedHashMap<>();
        for (Entry entry : base.entries()) {
            out.put(entry.key().value(), entry);
        }
        for (Entry entry : over.entries()) {
            Entry existing = out.get(entry.key().value());
            if (existing != null && existing.value() instanceof Mapping baseValue
                    && entry.value() instanceof Mapping overValue) {
                out.put(entry.key().value(), new Entry(entry.key(), deepMerge(baseValue, overValue)));
            } else {
                out.put(entry.key().value(), entry);
            }
        }
        long weight = 1;
        for (Entry entry : out.values()) {
            weight += 1 + entry.value().weight();
        }
        return new Mapping(List.copyOf(out.values()), over.tag(), over.position(), weight);
    }
}
