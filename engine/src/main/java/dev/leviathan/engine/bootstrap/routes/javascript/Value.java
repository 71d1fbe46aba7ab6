package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the evaluator knows of a JavaScript value. Strings are kept as far as they are static;
 * Express apps and routers are tracked by identity; everything the analysis cannot follow is
 * {@link Unknown}. Mutable values ({@link Obj}, {@link Arr}, {@link ClassVal}, {@link Router}) are
 * classes compared by identity; the rest are records compared by value, so argument lists can key
 * the evaluator's memo of function calls.
 */
sealed interface Value {

    /** The whole string {@code v} stands for, or null if it is not static. */
    static String staticText(Value v) {
        return switch (v) {
            case Text t when t.complete() -> t.known();
            case Scalar s -> s.text();
            default -> null;
        };
    }

    /**
     * A string: {@code known} is all of it when {@code complete}, otherwise the static part it
     * starts with. A {@code fallback} (from {@code a || '/x'} with {@code a} unknown) is all of it
     * unless what it falls back from is set: a path under it still has a best static value.
     * {@code raw}, for a template literal not known whole, is its source text: two calls of one
     * helper with {@code `/${m}/dashboard`} and {@code `/${m}/users`} are two calls, and a route
     * declared with either names it.
     */
    record Text(String known, boolean complete, boolean fallback, String raw) implements Value {

        Text(String known, boolean complete) {
            this(known, complete, false, null);
        }

        Text(String known, boolean complete, boolean fallback) {
            this(known, complete, fallback, null);
        }

        /** This string as a default, {@code x || known}: the best static value of what may be set otherwise. */
        Text asDefault() {
            return new Text(known, false, true);
        }
    }

    /** A number, boolean or null: concatenates into strings by its text. */
    record Scalar(String text) implements Value {
    }

    /** A regular expression literal, as written. */
    record Pattern(String literal) implements Value {
    }

    enum Unknown implements Value {
        /** Possibly a string: a property of something unknown, a parameter, {@code process.env.X}. */
        MAYBE_TEXT,
        /** Not a string as far as anyone can tell: a call's result, a package's export. */
        OPAQUE,
        /** {@code undefined}: a missing argument, a variable not yet assigned ({@code x || '/a'} is {@code '/a'}). */
        UNDEFINED
    }

    /** The {@code express} module: callable (an app), with {@code Router} and friends as members. */
    enum ExpressModule implements Value {
        INSTANCE
    }

    /** A named export of {@code express}: {@code Router} is a router factory, others are types or middleware. */
    record ExpressMember(String name) implements Value {
    }

    /**
     * A routing method read off an app or router without being called at once: appium's
     * {@code const registerRoute = app[method.toLowerCase()].bind(app); registerRoute(path, h)}.
     * {@code verb} is null for a computed key the analysis cannot name ({@code keyValue} is what it
     * evaluated to); {@code at} is where it was read, in {@code module}. {@code alsoVerbs}: other
     * methods of the same router the variable may hold instead, assigned in a branch the analysis
     * could not decide (node-red's {@code callbackMethodFunc = adminApp.get; if (…) callbackMethodFunc
     * = adminApp.post;}).
     */
    record RouterMethod(Router owner, String verb, Value keyValue, Expr.Member at, ModuleRecord module,
            List<String> alsoVerbs) implements Value {
    }

    /** An Express app or router, created at one place in one evaluation context. */
    final class Router implements Value {

        enum Kind {
            APP, ROUTER,
            /** Stands for a parameter typed or named as an app or router that nothing passed one to. */
            STAND_IN
        }

        final Kind kind;
        final String file;
        final int offset;
        /** Properties code sets on the app ({@code app.resource = function …}); only looked up, never listed. */
        final Map<String, Value> properties = new HashMap<>();
        /**
         * The routers a variable holding this one may hold instead: assigned to it in another
         * branch of an {@code if} or {@code switch} the analysis could not decide. Mounting this
         * router mounts them too.
         */
        final Set<Router> alternatives = Collections.newSetFromMap(new IdentityHashMap<>());

        Router(Kind kind, String file, int offset) {
            this.kind = kind;
            this.file = file;
            this.offset = offset;
        }

        @Override
        public String toString() {
            return kind + "@" + file + ":" + offset;
        }
    }

    /** {@code router.route(path)}: its verbs declare routes on {@code owner} at {@code paths}. */
    record RouteHandle(Router owner, List<PathPiece> paths, int line) implements Value {
    }

    /** An object: a literal, a class instance ({@code ofClass} set) or a module's {@code exports}. */
    final class Obj implements Value {

        final Map<String, Value> properties = new LinkedHashMap<>();
        final ClassVal ofClass;
        /**
         * Whether code the analysis does not follow may have added properties: the object went to
         * an unknown function, took an unknown spread, a write under an unknown key. A property
         * missing from an object that is not open (nor a class instance) is {@code undefined}.
         */
        boolean open;
        /**
         * The object's prototype, when code set one ({@code Object.create(proto)},
         * {@code util.inherits(Child, Parent)}, {@code Object.setPrototypeOf}): what the object lacks
         * is looked up there, as JavaScript does.
         */
        Obj prototype;

        Obj(ClassVal ofClass) {
            this.ofClass = ofClass;
        }
    }

    final class Arr implements Value {

        final List<Value> elements;

        Arr(List<Value> elements) {
            this.elements = new ArrayList<>(elements);
        }
    }

    /**
     * A function closed over its scope. {@code lexicalThis} is an arrow function's {@code this};
     * {@code home} is the class a method belongs to (for {@code super}).
     */
    record Fn(FunctionNode node, Scope closure, Value lexicalThis, ModuleRecord module, ClassVal home)
            implements Value {
    }

    final class ClassVal implements Value {

        final ClassNode node;
        final Scope closure;
        final ClassVal superClass;
        final ModuleRecord module;
        final Map<String, Value> statics = new LinkedHashMap<>();
        final List<Obj> instances = new ArrayList<>();

        ClassVal(ClassNode node, Scope closure, ClassVal superClass, ModuleRecord module) {
            this.node = node;
            this.closure = closure;
            this.superClass = superClass;
            this.module = module;
        }
    }

    /** An ES module namespace object ({@code import * as ns}, or {@code require} of an ES module). */
    record Namespace(ModuleRecord module) implements Value {
    }

    /** CommonJS {@code module}: its {@code exports} property is the module's value. */
    record ModuleObject(ModuleRecord module) implements Value {
    }

    /** CommonJS {@code require}, resolving relative to {@code module}. */
    record Require(ModuleRecord module) implements Value {
    }

    /**
     * A Node core module or one of its members, by dotted name ({@code path}, {@code path.join},
     * {@code fs.readdirSync}, {@code fs.promises.readdir}): see {@link NodeModules}.
     */
    record NodeApi(String name) implements Value {
    }

    /** The global {@code Object}: {@code keys}, {@code values}, {@code entries}, {@code assign}. */
    enum ObjectBuiltin implements Value {
        INSTANCE
    }
}
