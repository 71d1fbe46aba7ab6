package dev.leviathan.engine.bootstrap.routes.go;

/**
 * One route declaration on a node: how its method is given, the folded group prefix, its own path,
 * its handler, and where it is declared. When any part refers to a parameter it is a template of
 * that parameter's function rather than a route.
 */
record RouteSpec(Node node, MethodSpec method, Str prefix, Str own, HandlerRef handler, Unit unit, int line) {

    sealed interface MethodSpec permits Fixed, FromValue, FromPattern {
    }

    /** {@code r.GET(...)}: the method is the function's name. */
    record Fixed(String method) implements MethodSpec {
    }

    /** {@code r.Handle("GET", ...)}, {@code e.Match([]string{...}, ...)}: the method is an argument. */
    record FromValue(Value value, String raw) implements MethodSpec {
    }

    /** {@code mux.HandleFunc("GET /x", ...)}: the method, if any, leads the pattern. */
    record FromPattern() implements MethodSpec {
    }

    sealed interface HandlerRef permits HandlerText, HandlerParam, HandlerByName {
    }

    record HandlerText(String text) implements HandlerRef {
    }

    record HandlerParam(Callable owner, int index) implements HandlerRef {
    }

    /**
     * A gorilla/mux route declared with a name and no handler ({@code router.Path(p).Name(n)}):
     * the handler is whatever {@code GetRoute(n).Handler(h)} attaches to its router, if anything.
     */
    record HandlerByName(Str name) implements HandlerRef {
    }

    /** The function whose parameter this declaration depends on, or null when it is complete. */
    Callable paramOwner() {
        Callable owner = prefix.firstParamOwner();
        if (owner == null) {
            owner = own.firstParamOwner();
        }
        if (owner == null && method instanceof FromValue fv) {
            owner = valueOwner(fv.value());
        }
        if (owner == null && handler instanceof HandlerParam hp) {
            owner = hp.owner();
        }
        return owner;
    }

    private static Callable valueOwner(Value value) {
        return switch (value) {
            case Value.ParamRef ref -> ref.owner();
            case Str s -> s.firstParamOwner();
            case Value.ListVal list -> list.elements().stream().map(b -> valueOwner(b.value()))
                    .filter(o -> o != null).findFirst().orElse(null);
            default -> null;
        };
    }
}
