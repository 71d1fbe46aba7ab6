package dev.leviathan.engine.bootstrap.routes.go;

import dev.leviathan.engine.bootstrap.routes.go.Ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A string value as far as static analysis knows it: literal pieces, parameters of the function
 * being analysed (filled in at each call site), opaque pieces whose source text is all we know,
 * and path-join points where a router prefix meets the path below it.
 */
record Str(List<Part> parts) implements Value {

    static final Str EMPTY = new Str(List.of());

    sealed interface Part permits Lit, ParamPart, Opaque, JoinMark, Choice {
    }

    record Lit(String text) implements Part {
    }

    /**
     * A parameter, or with {@code field} set a string field of a struct parameter
     * ({@code options.BaseURL} in oapi-codegen's servers), which each call site fills in from its
     * argument; {@code name} is the text reported when no call site can.
     */
    record ParamPart(Callable owner, int index, String name, String field) implements Part {

        ParamPart(Callable owner, int index, String name) {
            this(owner, index, name, null);
        }
    }

    record Opaque(String raw) implements Part {
    }

    record JoinMark() implements Part {
    }

    /**
     * The value of a variable after an {@code if} whose condition depends on the function's
     * parameters ({@code if path != "/" && path[len(path)-1] != '/' { path += "/" }}, chi's
     * {@code FileServer} helper): {@code then} when the condition holds, else {@code otherwise}.
     * Each call site decides the condition with its arguments ({@code bindings}: the condition's
     * variables as they were at the {@code if}); where it cannot, the value is known only at run
     * time and reads as {@code name}, the variable.
     */
    record Choice(Callable owner, Expr condition, Map<String, Value> bindings, Str then, Str otherwise, String name)
            implements Part {
    }

    private static final JoinMark JOIN = new JoinMark();

    /** What a fully analysed path renders to: the best static text, and what was not known. */
    record Rendered(String path, boolean resolved, String raw) {
    }

    static Str literal(String text) {
        return new Str(List.of(new Lit(text)));
    }

    static Str opaque(String raw) {
        return new Str(List.of(new Opaque(raw)));
    }

    static Str param(Callable owner, int index, String name) {
        return new Str(List.of(new ParamPart(owner, index, name)));
    }

    static Str paramField(Callable owner, int index, String name, String field) {
        return new Str(List.of(new ParamPart(owner, index, name, field)));
    }

    static Str concat(Str a, Str b) {
        List<Part> out = new ArrayList<>(a.parts);
        for (Part part : b.parts) {
            add(out, part);
        }
        return new Str(List.copyOf(out));
    }

    /** {@code a} and {@code b} joined as a router prefix and the path below it. */
    static Str join(Str a, Str b) {
        if (a.parts.isEmpty()) {
            return b;
        }
        if (b.parts.isEmpty()) {
            return a;
        }
        List<Part> out = new ArrayList<>(a.parts);
        out.add(JOIN);
        out.addAll(b.parts);
        return new Str(List.copyOf(out));
    }

    private static void add(List<Part> out, Part part) {
        if (part instanceof Lit lit && !out.isEmpty() && out.get(out.size() - 1) instanceof Lit previous) {
            out.set(out.size() - 1, new Lit(previous.text() + lit.text()));
        } else {
            out.add(part);
        }
    }

    boolean isResolved() {
        return parts.stream().allMatch(p -> p instanceof Lit || p instanceof JoinMark);
    }

    /** The text when the value is one known literal, else null. */
    String literalText() {
        if (parts.isEmpty()) {
            return "";
        }
        return parts.size() == 1 && parts.get(0) instanceof Lit lit ? lit.text() : null;
    }

    Callable firstParamOwner() {
        for (Part part : parts) {
            if (part instanceof ParamPart p) {
                return p.owner();
            }
            if (part instanceof Choice c) {
                return c.owner();
            }
        }
        return null;
    }

    /** The first parameter this value is made from, looking into both sides of a choice. */
    ParamPart firstParam() {
        for (Part part : parts) {
            if (part instanceof ParamPart p) {
                return p;
            }
            if (part instanceof Choice c) {
                ParamPart p = c.then().firstParam();
                return p != null ? p : c.otherwise().firstParam();
            }
        }
        return null;
    }

    /** How many pieces the value holds, both sides of each choice counted, to keep choices small. */
    int weight() {
        int w = 0;
        for (Part part : parts) {
            w += part instanceof Choice c ? 1 + c.then().weight() + c.otherwise().weight() : 1;
        }
        return w;
    }

    /**
     * Renders a route path. Each join point joins without doubling or losing a slash; a piece that
     * is not known is left out and what follows it kept (a route under a prefix known only at run
     * time still shows its own path), a slash doubled by the gap counting once, and the first such
     * piece's source text becomes the raw expression.
     */
    Rendered render() {
        return render(false);
    }

    /**
     * As {@link #render()}; with {@code concatenate}, join points put the pieces side by side as
     * echo does ({@code e.Group("/user").GET("s")} serves {@code /users}).
     */
    Rendered render(boolean concatenate) {
        String path = "";
        StringBuilder segment = new StringBuilder();
        String raw = null;
        for (Part part : parts) {
            switch (part) {
                case Lit lit -> segment.append(lit.text());
                case JoinMark j -> {
                    path = concatenate ? path + segment : joinPaths(path, segment.toString());
                    segment.setLength(0);
                }
                case Opaque o -> raw = raw != null ? raw : o.raw();
                case ParamPart pp -> raw = raw != null ? raw : pp.name();
                case Choice c -> raw = raw != null ? raw : c.name();
            }
        }
        path = concatenate ? path + segment : joinPaths(path, segment.toString());
        if (raw != null) {
            path = path.replaceAll("/{2,}", "/");
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        return new Rendered(path, raw == null, raw);
    }

    static String joinPaths(String a, String b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        boolean slashA = a.endsWith("/");
        boolean slashB = b.startsWith("/");
        if (slashA && slashB) {
            return a + b.substring(1);
        }
        if (!slashA && !slashB) {
            return a + "/" + b;
        }
        return a + b;
    }
}
