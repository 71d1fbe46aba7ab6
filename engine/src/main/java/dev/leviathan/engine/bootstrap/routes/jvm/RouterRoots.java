package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds where Spring functional router code starts in a file: {@code RouterFunctions.route(...)}
 * and {@code RouterFunctions.nest(...)} (qualified, fully qualified, or statically imported),
 * Kotlin's {@code router { }} and {@code coRouter { }}, and later uses of a local that one of
 * those was assigned to ({@code builder.GET(...)} after {@code var builder = route()}). Each
 * start is read as one expression, so the calls nested in it are part of it and never starts of
 * their own. Only files that name one of the two functional packages (WebMvc.fn, WebFlux.fn) are
 * read: an unrelated {@code route(...)} elsewhere is someone else's.
 */
final class RouterRoots {

    static final List<String> PACKAGES = List.of("org.springframework.web.servlet.function",
            "org.springframework.web.reactive.function.server");
    private static final Set<String> STATIC_ROOTS = Set.of("route", "nest");
    private static final Set<String> DSL_ROOTS = Set.of("router", "coRouter");
    private static final Set<String> KEYWORDS = Set.of("if", "while", "for", "switch", "catch", "synchronized",
            "return", "when", "super", "this", "new", "throw", "assert", "try");

    private RouterRoots() {
    }

    static List<RouterRoot> find(List<Token> t, int[] match, List<TypeSpan> spans, List<MethodSpan> methods,
            ParsedFile file) {
        if (PACKAGES.stream().noneMatch(file.source()::contains)) {
            return List.of();
        }
        Visible visible = Visible.of(file);
        TermParser parser = new TermParser(t, match, file.dialect(), file.source());
        // A local's uses are starts only inside the block that declares it: another method's
        // parameter of the same name is another builder.
        Map<String, Integer> locals = new HashMap<>();
        // A method's Builder parameters are builders in its body, filled for whoever passes one.
        Map<String, Integer> parameters = new HashMap<>();
        List<MethodSpan> byStart = new ArrayList<>(methods);
        byStart.sort(Comparator.comparingInt(MethodSpan::start));
        int nextMethod = 0;
        List<RouterRoot> roots = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            while (nextMethod < byStart.size() && byStart.get(nextMethod).start() <= i) {
                MethodSpan method = byStart.get(nextMethod++);
                for (String name : method.builderParams()) {
                    locals.put(name, method.end());
                    parameters.put(name, method.end());
                }
            }
            boolean forwards = false;
            if (!starts(t, i, visible, locals)) {
                forwards = forwards(t, i, byStart);
                if (!forwards) {
                    i++;
                    continue;
                }
            }
            Term term = parser.expressionAt(i);
            String assigned = assignedTo(t, i, file.dialect());
            String name = t.get(i).text();
            Integer parameterEnd = parameters.get(name);
            boolean parameter = parameterEnd != null && i < parameterEnd && parameterEnd.equals(locals.get(name));
            if (assigned != null) {
                locals.put(assigned, blockEnd(t, match, i));
            }
            roots.add(new RouterRoot(term, assigned, enclosing(spans, i), innermost(byStart, i), parameter, forwards));
            i = Math.max(parser.end(), i + 1);
        }
        return List.copyOf(roots);
    }

    private static boolean starts(List<Token> t, int i, Visible visible, Map<String, Integer> locals) {
        Token x = t.get(i);
        if (!x.isIdent() || i > 0 && (t.get(i - 1).isSymbol(".") || t.get(i - 1).isSymbol("::"))) {
            return false;
        }
        Token next = i + 1 < t.size() ? t.get(i + 1) : null;
        if (next == null) {
            return false;
        }
        Integer scopeEnd = locals.get(x.text());
        if (scopeEnd != null && i < scopeEnd) {
            return next.isSymbol(".");
        }
        if (next.isSymbol("(") && !KEYWORDS.contains(x.text()) && passesLocal(t, i + 2, locals)) {
            return true;
        }
        if (visible.staticRoots && STATIC_ROOTS.contains(x.text())) {
            return next.isSymbol("(");
        }
        if (visible.dsl && DSL_ROOTS.contains(x.text())) {
            return next.isSymbol("{") || next.isSymbol("(");
        }
        // RouterFunctions.route(...), RouterFunctions.<T>route(...), org.springframework...RouterFunctions.nest(...)
        int k = i;
        StringBuilder name = new StringBuilder(x.text());
        while (k + 2 < t.size() && t.get(k + 1).isSymbol(".") && t.get(k + 2).isIdent()
                && !name.toString().endsWith("RouterFunctions")) {
            name.append('.').append(t.get(k + 2).text());
            k += 2;
        }
        String qualifier = name.toString();
        if (!(qualifier.equals("RouterFunctions")
                || PACKAGES.stream().anyMatch(p -> qualifier.equals(p + ".RouterFunctions")))) {
            return false;
        }
        int m = k + 1;
        if (m >= t.size() || !t.get(m).isSymbol(".")) {
            return false;
        }
        m++;
        if (m < t.size() && t.get(m).isSymbol("<")) {
            while (m < t.size() && !t.get(m).isSymbol(">")) {
                m++;
            }
            m++;
        }
        return m + 1 < t.size() && t.get(m).isIdent() && STATIC_ROOTS.contains(t.get(m).text())
                && t.get(m + 1).isSymbol("(");
    }

    /**
     * Whether {@code t[i]} starts the call a {@code RouterFunction} method returns ({@code return
     * otherRoutes();}, {@code return this.api().and(Admin.routes());}, Kotlin's {@code = other()}):
     * what another method builds, served by this one.
     */
    private static boolean forwards(List<Token> t, int i, List<MethodSpan> methods) {
        if (i == 0 || i + 1 >= t.size() || !t.get(i).isIdent() || !(t.get(i + 1).isSymbol("(")
                || t.get(i + 1).isSymbol("."))) {
            return false;
        }
        Token before = t.get(i - 1);
        if (!before.isWord("return") && !before.isSymbol("=")) {
            return false;
        }
        MethodSpan method = innermost(methods, i);
        return method != null && method.returnsRouter() && (before.isWord("return") || i == method.start());
    }

    /**
     * Whether the arguments from {@code t[from]} on are plain names, one of them a builder local
     * in scope: {@code userRoutes(builder)} fills it in another method.
     */
    private static boolean passesLocal(List<Token> t, int from, Map<String, Integer> locals) {
        boolean local = false;
        for (int k = from; k + 1 < t.size(); k += 2) {
            if (!t.get(k).isIdent()) {
                return false;
            }
            Integer scopeEnd = locals.get(t.get(k).text());
            local |= scopeEnd != null && k < scopeEnd;
            if (t.get(k + 1).isSymbol(")")) {
                return local;
            }
            if (!t.get(k + 1).isSymbol(",")) {
                return false;
            }
        }
        return false;
    }

    /** {@code x} in {@code Type x = <root>}, {@code var x = <root>}, {@code val x: T = <root>}, {@code x = <root>}. */
    private static String assignedTo(List<Token> t, int i, Dialect dialect) {
        if (i < 2 || !t.get(i - 1).isSymbol("=")) {
            return null;
        }
        if (dialect == Dialect.KOTLIN) {
            int line = t.get(i - 1).line();
            for (int k = i - 2; k > 0 && t.get(k).line() == line; k--) {
                if ((t.get(k - 1).isWord("val") || t.get(k - 1).isWord("var")) && t.get(k).isIdent()) {
                    return t.get(k).text();
                }
            }
        }
        return t.get(i - 2).isIdent() ? t.get(i - 2).text() : null;
    }

    /** The index of the brace closing the innermost block around {@code t[i]}, or the end of the file. */
    private static int blockEnd(List<Token> t, int[] match, int i) {
        for (int k = i - 1; k >= 0; k--) {
            Token x = t.get(k);
            if (x.isSymbol("}") && match[k] >= 0 && match[k] < k) {
                k = match[k];
            } else if (x.isSymbol("{") && match[k] > i) {
                return match[k];
            }
        }
        return t.size();
    }

    private static MethodSpan innermost(List<MethodSpan> methods, int index) {
        MethodSpan best = null;
        for (MethodSpan method : methods) {
            if (method.start() > index) {
                break;
            }
            if (index < method.end() && (best == null || method.end() - method.start() < best.end() - best.start())) {
                best = method;
            }
        }
        return best;
    }

    private static TypeDecl enclosing(List<TypeSpan> spans, int index) {
        TypeSpan best = null;
        for (TypeSpan span : spans) {
            if (span.open() < index && index < span.close()
                    && (best == null || span.close() - span.open() < best.close() - best.open())) {
                best = span;
            }
        }
        return best == null ? null : best.decl();
    }

    /**
     * Which unqualified names are Spring's here: {@code route}/{@code nest} when
     * {@code RouterFunctions}' members are imported, {@code router}/{@code coRouter} when the
     * Kotlin DSL functions or their package are. A file in one of the packages sees them too.
     */
    private record Visible(boolean staticRoots, boolean dsl) {

        static Visible of(ParsedFile file) {
            boolean staticRoots = false;
            boolean dsl = PACKAGES.contains(file.packageName());
            for (ImportDecl imp : file.imports()) {
                for (String pkg : PACKAGES) {
                    String functions = pkg + ".RouterFunctions";
                    if (imp.name().equals(functions) && imp.wildcard()
                            || imp.qualifier().equals(functions) && !imp.wildcard()
                                    && STATIC_ROOTS.contains(imp.name().substring(functions.length() + 1))) {
                        staticRoots = true;
                    }
                    if (imp.name().equals(pkg) && imp.wildcard() && file.dialect() == Dialect.KOTLIN
                            || imp.qualifier().equals(pkg) && !imp.wildcard()
                                    && DSL_ROOTS.contains(imp.name().substring(pkg.length() + 1))) {
                        dsl = true;
                    }
                }
            }
            return new Visible(staticRoots, dsl);
        }
    }
}
