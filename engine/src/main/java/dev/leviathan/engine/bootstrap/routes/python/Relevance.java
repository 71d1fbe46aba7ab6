package dev.leviathan.engine.bootstrap.routes.python;

import java.util.List;
import java.util.Set;

/**
 * Which Python files are worth parsing up front: those that may declare, mount or configure
 * routes. A file passes when it names a framework, a router or a URLconf anywhere in its text, or
 * has a decorator calling a route verb ({@code @anything.get(}); settings modules pass by name.
 * Every other file is parsed only if resolving a name leads into it (a module of constants, say),
 * so a repository's thousands of plain Python files cost a text scan, not a parse.
 */
final class Relevance {

    private static final List<String> WORDS = List.of("fastapi", "FastAPI", "flask", "Flask", "django", "starlette",
            "rest_framework", "Router", "router", "Blueprint", "blueprint", "urlpatterns", "ROOT_URLCONF",
            "include_router", "register_blueprint", "add_url_rule", "add_api_route", "api_route", "add_resource",
            "as_view", "route(");

    private static final Set<String> DECORATOR_VERBS = Set.of("get", "post", "put", "delete", "patch", "options",
            "head", "trace", "route", "websocket", "api_route");

    private Relevance() {
    }

    /** The words above by their first character: one pass over a file looks for all of them. */
    private static final String[][] WORDS_BY_FIRST = new String[128][];

    static {
        for (String word : WORDS) {
            char first = word.charAt(0);
            String[] known = WORDS_BY_FIRST[first];
            String[] grown = known == null ? new String[1] : java.util.Arrays.copyOf(known, known.length + 1);
            grown[grown.length - 1] = word;
            WORDS_BY_FIRST[first] = grown;
        }
    }

    static boolean mayMatter(String path, String text) {
        if (isSettingsPath(path)) {
            return true;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                continue;
            }
            String[] candidates = WORDS_BY_FIRST[c];
            if (candidates != null) {
                for (String word : candidates) {
                    if (text.startsWith(word, i)) {
                        return true;
                    }
                }
            }
        }
        return hasRouteDecorator(text);
    }

    private static boolean isSettingsPath(String path) {
        String stem = PyModule.stemOf(path);
        String name = stem.substring(stem.lastIndexOf('/') + 1);
        String parent = ModuleIndex.parent(stem);
        return name.equals("settings") || parent.equals("settings") || parent.endsWith("/settings");
    }

    /** A line whose first non-blank character is {@code @}, a dotted name, and a route verb called. */
    static boolean hasRouteDecorator(String text) {
        int n = text.length();
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int lineStart = at;
            while (lineStart > 0 && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
                lineStart--;
            }
            if (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
                continue;
            }
            int i = at + 1;
            int lastDot = -1;
            while (i < n && (Character.isJavaIdentifierPart(text.charAt(i)) || text.charAt(i) == '.')) {
                if (text.charAt(i) == '.') {
                    lastDot = i;
                }
                i++;
            }
            if (lastDot > 0 && i < n && text.charAt(i) == '(' && DECORATOR_VERBS.contains(text.substring(lastDot + 1, i))) {
                return true;
            }
        }
        return false;
    }
}
