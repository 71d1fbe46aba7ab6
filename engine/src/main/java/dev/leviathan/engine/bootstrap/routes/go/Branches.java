package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.go.Value.Bound;
import dev.leviathan.engine.bootstrap.routes.go.Value.IntVal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the alternatives of an {@code if} or {@code switch} that no constant decides, each from the
 * bindings as they were before it, and merges what they assigned: a string variable that the
 * alternatives (or skipping them all) leave with different values is known only at run time
 * afterwards, so a route built from it is unresolved with the variable's name as raw expression.
 * Before version 7 the alternatives ran one after the other and the last assignment won
 * (ginpprof's {@code prefix}, set in each case of a switch on a run-time value, read as
 * {@code "/debug/pprof"}). Other values (routers, handlers, structs) nearly keep that rule: the
 * last alternative that assigns a value the analysis knows gives it, since a router chosen at run
 * time is still a router whose routes must be reported. A loop over a collection the analysis
 * cannot see is one alternative that may not run at all.
 */
final class Branches {

    /** One way through the statement; {@code run} executes it and says whether it ends in a return. */
    interface Alternative {
        boolean run();
    }

    /**
     * Makes the value of a string variable that an {@code if}'s two ways leave different, when
     * its condition can be decided by each call site (see {@link Str.Choice}); null when not.
     */
    interface Chooser {
        Str choose(String name, Str then, Str otherwise);
    }

    private record Key(Scope scope, String name) {
    }

    /** The bindings, as before the alternatives, of variables declared outside them and assigned inside. */
    private record Journal(Scope start, Map<Key, Bound> before) {
    }

    private final Deque<Journal> open = new ArrayDeque<>();

    /** Called before {@code name} is assigned through {@code scope}: remembers its value for the enclosing alternatives. */
    void assigning(Scope scope, String name) {
        if (open.isEmpty()) {
            return;
        }
        Scope owner = scope.owner(name);
        if (owner == null) {
            return;
        }
        for (Journal j : open) {
            if (j.start().within(owner)) {
                j.before().putIfAbsent(new Key(owner, name), owner.lookup(name));
            }
        }
    }

    /**
     * Runs {@code alternatives} from {@code start}'s bindings; {@code mayRunNone} when control can
     * also pass the statement without running any of them (an {@code if} without {@code else}, a
     * {@code switch} without {@code default}).
     */
    void run(Scope start, List<Alternative> alternatives, boolean mayRunNone) {
        run(start, alternatives, mayRunNone, null);
    }

    /**
     * As above for an {@code if}: {@code alternatives} are its {@code then} and, if present, its
     * {@code else}; {@code chooser} (may be null) makes a choice of the two values of a string
     * variable both ways reach.
     */
    void run(Scope start, List<Alternative> alternatives, boolean mayRunNone, Chooser chooser) {
        Journal journal = new Journal(start, new LinkedHashMap<>());
        open.push(journal);
        List<Map<Key, Bound>> ends = new ArrayList<>();
        List<Boolean> returned = new ArrayList<>();
        try {
            for (Alternative alternative : alternatives) {
                boolean ret = alternative.run();
                Map<Key, Bound> end = new LinkedHashMap<>();
                journal.before().forEach((k, v) -> {
                    end.put(k, k.scope().lookup(k.name()));
                    k.scope().rebind(k.name(), v);
                });
                ends.add(end);
                returned.add(ret);
            }
        } finally {
            open.pop();
        }
        journal.before().forEach((key, before) -> {
            List<Bound> reaching = new ArrayList<>();
            Bound changed = null;
            for (int i = 0; i < ends.size(); i++) {
                Bound end = ends.get(i).getOrDefault(key, before);
                if (!same(end, before) && end != null && !(end.value() instanceof Value.Unknown)) {
                    changed = end;
                }
                if (!returned.get(i)) {
                    reaching.add(end);
                }
            }
            if (mayRunNone) {
                reaching.add(before);
            }
            Bound merged = null;
            if (chooser != null && reaching.size() == 2 && !returned.get(0)
                    && asStr(reaching.get(0)) instanceof Str then && asStr(reaching.get(1)) instanceof Str otherwise
                    && !then.equals(otherwise)
                    && chooser.choose(key.name(), then, otherwise) instanceof Str chosen) {
                merged = new Bound(chosen, null);
            }
            key.scope().rebind(key.name(), merged != null ? merged : merge(key.name(), reaching, changed, before));
        });
    }

    /**
     * What a variable holds after the statement: its one value when every way out agrees; for a
     * string (or an integer constant) that differs, unknown; for anything else the last value an
     * alternative assigned that is known, else the value before, so a router or a struct one way
     * out is not lost to another way that gives nothing the analysis can see.
     */
    private static Bound merge(String name, List<Bound> reaching, Bound changed, Bound before) {
        if (!reaching.isEmpty()) {
            Bound first = reaching.get(0);
            if (reaching.stream().allMatch(b -> same(b, first))) {
                // The binding itself when it did not change: it may stand for a struct parameter.
                return same(first, before) ? before : first;
            }
            if (reaching.stream().anyMatch(b -> b != null && b.value() instanceof Str s && s.firstParamOwner() != null)) {
                // Made from the function's parameters: its name means nothing to a caller, where the
                // value the call gives is unknown and a route names the caller's own expression.
                return new Bound(Value.UNKNOWN, null);
            }
            if (reaching.stream().anyMatch(b -> b != null && b.value() instanceof Str)) {
                return new Bound(Str.opaque(name), null);
            }
            if (reaching.stream().anyMatch(b -> b != null && b.value() instanceof IntVal)) {
                return new Bound(Value.UNKNOWN, null);
            }
        }
        return changed != null ? changed : before;
    }

    /** A string value, a string parameter as the piece it is; else null. */
    private static Str asStr(Bound b) {
        return b == null ? null : switch (b.value()) {
            case Str s -> s;
            case Value.ParamRef r -> Str.param(r.owner(), r.index(), r.name());
            default -> null;
        };
    }

    private static boolean same(Bound a, Bound b) {
        return a == b || a != null && b != null && Objects.equals(a.value(), b.value());
    }
}
