package dev.leviathan.engine.bootstrap.routes.javascript;

import dev.leviathan.engine.bootstrap.routes.javascript.Value.Unknown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The few built-ins route tables are written with: array iteration and building
 * ({@code forEach}, {@code map}, {@code concat}, {@code push}, {@code join}…) and
 * {@code Object.keys/values/entries/assign}.
 */
final class Builtins {

    /** Calls a callback the program passed to a built-in. */
    interface Invoker {

        Value invoke(Value callback, List<CallArg> args);
    }

    /** Elements iterated, at most: a loop over a known array runs once per element. */
    static final int MAX_ITERATIONS = 1024;

    private Builtins() {
    }

    /** The result of {@code a.key(args)}, or null when {@code key} is no array method handled here. */
    static Value arrayMethod(Value.Arr a, String key, List<CallArg> args, Invoker invoker) {
        switch (key) {
            case "forEach", "map", "flatMap", "filter", "some", "every", "find" -> {
                Value callback = args.isEmpty() ? Unknown.OPAQUE : args.get(0).value();
                List<Value> snapshot = new ArrayList<>(a.elements.subList(0, Math.min(a.elements.size(),
                        MAX_ITERATIONS)));
                List<Value> results = new ArrayList<>();
                List<Value> kept = new ArrayList<>();
                for (int k = 0; k < snapshot.size(); k++) {
                    Value r = invoker.invoke(callback, List.of(new CallArg(snapshot.get(k), null),
                            new CallArg(new Value.Scalar(Integer.toString(k)), null), new CallArg(a, null)));
                    if (key.equals("flatMap") && r instanceof Value.Arr inner) {
                        results.addAll(inner.elements);
                    } else {
                        results.add(r);
                    }
                    if (Truth.of(r) != Boolean.FALSE) {
                        kept.add(snapshot.get(k)); // a predicate the analysis cannot judge keeps the element
                    }
                }
                return switch (key) {
                    case "map", "flatMap" -> new Value.Arr(results);
                    case "filter" -> new Value.Arr(kept);
                    default -> Unknown.OPAQUE;
                };
            }
            case "indexOf", "includes" -> {
                Value wanted = args.isEmpty() ? Unknown.UNDEFINED : args.get(0).value();
                if (!Truth.isStatic(wanted)) {
                    return Unknown.OPAQUE;
                }
                for (int k = 0; k < a.elements.size(); k++) {
                    Value e = a.elements.get(k);
                    if (!Truth.isStatic(e)) {
                        return Unknown.OPAQUE;
                    }
                    if (Truth.strictlyEqual(e, wanted)) {
                        return new Value.Scalar(key.equals("includes") ? "true" : Integer.toString(k));
                    }
                }
                return new Value.Scalar(key.equals("includes") ? "false" : "-1");
            }
            case "concat" -> {
                List<Value> all = new ArrayList<>(a.elements);
                for (CallArg arg : args) {
                    if (arg.value() instanceof Value.Arr other) {
                        all.addAll(other.elements);
                    } else {
                        all.add(arg.value());
                    }
                }
                return new Value.Arr(all);
            }
            case "push", "unshift" -> {
                if (a.elements.size() < MAX_ITERATIONS * 4) {
                    List<Value> added = new ArrayList<>();
                    for (CallArg arg : args) {
                        added.add(arg.value());
                    }
                    if (key.equals("push")) {
                        a.elements.addAll(added);
                    } else {
                        a.elements.addAll(0, added);
                    }
                }
                return Unknown.OPAQUE;
            }
            case "flat" -> {
                List<Value> all = new ArrayList<>();
                for (Value v : a.elements) {
                    if (v instanceof Value.Arr inner) {
                        all.addAll(inner.elements);
                    } else {
                        all.add(v);
                    }
                }
                return new Value.Arr(all);
            }
            case "slice" -> {
                int n = a.elements.size();
                Long from = args.isEmpty() ? Long.valueOf(0) : Truth.integer(args.get(0).value());
                Long to = args.size() < 2 ? Long.valueOf(n) : Truth.integer(args.get(1).value());
                if (from == null || to == null) {
                    return new Value.Arr(a.elements);
                }
                int start = (int) (from < 0 ? Math.max(0, n + from) : Math.min(from, n));
                int end = (int) (to < 0 ? Math.max(0, n + to) : Math.min(to, n));
                return new Value.Arr(start >= end ? List.of() : a.elements.subList(start, end));
            }
            case "reverse", "sort" -> {
                List<Value> copy = new ArrayList<>(a.elements);
                if (key.equals("reverse")) {
                    Collections.reverse(copy);
                }
                return new Value.Arr(copy);
            }
            case "pop", "shift" -> {
                if (a.elements.isEmpty()) {
                    return Unknown.UNDEFINED;
                }
                return a.elements.remove(key.equals("pop") ? a.elements.size() - 1 : 0);
            }
            case "join" -> {
                String separator = args.isEmpty() ? "," : Value.staticText(args.get(0).value());
                StringBuilder joined = new StringBuilder();
                for (int k = 0; k < a.elements.size(); k++) {
                    String part = Value.staticText(a.elements.get(k));
                    if (part == null || separator == null) {
                        return new Value.Text(joined.toString(), false);
                    }
                    if (k > 0) {
                        joined.append(separator);
                    }
                    joined.append(part);
                }
                return new Value.Text(joined.toString(), true);
            }
            default -> {
                return null;
            }
        }
    }

    static Value objectMethod(String key, List<CallArg> args) {
        if (key == null) {
            return Unknown.OPAQUE;
        }
        Value target = args.isEmpty() ? Unknown.OPAQUE : args.get(0).value();
        switch (key) {
            case "keys", "values", "entries" -> {
                List<Value> out = new ArrayList<>();
                for (Map.Entry<String, Value> entry : entries(target)) {
                    Value k = new Value.Text(entry.getKey(), true);
                    out.add(switch (key) {
                        case "keys" -> k;
                        case "values" -> entry.getValue();
                        default -> new Value.Arr(List.of(k, entry.getValue()));
                    });
                }
                return new Value.Arr(out);
            }
            case "assign" -> {
                if (target instanceof Value.Obj o) {
                    for (CallArg source : args.subList(1, args.size())) {
                        if (source.value() instanceof Value.Obj s) {
                            o.properties.putAll(s.properties);
                            o.open |= s.open || s.ofClass != null;
                        } else if (source.value() != Unknown.UNDEFINED) {
                            o.open = true; // `Object.assign(config, require(envFile))`: keys not known
                        }
                    }
                }
                return target;
            }
            case "freeze", "seal", "preventExtensions" -> {
                return target;
            }
            default -> {
                return Unknown.OPAQUE;
            }
        }
    }

    /** The properties of an object-like value, in a deterministic order. */
    static List<Map.Entry<String, Value>> entries(Value v) {
        Map<String, Value> props = switch (v) {
            case Value.Obj o -> o.properties;
            case Value.ClassVal c -> c.statics;
            case Value.Namespace ns -> {
                Map<String, Value> sorted = new TreeMap<>();
                for (String name : ns.module().esmExports.keySet()) {
                    sorted.put(name, ns.module().exportOf(name));
                }
                yield sorted;
            }
            default -> Map.of();
        };
        return new ArrayList<>(props.entrySet());
    }

}
