package dev.leviathan.engine.bootstrap.routes.go;

import java.util.ArrayList;
import java.util.List;

/**
 * A router, group or mux in the mount graph. A node without parents is a root: its routes are
 * served at the paths they declare. Each parent edge carries the prefix added on the way down, so
 * a node mounted twice yields its routes once per mount.
 */
final class Node {

    record Mount(Node parent, Str prefix) {
    }

    final int id;
    final Framework framework;
    /** For the node standing for a router parameter: the function and parameter index. */
    final Callable paramOwner;
    final int paramIndex;
    /**
     * For the node standing for a router-typed field of a struct parameter ({@code
     * options.BaseRouter} in oapi-codegen's chi server): the field; each call site mounts the node
     * under the router its argument's field holds.
     */
    final String paramField;
    /**
     * For a group whose prefix depends on a parameter: routes registered on it are folded into the
     * parent with the prefix, so each call site can fill the parameter in.
     */
    final Node foldParent;
    final Str foldPrefix;
    final List<Mount> parents = new ArrayList<>();
    /**
     * gorilla/mux: the methods a subrouter matches ({@code r.Methods("GET").Subrouter()}), which
     * its routes without methods of their own serve; null when any.
     */
    List<Value.Bound> subrouterMethods;
    /**
     * Handed to {@code http.ListenAndServe} / {@code http.Serve}: served at its own paths even
     * when it is also mounted under another router (one program serves it, another mounts it).
     */
    boolean served;
    String subrouterMethodsRaw;

    Node(int id, Framework framework, Callable paramOwner, int paramIndex, Node foldParent, Str foldPrefix) {
        this(id, framework, paramOwner, paramIndex, null, foldParent, foldPrefix);
    }

    Node(int id, Framework framework, Callable paramOwner, int paramIndex, String paramField, Node foldParent,
            Str foldPrefix) {
        this.id = id;
        this.framework = framework;
        this.paramOwner = paramOwner;
        this.paramIndex = paramIndex;
        this.paramField = paramField;
        this.foldParent = foldParent;
        this.foldPrefix = foldPrefix;
    }

    void mountUnder(Node parent, Str prefix) {
        if (parent == this) {
            return;
        }
        Mount mount = new Mount(parent, prefix);
        if (!parents.contains(mount)) {
            parents.add(mount);
        }
    }
}
