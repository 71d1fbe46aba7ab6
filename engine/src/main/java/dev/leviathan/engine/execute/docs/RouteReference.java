package dev.leviathan.engine.execute.docs;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The API route reference: routes grouped by framework, then by the first segment of their path
 * (the resource a reader looks for), one table per group. A pure function of the routes and of
 * where the document lives (its links are relative to it).
 */
final class RouteReference {

    static final String TITLE = "API routes";

    private static final Map<String, String> FRAMEWORK_NAMES = Map.ofEntries(
            Map.entry("fastapi", "FastAPI"), Map.entry("flask", "Flask"), Map.entry("django", "Django"),
            Map.entry("rest_framework", "Django REST framework"), Map.entry("starlette", "Starlette"),
            Map.entry("express", "Express"), Map.entry("spring", "Spring"), Map.entry("jaxrs", "JAX-RS"),
            Map.entry("go-nethttp", "Go net/http"), Map.entry("gin", "Gin"), Map.entry("chi", "chi"),
            Map.entry("echo", "Echo"), Map.entry("gorilla-mux", "gorilla/mux"),
            Map.entry("httprouter", "httprouter"), Map.entry("prometheus-route", "Prometheus route"));

    private static final List<String> METHOD_ORDER = List.of(
            "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "ANY", "WEBSOCKET");

    /** Path, then method in the usual reading order, then where it is declared. */
    static final Comparator<Route> IN_GROUP = Comparator.comparing(Route::path)
            .thenComparingInt(RouteReference::methodRank)
            .thenComparing(Route::method)
            .thenComparing(Route::file)
            .thenComparingInt(Route::line)
            .thenComparing(Route::handler)
            .thenComparing(r -> r.rawExpression() == null ? "" : r.rawExpression());

    private RouteReference() {
    }

    /** The region's body (without its markers), lines ending in {@code \n}. */
    static String body(List<Route> routes, String docPath) {
        StringBuilder out = new StringBuilder();
        routes = routes.stream().map(RouteReference::complete).toList();
        if (routes.isEmpty()) {
            out.append("No HTTP routes were found in the code.\n");
            return out.toString();
        }
        Map<String, List<Route>> byFramework = new TreeMap<>(Comparator
                .comparing((String f) -> frameworkName(f).toLowerCase(Locale.ROOT)).thenComparing(f -> f));
        for (Route route : routes) {
            byFramework.computeIfAbsent(route.framework(), k -> new ArrayList<>()).add(route);
        }
        summary(out, routes, byFramework);
        for (Map.Entry<String, List<Route>> framework : byFramework.entrySet()) {
            out.append("\n## ").append(Markdown.text(frameworkName(framework.getKey()))).append('\n');
            // Routes without a static path come last: they are the ones a reader checks by hand.
            Map<String, List<Route>> byPrefix = new TreeMap<>(Comparator.comparing(String::isEmpty)
                    .thenComparing(Comparator.naturalOrder()));
            for (Route route : framework.getValue()) {
                byPrefix.computeIfAbsent(prefix(route.path()), k -> new ArrayList<>()).add(route);
            }
            for (Map.Entry<String, List<Route>> group : byPrefix.entrySet()) {
                out.append("\n### ").append(group.getKey().isEmpty() ? "No static path" : Markdown.code(group.getKey()))
                        .append("\n\n");
                table(out, group.getValue().stream().sorted(IN_GROUP).toList(), docPath);
            }
        }
        return out.toString();
    }

    private static void summary(StringBuilder out, List<Route> routes, Map<String, List<Route>> byFramework) {
        int files = new TreeSet<>(routes.stream().map(Route::file).toList()).size();
        String frameworks = byFramework.entrySet().stream()
                .map(e -> Markdown.text(frameworkName(e.getKey())) + " (" + e.getValue().size() + ")")
                .collect(Collectors.joining(", "));
        out.append("**").append(Markdown.count(routes.size(), "route", "routes")).append("** in ")
                .append(Markdown.count(files, "file", "files")).append(": ").append(frameworks).append(".\n");
        long unresolved = routes.stream().filter(r -> !r.resolved()).count();
        if (unresolved > 0) {
            out.append('\n').append(unresolved == 1 ? "1 route" : unresolved + " routes")
                    .append(" could not be resolved statically: marked **unresolved**, with the path's static part")
                    .append(" and the expression as written.\n");
        }
    }

    private static void table(StringBuilder out, List<Route> routes, String docPath) {
        out.append("| Method | Path | Handler | Source |\n");
        out.append("|---|---|---|---|\n");
        for (Route route : routes) {
            out.append("| ").append(Markdown.cell(route.method()))
                    .append(" | ").append(path(route))
                    .append(" | ").append(route.handler().isEmpty() ? "" : Markdown.cell(route.handler()))
                    .append(" | ").append(Markdown.sourceLink(docPath, route.file(), route.line(), true))
                    .append(" |\n");
        }
    }

    private static String path(Route route) {
        String path = route.path().isEmpty() ? "" : Markdown.cell(route.path());
        if (route.resolved()) {
            return path;
        }
        String raw = route.rawExpression() == null || route.rawExpression().isBlank()
                ? "" : " " + Markdown.cell(route.rawExpression());
        return (path.isEmpty() ? "" : path + " ") + "**unresolved**" + raw;
    }

    /** {@code /users} for {@code /users/{id}}; {@code /} for the root; empty for no static path. */
    static String prefix(String path) {
        if (path.isEmpty()) {
            return "";
        }
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.indexOf('/', start);
        String first = end < 0 ? path.substring(start) : path.substring(start, end);
        return "/" + first;
    }

    /** Facts come from many extractors; a missing text must not stop the document. */
    private static Route complete(Route r) {
        return new Route(orEmpty(r.framework()), orEmpty(r.method()), orEmpty(r.path()), r.resolved(),
                r.rawExpression(), orEmpty(r.file()), r.line(), orEmpty(r.handler()));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static String frameworkName(String framework) {
        return FRAMEWORK_NAMES.getOrDefault(framework, framework);
    }

    private static int methodRank(Route route) {
        int rank = METHOD_ORDER.indexOf(route.method());
        return rank < 0 ? METHOD_ORDER.size() : rank;
    }
}
