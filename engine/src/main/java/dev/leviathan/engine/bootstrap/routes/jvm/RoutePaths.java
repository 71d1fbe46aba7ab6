package dev.leviathan.engine.bootstrap.routes.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How each framework combines path pieces, and how a path is finally written. */
final class RoutePaths {

    private static final int MAX_PLACEHOLDER_NESTING = 8;

    private RoutePaths() {
    }

    /**
     * Spring's combination of a type-level and a method-level pattern: each gets a leading slash,
     * the two are joined with exactly one slash, an empty side leaves the other unchanged, and a
     * trailing slash written on the method side is kept ({@code "/api"} + {@code "/"} serves
     * {@code /api/}).
     */
    static PathValue spring(PathValue type, PathValue method) {
        String a = withLeadingSlash(type.text());
        String b = withLeadingSlash(method.text());
        if (a.endsWith("/*") && !b.isEmpty()) {
            a = a.substring(0, a.length() - 1);
        }
        String joined;
        if (a.isEmpty()) {
            joined = b;
        } else if (b.isEmpty()) {
            joined = a;
        } else {
            joined = a.endsWith("/") ? a + b.substring(1) : a + b;
        }
        return new PathValue(joined, PathValue.merge(type.unresolved(), method.unresolved()));
    }

    /**
     * JAX-RS's combination: leading and trailing slashes of each piece are insignificant (the
     * spec's matching ignores a trailing slash), pieces are joined with one slash.
     */
    static PathValue jaxrs(PathValue outer, PathValue inner) {
        String a = trimSlashes(outer.text());
        String b = trimSlashes(inner.text());
        String joined = a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
        return new PathValue(joined.isEmpty() ? "" : "/" + joined,
                PathValue.merge(outer.unresolved(), inner.unresolved()));
    }

    /** The path a route reports: absolute, and without the doubled slashes an omitted piece leaves. */
    static String finish(PathValue value) {
        String path = withLeadingSlash(value.text());
        if (path.isEmpty()) {
            return "/";
        }
        if (!value.resolved()) {
            path = path.replaceAll("/{2,}", "/");
        }
        return path;
    }

    /**
     * Spring resolves {@code ${property:default}} placeholders in mapping paths from its
     * configuration: a property the repository's own {@code application.properties}/{@code .yml}
     * sets gives its value; any other stands in by its default (nothing when there is none) and is
     * reported as unresolved, as is SpEL {@code #{...}} — except SpEL that only names a constant,
     * {@code #{T(org.acme.Constants).NAME}}, which {@code constant} (given {@code org.acme.Constants.NAME})
     * evaluates as the compiler would a constant (springdoc's placeholder defaults are written so).
     */
    static PathValue springPlaceholders(PathValue value, Function<String, Optional<String>> configured,
            Function<String, Optional<PathValue>> constant) {
        String text = value.text();
        if (!text.contains("${") && !text.contains("#{")) {
            return value;
        }
        List<String> placeholders = new ArrayList<>();
        String expanded = expand(text, placeholders, 0, configured, constant);
        return new PathValue(expanded, PathValue.merge(value.unresolved(), List.copyOf(placeholders)));
    }

    private static String expand(String text, List<String> placeholders, int depth,
            Function<String, Optional<String>> configured, Function<String, Optional<PathValue>> constant) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '$' || c == '#') && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = closingBrace(text, i + 2);
                if (end < 0) {
                    out.append(text, i, text.length());
                    break;
                }
                String placeholder = text.substring(i, end + 1);
                String inner = text.substring(i + 2, end);
                int colon = c == '$' ? defaultSeparator(inner) : -1;
                Optional<String> set = Optional.empty();
                if (depth < MAX_PLACEHOLDER_NESTING && c == '$') {
                    set = configured.apply((colon < 0 ? inner : inner.substring(0, colon)).strip());
                } else if (depth < MAX_PLACEHOLDER_NESTING) {
                    Optional<PathValue> named = typeConstant(inner).flatMap(constant);
                    // A constant known only in part gives what is known; the SpEL stays unresolved.
                    if (named.isPresent() && !named.get().resolved() && depth == 0) {
                        placeholders.add(placeholder);
                    }
                    set = named.map(PathValue::text);
                }
                if (set.isPresent()) {
                    out.append(expand(set.get(), placeholders, depth + 1, configured, constant));
                } else {
                    if (depth == 0) {
                        placeholders.add(placeholder);
                    }
                    if (colon >= 0 && depth < MAX_PLACEHOLDER_NESTING) {
                        out.append(expand(inner.substring(colon + 1), placeholders, depth + 1, configured, constant));
                    }
                }
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static final Pattern TYPE_CONSTANT = Pattern.compile(
            "\\s*T\\(\\s*([\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.]*)\\s*\\)\\s*\\.\\s*"
                    + "([\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)\\s*");

    /** {@code a.b.C.NAME} for SpEL that is exactly {@code T(a.b.C).NAME}, else empty. */
    private static Optional<String> typeConstant(String spel) {
        Matcher m = TYPE_CONSTANT.matcher(spel);
        return m.matches() ? Optional.of(m.group(1) + "." + m.group(2)) : Optional.empty();
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int defaultSeparator(String inner) {
        int depth = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String withLeadingSlash(String path) {
        return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
