package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates annotation arguments to strings: literals, concatenations, Kotlin templates, and
 * constants wherever they live in the repository. A constant's value is computed once per
 * extraction; cycles and chains deeper than any real code are reported unresolved instead of
 * recursing.
 */
final class ConstantEvaluator {

    private static final int MAX_CHAIN = 64;
    /** Constants of libraries outside the repository that mapping paths are written with. */
    private static final Map<String, String> LIBRARY_CONSTANTS = Map.of(
            "org.springframework.util.AntPathMatcher.DEFAULT_PATH_SEPARATOR", "/");

    private final CodeBase code;
    private final Map<FieldDecl, List<PathValue>> cache = new IdentityHashMap<>();
    private final Set<FieldDecl> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    ConstantEvaluator(CodeBase code) {
        this.code = code;
    }

    /** The values of an argument that may be an array ({@code value = {"/a", "/b"}}); none for null. */
    List<PathValue> values(Expr expr, Scope scope) {
        if (expr == null) {
            return List.of();
        }
        if (expr instanceof Expr.Array array) {
            List<PathValue> all = new ArrayList<>();
            for (Expr element : array.elements()) {
                all.addAll(values(element, scope));
            }
            return all;
        }
        if (expr instanceof Expr.Reference reference) {
            FieldSite site = code.resolveField(reference.name(), scope);
            if (site != null) {
                return fieldValues(site, reference.raw());
            }
            String library = libraryConstant(reference.name(), scope.file());
            return List.of(library != null ? PathValue.of(library) : PathValue.unknown(reference.raw()));
        }
        return List.of(value(expr, scope));
    }

    /** The single string an expression denotes. */
    PathValue value(Expr expr, Scope scope) {
        return switch (expr) {
            case Expr.Literal literal -> PathValue.of(literal.value());
            case Expr.Concat concat -> {
                PathValue sum = PathValue.EMPTY;
                for (Expr part : concat.parts()) {
                    sum = sum.plus(value(part, scope));
                }
                yield sum;
            }
            case Expr.Reference reference -> {
                List<PathValue> values = values(reference, scope);
                yield values.size() == 1 ? values.get(0) : PathValue.unknown(reference.raw());
            }
            case Expr.Array array -> array.elements().size() == 1 ? value(array.elements().get(0), scope)
                    : PathValue.unknown(array.raw());
            case Expr.Opaque opaque -> PathValue.unknown(opaque.raw());
        };
    }

    /** The value of the constant {@code dotted} names when it has exactly one; else empty. */
    Optional<PathValue> constant(String dotted, Scope scope) {
        FieldSite site = code.resolveField(dotted, scope);
        if (site == null) {
            return Optional.empty();
        }
        List<PathValue> values = fieldValues(site, dotted);
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    /**
     * The value of a library constant that route paths are built from, named through the file's
     * imports ({@code AntPathMatcher.DEFAULT_PATH_SEPARATOR}, or statically imported), or null.
     * Its source is not in the repository; the value is fixed by the library's public API.
     */
    private static String libraryConstant(String dotted, ParsedFile file) {
        String qualified = null;
        int dot = dotted.indexOf('.');
        String first = dot < 0 ? dotted : dotted.substring(0, dot);
        for (ImportDecl imp : file.imports()) {
            if (!imp.wildcard() && first.equals(imp.visibleName())) {
                qualified = imp.name() + dotted.substring(first.length());
            } else if (imp.wildcard() && dot < 0 && (imp.isStatic() || file.dialect() == Dialect.KOTLIN)
                    && LIBRARY_CONSTANTS.containsKey(imp.name() + "." + dotted)) {
                qualified = imp.name() + "." + dotted;
            }
        }
        return LIBRARY_CONSTANTS.get(qualified != null ? qualified : dotted);
    }

    private List<PathValue> fieldValues(FieldSite site, String raw) {
        FieldDecl field = site.field();
        List<PathValue> cached = cache.get(field);
        if (cached != null) {
            return cached;
        }
        if (field.initializer().isEmpty() || inProgress.contains(field) || inProgress.size() >= MAX_CHAIN) {
            return List.of(PathValue.unknown(raw));
        }
        inProgress.add(field);
        List<PathValue> values;
        try {
            values = List.copyOf(values(ExprParser.parse(field.initializer(), site.scope().file().source()),
                    site.scope()));
        } finally {
            inProgress.remove(field);
        }
        cache.put(field, values);
        return values;
    }
}
