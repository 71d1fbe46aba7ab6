package dev.leviathan.engine.bootstrap.routes.go;

import java.util.List;
import java.util.Map;

/** What an expression evaluates to, as far as the route analysis tracks it. */
sealed interface Value permits Str, Value.Unknown, Value.ListVal, Value.MapVal, Value.RouterVal, Value.Typed,
        Value.StructVal, Value.FnVal, Value.PkgVal, Value.ParamRef, Value.WrapVal, Value.Tuple, Value.AnyElem,
        Value.GorillaRoute, Value.NamedRouteRef, Value.IntVal {

    Unknown UNKNOWN = new Unknown();

    AnyElem ANY_ELEMENT = new AnyElem();

    record Unknown() implements Value {
    }

    /** A slice or array literal. */
    record ListVal(List<Bound> elements) implements Value {
    }

    /** A map literal, keys and values in source order. */
    record MapVal(List<Bound> keys, List<Bound> values) implements Value {
    }

    /** A router, group or mux of one of the frameworks. */
    record RouterVal(Node node) implements Value {
    }

    /** A value of a named type declared in the repository. */
    record Typed(TypeRef type) implements Value {
    }

    /** A struct literal; {@code type} is null for an anonymous struct. Fields are mutable by assignment. */
    record StructVal(TypeRef type, Map<String, Bound> fields) implements Value {
    }

    /** One or more functions of the repository (several when build tags give a name twice). */
    record FnVal(List<Callable> callables) implements Value {
    }

    /** An imported package; {@code dir} is its directory when it belongs to the repository. */
    record PkgVal(String importPath, String dir) implements Value {
    }

    /** A parameter of a function being analysed whose value only its call sites know. */
    record ParamRef(Callable owner, int index, String name) implements Value {
    }

    /** A handler that wraps a router (middleware, {@code http.StripPrefix}); {@code strip} may be empty. */
    record WrapVal(Node node, Str strip) implements Value {
    }

    record Tuple(List<Value> values) implements Value {
    }

    /**
     * A gorilla/mux route being built by a chain ({@code r.HandleFunc("/x", h).Methods("GET")},
     * {@code r.Methods("GET").Path("/x").HandlerFunc(h)}): what the chain has given so far. Null
     * parts are not given yet; {@code methods} null is any method.
     */
    record GorillaRoute(Node node, Str path, Unit unit, int line, List<Bound> methods, String methodsRaw,
            RouteSpec.HandlerRef handler, Value handlerValue, Bound name) implements Value {
    }

    /**
     * {@code router.GetRoute(name)} on a gorilla/mux router: a route declared elsewhere by name,
     * whose handler the next step ({@code .Handler(h)}) attaches.
     */
    record NamedRouteRef(Node node, Str name) implements Value {
    }

    /**
     * An integer constant ({@code iota} in a const group, a literal), with the named type of the
     * repository it is declared with, if any, whose {@code String()} method formats it.
     */
    record IntVal(long value, TypeRef type) implements Value {
    }

    /** An element of a collection the analysis cannot see into (a range over a parameter). */
    record AnyElem() implements Value {
    }

    /**
     * A value with the source text it came from, when that text names a handler better than the
     * variable, and for a table entry the file and line it is written at.
     */
    record Bound(Value value, String text, Unit unit, int line) {

        Bound(Value value, String text) {
            this(value, text, null, 0);
        }
    }

    /** A named type: the package directory and the type name. */
    record TypeRef(String dir, String name) {
    }
}
