package dev.leviathan.engine.execute.docs;

import dev.leviathan.engine.bootstrap.RepositoryFacts;
import dev.leviathan.engine.bootstrap.routes.Route;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which route paths the repository's documentation mentions. Every path-like token of every
 * documentation page (and OpenAPI or Swagger file) is read once, with its parameters written
 * alike ({@code {id}}, {@code :id}, {@code <int:id>} are all {@code {}}), so checking a route is
 * one look-up: {@code GET /users/:id} in the docs documents the route {@code /users/{user_id}}.
 */
final class DocMentions {

    /** A page is read up to this many bytes. */
    static final int MAX_PAGE_BYTES = 2 * 1024 * 1024;

    private final Set<String> paths;
    private final Set<String> pages;

    private DocMentions(Set<String> paths, Set<String> pages) {
        this.paths = paths;
        this.pages = pages;
    }

    static DocMentions read(RepositoryFacts facts, Path workTree) {
        Set<String> pages = new TreeSet<>();
        facts.docs().forEach(doc -> pages.add(doc.path()));
        for (RepositoryFacts.File file : facts.files()) {
            String name = file.path().substring(file.path().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            boolean spec = name.startsWith("openapi") || name.startsWith("swagger");
            boolean format = name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
            if (spec && format && !file.binary()) {
                pages.add(file.path());
            }
        }
        Set<String> paths = new HashSet<>();
        for (String page : pages) {
            Optional<String> text = WorkTreeFile.readEvidence(workTree, page, MAX_PAGE_BYTES);
            text.ifPresent(t -> collect(t, paths));
        }
        return new DocMentions(paths, pages);
    }

    /** For tests: the mentions in one text. */
    static DocMentions of(String text) {
        Set<String> paths = new HashSet<>();
        collect(text, paths);
        return new DocMentions(paths, Set.of("text"));
    }

    int pagesRead() {
        return pages.size();
    }

    /** True when some page mentions the route's path (its method is not checked). */
    boolean mentions(Route route) {
        return !route.path().isEmpty() && paths.contains(normalize(route.path()));
    }

    private static void collect(String text, Set<String> out) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                // "//": a URL's authority or a comment, not a path; the path after a host is found on its own.
                i += 2;
                continue;
            }
            if (c != '/' || i > 0 && pathChar(text.charAt(i - 1)) && !afterHost(text, i)) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && (pathChar(text.charAt(end)) || text.charAt(end) == '/')) {
                end++;
            }
            int trimmed = end;
            while (trimmed > i + 1 && ".,:;".indexOf(text.charAt(trimmed - 1)) >= 0) {
                trimmed--;
            }
            out.add(normalize(text.substring(i, trimmed)));
            i = end;
        }
    }

    /** True for the first {@code /} after {@code scheme://host[:port]}: the path of a URL. */
    private static boolean afterHost(String text, int slash) {
        int i = slash - 1;
        int limit = Math.max(0, slash - 260);
        while (i >= limit && hostChar(text.charAt(i))) {
            i--;
        }
        return i >= 2 && i < slash - 1 && text.charAt(i) == '/' && text.charAt(i - 1) == '/' && text.charAt(i - 2) == ':';
    }

    /** Lower case, parameters as {@code {}}, no trailing slash or regex anchors; {@code /} stays {@code /}. */
    static String normalize(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String s = segment;
            if (s.startsWith("^")) {
                s = s.substring(1);
            }
            if (s.endsWith("$")) {
                s = s.substring(0, s.length() - 1);
            }
            if (s.isEmpty()) {
                continue;
            }
            char first = s.charAt(0);
            out.append('/').append(first == '{' || first == '<' || first == ':' || first == '*' || first == '('
                    || first == '[' ? "{}" : s.toLowerCase(Locale.ROOT));
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    private static boolean pathChar(char c) {
        return Character.isLetterOrDigit(c) || "-._~%{}:<>*+@$".indexOf(c) >= 0;
    }

    private static boolean hostChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':' || c == '@');
    }
}
