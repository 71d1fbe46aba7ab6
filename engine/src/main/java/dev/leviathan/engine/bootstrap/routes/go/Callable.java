package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.go.Ast.Block;
import dev.leviathan.engine.bootstrap.routes.go.Ast.FuncType;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Param;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A function declaration or function literal, with the summary its one analysis produces: the
 * nodes standing for its router parameters, what it returns, and the route templates whose path,
 * method or handler come from its parameters (instantiated at each call site).
 */
final class Callable {

    enum State { NEW, RUNNING, DONE }

    final String name;
    final Param receiver;
    final FuncType type;
    final Block body;
    final Unit unit;
    /** The scope a function literal closes over; null for a declared function. */
    final Scope closure;

    State state = State.NEW;
    Node[] paramNodes;
    /** Nodes of router-typed fields of struct parameters, made when the body first reads one. */
    final List<Node> paramFieldNodes = new ArrayList<>();
    Value[] results;
    /** Per result: two returns gave different strings (or a string and something else), so none is it. */
    boolean[] resultsDiffer;
    final List<RouteSpec> templates = new ArrayList<>();
    /** Handlers attached by a route name or handler that is a parameter, filled in per call site. */
    final List<Attachment> attachments = new ArrayList<>();
    /**
     * Routers this function makes itself; one it returns is copied per call site when templates
     * are placed on it, so each caller's router holds only what that call registered.
     */
    final Set<Node> localRoots = new HashSet<>();
    boolean called;

    Callable(String name, Param receiver, FuncType type, Block body, Unit unit, Scope closure) {
        this.name = name;
        this.receiver = receiver;
        this.type = type;
        this.body = body;
        this.unit = unit;
        this.closure = closure;
        this.paramNodes = new Node[type.params().size()];
        this.results = new Value[type.results().size()];
        this.resultsDiffer = new boolean[results.length];
    }
}
