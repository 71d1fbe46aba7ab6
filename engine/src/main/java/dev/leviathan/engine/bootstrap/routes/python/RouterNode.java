package dev.leviathan.engine.bootstrap.routes.python;

/**
 * One app, router or blueprint object: made by one constructor call (or standing for one typed
 * parameter). Compared by identity: two constructor calls are two objects.
 *
 * @param ownPrefix the prefix the object declares itself ({@code APIRouter(prefix=...)},
 *     {@code Blueprint(url_prefix=...)}), or null
 * @param constructor the constructor call, or null for a typed parameter
 */
record RouterNode(RouterKind kind, Expr ownPrefix, Expr.Call constructor, Scope scope) {

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
