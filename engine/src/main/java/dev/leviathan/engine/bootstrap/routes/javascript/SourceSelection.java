package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which files are read, and which are evaluated. Declaration files, minified files and compiled
 * output (tsc/Babel CommonJS, webpack bundles) are skipped: they repeat routes of the sources
 * beside them or hold none. Evaluated are the files that mention Express or call route methods on
 * app- or router-like names, and every file that imports one of those, directly or not (an entry
 * point that wires controllers together need not mention Express); the rest only when imported.
 */
final class SourceSelection {

    /** An average line longer than this, in a file of more than {@link #MINIFIED_MIN_SIZE} chars: minified. */
    private static final int MINIFIED_AVERAGE_LINE = 250;
    private static final int MINIFIED_MIN_SIZE = 2_000;
    /** A single line this long is minified whatever the rest looks like. */
    private static final int MINIFIED_LINE = 20_000;
    private static final int COMPILED_MARKER_WINDOW = 4_000;

    /** A route-method call on an app- or router-like name; simple alternations, so no backtracking blow-up. */
    private static final Pattern ROUTE_CALL = Pattern.compile(
            "\\b(?:app|router|server|routes|[A-Za-z_$][\\w$]{0,40}(?:App|Router))\\s*\\??\\.\\s*"
                    + "(?:get|post|put|patch|delete|del|all|use|route|options|head)\\s*\\(");

    /** Import specifiers, read loosely from the text: one in a comment only costs an evaluation. */
    private static final Pattern IMPORT = Pattern.compile(
            "(?:\\brequire\\s*\\(|\\bimport\\s*\\(|\\bfrom|\\bimport)\\s*['\"]([^'\"\\n]{1,300})['\"]");

    private SourceSelection() {
    }

    /**
     * The modules to evaluate, in path order: those that {@linkplain #startsEvaluation start it}
     * and all their importers, transitively.
     */
    static List<ModuleRecord> evaluationRoots(Map<String, ModuleRecord> modules, ModuleResolver resolver) {
        Map<String, List<String>> importers = new HashMap<>();
        for (ModuleRecord m : modules.values()) {
            Matcher matcher = IMPORT.matcher(m.source);
            while (matcher.find()) {
                resolver.resolve(m.path, matcher.group(1)).ifPresent(
                        target -> importers.computeIfAbsent(target, t -> new ArrayList<>()).add(m.path));
            }
        }
        Set<String> roots = new TreeSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (ModuleRecord m : modules.values()) {
            if (startsEvaluation(m.source) && roots.add(m.path)) {
                queue.add(m.path);
            }
        }
        while (!queue.isEmpty()) {
            for (String importer : importers.getOrDefault(queue.poll(), List.of())) {
                if (roots.add(importer)) {
                    queue.add(importer);
                }
            }
        }
        List<ModuleRecord> result = new ArrayList<>();
        for (String path : roots) {
            result.add(modules.get(path));
        }
        return result;
    }

    static boolean isReadable(String path, String text) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".d.ts") || name.endsWith(".d.mts") || name.endsWith(".d.cts")) {
            return false;
        }
        if (name.contains(".min.") || name.endsWith("-min.js") || name.contains(".bundle.")) {
            return false;
        }
        return text.indexOf('\0') < 0 && !isMinified(text) && !isCompiledOutput(text);
    }

    static boolean isMinified(String text) {
        int lines = 1;
        int lineStart = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                if (k - lineStart > MINIFIED_LINE) {
                    return true;
                }
                lines++;
                lineStart = k + 1;
            }
        }
        if (text.length() - lineStart > MINIFIED_LINE) {
            return true;
        }
        return text.length() > MINIFIED_MIN_SIZE && text.length() / lines > MINIFIED_AVERAGE_LINE;
    }

    static boolean isCompiledOutput(String text) {
        String head = text.length() > COMPILED_MARKER_WINDOW ? text.substring(0, COMPILED_MARKER_WINDOW) : text;
        return head.contains("Object.defineProperty(exports, \"__esModule\"")
                || head.contains("Object.defineProperty(exports, '__esModule'")
                || head.contains("exports.__esModule = true")
                || head.contains("__webpack_require__")
                || head.contains("/******/ (");
    }

    static boolean startsEvaluation(String text) {
        return text.contains("express") || ROUTE_CALL.matcher(text).find();
    }
}
