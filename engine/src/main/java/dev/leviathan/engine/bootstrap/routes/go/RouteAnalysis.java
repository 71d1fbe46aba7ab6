package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.go.Ast.ArrayType;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Assign;
import dev.leviathan.engine.bootstrap.routes.go.Ast.BasicLit;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Binary;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Block;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Call;
import dev.leviathan.engine.bootstrap.routes.go.Ast.CaseClause;
import dev.leviathan.engine.bootstrap.routes.go.Ast.CompositeLit;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Decl;
import dev.leviathan.engine.bootstrap.routes.go.Ast.DeclStmt;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Ellipsis;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Expr;
import dev.leviathan.engine.bootstrap.routes.go.Ast.ExprStmt;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Field;
import dev.leviathan.engine.bootstrap.routes.go.Ast.For;
import dev.leviathan.engine.bootstrap.routes.go.Ast.FuncDecl;
import dev.leviathan.engine.bootstrap.routes.go.Ast.FuncLit;
import dev.leviathan.engine.bootstrap.routes.go.Ast.FuncTypeExpr;
import dev.leviathan.engine.bootstrap.routes.go.Ast.GenDecl;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Go;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Ident;
import dev.leviathan.engine.bootstrap.routes.go.Ast.If;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Index;
import dev.leviathan.engine.bootstrap.routes.go.Ast.InterfaceType;
import dev.leviathan.engine.bootstrap.routes.go.Ast.KeyValue;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Labeled;
import dev.leviathan.engine.bootstrap.routes.go.Ast.MapType;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Other;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Param;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Paren;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Range;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Return;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Selector;
import dev.leviathan.engine.bootstrap.routes.go.Ast.SliceExpr;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Star;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Stmt;
import dev.leviathan.engine.bootstrap.routes.go.Ast.StringLit;
import dev.leviathan.engine.bootstrap.routes.go.Ast.StructType;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Switch;
import dev.leviathan.engine.bootstrap.routes.go.Ast.TypeAssert;
import dev.leviathan.engine.bootstrap.routes.go.Ast.Unary;
import dev.leviathan.engine.bootstrap.routes.go.GoPackage.FuncDef;
import dev.leviathan.engine.bootstrap.routes.go.GoPackage.TypeDef;
import dev.leviathan.engine.bootstrap.routes.go.GoPackage.ValueDef;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.FromPattern;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.FromValue;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.HandlerByName;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.HandlerParam;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.HandlerRef;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.HandlerText;
import dev.leviathan.engine.bootstrap.routes.go.RouteSpec.MethodSpec;
import dev.leviathan.engine.bootstrap.routes.go.Value.AnyElem;
import dev.leviathan.engine.bootstrap.routes.go.Value.Bound;
import dev.leviathan.engine.bootstrap.routes.go.Value.FnVal;
import dev.leviathan.engine.bootstrap.routes.go.Value.GorillaRoute;
import dev.leviathan.engine.bootstrap.routes.go.Value.ListVal;
import dev.leviathan.engine.bootstrap.routes.go.Value.IntVal;
import dev.leviathan.engine.bootstrap.routes.go.Value.MapVal;
import dev.leviathan.engine.bootstrap.routes.go.Value.NamedRouteRef;
import dev.leviathan.engine.bootstrap.routes.go.Value.ParamRef;
import dev.leviathan.engine.bootstrap.routes.go.Value.PkgVal;
import dev.leviathan.engine.bootstrap.routes.go.Value.RouterVal;
import dev.leviathan.engine.bootstrap.routes.go.Value.StructVal;
import dev.leviathan.engine.bootstrap.routes.go.Value.Tuple;
import dev.leviathan.engine.bootstrap.routes.go.Value.TypeRef;
import dev.leviathan.engine.bootstrap.routes.go.Value.Typed;
import dev.leviathan.engine.bootstrap.routes.go.Value.Unknown;
import dev.leviathan.engine.bootstrap.routes.go.Value.WrapVal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Abstract interpretation of a whole Go program, just deep enough to follow routers: each
 * function is interpreted once with its router parameters standing for nodes, which call sites
 * then mount under their arguments (so prefixes flow across files and packages without
 * re-analysis). Control flow is followed loosely: every branch runs except those a constant
 * comparison rules out, and loops over literal tables run once per entry.
 */
final class RouteAnalysis {

    private static final int MAX_UNROLL = 500;
    private static final int MAX_CALL_DEPTH = 32;
    private static final int MAX_EVAL_DEPTH = 120;
    private static final int MAX_DISPATCH = 64;
    private static final Set<String> BUILTINS = Set.of("new", "make", "append", "len", "cap", "string", "panic",
            "print", "println", "copy", "delete", "close", "min", "max", "clear");

    /**
     * Where an expression is evaluated: the function (null at package level), file and scope, and
     * inside a loop over a literal route table the entry being visited, which is where a route
     * read from that entry is declared.
     */
    record Frame(Callable callable, Unit unit, Scope scope, Bound entry) {

        Frame(Callable callable, Unit unit, Scope scope) {
            this(callable, unit, scope, null);
        }

        Frame child() {
            return new Frame(callable, unit, new Scope(scope), entry);
        }

        Frame visiting(Bound tableEntry) {
            return new Frame(callable, unit, new Scope(scope), tableEntry);
        }
    }

    /** A router-typed struct field that a receiver of unknown type may be reaching. */
    private record RouterField(TypeRef owner, String name, Framework framework) {
    }

    private final Program program;
    private final List<RouteSpec> routes = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();
    /** The function being analysed, which owns the routers made meanwhile. */
    private Callable analyzing;
    private final IdentityHashMap<Object, Callable> callables = new IdentityHashMap<>();
    private final List<Callable> created = new ArrayList<>();
    private final Map<String, Value> packageVars = new HashMap<>();
    private final Map<String, Value> constants = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    /** Calls whose result is the receiver of a further call: not the end of a gorilla/mux chain. */
    private final Set<Call> chained = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, Node> fieldNodes = new HashMap<>();
    private final Map<String, List<FuncDef>> routerMethods = new HashMap<>();
    private Map<String, List<RouterField>> routerFields;
    private Node defaultMux;
    private int nodeCount;
    private int callDepth;
    private int evalDepth;

    RouteAnalysis(Program program) {
        this.program = program;
        this.storedFields = new StoredFields(program, def -> analyze(callableFor(def)));
    }

    /** Every route declaration found, templates never instantiated included (closed over their parameters). */
    List<RouteSpec> run() {
        // Go's order: package variables, then every init() (files in name order), then the rest,
        // so a registration list that several files' init() functions append to is complete
        // before main (or whatever ranges over it) is analysed.
        for (Phase phase : Phase.values()) {
            for (Unit unit : program.units) {
                for (Decl decl : unit.file().decls()) {
                    if (Phase.of(decl) == phase) {
                        declaration(unit, decl);
                    }
                }
            }
        }
        for (int i = 0; i < created.size(); i++) {
            try {
                analyze(created.get(i));
            } catch (RuntimeException | StackOverflowError e) {
                resetDepths();
            }
        }
        List<RouteSpec> out = new ArrayList<>(routes);
        for (Callable c : created) {
            if (!c.called) {
                for (RouteSpec t : c.templates) {
                    out.add(close(t));
                }
            }
        }
        return NamedHandlers.attach(out, attachments);
    }

    private enum Phase {
        VARIABLES, INITS, FUNCTIONS;

        static Phase of(Decl decl) {
            if (decl instanceof GenDecl g && g.keyword().equals("var")) {
                return VARIABLES;
            }
            if (decl instanceof FuncDecl f) {
                return f.receiver() == null && f.name().equals("init") ? INITS : FUNCTIONS;
            }
            return null;
        }
    }

    private void declaration(Unit unit, Decl decl) {
        try {
            if (decl instanceof GenDecl g) {
                for (ValueDef def : Program.valueDefs(g, unit)) {
                    if (def.name().equals("_")) {
                        eval(new Frame(null, unit, new Scope(null)), def.value());
                    } else {
                        packageVar(unit.pkg(), def.name());
                    }
                }
            } else if (decl instanceof FuncDecl f) {
                analyze(callableFor(new FuncDef(f, unit)));
            }
        } catch (RuntimeException | StackOverflowError e) {
            // Keep what was found so far; a declaration the analysis cannot follow costs only itself.
            resetDepths();
        }
    }

    private void resetDepths() {
        callDepth = 0;
        evalDepth = 0;
    }

    // ---- functions

    private Callable callableFor(FuncDef def) {
        return callables.computeIfAbsent(def.decl(), k -> {
            FuncDecl d = def.decl();
            Callable c = new Callable(d.name(), d.receiver(), d.type(), d.body(), def.unit(), null);
            created.add(c);
            return c;
        });
    }

    private Callable closure(Frame f, FuncLit lit) {
        return callables.computeIfAbsent(lit, k -> {
            Callable c = new Callable("<anonymous>", null, lit.type(), lit.body(), f.unit(), f.scope());
            created.add(c);
            return c;
        });
    }

    private void analyze(Callable c) {
        if (c.state != Callable.State.NEW || callDepth >= MAX_CALL_DEPTH) {
            return;
        }
        c.state = Callable.State.RUNNING;
        Callable outer = analyzing;
        analyzing = c;
        callDepth++;
        int savedEvalDepth = evalDepth;
        evalDepth = 0;
        try {
            Scope scope = new Scope(c.closure);
            Frame f = new Frame(c, c.unit, scope);
            if (c.receiver != null && c.receiver.name() != null) {
                TypeRef t = typeRef(c.unit, c.receiver.type());
                scope.define(c.receiver.name(), new Bound(t == null ? Value.UNKNOWN : new Typed(t), null));
            }
            List<Param> params = c.type.params();
            for (int i = 0; i < params.size(); i++) {
                Value v = paramValue(c, i, params.get(i));
                String name = params.get(i).name();
                if (name != null && !name.equals("_")) {
                    Bound b = new Bound(v, null);
                    scope.define(name, b);
                    if (v instanceof Typed t) {
                        structParams.put(b, new StructParam(c, i, name, t.type()));
                    }
                }
            }
            if (c.body != null) {
                execList(f, c.body.statements());
            }
        } catch (RuntimeException | StackOverflowError e) {
            // Keep what this function registered before the construct the analysis could not follow.
        } finally {
            analyzing = outer;
            callDepth--;
            evalDepth = savedEvalDepth;
            c.state = Callable.State.DONE;
            for (int j = 0; j < c.results.length; j++) {
                if (c.results[j] == null) {
                    TypeRef t = typeRef(c.unit, c.type.results().get(j).type());
                    c.results[j] = t == null ? Value.UNKNOWN : new Typed(t);
                }
            }
        }
    }

    private Value paramValue(Callable c, int index, Param p) {
        Framework fw = routerFramework(c.unit, p.type(), 0);
        if (fw != null) {
            Node n = new Node(nodeCount++, fw, c, index, null, null);
            c.paramNodes[index] = n;
            return new RouterVal(n);
        }
        TypeRef t = typeRef(c.unit, p.type());
        // A function type of the repository (distribution's `dispatch dispatchFunc`) is a function
        // the call site passes, like a `func(...)` parameter: a handler each caller names.
        if (t != null && !isFunctionType(c.unit, p.type())) {
            return new Typed(t);
        }
        return new ParamRef(c, index, p.name() == null ? "_" : p.name());
    }

    private Value invokeAll(Frame caller, List<Callable> targets, List<Value> args, Call call) {
        Value first = null;
        for (Callable c : targets) {
            Value v = invoke(caller, c, args, call == null ? List.of() : call.args(), call);
            if (first == null) {
                first = v;
            }
        }
        return first == null ? fallback(args) : first;
    }

    private Value invoke(Frame caller, Callable c, List<Value> args, List<Expr> argExprs, Call call) {
        analyze(c);
        Subst s = new Subst(c, caller, args, argExprs);
        for (Node pn : List.copyOf(c.paramFieldNodes)) {
            if (passedRouter(pn, s) instanceof Node passed) {
                pn.mountUnder(passed, Str.EMPTY);
            }
        }
        List<Param> params = c.type.params();
        for (int i = 0; i < c.paramNodes.length; i++) {
            Node pn = c.paramNodes[i];
            if (pn == null) {
                continue;
            }
            boolean variadic = i == params.size() - 1 && params.get(i).type() instanceof Ellipsis;
            for (int j = i; j < args.size() && (j == i || variadic); j++) {
                if (args.get(j) instanceof RouterVal rv) {
                    pn.mountUnder(rv.node(), Str.EMPTY);
                }
            }
        }
        if (c.state == Callable.State.DONE) {
            c.called = true;
            for (RouteSpec t : List.copyOf(c.templates)) {
                instantiate(t, s);
            }
            for (Attachment a : List.copyOf(c.attachments)) {
                Node node = a.node().paramOwner == c && passedRouter(a.node(), s) instanceof Node passed ? passed
                        : s.local(a.node());
                HandlerRef handler = a.handler() instanceof HandlerParam hp && hp.owner() == c
                        ? s.handler(hp.index()) : a.handler();
                addAttachment(new Attachment(node, s.str(a.name()), handler));
            }
        }
        if (c.results.length == 0) {
            return Value.UNKNOWN;
        }
        List<Value> out = new ArrayList<>();
        for (Value r : c.results) {
            out.add(s.result(r == null ? Value.UNKNOWN : r));
        }
        // Also when the one analysis gave a known string: it ran every branch, so
        // `if !strings.HasPrefix(p, "/") { p = prefix + p }` gives it the prefixed one even for "/".
        if (returnsString(c) && args.stream().anyMatch(ConstantArguments::isConstant)
                && constantArguments.result(c, null, args) instanceof Str decided) {
            // A helper deciding on its argument (`if !strings.HasPrefix(p, "/")`, a switch over a
            // link type): the branch a constant argument selects gives this call's result.
            out.set(0, decided);
        }
        if (out.size() == 1) {
            Value v = out.get(0);
            if (v instanceof Unknown) {
                return fallback(args);
            }
            // Middleware of the repository (`func accessControl(h http.Handler) http.Handler`,
            // go-kit's shipping example) returns a handler wrapping the router it is given,
            // which is mounted, not a route.
            if (!(v instanceof RouterVal) && !(v instanceof WrapVal) && fallback(args) instanceof WrapVal w
                    && isHandlerType(c.unit, c.type.results().get(0).type())) {
                return w;
            }
            return v;
        }
        return new Tuple(List.copyOf(out));
    }

    private final ConstantArguments constantArguments = new ConstantArguments(this);
    private final StoredFields storedFields;

    /** A function whose first result is a {@code string} and which takes no router. */
    private static boolean returnsString(Callable c) {
        if (c.type.results().isEmpty() || !(c.type.results().get(0).type() instanceof Ident t)
                || !t.name().equals("string")) {
            return false;
        }
        for (Node n : c.paramNodes) {
            if (n != null) {
                return false;
            }
        }
        return c.body != null;
    }

    /** Fills a function's parameters in with one call site's arguments. */
    private final class Subst {
        final Callable owner;
        final Frame caller;
        final List<Value> args;
        final List<Expr> argExprs;
        /** The default router of each router field this call site leaves out. */
        final Map<Node, Node> defaults = new IdentityHashMap<>();
        /** This call site's copy of each router the function makes and places templates on. */
        final Map<Node, Node> copies = new IdentityHashMap<>();

        Subst(Callable owner, Frame caller, List<Value> args, List<Expr> argExprs) {
            this.owner = owner;
            this.caller = caller;
            this.args = args;
            this.argExprs = argExprs;
        }

        Value arg(int i) {
            return i < args.size() ? args.get(i) : Value.UNKNOWN;
        }

        Expr argExpr(int i) {
            return i < argExprs.size() ? argExprs.get(i) : null;
        }

        Str str(Str s) {
            Str out = decided(s);
            return out != null ? out : undecided(s);
        }

        /** {@code s} with its choices left as the variables they are read from: a route known only at run time. */
        private Str undecided(Str s) {
            List<Str.Part> parts = new ArrayList<>();
            for (Str.Part part : s.parts()) {
                parts.add(part instanceof Str.Choice ch && ch.owner() == owner ? new Str.Opaque(ch.name()) : part);
            }
            return str(new Str(List.copyOf(parts)));
        }

        /** {@code s} for this call site, or null when a choice in it is one the arguments do not decide. */
        private Str decided(Str s) {
            if (s.firstParamOwner() == null) {
                return s;
            }
            Str out = Str.EMPTY;
            for (Str.Part part : s.parts()) {
                if (part instanceof Str.Choice ch && ch.owner() == owner) {
                    Boolean taken = taken(ch);
                    Str side = taken == null ? null : decided(taken ? ch.then() : ch.otherwise());
                    if (side == null) {
                        return null;
                    }
                    out = Str.concat(out, side);
                } else if (part instanceof Str.JoinMark) {
                    out = new Str(append(out.parts(), part));
                } else if (part instanceof Str.ParamPart pp && pp.owner() == owner && pp.field() != null) {
                    out = Str.concat(out, fieldStr(this, pp));
                } else if (part instanceof Str.ParamPart pp && pp.owner() == owner) {
                    Expr e = argExpr(pp.index());
                    out = Str.concat(out, e == null && pp.index() >= args.size() ? Str.opaque(pp.name())
                            : toStr(caller, arg(pp.index()), e));
                } else {
                    out = Str.concat(out, new Str(List.of(part)));
                }
            }
            return out;
        }

        /** Whether this call site's arguments make the choice's condition hold; null when they do not decide it. */
        private Boolean taken(Str.Choice ch) {
            Scope scope = new Scope(owner.closure);
            ch.bindings().forEach((name, v) -> scope.define(name, new Bound(value(v), null)));
            return constantArguments.condition(new Frame(owner, owner.unit, scope), ch.condition());
        }

        Value value(Value v) {
            return switch (v) {
                case ParamRef r when r.owner() == owner -> arg(r.index());
                // A choice the arguments do not decide is known only at run time: unknown to the
                // caller, whose own expression a route then names (as before choices were made).
                case Str s -> decided(s) instanceof Str d ? d : Value.UNKNOWN;
                // An entry keeps the file and line it is written at: a route made from a table a
                // function returns is declared at its entry, as one from a package-level table.
                case ListVal l -> new ListVal(l.elements().stream()
                        .map(b -> new Bound(value(b.value()), b.text(), b.unit(), b.line())).toList());
                // A constructor's struct (the Docker engine's `localRoute{method, path, handler}`
                // from `router.NewGetRoute(path, h)`): its fields from this call's arguments, a
                // handler field named as the call site writes it.
                case StructVal sv when sv.type() != null && mentionsOwner(sv, 0) -> struct(sv, 0);
                default -> v;
            };
        }

        private StructVal struct(StructVal sv, int depth) {
            Map<String, Bound> fields = new LinkedHashMap<>();
            sv.fields().forEach((name, b) -> {
                String text = b.value() instanceof ParamRef r && r.owner() == owner && argExpr(r.index()) != null
                        ? describe(caller, argExpr(r.index())) : b.text();
                Value v = b.value() instanceof StructVal inner && depth < 4 ? struct(inner, depth + 1)
                        : b.value() instanceof StructVal ? b.value() : value(b.value());
                fields.put(name, new Bound(v, text, b.unit(), b.line()));
            });
            return new StructVal(sv.type(), fields);
        }

        private boolean mentionsOwner(StructVal sv, int depth) {
            for (Bound b : sv.fields().values()) {
                boolean mentions = switch (b.value()) {
                    case ParamRef r -> r.owner() == owner;
                    case Str s -> s.parts().stream().anyMatch(p -> p instanceof Str.ParamPart pp && pp.owner() == owner);
                    case StructVal inner -> depth < 4 && mentionsOwner(inner, depth + 1);
                    default -> false;
                };
                if (mentions) {
                    return true;
                }
            }
            return false;
        }

        Value result(Value v) {
            return switch (v) {
                case RouterVal rv -> new RouterVal(rebase(rv.node(), this));
                default -> value(v);
            };
        }

        HandlerRef handler(int index) {
            Expr e = argExpr(index);
            return e == null ? new HandlerText("<unknown>") : handlerRef(caller, e);
        }

        /**
         * This call site's own copy of a router the function makes and registers templates on
         * ({@code func RouterWithPrefix(prefix string) *mux.Router}, called by docker
         * distribution's server and its URL builder): the copy serves what the function registers
         * without parameters and this call site's instances of its templates, so one caller's
         * router does not also hold the routes another call built. Any other node is itself.
         */
        Node local(Node n) {
            if (!owner.localRoots.contains(n) || owner.templates.stream().noneMatch(t -> t.node() == n)) {
                return n;
            }
            return copies.computeIfAbsent(n, k -> {
                Node copy = newNode(k.framework);
                k.mountUnder(copy, Str.EMPTY);
                return copy;
            });
        }
    }

    private static List<Str.Part> append(List<Str.Part> parts, Str.Part part) {
        List<Str.Part> out = new ArrayList<>(parts);
        out.add(part);
        return List.copyOf(out);
    }

    /** A node returned by a function, seen from one call site: its parameters replaced by the arguments. */
    private Node rebase(Node n, Subst s) {
        if (n.paramOwner == s.owner) {
            Node passed = passedRouter(n, s);
            return passed != null ? passed : n;
        }
        if (n.foldParent == null) {
            return s.local(n);
        }
        if (n.foldParent != null) {
            Node base = rebase(n.foldParent, s);
            Str prefix = s.str(n.foldPrefix);
            if (base == n.foldParent && prefix.equals(n.foldPrefix)) {
                return n;
            }
            return group(base, prefix);
        }
        return n;
    }

    private void instantiate(RouteSpec t, Subst s) {
        Node target = t.node();
        Str prefix = t.prefix();
        if (placement(target, prefix, s, 0) instanceof Placement p) {
            target = p.node();
            prefix = p.prefix();
        } else {
            target = s.local(target);
        }
        MethodSpec method = t.method();
        if (method instanceof FromValue fv) {
            String raw = fv.value() instanceof ParamRef r && r.owner() == s.owner && s.argExpr(r.index()) != null
                    ? s.caller.unit().text(s.argExpr(r.index())) : fv.raw();
            method = new FromValue(s.value(fv.value()), raw);
        }
        HandlerRef handler = switch (t.handler()) {
            case HandlerParam hp when hp.owner() == s.owner -> s.handler(hp.index());
            case HandlerByName byName -> new HandlerByName(s.str(byName.name()));
            default -> t.handler();
        };
        Unit unit = t.unit();
        int line = t.line();
        for (Str.Part part : t.own().parts()) {
            Str.ParamPart pp = part instanceof Str.ParamPart p ? p
                    : part instanceof Str.Choice ch && ch.owner() == s.owner ? new Str(List.of(part)).firstParam() : null;
            if (pp != null && pp.owner() == s.owner) {
                Expr e = s.argExpr(pp.index());
                // A field of an options struct is a prefix, not the path: the route stays where
                // its own path is written (oapi-codegen's generated registrations).
                if (e != null && pp.field() == null) {
                    unit = s.caller.unit();
                    line = unit.line(e);
                }
                break;
            }
        }
        submit(fold(new RouteSpec(target, method, s.str(prefix), s.str(t.own()), handler, unit, line)));
    }

    /** Where one call site puts a template's route: a node and the prefix below it. */
    private record Placement(Node node, Str prefix) {
    }

    /**
     * The router the call site passes, when the route is on the parameter's node or on a chain
     * of groups built on it (chi's {@code r.Group(func(r chi.Router) {…})} in oapi-codegen's
     * servers), the groups' prefixes carried into the route's; null when the route is elsewhere.
     * Left on the group, which every call site's router mounts, the route would appear with each
     * call site's prefix under every other call site's router.
     */
    private Placement placement(Node n, Str prefix, Subst s, int depth) {
        if (n.paramOwner == s.owner) {
            Node passed = passedRouter(n, s);
            return passed == null ? null : new Placement(passed, prefix);
        }
        if (depth >= MAX_CALL_DEPTH || n.parents.size() != 1 || n.foldParent != null || n.subrouterMethods != null) {
            return null;
        }
        Node.Mount up = n.parents.get(0);
        return placement(up.parent(), Str.join(up.prefix(), prefix), s, depth + 1);
    }

    /** A template no call site filled in, reported with its parameters as unresolved text. */
    private static RouteSpec close(RouteSpec t) {
        MethodSpec method = t.method();
        if (method instanceof FromValue fv && fv.value() instanceof ParamRef r) {
            method = new FromValue(Str.opaque(r.name()), r.name());
        }
        HandlerRef handler = t.handler();
        if (handler instanceof HandlerParam hp) {
            List<Param> params = hp.owner().type.params();
            handler = new HandlerText(hp.index() < params.size() && params.get(hp.index()).name() != null
                    ? params.get(hp.index()).name() : "<unknown>");
        } else if (handler instanceof HandlerByName byName) {
            handler = new HandlerByName(closeStr(byName.name()));
        }
        return new RouteSpec(t.node(), method, closeStr(t.prefix()), closeStr(t.own()), handler, t.unit(), t.line());
    }

    private static Str closeStr(Str s) {
        List<Str.Part> parts = new ArrayList<>();
        for (Str.Part p : s.parts()) {
            parts.add(p instanceof Str.ParamPart pp ? new Str.Opaque(pp.name())
                    : p instanceof Str.Choice ch ? new Str.Opaque(ch.name()) : p);
        }
        return new Str(List.copyOf(parts));
    }

    // ---- statements

    private void execList(Frame f, List<Stmt> statements) {
        for (Stmt s : statements) {
            exec(f, s);
        }
    }

    private void exec(Frame f, Stmt s) {
        switch (s) {
            case ExprStmt e -> eval(f, e.x());
            case Assign a -> assign(f, a);
            case DeclStmt d -> declare(f, d.decl());
            case Block b -> execList(f.child(), b.statements());
            case If i -> {
                Frame g = f.child();
                if (i.init() != null) {
                    exec(g, i.init());
                }
                Boolean taken = decide(g, i.condition());
                RouterDefault kept = routerDefault(g, i.condition());
                if (taken == null) {
                    List<Branches.Alternative> alternatives = new ArrayList<>();
                    alternatives.add(() -> {
                        execList(g.child(), i.then().statements());
                        return ends(i.then().statements());
                    });
                    if (i.otherwise() != null) {
                        alternatives.add(() -> {
                            exec(g, i.otherwise());
                            return i.otherwise() instanceof Block b && ends(b.statements());
                        });
                    }
                    Map<String, Value> bindings = parameterCondition(g, i.condition());
                    Branches.Chooser chooser = bindings == null ? null : (name, then, otherwise) ->
                            then.weight() + otherwise.weight() > MAX_CHOICE_WEIGHT ? null
                                    : new Str(List.of(new Str.Choice(g.callable(), i.condition(), bindings, then,
                                            otherwise, name)));
                    branches.run(g.scope(), alternatives, i.otherwise() == null, chooser);
                } else if (taken) {
                    execList(g.child(), i.then().statements());
                } else if (i.otherwise() != null) {
                    exec(g, i.otherwise());
                }
                if (kept != null) {
                    g.scope().assign(kept.name(), kept.router());
                }
            }
            case For l -> {
                Frame g = f.child();
                if (l.init() != null) {
                    exec(g, l.init());
                }
                eval(g, l.condition());
                execList(g.child(), l.body().statements());
                if (l.post() != null) {
                    exec(g, l.post());
                }
            }
            case Range r -> range(f, r);
            case Switch sw -> switchStatement(f, sw);
            case Return r -> returns(f, r);
            case Go g -> eval(f, g.call());
            case Labeled l -> exec(f, l.statement());
            case Other o -> o.expressions().forEach(e -> eval(f, e));
        }
    }

    private final Branches branches = new Branches();

    /** Whether a branch's statements end by leaving the function, so its assignments reach no statement after it. */
    private static boolean ends(List<Stmt> statements) {
        if (statements.isEmpty()) {
            return false;
        }
        return switch (statements.get(statements.size() - 1)) {
            case Return r -> true;
            case ExprStmt e -> e.x() instanceof Call c && c.fun() instanceof Ident id && id.name().equals("panic");
            case Block b -> ends(b.statements());
            default -> false;
        };
    }

    /** A router parameter that an {@code if r == nil} gives a default. */
    private record RouterDefault(String name, Bound router) {
    }

    /**
     * {@code if r == nil { r = chi.NewRouter() }} on a router parameter, or a router field of a
     * struct parameter (oapi-codegen's chi {@code HandlerWithOptions} with {@code
     * options.BaseRouter}): the parameter's node already stands for whatever each call site
     * passes, and one that passes none leaves the node a root, which is the default router; so
     * after the branch {@code r} is still the parameter, else every route would land on the
     * default and lose the caller's prefix. Null for any other condition.
     */
    private static RouterDefault routerDefault(Frame f, Expr condition) {
        if (!(condition instanceof Binary b) || !b.op().equals("==")) {
            return null;
        }
        Expr x = b.y() instanceof Ident y && y.name().equals("nil") ? b.x()
                : b.x() instanceof Ident l && l.name().equals("nil") ? b.y() : null;
        if (!(x instanceof Ident id) || !(f.scope().lookup(id.name()) instanceof Bound bound)
                || !(bound.value() instanceof RouterVal rv) || rv.node().paramOwner == null) {
            return null;
        }
        return new RouterDefault(id.name(), bound);
    }

    /** The branch a constant comparison selects, or null when both may run. */
    /** At most this many pieces in a {@link Str.Choice}: a chain of {@code if}s would double it each time. */
    private static final int MAX_CHOICE_WEIGHT = 48;

    /**
     * The variables of an {@code if}'s condition as they are before it, when the condition depends
     * on the function's parameters and is made only of what a call site's constants can decide
     * (comparisons, {@code !}, {@code &&}, {@code ||}, {@code len}, indexing, {@code strings}
     * predicates); else null. Each call site decides the condition with these (see {@link Str.Choice}).
     */
    private Map<String, Value> parameterCondition(Frame f, Expr condition) {
        if (f.callable() == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        if (!decidable(f, condition, names, 0)) {
            return null;
        }
        Map<String, Value> bindings = new LinkedHashMap<>();
        boolean onParameter = false;
        for (String name : names) {
            Bound b = f.scope().lookup(name);
            if (b == null) {
                continue; // a package constant or function, found again from the function's closure
            }
            Value v = b.value();
            if (v == null) {
                return null;
            }
            bindings.put(name, v);
            onParameter |= v instanceof ParamRef r && r.owner() == f.callable()
                    || v instanceof Str str && str.firstParamOwner() == f.callable();
        }
        return onParameter ? Map.copyOf(bindings) : null;
    }

    private boolean decidable(Frame f, Expr e, Set<String> names, int depth) {
        if (depth > 16) {
            return false;
        }
        return switch (e) {
            case Ident id -> names.add(id.name()) || true;
            case BasicLit b -> true;
            case StringLit lit -> true;
            case Paren p -> decidable(f, p.x(), names, depth + 1);
            case Unary u -> u.op().equals("!") && decidable(f, u.x(), names, depth + 1);
            case Binary b -> decidable(f, b.x(), names, depth + 1) && decidable(f, b.y(), names, depth + 1);
            case Index ix -> ix.indices().size() == 1 && decidable(f, ix.x(), names, depth + 1)
                    && decidable(f, ix.indices().get(0), names, depth + 1);
            case Call c when c.fun() instanceof Ident id && id.name().equals("len") && c.args().size() == 1
                    && f.scope().lookup("len") == null -> decidable(f, c.args().get(0), names, depth + 1);
            case Call c when c.fun() instanceof Selector sel && sel.x() instanceof Ident pkg
                    && f.scope().lookup(pkg.name()) == null && "strings".equals(f.unit().imports().get(pkg.name())) ->
                c.args().stream().allMatch(a -> decidable(f, a, names, depth + 1));
            default -> false;
        };
    }

    private Boolean decide(Frame f, Expr condition) {
        if (condition instanceof Binary b && (b.op().equals("==") || b.op().equals("!="))) {
            String x = literal(eval(f, b.x()));
            String y = literal(eval(f, b.y()));
            if (x != null && y != null) {
                return x.equals(y) == b.op().equals("==");
            }
            return null;
        }
        eval(f, condition);
        return null;
    }

    private void assign(Frame f, Assign a) {
        String op = a.op();
        if (op.equals("=") || op.equals(":=")) {
            List<Value> values = new ArrayList<>();
            if (a.rhs().size() == 1 && a.lhs().size() > 1) {
                Value v = eval(f, a.rhs().get(0));
                List<Value> parts = v instanceof Tuple t ? t.values() : List.of(v);
                for (int i = 0; i < a.lhs().size(); i++) {
                    values.add(i < parts.size() ? parts.get(i) : Value.UNKNOWN);
                }
            } else {
                for (Expr e : a.rhs()) {
                    Value v = eval(f, e);
                    values.add(v instanceof Tuple t ? (t.values().isEmpty() ? Value.UNKNOWN : t.values().get(0)) : v);
                }
            }
            boolean pairwise = a.rhs().size() == a.lhs().size();
            for (int i = 0; i < a.lhs().size(); i++) {
                Value v = i < values.size() ? values.get(i) : Value.UNKNOWN;
                if (pairwise && !(v instanceof Str) && !(v instanceof RouterVal)
                        && wrappedHandler(f, a.rhs().get(i)) instanceof ParamRef inner) {
                    v = inner;
                }
                assignTo(f, a.lhs().get(i), v, op.equals(":="), pairwise ? carriedText(f, a.rhs().get(i)) : null);
            }
        } else if (op.equals("+=") && a.lhs().size() == 1 && a.rhs().size() == 1) {
            Value current = eval(f, a.lhs().get(0));
            Value added = eval(f, a.rhs().get(0));
            if (isStringish(current) || isStringish(added)) {
                assignTo(f, a.lhs().get(0), Str.concat(toStr(f, current, a.lhs().get(0)),
                        toStr(f, added, a.rhs().get(0))), false, null);
            }
        } else {
            a.rhs().forEach(e -> eval(f, e));
        }
    }

    /**
     * {@code h = logged(h)} in a registration helper whose {@code h} is a handler parameter
     * (caddy's admin routes): the wrapped handler stands for the one the helper's caller passes, so
     * routes name that handler and not the parameter. Null for anything else.
     */
    private ParamRef wrappedHandler(Frame f, Expr rhs) {
        if (!(rhs instanceof Call call)) {
            return null;
        }
        for (Expr arg : call.args()) {
            if (arg instanceof Ident id && handlerParameter(f, id.name()) instanceof ParamRef r) {
                return r;
            }
            // wrapper := http.HandlerFunc(func(w, r) { … h.ServeHTTP(w, r) … }): the one handler
            // parameter the function literal calls.
            if (arg instanceof FuncLit lit) {
                ParamRef called = null;
                for (String name : f.unit().identifiers(lit)) {
                    ParamRef r = handlerParameter(f, name);
                    if (r != null && called != null && r != called) {
                        return null;
                    }
                    called = r != null ? r : called;
                }
                if (called != null) {
                    return called;
                }
            }
        }
        return null;
    }

    /** The handler parameter {@code name} is bound to in {@code f}, or null. */
    private ParamRef handlerParameter(Frame f, String name) {
        return f.scope().lookup(name) instanceof Bound b && b.value() instanceof ParamRef r
                && r.index() < r.owner().type.params().size()
                && isHandlerType(r.owner().unit, r.owner().type.params().get(r.index()).type()) ? r : null;
    }

    private boolean isHandlerType(Unit unit, Expr type) {
        if (type == null) {
            return false;
        }
        if (type instanceof FuncTypeExpr || isFunctionType(unit, type)) {
            return true;
        }
        String text = unit.text(type);
        return text.endsWith("Handler") || text.endsWith("HandlerFunc");
    }

    private void assignTo(Frame f, Expr lhs, Value v, boolean define, String text) {
        switch (lhs) {
            case Ident id when id.name().equals("_") -> {
            }
            case Ident id -> {
                Bound b = new Bound(v, text);
                if (!define) {
                    branches.assigning(f.scope(), id.name());
                }
                if (define) {
                    f.scope().define(id.name(), b);
                } else if (!f.scope().assign(id.name(), b)) {
                    GoPackage pkg = f.unit().pkg();
                    if (pkg.vars.containsKey(id.name())) {
                        assignPackageVar(pkg, id.name(), v);
                    } else {
                        f.scope().define(id.name(), b);
                    }
                }
            }
            case Selector sel -> assignField(eval(f, sel.x()), sel.name(), v, text);
            case Paren p -> assignTo(f, p.x(), v, define, text);
            default -> eval(f, lhs);
        }
    }

    private void assignField(Value target, String name, Value v, String text) {
        switch (target) {
            case PkgVal p when p.dir() != null -> {
                GoPackage pkg = program.packages.get(p.dir());
                if (pkg != null && pkg.vars.containsKey(name)) {
                    assignPackageVar(pkg, name, v);
                }
            }
            case StructVal sv -> {
                sv.fields().put(name, new Bound(v, text));
                if (sv.type() != null) {
                    aliasField(sv.type(), name, v);
                    storeField(sv.type(), name, v);
                }
            }
            case Typed t -> {
                aliasField(t.type(), name, v);
                storeField(t.type(), name, v);
            }
            default -> {
                if (v instanceof RouterVal rv) {
                    Node field = uniqueRouterField(name);
                    if (field != null) {
                        field.mountUnder(rv.node(), Str.EMPTY);
                    }
                }
            }
        }
    }

    /** A table stored in a field of a struct type, for the methods that read it back (see {@link StoredFields}). */
    private void storeField(TypeRef type, String name, Value v) {
        FieldHit hit = findField(type, name, 0);
        if (hit != null && routerFramework(hit.unit(), hit.type(), 0) == null) {
            storedFields.assigned(hit.owner(), name, v);
        }
    }

    /** A router stored in a router-typed field: the field's node serves under the stored router. */
    private void aliasField(TypeRef type, String name, Value v) {
        if (v instanceof RouterVal rv) {
            Node field = routerFieldNode(type, name);
            if (field != null) {
                field.mountUnder(rv.node(), Str.EMPTY);
            }
        }
    }

    private void declare(Frame f, GenDecl g) {
        switch (g.keyword()) {
            case "var" -> {
                for (var spec : g.specs()) {
                    if (!(spec instanceof Ast.ValueSpec v)) {
                        continue;
                    }
                    List<Value> values = new ArrayList<>();
                    if (v.values().size() == 1 && v.names().size() > 1) {
                        Value one = eval(f, v.values().get(0));
                        values.addAll(one instanceof Tuple t ? t.values() : List.of(one));
                    } else {
                        for (Expr e : v.values()) {
                            values.add(elementValue(f, e, v.type(), f.unit()));
                        }
                    }
                    boolean pairwise = v.values().size() == v.names().size();
                    for (int i = 0; i < v.names().size(); i++) {
                        Value value = i < values.size() ? values.get(i) : zeroValue(f.unit(), v.type());
                        if (!v.names().get(i).equals("_")) {
                            f.scope().define(v.names().get(i),
                                    new Bound(value, pairwise ? carriedText(f, v.values().get(i)) : null));
                        }
                    }
                }
            }
            case "const" -> {
                for (ValueDef d : Program.valueDefs(g, f.unit())) {
                    Value value = eval(f, d.value());
                    f.scope().define(d.name(), new Bound(value instanceof Str ? value : Value.UNKNOWN, null));
                }
            }
            default -> {
            }
        }
    }

    private Value zeroValue(Unit unit, Expr type) {
        if (type == null) {
            return Value.UNKNOWN;
        }
        Framework fw = routerFramework(unit, type, 0);
        if (fw == Framework.NETHTTP && !(type instanceof Star)) {
            return new RouterVal(newNode(fw));
        }
        TypeRef t = typeRef(unit, type);
        return t == null ? Value.UNKNOWN : new Typed(t);
    }

    private void range(Frame f, Range r) {
        Value x = eval(f, r.x());
        List<Bound[]> items = null;
        if (x instanceof ListVal l && l.elements().size() <= MAX_UNROLL) {
            items = new ArrayList<>();
            for (Bound b : l.elements()) {
                items.add(new Bound[] {new Bound(Value.UNKNOWN, null), b});
            }
        } else if (x instanceof MapVal m && m.keys().size() <= MAX_UNROLL) {
            items = new ArrayList<>();
            for (int i = 0; i < m.keys().size(); i++) {
                items.add(new Bound[] {m.keys().get(i), m.values().get(i)});
            }
        }
        if (items != null && !items.isEmpty()) {
            for (Bound[] item : items) {
                // Routes are declared at the entry only when the loop reads the entry (`for _, r := range`).
                Frame g = f.visiting(r.value() != null && item[1].unit() != null ? item[1] : null);
                bindRange(g, r, item[0], item[1]);
                execList(g.child(), r.body().statements());
            }
            return;
        }
        Frame g = f.child();
        boolean opaque = x instanceof ListVal || x instanceof MapVal || x instanceof Str;
        bindRange(g, r, new Bound(Value.UNKNOWN, null), new Bound(opaque ? Value.UNKNOWN : Value.ANY_ELEMENT, null));
        // A collection the analysis cannot see may be empty: what the body assigns is one way
        // out, the values before it another (the Docker engine's `for _, o := range opts { r = o(r) }`
        // with no options keeps the route it wraps).
        branches.run(g.scope(), List.of(() -> {
            execList(g.child(), r.body().statements());
            return false;
        }), true);
    }

    private void bindRange(Frame g, Range r, Bound key, Bound value) {
        if (r.key() != null) {
            assignTo(g, r.key(), key.value(), r.define(), key.text());
        }
        if (r.value() != null) {
            assignTo(g, r.value(), value.value(), r.define(), value.text());
        }
    }

    private void switchStatement(Frame f, Switch sw) {
        Frame g = f.child();
        if (sw.init() != null) {
            exec(g, sw.init());
        }
        String tag = null;
        if (sw.tag() instanceof ExprStmt e) {
            tag = literal(eval(g, e.x()));
        } else if (sw.tag() != null) {
            exec(g, sw.tag());
        }
        if (tag != null) {
            CaseClause chosen = null;
            CaseClause fallback = null;
            boolean allLiteral = true;
            for (CaseClause clause : sw.clauses()) {
                if (clause.expressions() == null) {
                    fallback = clause;
                    continue;
                }
                for (Expr e : clause.expressions()) {
                    String value = literal(eval(g, e));
                    if (value == null) {
                        allLiteral = false;
                    } else if (value.equals(tag) && chosen == null) {
                        chosen = clause;
                    }
                }
            }
            if (allLiteral) {
                CaseClause run = chosen != null ? chosen : fallback;
                if (run != null) {
                    execList(g.child(), run.body());
                }
                return;
            }
        }
        // A tagless switch is an if-else chain: a case whose condition the constants decide true
        // ends it, one decided false never runs. A select (clauses without expressions) always
        // runs one of its clauses.
        boolean tagless = sw.tag() == null;
        boolean evaluated = tag != null;
        List<Branches.Alternative> alternatives = new ArrayList<>();
        boolean mayRunNone = true;
        boolean select = !sw.clauses().isEmpty();
        CaseClause fallback = null;
        for (CaseClause clause : sw.clauses()) {
            if (clause.expressions() == null) {
                fallback = clause;
                continue;
            }
            select &= clause.expressions().isEmpty();
            Boolean taken = tagless ? decideCase(g, clause.expressions()) : null;
            if (taken != null && !taken) {
                continue;
            }
            alternatives.add(() -> {
                Frame h = g.child();
                if (!tagless && !evaluated) {
                    clause.expressions().forEach(e -> eval(h, e));
                }
                execList(h, clause.body());
                return ends(clause.body());
            });
            if (taken != null) {
                mayRunNone = false;
                fallback = null;
                break;
            }
        }
        if (fallback != null) {
            CaseClause last = fallback;
            alternatives.add(() -> {
                execList(g.child(), last.body());
                return ends(last.body());
            });
            mayRunNone = false;
        }
        if (alternatives.size() == 1 && !mayRunNone) {
            alternatives.get(0).run();
            return;
        }
        branches.run(g.scope(), alternatives, mayRunNone && !select);
    }

    /** A tagless switch case: true when one of its conditions the constants decide true, false when all false. */
    private Boolean decideCase(Frame f, List<Expr> conditions) {
        boolean allFalse = true;
        for (Expr e : conditions) {
            Boolean d = decide(f, e);
            if (d != null && d) {
                return true;
            }
            allFalse &= d != null;
        }
        return allFalse ? false : null;
    }

    private void returns(Frame f, Return r) {
        Callable c = f.callable();
        List<Value> values = new ArrayList<>();
        if (r.results().size() == 1 && c != null && c.results.length > 1) {
            Value v = eval(f, r.results().get(0));
            values.addAll(v instanceof Tuple t ? t.values() : List.of(v));
        } else {
            for (Expr e : r.results()) {
                values.add(eval(f, e));
            }
        }
        if (c == null) {
            return;
        }
        for (int j = 0; j < Math.min(values.size(), c.results.length); j++) {
            Value now = values.get(j);
            Value before = c.results[j];
            if (c.resultsDiffer[j]) {
                continue;
            }
            if (before != null && (before instanceof Str || now instanceof Str) && !before.equals(now)) {
                // `if v := os.Getenv("P"); v != "" { return v }; return "/default"`: which one the
                // program returns is decided at run time, so the path is not statically known.
                c.resultsDiffer[j] = true;
                c.results[j] = Value.UNKNOWN;
            } else if (rank(now) > rank(before)) {
                c.results[j] = now;
            }
        }
    }

    private static int rank(Value v) {
        return switch (v) {
            case null -> -1;
            case RouterVal r -> 5;
            case StructVal s -> 4;
            case ListVal l -> 3;
            case MapVal m -> 3;
            case Typed t -> 2;
            case Str s -> 2;
            case FnVal fn -> 2;
            case Unknown u -> 0;
            default -> 1;
        };
    }

    // ---- expressions

    Value eval(Frame f, Expr e) {
        if (e == null) {
            return Value.UNKNOWN;
        }
        if (++evalDepth > MAX_EVAL_DEPTH) {
            evalDepth--;
            return Value.UNKNOWN;
        }
        try {
            return evalExpr(f, e);
        } finally {
            evalDepth--;
        }
    }

    private Value evalExpr(Frame f, Expr e) {
        return switch (e) {
            case Ident id -> ident(f, id.name());
            case StringLit s -> Str.literal(s.value());
            case BasicLit n -> n.text().startsWith("'") ? rune(n.text()) : integer(n.text());
            case FuncLit lit -> new FnVal(List.of(closure(f, lit)));
            case CompositeLit cl -> composite(f, cl, null, f.unit(), 0);
            case KeyValue kv -> eval(f, kv.value());
            case Paren p -> eval(f, p.x());
            case Selector sel -> {
                Value field = structParamField(f, sel);
                yield field != null ? field : member(eval(f, sel.x()), sel.name());
            }
            case Index ix -> {
                Value x = eval(f, ix.x());
                List<Value> at = ix.indices().stream().map(i -> eval(f, i)).toList();
                if (x instanceof ListVal l && at.size() == 1 && at.get(0) instanceof IntVal i
                        && i.value() >= 0 && i.value() < l.elements().size()) {
                    yield l.elements().get((int) i.value()).value();
                }
                if (literal(x) instanceof String text && at.size() == 1 && at.get(0) instanceof IntVal i) {
                    // A byte of a known string (`path[len(path)-1] != '/'` in chi's FileServer helper).
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    yield i.value() >= 0 && i.value() < bytes.length ? new IntVal(bytes[(int) i.value()] & 0xff, null)
                            : Value.UNKNOWN;
                }
                yield x instanceof FnVal ? x : Value.UNKNOWN;
            }
            case SliceExpr s -> {
                Value x = eval(f, s.x());
                Value low = s.low() == null ? new IntVal(0, null) : eval(f, s.low());
                Value high = s.high() == null ? null : eval(f, s.high());
                if (literal(x) instanceof String text && low instanceof IntVal lo
                        && (high == null || high instanceof IntVal)) {
                    // dms's `s.ServiceId[lastInd+1:]` after `strings.LastIndex(s.ServiceId, ":")`.
                    long hi = high instanceof IntVal h ? h.value() : text.length();
                    yield lo.value() >= 0 && lo.value() <= hi && hi <= text.length()
                            ? Str.literal(text.substring((int) lo.value(), (int) hi)) : Value.UNKNOWN;
                }
                yield x instanceof ListVal ? x : Value.UNKNOWN;
            }
            case TypeAssert ta -> eval(f, ta.x());
            case Call c -> call(f, c);
            case Star s -> eval(f, s.x());
            case Unary u -> {
                Value x = eval(f, u.x());
                yield u.op().equals("&") ? x : Value.UNKNOWN;
            }
            case Binary b -> {
                Value x = eval(f, b.x());
                Value y = eval(f, b.y());
                if (b.op().equals("+") && (isStringish(x) || isStringish(y))) {
                    yield Str.concat(toStr(f, x, b.x()), toStr(f, y, b.y()));
                }
                if (x instanceof IntVal i && y instanceof IntVal j) {
                    yield arithmetic(b.op(), i, j);
                }
                yield Value.UNKNOWN;
            }
            default -> Value.UNKNOWN;
        };
    }

    /** An integer literal ({@code 0x1F}, {@code 1_000}); anything else (floats, runes) is not tracked. */
    /** A rune literal ({@code '/'}; the parser keeps its quotes, the lexer decoded any escape) as its code point. */
    private static Value rune(String text) {
        String body = text.length() >= 3 ? text.substring(1, text.length() - 1) : "";
        return !body.isEmpty() && body.codePointCount(0, body.length()) == 1 ? new IntVal(body.codePointAt(0), null)
                : Value.UNKNOWN;
    }

    private static Value integer(String text) {
        String t = text.replace("_", "").toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("0x")) {
                return new IntVal(Long.parseLong(t.substring(2), 16), null);
            }
            if (t.startsWith("0b")) {
                return new IntVal(Long.parseLong(t.substring(2), 2), null);
            }
            if (t.startsWith("0o")) {
                return new IntVal(Long.parseLong(t.substring(2), 8), null);
            }
            if (t.length() > 1 && t.startsWith("0")) {
                return new IntVal(Long.parseLong(t.substring(1), 8), null);
            }
            return new IntVal(Long.parseLong(t), null);
        } catch (NumberFormatException e) {
            return Value.UNKNOWN;
        }
    }

    /** Integer constant arithmetic, as iota expressions use it ({@code iota + 1}, {@code 1 << iota}). */
    private static Value arithmetic(String op, IntVal x, IntVal y) {
        TypeRef type = x.type() != null ? x.type() : y.type();
        return switch (op) {
            case "+" -> new IntVal(x.value() + y.value(), type);
            case "-" -> new IntVal(x.value() - y.value(), type);
            case "*" -> new IntVal(x.value() * y.value(), type);
            case "<<" -> y.value() >= 0 && y.value() < 63 ? new IntVal(x.value() << y.value(), type) : Value.UNKNOWN;
            default -> Value.UNKNOWN;
        };
    }

    private static boolean isStringish(Value v) {
        return v instanceof Str || v instanceof ParamRef;
    }

    private Value ident(Frame f, String name) {
        Bound b = f.scope().lookup(name);
        if (b != null) {
            return b.value();
        }
        Value member = packageMember(f.unit().pkg(), name);
        if (member != null) {
            return member;
        }
        String path = f.unit().imports().get(name);
        if (path != null) {
            return new PkgVal(path, program.dirOf(path));
        }
        return Value.UNKNOWN;
    }

    private Value packageMember(GoPackage pkg, String name) {
        if (pkg.consts.containsKey(name)) {
            return constant(pkg, name);
        }
        if (pkg.vars.containsKey(name)) {
            return packageVar(pkg, name);
        }
        List<FuncDef> funcs = pkg.funcs.get(name);
        if (funcs != null) {
            return new FnVal(funcs.stream().map(this::callableFor).toList());
        }
        return null;
    }

    private Value constant(GoPackage pkg, String name) {
        String key = pkg.dir + "\0" + name;
        Value memo = constants.get(key);
        if (memo != null) {
            return memo;
        }
        if (!evaluating.add("const\0" + key)) {
            return Value.UNKNOWN;
        }
        try {
            ValueDef d = pkg.consts.get(name);
            Scope scope = new Scope(null);
            scope.define("iota", new Bound(new IntVal(d.iota(), null), null));
            Value v = eval(new Frame(null, d.unit(), scope), d.value());
            Value kept = switch (v) {
                case Str s when s.isResolved() -> v;
                // `NewNonceLinkType LinkType = iota`: the type's String() method formats it.
                case IntVal i -> new IntVal(i.value(), d.type() == null ? i.type() : typeRef(d.unit(), d.type()));
                default -> Value.UNKNOWN;
            };
            constants.put(key, kept);
            return kept;
        } finally {
            evaluating.remove("const\0" + key);
        }
    }

    private Value packageVar(GoPackage pkg, String name) {
        String key = pkg.dir + "\0" + name;
        Value memo = packageVars.get(key);
        if (memo != null) {
            return memo;
        }
        ValueDef d = pkg.vars.get(name);
        if (d == null || !evaluating.add(key)) {
            return Value.UNKNOWN;
        }
        try {
            Frame pf = new Frame(null, d.unit(), new Scope(null));
            Value v = d.value() == null ? Value.UNKNOWN : elementValue(pf, d.value(), d.type(), d.unit());
            if (v instanceof Tuple t) {
                v = d.index() < t.values().size() ? t.values().get(d.index()) : Value.UNKNOWN;
            }
            if (!(v instanceof RouterVal) && d.type() != null) {
                Framework fw = routerFramework(d.unit(), d.type(), 0);
                if (fw != null) {
                    v = new RouterVal(newNode(fw));
                } else if (v instanceof Unknown) {
                    TypeRef t = typeRef(d.unit(), d.type());
                    v = t == null ? v : new Typed(t);
                }
            }
            Value already = packageVars.get(key);
            if (already != null) {
                return already;
            }
            packageVars.put(key, v);
            return v;
        } finally {
            evaluating.remove(key);
        }
    }

    private void assignPackageVar(GoPackage pkg, String name, Value v) {
        String key = pkg.dir + "\0" + name;
        Value current = packageVar(pkg, name);
        if (v instanceof RouterVal rv) {
            if (current instanceof RouterVal cr) {
                cr.node().mountUnder(rv.node(), Str.EMPTY);
            } else {
                packageVars.put(key, v);
            }
        } else if (current instanceof Unknown) {
            packageVars.put(key, v);
        } else if (v instanceof ListVal grown && current instanceof ListVal before
                && grown.elements().size() >= before.elements().size()) {
            // `regs = append(regs, registerX)` in one init() per file: each append keeps the others.
            packageVars.put(key, v);
        }
    }

    // ---- fields of struct parameters

    /** A parameter of a struct type of the repository, as its function's body binds it. */
    private record StructParam(Callable owner, int index, String name, TypeRef type) {
    }

    /** Keyed by the binding, so a parameter assigned anew in the body is no longer one. */
    private final Map<Bound, StructParam> structParams = new IdentityHashMap<>();

    /**
     * {@code options.BaseURL} or {@code options.BaseRouter} on a struct parameter (oapi-codegen's
     * generated gin, chi and echo servers): a piece each call site fills in from its argument, as
     * for a string or router parameter; null for anything else.
     */
    private Value structParamField(Frame f, Selector sel) {
        if (!(sel.x() instanceof Ident id) || !(f.scope().lookup(id.name()) instanceof Bound b)
                || !(structParams.get(b) instanceof StructParam p)) {
            return null;
        }
        FieldHit hit = findField(p.type(), sel.name(), 0);
        if (hit == null) {
            return null;
        }
        if (hit.type() instanceof Ident t && t.name().equals("string")) {
            return Str.paramField(p.owner(), p.index(), p.name() + "." + sel.name(), sel.name());
        }
        Framework fw = routerFramework(hit.unit(), hit.type(), 0);
        return fw == null ? null : new RouterVal(paramFieldNode(p, sel.name(), fw));
    }

    private Node paramFieldNode(StructParam p, String field, Framework fw) {
        for (Node n : p.owner().paramFieldNodes) {
            if (n.paramIndex == p.index() && n.paramField.equals(field)) {
                return n;
            }
        }
        Node n = new Node(nodeCount++, fw, p.owner(), p.index(), field, null, null);
        p.owner().paramFieldNodes.add(n);
        return n;
    }

    /**
     * What one call site gives field {@code field} of parameter {@code index}: the value in a
     * struct literal (passed as is or through a variable), null when the literal leaves the field
     * out (Go's zero value), the caller's own parameter field when it passes its parameter on,
     * else unknown.
     */
    private Bound argField(Subst s, int index, String field) {
        if (s.arg(index) instanceof StructVal sv) {
            return sv.fields().get(field);
        }
        Expr e = s.argExpr(index);
        Value passed = e instanceof Ident id ? structParamField(s.caller, new Selector(id, field, id.from(), id.to()))
                : null;
        return new Bound(passed != null ? passed : Value.UNKNOWN, null);
    }

    /** A string field as one call site fills it in; its source text when it is known only at run time. */
    private Str fieldStr(Subst s, Str.ParamPart pp) {
        Bound b = argField(s, pp.index(), pp.field());
        if (b == null) {
            return Str.EMPTY;
        }
        return switch (b.value()) {
            case Str str -> str;
            case ParamRef r -> Str.param(r.owner(), r.index(), r.name());
            default -> Str.opaque(b.text() != null ? b.text() : pp.name());
        };
    }

    /**
     * The router a call site passes for a router parameter or a router field of a struct
     * parameter. A struct literal that leaves the router field out passes nil, for which the
     * callee makes its default router ({@code HandlerWithOptions(si, ChiServerOptions{})} in
     * {@code Handler(si)}): one new root per call site, which the call site's result is.
     */
    private Node passedRouter(Node n, Subst s) {
        if (n.paramField == null) {
            return s.arg(n.paramIndex) instanceof RouterVal rv ? rv.node() : null;
        }
        Bound b = argField(s, n.paramIndex, n.paramField);
        if (b == null) {
            return s.defaults.computeIfAbsent(n, k -> newNode(k.framework));
        }
        return b.value() instanceof RouterVal rv ? rv.node() : null;
    }

    private Value member(Value x, String name) {
        return switch (x) {
            case PkgVal p -> packageValue(p, name);
            case StructVal sv -> {
                Bound b = promoted(sv, name, 0);
                if (b != null) {
                    yield b.value();
                }
                if (sv.type() == null) {
                    yield Value.UNKNOWN;
                }
                Value unset = unsetStringField(sv, name);
                yield unset != null ? unset : typedMember(sv.type(), name);
            }
            case Typed t -> typedMember(t.type(), name);
            case Unknown u -> unknownMember(name);
            case AnyElem a -> unknownMember(name);
            case ParamRef r -> unknownMember(name);
            default -> Value.UNKNOWN;
        };
    }

    /**
     * A string field a struct literal leaves out, read where nothing in the program ever writes a
     * field of that name: its zero value, {@code ""}, so a condition on it is decided per value
     * ({@code if c.PathPrefix == "" { Handle(c.Path) } else { PathPrefix(c.PathPrefix) }} over a
     * table of literals, snapd). Null when the literal sets no field at all (a declared or decoded
     * value, not a literal), the field is not a string, or it is written somewhere.
     */
    private Value unsetStringField(StructVal sv, String name) {
        if (sv.fields().isEmpty() || program.writtenFields().contains(name)) {
            return null;
        }
        FieldHit hit = findField(sv.type(), name, 0);
        return hit != null && hit.type() instanceof Ident id && id.name().equals("string") ? Str.literal("") : null;
    }

    /**
     * A field of a struct literal, or one promoted from an embedded struct's literal ({@code
     * &service{Service: upnp.Service{ServiceId: "…"}}} read as {@code s.ServiceId}, dms).
     */
    private static Bound promoted(StructVal sv, String name, int depth) {
        Bound b = sv.fields().get(name);
        if (b != null || depth > 3) {
            return b;
        }
        for (Map.Entry<String, Bound> field : sv.fields().entrySet()) {
            if (field.getValue().value() instanceof StructVal inner && inner.type() != null
                    && inner.type().name().equals(field.getKey())) {
                Bound hit = promoted(inner, name, depth + 1);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }

    private Value unknownMember(String name) {
        Node n = uniqueRouterField(name);
        return n == null ? Value.UNKNOWN : new RouterVal(n);
    }

    private Value packageValue(PkgVal p, String name) {
        Framework fw = Framework.ofImport(p.importPath());
        if (fw == Framework.NETHTTP) {
            if (name.equals("DefaultServeMux")) {
                return new RouterVal(defaultMux());
            }
            String method = httpMethodConstant(name);
            return method == null ? Value.UNKNOWN : Str.literal(method);
        }
        if (fw == Framework.ECHO) {
            return switch (name) {
                case "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE" ->
                    Str.literal(name);
                default -> Value.UNKNOWN;
            };
        }
        if (p.dir() != null) {
            GoPackage pkg = program.packages.get(p.dir());
            Value v = pkg == null ? null : packageMember(pkg, name);
            return v == null ? Value.UNKNOWN : v;
        }
        return Value.UNKNOWN;
    }

    private static String httpMethodConstant(String name) {
        return switch (name) {
            case "MethodGet" -> "GET";
            case "MethodHead" -> "HEAD";
            case "MethodPost" -> "POST";
            case "MethodPut" -> "PUT";
            case "MethodPatch" -> "PATCH";
            case "MethodDelete" -> "DELETE";
            case "MethodConnect" -> "CONNECT";
            case "MethodOptions" -> "OPTIONS";
            case "MethodTrace" -> "TRACE";
            default -> null;
        };
    }

    private Value typedMember(TypeRef t, String name) {
        FieldHit hit = findField(t, name, 0);
        if (hit != null) {
            Framework fw = routerFramework(hit.unit(), hit.type(), 0);
            if (fw != null) {
                return new RouterVal(fieldNode(hit.owner(), name, fw));
            }
            if (storedFields.read(hit.owner(), name) instanceof ListVal table) {
                return table;
            }
            TypeRef ft = typeRef(hit.unit(), hit.type());
            return ft == null ? Value.UNKNOWN : new Typed(ft);
        }
        List<FuncDef> methods = methodsOf(t, name, 0);
        if (!methods.isEmpty()) {
            return new FnVal(methods.stream().map(this::callableFor).toList());
        }
        return Value.UNKNOWN;
    }

    // ---- calls

    private Value call(Frame f, Call c) {
        Expr fun = c.fun();
        while (fun instanceof Paren p) {
            fun = p.x();
        }
        if (fun instanceof Selector sel) {
            Expr inner = sel.x();
            while (inner instanceof Paren p) {
                inner = p.x();
            }
            if (inner instanceof Call innerCall) {
                // A gorilla/mux route is declared once its chain ends, when its method is known.
                chained.add(innerCall);
            }
            if (urlPath(f, sel, c) instanceof Expr path) {
                Value v = eval(f, path);
                return v instanceof Str ? v : Value.UNKNOWN;
            }
            Value receiver = eval(f, sel.x());
            List<Value> args = evalArgs(f, c.args());
            return switch (receiver) {
                case PkgVal p -> packageCall(f, p, sel.name(), args, c);
                case RouterVal r when r.node().framework == Framework.GORILLA
                        && (sel.name().equals("GetRoute") || sel.name().equals("Get")) && !args.isEmpty() ->
                    new NamedRouteRef(r.node(), toStr(f, args.get(0), c.args().get(0)));
                case RouterVal r -> routerCall(f, r.node(), sel.name(), args, c);
                case NamedRouteRef n -> attach(f, n, sel.name(), c);
                case GorillaRoute g -> gorillaStep(f, g, sel.name(), args, c);
                case StructVal sv when sv.type() != null -> typedCall(f, sv.type(), sv, sel.name(), args, c);
                case StructVal sv -> sv.fields().get(sel.name()) instanceof Bound b && b.value() instanceof FnVal fn
                        ? invokeAll(f, fn.callables(), args, c) : fallback(args);
                case Typed t -> typedCall(f, t.type(), null, sel.name(), args, c);
                case AnyElem a -> dispatchAll(f, sel.name(), args, c);
                case Unknown u -> uniqueMethodCall(f, sel.name(), args, c);
                case ParamRef r -> uniqueMethodCall(f, sel.name(), args, c);
                default -> fallback(args);
            };
        }
        if (fun instanceof Ident id && BUILTINS.contains(id.name()) && f.scope().lookup(id.name()) == null
                && packageMember(f.unit().pkg(), id.name()) == null) {
            return builtin(f, id.name(), c);
        }
        Value callee = eval(f, fun);
        List<Value> args = evalArgs(f, c.args());
        if (callee instanceof FnVal fn) {
            return invokeAll(f, fn.callables(), args, c);
        }
        return fallback(args);
    }

    /**
     * {@code (&url.URL{Path: p}).String()}, cfssl's way to clean a route path: {@code p}, which
     * a route path's characters leave as it is. Null for anything else.
     */
    private static Expr urlPath(Frame f, Selector sel, Call c) {
        if (!sel.name().equals("String") || !c.args().isEmpty()) {
            return null;
        }
        Expr x = sel.x();
        while (x instanceof Paren || x instanceof Unary u && u.op().equals("&")) {
            x = x instanceof Paren p ? p.x() : ((Unary) x).x();
        }
        if (x instanceof CompositeLit cl && cl.type() instanceof Selector t && t.name().equals("URL")
                && t.x() instanceof Ident pkg && "net/url".equals(f.unit().imports().get(pkg.name()))
                && f.scope().lookup(pkg.name()) == null && cl.elements().size() == 1
                && cl.elements().get(0) instanceof KeyValue kv && kv.key() instanceof Ident k
                && k.name().equals("Path")) {
            return kv.value();
        }
        return null;
    }

    private List<Value> evalArgs(Frame f, List<Expr> args) {
        List<Value> out = new ArrayList<>(args.size());
        for (Expr a : args) {
            Value v = eval(f, a);
            out.add(v instanceof Tuple t && !t.values().isEmpty() ? t.values().get(0) : v);
        }
        return out;
    }

    /** The value of a call the analysis does not model: a wrapper around a router when one is passed in. */
    private static Value fallback(List<Value> args) {
        for (Value a : args) {
            if (a instanceof RouterVal rv) {
                return new WrapVal(rv.node(), Str.EMPTY);
            }
            if (a instanceof WrapVal w) {
                return w;
            }
        }
        return Value.UNKNOWN;
    }

    private Value builtin(Frame f, String name, Call c) {
        switch (name) {
            case "new" -> {
                if (c.args().isEmpty()) {
                    return Value.UNKNOWN;
                }
                Framework fw = routerFramework(f.unit(), c.args().get(0), 0);
                if (fw != null) {
                    return new RouterVal(newNode(fw));
                }
                TypeRef t = typeRef(f.unit(), c.args().get(0));
                return t == null ? Value.UNKNOWN : new Typed(t);
            }
            case "append" -> {
                List<Value> args = evalArgs(f, c.args());
                if (args.isEmpty()) {
                    return Value.UNKNOWN;
                }
                List<Bound> elements = new ArrayList<>();
                if (args.get(0) instanceof ListVal l) {
                    elements.addAll(l.elements());
                } else if (!(args.get(0) instanceof Unknown)) {
                    return Value.UNKNOWN;
                }
                for (int i = 1; i < args.size(); i++) {
                    if (args.get(i) instanceof ListVal more && i == args.size() - 1) {
                        elements.addAll(more.elements());
                    } else {
                        elements.add(new Bound(args.get(i), describe(f, c.args().get(i))));
                    }
                }
                return new ListVal(List.copyOf(elements));
            }
            case "string" -> {
                return c.args().isEmpty() ? Value.UNKNOWN : eval(f, c.args().get(0));
            }
            case "len" -> {
                List<Value> args = evalArgs(f, c.args());
                return args.size() == 1 && literal(args.get(0)) instanceof String text
                        ? new IntVal(text.getBytes(StandardCharsets.UTF_8).length, null) : Value.UNKNOWN;
            }
            case "make" -> {
                return Value.UNKNOWN;
            }
            default -> {
                evalArgs(f, c.args());
                return Value.UNKNOWN;
            }
        }
    }

    private Value packageCall(Frame f, PkgVal p, String name, List<Value> args, Call c) {
        Framework fw = Framework.ofImport(p.importPath());
        if (fw != null) {
            switch (fw) {
                case NETHTTP -> {
                    switch (name) {
                        case "NewServeMux" -> {
                            return new RouterVal(newNode(fw));
                        }
                        case "Handle", "HandleFunc" -> {
                            return routerCall(f, defaultMux(), name, args, c);
                        }
                        case "StripPrefix" -> {
                            if (args.size() >= 2) {
                                Node inner = routerOf(args.get(1));
                                if (inner != null) {
                                    return new WrapVal(inner, toStr(f, args.get(0), c.args().get(0)));
                                }
                            }
                            return Value.UNKNOWN;
                        }
                        case "HandlerFunc" -> {
                            return args.isEmpty() ? Value.UNKNOWN : args.get(0);
                        }
                        case "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS" -> {
                            // go-kit's addsvc serves the mux its gateway also mounts under a prefix.
                            if (args.size() >= 2 && routerOf(args.get(1)) instanceof Node served) {
                                served.served = true;
                            }
                            return Value.UNKNOWN;
                        }
                        default -> {
                            return fallback(args);
                        }
                    }
                }
                case GIN -> {
                    return switch (name) {
                        case "Default", "New" -> new RouterVal(newNode(fw));
                        case "WrapH", "WrapF" -> args.isEmpty() ? Value.UNKNOWN : args.get(0);
                        default -> fallback(args);
                    };
                }
                case CHI -> {
                    return switch (name) {
                        case "NewRouter", "NewMux" -> new RouterVal(newNode(fw));
                        default -> fallback(args);
                    };
                }
                case ECHO -> {
                    return switch (name) {
                        case "New" -> new RouterVal(newNode(fw));
                        case "WrapHandler" -> args.isEmpty() ? Value.UNKNOWN : args.get(0);
                        default -> fallback(args);
                    };
                }
                case GORILLA -> {
                    return name.equals("NewRouter") ? new RouterVal(newNode(fw)) : fallback(args);
                }
                case HTTPROUTER, PROMETHEUS_ROUTE -> {
                    return name.equals("New") ? new RouterVal(newNode(fw)) : fallback(args);
                }
            }
        }
        switch (p.importPath()) {
            case "strings" -> {
                if ((name.equals("Index") || name.equals("LastIndex")) && args.size() == 2
                        && literal(args.get(0)) instanceof String s && literal(args.get(1)) instanceof String sub) {
                    return new IntVal(name.equals("Index") ? s.indexOf(sub) : s.lastIndexOf(sub), null);
                }
                if ((name.equals("TrimPrefix") || name.equals("TrimSuffix")) && args.size() == 2
                        && literal(args.get(0)) instanceof String s && literal(args.get(1)) instanceof String cut) {
                    // ginpprof trims the prefix of the group it is given; only with both known.
                    boolean prefix = name.equals("TrimPrefix");
                    return Str.literal(prefix && s.startsWith(cut) ? s.substring(cut.length())
                            : !prefix && s.endsWith(cut) ? s.substring(0, s.length() - cut.length()) : s);
                }
                if ((name.equals("ToUpper") || name.equals("ToLower")) && args.size() == 1
                        && literal(args.get(0)) != null) {
                    String s = literal(args.get(0));
                    return Str.literal(name.equals("ToUpper") ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
                }
                return Value.UNKNOWN;
            }
            case "path" -> {
                if (name.equals("Join")) {
                    return pathJoin(f, args, c);
                }
                return Value.UNKNOWN;
            }
            case "fmt" -> {
                if (name.equals("Sprintf")) {
                    return sprintf(f, args, c);
                }
                return fallback(args);
            }
            default -> {
            }
        }
        if (p.dir() != null) {
            GoPackage pkg = program.packages.get(p.dir());
            List<FuncDef> funcs = pkg == null ? null : pkg.funcs.get(name);
            if (funcs != null) {
                return invokeAll(f, funcs.stream().map(this::callableFor).toList(), args, c);
            }
        }
        return fallback(args);
    }

    private Value pathJoin(Frame f, List<Value> args, Call c) {
        if (args.stream().allMatch(a -> literal(a) != null)) {
            StringBuilder joined = new StringBuilder();
            for (Value a : args) {
                String s = literal(a);
                if (!s.isEmpty()) {
                    if (!joined.isEmpty()) {
                        joined.append('/');
                    }
                    joined.append(s);
                }
            }
            return Str.literal(cleanPath(joined.toString()));
        }
        if (args.size() != c.args().size()) {
            return Str.opaque(f.unit().text(c));
        }
        // Some pieces known only at run time or per call site (nats-server's
        // `basePath(p string) string { return path.Join(s.httpBasePath, p) }`): each piece as far
        // as it is known, joined with one slash; a known piece loses its trailing slash as
        // path.Join's Clean drops it, and what a parameter brings is filled in at each call.
        Str out = Str.EMPTY;
        for (int i = 0; i < args.size(); i++) {
            Str piece = toStr(f, args.get(i), c.args().get(i));
            String text = piece.literalText();
            if (text != null) {
                text = text.replaceAll("/+$", "");
                if (text.isEmpty()) {
                    continue;
                }
                piece = Str.literal(text);
            }
            out = Str.join(out, piece);
        }
        return out;
    }

    /** Go's {@code path.Clean} for the absolute and relative paths route prefixes use. */
    static String cleanPath(String path) {
        if (path.isEmpty()) {
            return "";
        }
        boolean rooted = path.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else if (!part.equals("..") || !rooted) {
                out.add(part);
            }
        }
        String joined = String.join("/", out);
        return rooted ? "/" + joined : (joined.isEmpty() ? "." : joined);
    }

    /** {@code fmt.Sprintf} whose verbs are all {@code %s}/{@code %v}: the pieces concatenated. */
    private Value sprintf(Frame f, List<Value> args, Call c) {
        String format = args.isEmpty() ? null : literal(args.get(0));
        if (format == null) {
            return Str.opaque(f.unit().text(c));
        }
        Str out = Str.EMPTY;
        StringBuilder lit = new StringBuilder();
        int next = 1;
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch != '%') {
                lit.append(ch);
                continue;
            }
            char verb = i + 1 < format.length() ? format.charAt(i + 1) : 0;
            i++;
            if (verb == '%') {
                lit.append('%');
            } else if ((verb == 's' || verb == 'v') && next < args.size()) {
                out = Str.concat(Str.concat(out, Str.literal(lit.toString())), formatted(f, args.get(next),
                        c.args().get(next)));
                lit.setLength(0);
                next++;
            } else if (verb == 'd' && next < args.size() && args.get(next) instanceof IntVal n) {
                lit.append(n.value());
                next++;
            } else if (verb == 'd' && next < args.size() && !(args.get(next) instanceof Str)) {
                // A number known only at run time (dms's `fmt.Sprintf("%s/%d", deviceIconPath, i)`
                // over a loop index): that piece is unknown, the rest of the format is kept.
                out = Str.concat(Str.concat(out, Str.literal(lit.toString())),
                        Str.opaque(f.unit().text(c.args().get(next))));
                lit.setLength(0);
                next++;
            } else {
                return Str.opaque(f.unit().text(c));
            }
        }
        return Str.concat(out, Str.literal(lit.toString()));
    }

    /**
     * A {@code %s}/{@code %v} argument: an integer constant whose type has a {@code String()}
     * method is what that method returns for it (step-ca's {@code LinkType}), else its number.
     */
    private Str formatted(Frame f, Value v, Expr e) {
        if (v instanceof IntVal i) {
            if (i.type() == null) {
                return Str.literal(Long.toString(i.value()));
            }
            for (FuncDef def : methodsOf(i.type(), "String", 0)) {
                if (def.decl().type().params().isEmpty()
                        && constantArguments.result(callableFor(def), i, List.of()) instanceof Str s) {
                    return s;
                }
            }
            return Str.opaque(f.unit().text(e));
        }
        return toStr(f, v, e);
    }

    private Value typedCall(Frame f, TypeRef t, StructVal sv, String name, List<Value> args, Call c) {
        List<FuncDef> methods = methodsOf(t, name, 0);
        if (!methods.isEmpty()) {
            Value v = invokeAll(f, methods.stream().map(this::callableFor).toList(), args, c);
            if (sv != null && args.isEmpty() && methods.size() == 1) {
                // An accessor of a known struct value (`func (l localRoute) Path() string { return
                // l.path }`, also through another: `return r.local.Path()`): the one analysis saw
                // only the receiver's type, this value has the fields.
                Value own = constantArguments.result(callableFor(methods.get(0)), sv, List.of());
                if (own instanceof Str || own instanceof IntVal || own instanceof FnVal) {
                    return own;
                }
            }
            return v;
        }
        Node embedded = embeddedRouter(t, 0);
        if (embedded != null && embedded.framework.method(name) != null) {
            return routerCall(f, embedded, name, args, c);
        }
        if (sv != null && sv.fields().get(name) instanceof Bound b && b.value() instanceof FnVal fn) {
            return invokeAll(f, fn.callables(), args, c);
        }
        TypeDef d = program.type(t);
        if (d != null && d.type() instanceof InterfaceType) {
            return uniqueMethodCall(f, name, args, c);
        }
        return fallback(args);
    }

    /**
     * A method call on a receiver of unknown type: followed only when exactly one method of that
     * name in the repository takes or returns a router, and the call passes a router (or the
     * method returns one), since guessing among several would mount the same routes under the
     * wrong prefixes and an unrelated call of the same name must not fill in its templates.
     */
    private Value uniqueMethodCall(Frame f, String name, List<Value> args, Call c) {
        List<FuncDef> candidates = routerMethods.computeIfAbsent(name, n -> program.methodsNamed(n).stream()
                .filter(this::touchesRouters).toList());
        boolean routerArgument = args.stream().anyMatch(a -> a instanceof RouterVal || a instanceof WrapVal);
        if (candidates.size() == 1 && (routerArgument || returnsRouter(candidates.get(0)))) {
            return invokeAll(f, List.of(callableFor(candidates.get(0))), args, c);
        }
        return fallback(args);
    }

    private boolean returnsRouter(FuncDef def) {
        for (Param p : def.decl().type().results()) {
            if (routerFramework(def.unit(), p.type(), 0) != null) {
                return true;
            }
        }
        return false;
    }

    private boolean touchesRouters(FuncDef def) {
        for (Param p : def.decl().type().params()) {
            if (routerFramework(def.unit(), p.type(), 0) != null) {
                return true;
            }
        }
        for (Param p : def.decl().type().results()) {
            if (routerFramework(def.unit(), p.type(), 0) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * A method call on an element of a collection the analysis cannot see into (a loop over a
     * parameter): every method of that name may be the one, so all are followed and their results
     * merged, which is what registering a list of controllers in a loop means.
     */
    private Value dispatchAll(Frame f, String name, List<Value> args, Call c) {
        List<FuncDef> methods = program.methodsNamed(name);
        if (methods.isEmpty() || methods.size() > MAX_DISPATCH) {
            return fallback(args);
        }
        List<Bound> keys = new ArrayList<>();
        List<Bound> values = new ArrayList<>();
        boolean allMaps = true;
        Value first = null;
        for (FuncDef def : methods) {
            Value v = invoke(f, callableFor(def), args, c.args(), c);
            if (v instanceof MapVal m) {
                keys.addAll(m.keys());
                values.addAll(m.values());
            } else if (v instanceof ListVal l) {
                allMaps = false;
                values.addAll(l.elements());
            } else if (first == null && !(v instanceof Unknown)) {
                first = v;
            }
        }
        if (!values.isEmpty()) {
            return allMaps ? new MapVal(List.copyOf(keys), List.copyOf(values)) : new ListVal(List.copyOf(values));
        }
        return first == null ? fallback(args) : first;
    }

    // ---- routers

    private Node newNode(Framework fw) {
        Node n = new Node(nodeCount++, fw, null, -1, null, null);
        if (analyzing != null) {
            analyzing.localRoots.add(n);
        }
        return n;
    }

    private Node defaultMux() {
        if (defaultMux == null) {
            defaultMux = newNode(Framework.NETHTTP);
        }
        return defaultMux;
    }

    private Node group(Node parent, Str prefix) {
        if (prefix.firstParamOwner() != null) {
            Node virtual = new Node(nodeCount++, parent.framework, null, -1, parent, prefix);
            virtual.parents.add(new Node.Mount(parent, prefix));
            return virtual;
        }
        Node child = newNode(parent.framework);
        child.mountUnder(parent, prefix);
        return child;
    }

    private static Node routerOf(Value v) {
        return switch (v) {
            case RouterVal rv -> rv.node();
            case WrapVal w -> w.node();
            default -> null;
        };
    }

    private Value routerCall(Frame f, Node node, String name, List<Value> args, Call c) {
        Framework.RouterMethod m = node.framework.method(name);
        if (m == null) {
            return Value.UNKNOWN;
        }
        switch (m.kind()) {
            case SAME -> {
                return new RouterVal(node);
            }
            case GROUP -> {
                return new RouterVal(group(node, strArg(f, args, c, 0)));
            }
            case CHI_ROUTE -> {
                Node child = group(node, strArg(f, args, c, 0));
                if (args.size() > 1) {
                    invokeWith(f, args.get(1), child, c);
                }
                return new RouterVal(child);
            }
            case CHI_GROUP -> {
                Node child = group(node, Str.EMPTY);
                if (!args.isEmpty()) {
                    invokeWith(f, args.get(0), child, c);
                }
                return new RouterVal(child);
            }
            case MOUNT -> {
                Node sub = args.size() >= 2 ? routerOf(args.get(1)) : null;
                if (sub != null && sub != node) {
                    sub.mountUnder(node, strArg(f, args, c, 0));
                } else {
                    route(f, node, new RouteSpec.Fixed("ANY"), args, c, 0, 1);
                }
                return Value.UNKNOWN;
            }
            case ROUTE_PATTERN -> {
                Node sub = args.size() >= 2 ? routerOf(args.get(1)) : null;
                if (sub != null && sub != node) {
                    Str strip = args.get(1) instanceof WrapVal w ? w.strip() : Str.EMPTY;
                    // A Prometheus router and its WithPrefix copies share one httprouter, which any of
                    // them serves whole: a mux handing it the whole path adds no way to reach a route
                    // (Alertmanager's `mux.Handle("/", r)` of its prefixed router gave each API route
                    // twice, once without the prefix).
                    if (sub.framework != Framework.PROMETHEUS_ROUTE || !strip.parts().isEmpty()) {
                        sub.mountUnder(node, strip);
                    }
                } else {
                    route(f, node, new FromPattern(), args, c, 0, 1);
                }
                return Value.UNKNOWN;
            }
            case ROUTE -> {
                route(f, node, new RouteSpec.Fixed(m.method()), args, c, m.path(), m.handler());
                return node.framework == Framework.GIN ? new RouterVal(node) : Value.UNKNOWN;
            }
            case GORILLA_ROUTE -> {
                return gorillaStep(f, new GorillaRoute(node, null, f.unit(), f.unit().line(c), null, null, null, null, null),
                        name, args, c);
            }
            case ROUTE_METHOD_ARG -> {
                if (!args.isEmpty()) {
                    route(f, node, new FromValue(args.get(0), f.unit().text(c.args().get(0))), args, c, m.path(),
                            m.handler());
                }
                return node.framework == Framework.GIN ? new RouterVal(node) : Value.UNKNOWN;
            }
        }
        return Value.UNKNOWN;
    }

    /**
     * One step of a gorilla/mux route chain. The path, the methods and the handler may come in any
     * order; the route is declared where the chain ends with a handler given, so that
     * {@code r.HandleFunc("/x", h).Methods("GET")} is one {@code GET} route, not an {@code ANY}
     * one and a {@code GET} one. {@code Subrouter()} makes a child router under the path so far,
     * which gorilla joins without doubling a slash.
     */
    private Value gorillaStep(Frame f, GorillaRoute g, String name, List<Value> args, Call c) {
        GorillaRoute next = switch (name) {
            case "Handle", "HandleFunc" -> args.size() < 2 ? g
                    : gorillaHandler(f, gorillaPath(f, g, args, c), args.get(1), c.args().get(1));
            case "Path", "PathPrefix" -> args.isEmpty() ? g : gorillaPath(f, g, args, c);
            case "Handler", "HandlerFunc" -> args.isEmpty() ? g : gorillaHandler(f, g, args.get(0), c.args().get(0));
            case "Methods" -> {
                List<Bound> methods = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    methods.add(new Bound(args.get(i), f.unit().text(c.args().get(i))));
                }
                yield new GorillaRoute(g.node(), g.path(), g.unit(), g.line(), List.copyOf(methods),
                        f.unit().text(c), g.handler(), g.handlerValue(), g.name());
            }
            case "Name" -> c.args().isEmpty() ? g : new GorillaRoute(g.node(), g.path(), g.unit(), g.line(),
                    g.methods(), g.methodsRaw(), g.handler(), g.handlerValue(),
                    new Bound(toStr(f, args.get(0), c.args().get(0)), f.unit().text(c.args().get(0))));
            case "Host", "Schemes", "Queries", "Headers", "HeadersRegexp", "MatcherFunc", "BuildVarsFunc",
                 "NewRoute" -> g;
            default -> null;
        };
        if (name.equals("Subrouter")) {
            Node child = group(g.node(), g.path() == null ? Str.EMPTY : g.path());
            child.subrouterMethods = g.methods() != null ? g.methods() : g.node().subrouterMethods;
            child.subrouterMethodsRaw = g.methods() != null ? g.methodsRaw() : g.node().subrouterMethodsRaw;
            return new RouterVal(child);
        }
        if (next == null) {
            return Value.UNKNOWN;
        }
        if (!chained.contains(c) && (next.handler() != null || next.name() != null && next.path() != null)) {
            declareGorilla(next);
        }
        return next;
    }

    private GorillaRoute gorillaPath(Frame f, GorillaRoute g, List<Value> args, Call c) {
        Expr pathExpr = c.args().get(0);
        Str own = toStr(f, args.get(0), pathExpr);
        Unit unit = f.unit();
        int line = unit.line(pathExpr);
        if (f.entry() != null && !(pathExpr instanceof StringLit)) {
            unit = f.entry().unit();
            line = f.entry().line();
        }
        Str path = g.path() == null ? own : Str.join(g.path(), own);
        return new GorillaRoute(g.node(), path, unit, line, g.methods(), g.methodsRaw(), g.handler(), g.handlerValue(),
                g.name());
    }

    private GorillaRoute gorillaHandler(Frame f, GorillaRoute g, Value handler, Expr handlerExpr) {
        return new GorillaRoute(g.node(), g.path(), g.unit(), g.line(), g.methods(), g.methodsRaw(),
                handlerRef(f, handlerExpr), handler, g.name());
    }

    private void declareGorilla(GorillaRoute g) {
        Node sub = g.handlerValue() == null ? null : routerOf(g.handlerValue());
        if (sub != null && sub != g.node()) {
            // gorilla hands the handler the full path, as net/http's mux does.
            sub.mountUnder(g.node(), g.handlerValue() instanceof WrapVal w ? w.strip() : Str.EMPTY);
            return;
        }
        List<Bound> methods = g.methods() != null ? g.methods() : g.node().subrouterMethods;
        String methodsRaw = g.methods() != null ? g.methodsRaw() : g.node().subrouterMethodsRaw;
        RouteSpec.MethodSpec method = methods == null ? new RouteSpec.Fixed("ANY")
                : new FromValue(new ListVal(methods), methodsRaw);
        RouteSpec.HandlerRef handler = g.handler();
        if (handler == null) {
            // A named route whose handler is attached elsewhere, by name
            // (`router.GetRoute(name).Handler(h)`, docker distribution's registry API): the path is
            // served, what answers it and to which methods is not known here.
            handler = new HandlerByName((Str) g.name().value());
            if (methods == null) {
                method = new FromValue(Str.opaque(g.name().text()), g.name().text());
            }
        }
        submit(fold(new RouteSpec(g.node(), method, Str.EMPTY, g.path() == null ? Str.EMPTY : g.path(), handler,
                g.unit(), g.line())));
    }

    /**
     * {@code router.GetRoute(name).Handler(h)}: attaches {@code h} to the route {@code router}
     * declares under {@code name} (see {@link NamedHandlers}); a template of the function whose
     * parameter the name or handler is.
     */
    private Value attach(Frame f, NamedRouteRef n, String step, Call c) {
        if ((step.equals("Handler") || step.equals("HandlerFunc")) && !c.args().isEmpty()) {
            Attachment a = new Attachment(n.node(), n.name(), handlerRef(f, c.args().get(0)));
            if (a.paramOwner() != null) {
                a.paramOwner().attachments.add(a);
            } else {
                addAttachment(a);
            }
        }
        return Value.UNKNOWN;
    }

    private void addAttachment(Attachment a) {
        if (a.paramOwner() == null) {
            attachments.add(a);
        }
    }

    /** Hands a child router to a function value, as chi's {@code Route} and {@code Group} do. */
    private void invokeWith(Frame f, Value fn, Node child, Call c) {
        if (fn instanceof FnVal fv) {
            for (Callable callable : fv.callables()) {
                invoke(f, callable, List.of(new RouterVal(child)), List.of(), c);
            }
        }
    }

    private Str strArg(Frame f, List<Value> args, Call c, int i) {
        return i < args.size() ? toStr(f, args.get(i), c.args().get(i)) : Str.EMPTY;
    }

    private void route(Frame f, Node node, MethodSpec method, List<Value> args, Call c, int pathIndex,
            int handlerIndex) {
        if (pathIndex >= c.args().size()) {
            return;
        }
        Expr pathExpr = c.args().get(pathIndex);
        Str own = toStr(f, args.get(pathIndex), pathExpr);
        int h = handlerIndex < 0 ? c.args().size() - 1 : handlerIndex;
        Expr handlerExpr = h > pathIndex && h < c.args().size() ? c.args().get(h) : null;
        Unit unit = f.unit();
        int line = unit.line(pathExpr);
        if (f.entry() != null && !(pathExpr instanceof StringLit)) {
            unit = f.entry().unit();
            line = f.entry().line();
        }
        submit(fold(new RouteSpec(node, method, Str.EMPTY, own, handlerRef(f, handlerExpr), unit, line)));
    }

    /** Moves a declaration on a parameter-prefixed group to the group's parent, prefix included. */
    private static RouteSpec fold(RouteSpec spec) {
        Node node = spec.node();
        Str prefix = spec.prefix();
        while (node.foldParent != null) {
            prefix = Str.join(node.foldPrefix, prefix);
            node = node.foldParent;
        }
        return node == spec.node() ? spec
                : new RouteSpec(node, spec.method(), prefix, spec.own(), spec.handler(), spec.unit(), spec.line());
    }

    private void submit(RouteSpec spec) {
        Callable owner = spec.paramOwner();
        if (owner != null && owner.called && owner.state == Callable.State.DONE) {
            // Found after the owner's call sites were filled in (a closure interpreted late):
            // reported once, unresolved, rather than lost.
            routes.add(close(spec));
        } else if (owner != null) {
            owner.templates.add(spec);
        } else {
            routes.add(spec);
        }
    }

    // ---- handlers and strings

    private Str toStr(Frame f, Value v, Expr e) {
        return switch (v) {
            case Str s -> s;
            case ParamRef r -> Str.param(r.owner(), r.index(), r.name());
            default -> Str.opaque(e == null ? "?" : f.unit().text(e));
        };
    }

    private static String literal(Value v) {
        return v instanceof Str s ? s.literalText() : null;
    }

    private HandlerRef handlerRef(Frame f, Expr e) {
        if (e == null) {
            return new HandlerText("<unknown>");
        }
        Expr x = unwrapHandler(f, e);
        if (x instanceof FuncLit) {
            return new HandlerText("<anonymous>");
        }
        if (x instanceof Ident id) {
            Bound b = f.scope().lookup(id.name());
            if (b != null && b.text() != null) {
                return new HandlerText(b.text());
            }
            if (b != null && b.value() instanceof ParamRef r) {
                return new HandlerParam(r.owner(), r.index());
            }
        }
        if (x instanceof Selector sel && sel.x() instanceof Ident id) {
            Bound b = f.scope().lookup(id.name());
            if (b != null && b.value() instanceof StructVal sv && sv.fields().get(sel.name()) instanceof Bound fb
                    && fb.text() != null) {
                return new HandlerText(fb.text());
            }
        }
        return new HandlerText(f.unit().text(x));
    }

    /**
     * The handler text a copy keeps: reading a handler out of a table entry into a variable keeps
     * the entry's text, so the route names the handler and not the variable. A wrapper call
     * (`handler = Logger(handler, route.Name)`, the gorilla route table of openapi-generator's Go
     * server) keeps it too when exactly one of its arguments that is not a string carries one.
     */
    private String carriedText(Frame f, Expr e) {
        return carriedText(f, e, 0);
    }

    private String carriedText(Frame f, Expr e, int depth) {
        Expr x = unwrapHandler(f, e);
        Bound b = carried(f, x);
        if (b != null) {
            return b.text();
        }
        if (x instanceof Call c && depth < 4) {
            String found = null;
            for (Expr arg : c.args()) {
                Bound ab = carried(f, unwrapHandler(f, arg));
                String t = ab == null || ab.value() instanceof Str ? null
                        : ab.text() != null ? ab.text() : carriedText(f, arg, depth + 1);
                if (t != null) {
                    if (found != null && !found.equals(t)) {
                        return null;
                    }
                    found = t;
                }
            }
            return found;
        }
        return null;
    }

    /**
     * The binding an identifier, an entry's field (`rt.handler`) or an entry's accessor of a field
     * (`r.Handler()` returning `l.handler`, the Docker engine's routes) reads, if any.
     */
    private Bound carried(Frame f, Expr x) {
        if (x instanceof Ident id && f.scope().lookup(id.name()) instanceof Bound b) {
            return b;
        }
        if (x instanceof Selector sel && sel.x() instanceof Ident id && f.scope().lookup(id.name()) instanceof Bound b
                && b.value() instanceof StructVal sv && sv.fields().get(sel.name()) instanceof Bound fb) {
            return fb;
        }
        if (x instanceof Call c && c.args().isEmpty() && c.fun() instanceof Selector sel
                && sel.x() instanceof Ident id && f.scope().lookup(id.name()) instanceof Bound b
                && b.value() instanceof StructVal sv && sv.type() != null
                && accessedField(sv.type(), sel.name()) instanceof String field) {
            return promoted(sv, field, 0);
        }
        return null;
    }

    /** The field a method returns when its body is only {@code return recv.field}; else null. */
    private String accessedField(TypeRef t, String method) {
        List<FuncDef> methods = methodsOf(t, method, 0);
        if (methods.size() != 1) {
            return null;
        }
        FuncDecl d = methods.get(0).decl();
        if (d.receiver() == null || d.receiver().name() == null || d.body() == null
                || d.body().statements().size() != 1 || !(d.body().statements().get(0) instanceof Return r)
                || r.results().size() != 1 || !(r.results().get(0) instanceof Selector sel)
                || !(sel.x() instanceof Ident id) || !id.name().equals(d.receiver().name())) {
            return null;
        }
        return sel.name();
    }

    /** The handler text of an expression stored in a table, for handlers read back out of it. */
    private String describe(Frame f, Expr e) {
        Expr x = unwrapHandler(f, e);
        return x instanceof FuncLit ? "<anonymous>" : f.unit().text(x);
    }

    /** Strips the adapters that do not change which function handles a route. */
    private Expr unwrapHandler(Frame f, Expr e) {
        Expr x = e;
        for (int guard = 0; guard < 16; guard++) {
            if (x instanceof Paren p) {
                x = p.x();
                continue;
            }
            if (x instanceof Call c && c.fun() instanceof Selector sel && sel.x() instanceof Ident pkg
                    && f.scope().lookup(pkg.name()) == null) {
                String path = f.unit().imports().get(pkg.name());
                Framework fw = path == null ? null : Framework.ofImport(path);
                int inner = -1;
                if (fw == Framework.NETHTTP && sel.name().equals("HandlerFunc")) {
                    inner = 0;
                } else if (fw == Framework.NETHTTP && sel.name().equals("StripPrefix")) {
                    inner = 1;
                } else if (fw == Framework.GIN && (sel.name().equals("WrapF") || sel.name().equals("WrapH"))) {
                    inner = 0;
                } else if (fw == Framework.ECHO && sel.name().equals("WrapHandler")) {
                    inner = 0;
                }
                if (inner >= 0 && inner < c.args().size()) {
                    x = c.args().get(inner);
                    continue;
                }
            }
            break;
        }
        return x;
    }

    // ---- composite literals and types

    private Value elementValue(Frame f, Expr e, Expr expected, Unit typeUnit) {
        Expr x = e instanceof Unary u && u.op().equals("&") ? u.x() : e;
        if (x instanceof CompositeLit cl && cl.type() == null && expected != null) {
            return composite(f, cl, expected, typeUnit, 0);
        }
        return eval(f, e);
    }

    private Value composite(Frame f, CompositeLit cl, Expr expected, Unit typeUnit, int depth) {
        Expr type = cl.type() != null && depth == 0 ? cl.type() : expected;
        Unit tu = cl.type() != null && depth == 0 ? f.unit() : typeUnit;
        while (type instanceof Star s || type instanceof Paren) {
            type = type instanceof Star s ? s.x() : ((Paren) type).x();
        }
        switch (type) {
            case ArrayType at -> {
                List<Bound> elements = new ArrayList<>();
                for (Expr el : cl.elements()) {
                    Expr v = el instanceof KeyValue kv ? kv.value() : el;
                    elements.add(new Bound(elementValue(f, v, at.element(), tu), describe(f, v), f.unit(),
                            f.unit().line(v)));
                }
                return new ListVal(List.copyOf(elements));
            }
            case MapType mt -> {
                List<Bound> keys = new ArrayList<>();
                List<Bound> values = new ArrayList<>();
                for (Expr el : cl.elements()) {
                    if (el instanceof KeyValue kv) {
                        keys.add(new Bound(elementValue(f, kv.key(), mt.key(), tu), describe(f, kv.key())));
                        values.add(new Bound(elementValue(f, kv.value(), mt.value(), tu), describe(f, kv.value()),
                                f.unit(), f.unit().line(kv.key())));
                    } else {
                        eval(f, el);
                    }
                }
                return new MapVal(List.copyOf(keys), List.copyOf(values));
            }
            case StructType st -> {
                return structLiteral(f, cl, null, st, tu);
            }
            case null -> {
                Map<String, Bound> fields = new LinkedHashMap<>();
                for (Expr el : cl.elements()) {
                    if (el instanceof KeyValue kv && kv.key() instanceof Ident k) {
                        fields.put(k.name(), new Bound(eval(f, kv.value()), describe(f, kv.value())));
                    } else {
                        eval(f, el);
                    }
                }
                return new StructVal(null, fields);
            }
            default -> {
                Framework fw = routerFramework(tu, type, 0);
                if (fw != null) {
                    return new RouterVal(newNode(fw));
                }
                TypeRef ref = typeRef(tu, type);
                TypeDef def = ref == null ? null : program.type(ref);
                if (def == null) {
                    for (Expr el : cl.elements()) {
                        eval(f, el instanceof KeyValue kv ? kv.value() : el);
                    }
                    return Value.UNKNOWN;
                }
                if (def.type() instanceof StructType st) {
                    return structLiteral(f, cl, ref, st, def.unit());
                }
                if (depth < 4) {
                    return composite(f, cl, def.type(), def.unit(), depth + 1);
                }
                return Value.UNKNOWN;
            }
        }
    }

    private StructVal structLiteral(Frame f, CompositeLit cl, TypeRef ref, StructType st, Unit typeUnit) {
        List<String> names = new ArrayList<>();
        List<Expr> types = new ArrayList<>();
        for (Field field : st.fields()) {
            if (field.names().isEmpty()) {
                names.add(embeddedName(field.type()));
                types.add(field.type());
            } else {
                for (String n : field.names()) {
                    names.add(n);
                    types.add(field.type());
                }
            }
        }
        Map<String, Bound> fields = new LinkedHashMap<>();
        int position = 0;
        for (Expr el : cl.elements()) {
            String name;
            Expr valueExpr;
            if (el instanceof KeyValue kv && kv.key() instanceof Ident k) {
                name = k.name();
                valueExpr = kv.value();
            } else {
                name = position < names.size() ? names.get(position) : null;
                valueExpr = el;
                position++;
            }
            int at = name == null ? -1 : names.indexOf(name);
            Value v = elementValue(f, valueExpr, at >= 0 ? types.get(at) : null, typeUnit);
            if (name != null) {
                fields.put(name, new Bound(v, describe(f, valueExpr)));
                if (ref != null) {
                    aliasField(ref, name, v);
                }
            }
        }
        return new StructVal(ref, fields);
    }

    private static String embeddedName(Expr type) {
        Expr t = type;
        while (true) {
            switch (t) {
                case Star s -> t = s.x();
                case Index i -> t = i.x();
                case Selector s -> {
                    return s.name();
                }
                case Ident id -> {
                    return id.name();
                }
                default -> {
                    return "_";
                }
            }
        }
    }

    private record FieldHit(TypeRef owner, Expr type, Unit unit) {
    }

    private FieldHit findField(TypeRef t, String name, int depth) {
        TypeDef d = program.type(t);
        if (d == null || !(d.type() instanceof StructType st) || depth > 3) {
            return null;
        }
        for (Field field : st.fields()) {
            if (field.names().isEmpty() ? embeddedName(field.type()).equals(name) : field.names().contains(name)) {
                return new FieldHit(t, field.type(), d.unit());
            }
        }
        for (Field field : st.fields()) {
            if (field.names().isEmpty()) {
                TypeRef inner = typeRef(d.unit(), field.type());
                FieldHit hit = inner == null ? null : findField(inner, name, depth + 1);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }

    private List<FuncDef> methodsOf(TypeRef t, String name, int depth) {
        List<FuncDef> direct = program.methods(t, name);
        if (!direct.isEmpty() || depth > 3) {
            return direct;
        }
        TypeDef d = program.type(t);
        if (d != null && d.type() instanceof StructType st) {
            for (Field field : st.fields()) {
                if (field.names().isEmpty()) {
                    TypeRef inner = typeRef(d.unit(), field.type());
                    List<FuncDef> promoted = inner == null ? List.of() : methodsOf(inner, name, depth + 1);
                    if (!promoted.isEmpty()) {
                        return promoted;
                    }
                }
            }
        }
        return List.of();
    }

    private Node embeddedRouter(TypeRef t, int depth) {
        TypeDef d = program.type(t);
        if (d == null || !(d.type() instanceof StructType st) || depth > 3) {
            return null;
        }
        for (Field field : st.fields()) {
            if (field.names().isEmpty()) {
                Framework fw = routerFramework(d.unit(), field.type(), 0);
                if (fw != null) {
                    return fieldNode(t, embeddedName(field.type()), fw);
                }
                TypeRef inner = typeRef(d.unit(), field.type());
                Node n = inner == null ? null : embeddedRouter(inner, depth + 1);
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    /** The node of a router-typed field, or null when the field is not router-typed. */
    private Node routerFieldNode(TypeRef owner, String name) {
        FieldHit hit = findField(owner, name, 0);
        if (hit == null) {
            return null;
        }
        Framework fw = routerFramework(hit.unit(), hit.type(), 0);
        return fw == null ? null : fieldNode(hit.owner(), name, fw);
    }

    private Node fieldNode(TypeRef owner, String name, Framework fw) {
        return fieldNodes.computeIfAbsent(owner.dir() + "\0" + owner.name() + "\0" + name, k -> newNode(fw));
    }

    private Node uniqueRouterField(String name) {
        if (routerFields == null) {
            routerFields = new HashMap<>();
            for (GoPackage pkg : program.packages.values()) {
                pkg.types.keySet().stream().sorted().forEach(typeName -> {
                    TypeDef d = pkg.types.get(typeName);
                    if (d.type() instanceof StructType st) {
                        for (Field field : st.fields()) {
                            Framework fw = routerFramework(d.unit(), field.type(), 0);
                            if (fw == null) {
                                continue;
                            }
                            List<String> names = field.names().isEmpty() ? List.of(embeddedName(field.type()))
                                    : field.names();
                            for (String n : names) {
                                routerFields.computeIfAbsent(n, k -> new ArrayList<>())
                                        .add(new RouterField(new TypeRef(pkg.dir, typeName), n, fw));
                            }
                        }
                    }
                });
            }
        }
        List<RouterField> hits = routerFields.get(name);
        if (hits == null || hits.size() != 1) {
            return null;
        }
        RouterField hit = hits.get(0);
        return fieldNode(hit.owner(), hit.name(), hit.framework());
    }

    /** The framework whose router type {@code type} names, following local aliases such as {@code type R = chi.Router}. */
    private Framework routerFramework(Unit unit, Expr type, int depth) {
        Expr t = type;
        while (t instanceof Star || t instanceof Paren) {
            t = t instanceof Star s ? s.x() : ((Paren) t).x();
        }
        if (t instanceof Selector sel && sel.x() instanceof Ident pkg) {
            String path = unit.imports().get(pkg.name());
            Framework fw = path == null ? null : Framework.ofImport(path);
            if (fw != null) {
                return fw.isRouterType(sel.name()) ? fw : null;
            }
            String dir = path == null ? null : program.dirOf(path);
            GoPackage target = dir == null ? null : program.packages.get(dir);
            TypeDef d = target == null ? null : target.types.get(sel.name());
            return d == null || depth >= 2 ? null : declaredRouterFramework(d, depth);
        }
        if (t instanceof Ident id && depth < 2) {
            TypeDef d = unit.pkg().types.get(id.name());
            if (d != null) {
                return declaredRouterFramework(d, depth);
            }
        }
        return null;
    }

    /** A repository type that is a router: an alias of a router type, or an interface a router satisfies. */
    private Framework declaredRouterFramework(TypeDef d, int depth) {
        if (d.type() instanceof Selector || d.type() instanceof Star) {
            return routerFramework(d.unit(), d.type(), depth + 1);
        }
        return d.type() instanceof InterfaceType it ? interfaceFramework(d.unit(), it) : null;
    }

    /**
     * The framework whose router has every method of a repository interface
     * ({@code type Router interface { MethodFunc(method, pattern string, h http.HandlerFunc) }},
     * which smallstep's chi mux is passed as): a parameter of that type is that framework's
     * router. An interface with no methods, with one no router has, or with only names as common
     * as {@code Handle}, is none, and so is one of a framework the repository does not import; when
     * several frameworks fit, the one the repository imports.
     */
    private Framework interfaceFramework(Unit unit, InterfaceType it) {
        List<Token> tokens = unit.file().tokens();
        Map<String, Boolean> methods = new LinkedHashMap<>(); // name -> takes a string (a path or pattern)
        int braces = 0;
        int parens = 0;
        String current = null;
        for (int k = it.from(); k < Math.min(it.to(), tokens.size()); k++) {
            Token token = tokens.get(k);
            if (token.is("{")) {
                braces++;
            } else if (token.is("}")) {
                braces--;
            } else if (token.is("(")) {
                parens++;
            } else if (token.is(")")) {
                parens--;
                if (parens == 0) {
                    current = null; // the parameters end; a result list says nothing
                }
            } else if (braces == 1 && parens == 0 && token.kind() == Token.Kind.IDENT && k + 1 < tokens.size()
                    && tokens.get(k + 1).is("(")) {
                current = token.value();
                methods.putIfAbsent(current, false);
            } else if (current != null && parens == 1 && token.is("string")) {
                methods.put(current, true);
            }
        }
        // Handle, HandleFunc, Use and With are names plenty of non-router interfaces have too, and a
        // registration takes its path as a string (a peer getter's Get(id types.ID) does not).
        boolean registers = methods.entrySet().stream().anyMatch(m -> m.getValue()
                && !Set.of("Handle", "HandleFunc", "Use", "With").contains(m.getKey()));
        if (!registers) {
            return null;
        }
        List<Framework> fitting = new ArrayList<>();
        for (Framework fw : Framework.values()) {
            if (methods.entrySet().stream().allMatch(m -> fw.method(m.getKey()) != null
                    && (m.getValue() || fw.method(m.getKey()).kind() == Framework.Kind.SAME
                            || fw.method(m.getKey()).kind() == Framework.Kind.CHI_GROUP))) {
                fitting.add(fw);
            }
        }
        // goth's `type Params interface { Get(string) string }` has chi's Get, and goth imports no
        // router: an interface is a framework's router only where the repository uses that framework.
        fitting.removeIf(fw -> fw != Framework.NETHTTP && !importedAnywhere(fw));
        if (fitting.size() <= 1) {
            return fitting.isEmpty() ? null : fitting.getFirst();
        }
        for (Framework fw : fitting) {
            if (fw != Framework.NETHTTP && importedAnywhere(fw)) {
                return fw;
            }
        }
        return fitting.contains(Framework.NETHTTP) ? Framework.NETHTTP : null;
    }

    /** The frameworks some file of the repository imports, found once. */
    private Set<Framework> imported;

    private boolean importedAnywhere(Framework fw) {
        if (imported == null) {
            imported = EnumSet.noneOf(Framework.class);
            for (Unit u : program.units) {
                for (String path : u.imports().values()) {
                    Framework found = Framework.ofImport(path);
                    if (found != null) {
                        imported.add(found);
                    }
                }
            }
        }
        return imported.contains(fw);
    }

    /** A named type of the repository declared as a function type ({@code type dispatchFunc func(…) …}). */
    private boolean isFunctionType(Unit unit, Expr type) {
        TypeRef t = typeRef(unit, type);
        TypeDef d = t == null ? null : program.type(t);
        return d != null && d.type() instanceof FuncTypeExpr;
    }

    private TypeRef typeRef(Unit unit, Expr type) {
        Expr t = type;
        while (t instanceof Star || t instanceof Paren || t instanceof Index) {
            t = switch (t) {
                case Star s -> s.x();
                case Paren p -> p.x();
                case Index i -> i.x();
                default -> t;
            };
        }
        if (t instanceof Ident id) {
            return unit.pkg().types.containsKey(id.name()) ? new TypeRef(unit.pkg().dir, id.name()) : null;
        }
        if (t instanceof Selector sel && sel.x() instanceof Ident pkg) {
            String path = unit.imports().get(pkg.name());
            String dir = path == null ? null : program.dirOf(path);
            GoPackage target = dir == null ? null : program.packages.get(dir);
            return target != null && target.types.containsKey(sel.name()) ? new TypeRef(dir, sel.name()) : null;
        }
        return null;
    }
}
