package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which files are read, and which are evaluated. Tests, declaration files, minified files, webpack
 * bundles and compiled output (tsc/Babel CommonJS) whose source is in the commit are skipped: they
 * repeat routes of the sources beside them, hold none, or hold routes the application does not serve. Evaluated are the files that mention Express or call route methods on
 * app- or router-like names, and every file that imports one of those, directly or not (an entry
 * point that wires controllers together need not mention Express); the rest only when imported.
 * The text is scanned by hand, not with regular expressions: this runs over every file.
 */
final class SourceSelection {

    /** An average line longer than this, in a file of more than {@link #MINIFIED_MIN_SIZE} chars: minified. */
    private static final int MINIFIED_AVERAGE_LINE = 250;
    private static final int MINIFIED_MIN_SIZE = 2_000;
    /** A single line this long is minified whatever the rest looks like. */
    private static final int MINIFIED_LINE = 20_000;
    private static final int COMPILED_MARKER_WINDOW = 4_000;

    private static final Set<String> TEST_DIRECTORIES = Set.of("test", "tests", "__tests__", "spec", "specs",
            "__mocks__", "e2e", "cypress", "__fixtures__");
    private static final Set<String> ROUTE_METHODS = Set.of("get", "post", "put", "patch", "delete", "del", "all",
            "use", "route", "options", "head");
    private static final int LONGEST_ROUTE_METHOD = 7;
    private static final int LONGEST_RECEIVER = 40;
    private static final List<String> IMPORT_WORDS = List.of("require", "import", "from");
    private static final Set<String> STEMS_OF_TEST_FILES = Set.of("test", "tests", "spec", "specs");
    private static final Set<String> TYPINGS_DIRECTORIES = Set.of("types", "typings");
    private static final int MAX_SPECIFIER = 300;

    private SourceSelection() {
    }

    static boolean isReadable(String path, String text) {
        if (isTest(path)) {
            return false;
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".d.ts") || name.endsWith(".d.mts") || name.endsWith(".d.cts")) {
            return false;
        }
        if (name.contains(".min.") || name.endsWith("-min.js") || name.contains(".bundle.")) {
            return false;
        }
        return text.indexOf('\0') < 0 && !isMinified(text) && !isBundle(text);
    }

    /**
     * Test code: apps built in tests to exercise middleware, and factories called with mocks,
     * would otherwise add routes the application does not have.
     */
    static boolean isTest(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String[] segments = lower.split("/");
        for (int k = 0; k < segments.length - 1; k++) {
            if (TEST_DIRECTORIES.contains(segments[k])) {
                return true;
            }
        }
        String name = segments[segments.length - 1];
        int dot = name.indexOf('.');
        // `types/tests.ts` beside a package's typings (dtslint's type tests) calls its API with
        // made-up options; elsewhere `tests.js` may be the app's (etherpad's hook serving /tests/frontend)
        if (dot > 0 && STEMS_OF_TEST_FILES.contains(name.substring(0, dot)) && segments.length >= 2
                && TYPINGS_DIRECTORIES.contains(segments[segments.length - 2])) {
            return true;
        }
        return name.contains(".test.") || name.contains(".spec.") || name.contains(".e2e-spec.")
                || name.contains(".e2e.") || name.startsWith("test.") || name.startsWith("spec.");
    }

    static boolean isMinified(String source) {
        String text = withoutInlineSourceMap(source);
        int lines = 1;
        int lineStart = 0;
        for (int k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) {
            if (k - lineStart > MINIFIED_LINE) {
                return true;
            }
            lines++;
            lineStart = k + 1;
        }
        if (text.length() - lineStart > MINIFIED_LINE) {
            return true;
        }
        return text.length() > MINIFIED_MIN_SIZE && text.length() / lines > MINIFIED_AVERAGE_LINE;
    }

    /**
     * The text before a trailing inline source map ({@code //# sourceMappingURL=data:…}, one line
     * of base64 that Babel appends to parse-server's every file): it says nothing of the code's
     * own lines.
     */
    private static String withoutInlineSourceMap(String text) {
        int at = text.lastIndexOf("//# sourceMappingURL=data:");
        if (at < 0 || (at > 0 && text.charAt(at - 1) != '\n')) {
            return text;
        }
        int end = text.indexOf('\n', at);
        return end < 0 || text.substring(end).isBlank() ? text.substring(0, at) : text;
    }

    /** A webpack bundle: it inlines its dependencies, whose code no application of the commit wrote. */
    static boolean isBundle(String text) {
        String head = head(text);
        return head.contains("__webpack_require__") || head.contains("/******/ (");
    }

    /** tsc or Babel CommonJS output: marked {@code __esModule}. */
    static boolean isTranspiled(String text) {
        String head = head(text);
        return head.contains("Object.defineProperty(exports, \"__esModule\"")
                || head.contains("Object.defineProperty(exports, '__esModule'")
                || head.contains("exports.__esModule = true");
    }

    private static String head(String text) {
        return text.length() > COMPILED_MARKER_WINDOW ? text.substring(0, COMPILED_MARKER_WINDOW) : text;
    }

    /**
     * Which transpiled files to read: those whose source is not in the commit. Beside its source a
     * compiled file repeats its routes; a package that ships only its build ({@code dist/},
     * {@code lib/}: signalk-server, parse-server, most npm packages written in TypeScript) has no
     * other copy of them. A source is a readable file whose path is the compiled one's with the
     * build and source directories left out and any extension ({@code dist/api/users.js} and
     * {@code src/api/users.ts}), and that {@linkplain #couldBeCompiledFrom could be compiled}.
     */
    static List<String> transpiledWithoutSource(Set<String> sources, List<String> transpiled) {
        Set<String> stems = new HashSet<>();
        for (String path : sources) {
            if (couldBeCompiledFrom(path)) {
                stems.add(stem(path));
            }
        }
        List<String> kept = new ArrayList<>();
        for (String path : transpiled) {
            if (!stems.contains(stem(path))) {
                kept.add(path);
            }
        }
        return kept;
    }

    private static final Set<String> BUILD_OR_SOURCE_DIRECTORIES = Set.of("dist", "build", "lib", "out", "es",
            "esm", "cjs", "umd", "src", "source", "built", "compiled");

    /**
     * TypeScript, JSX and ES module files, and anything under {@code src/}, {@code source/} or
     * {@code lib/}: what tsc and Babel compile. A plain script beside the build (signalk-server's
     * root {@code index.js} requiring {@code dist/}) is its consumer, not its source.
     */
    private static boolean couldBeCompiledFrom(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ts") || lower.endsWith(".tsx") || lower.endsWith(".mts") || lower.endsWith(".cts")
                || lower.endsWith(".jsx") || lower.endsWith(".mjs")) {
            return true;
        }
        return ("/" + lower).contains("/src/") || ("/" + lower).contains("/source/") || ("/" + lower).contains("/lib/");
    }

    private static String stem(String path) {
        StringBuilder stem = new StringBuilder();
        String[] segments = path.split("/");
        for (int k = 0; k < segments.length - 1; k++) {
            if (!BUILD_OR_SOURCE_DIRECTORIES.contains(segments[k])) {
                stem.append(segments[k]).append('/');
            }
        }
        String name = segments[segments.length - 1];
        int dot = name.indexOf('.');
        return stem.append(dot > 0 ? name.substring(0, dot) : name).toString();
    }

    /**
     * The modules to evaluate, in path order: those that {@linkplain #startsEvaluation start it}
     * and all their importers, transitively.
     */
    static List<ModuleRecord> evaluationRoots(Map<String, ModuleRecord> modules, ModuleResolver resolver,
            VendoredExpress vendored) {
        Map<String, List<String>> importers = new HashMap<>();
        Set<String> importsExpressByPath = new HashSet<>();
        for (ModuleRecord m : modules.values()) {
            for (String specifier : importSpecifiers(m.source)) {
                Optional<String> target = resolver.resolve(m.path, specifier);
                target.ifPresent(t -> importers.computeIfAbsent(t, k -> new ArrayList<>()).add(m.path));
                if (!vendored.isEmpty() && (target.isPresent() ? vendored.valueOf(target.get())
                        : vendored.valueOfTarget(ModuleResolver.target(m.path, specifier))) != null) {
                    importsExpressByPath.add(m.path);
                }
            }
        }
        Set<String> roots = new TreeSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (ModuleRecord m : modules.values()) {
            if (vendored.isImplementation(m.path)) {
                continue; // Express's own source is the framework, not an application of it
            }
            if ((startsEvaluation(m.source) || importsExpressByPath.contains(m.path)) && roots.add(m.path)) {
                queue.add(m.path);
            }
        }
        while (!queue.isEmpty()) {
            for (String importer : importers.getOrDefault(queue.poll(), List.of())) {
                if (!vendored.isImplementation(importer) && roots.add(importer)) {
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

    /**
     * Whether a file starts the evaluation: it names Express, or it calls a route method on an
     * app- or router-like name ({@code app.get(}, {@code apiRouter.use(}), the only way a file that
     * imports nothing of Express can still declare routes the sweep will find.
     */
    static boolean startsEvaluation(String text) {
        if (text.contains("express")) {
            return true;
        }
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (isRouteCall(text, dot)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the {@code .} at {@code dot} is in {@code name.method(} with a router-like name and method. */
    private static boolean isRouteCall(String text, int dot) {
        int p = skipSpaces(text, dot + 1);
        int methodStart = p;
        while (p < text.length() && p - methodStart <= LONGEST_ROUTE_METHOD && Character.isLetter(text.charAt(p))) {
            p++;
        }
        if (p == methodStart || !ROUTE_METHODS.contains(text.substring(methodStart, p))) {
            return false;
        }
        p = skipSpaces(text, p);
        if (p >= text.length() || text.charAt(p) != '(') {
            return false;
        }
        int end = dot;
        if (end > 0 && text.charAt(end - 1) == '?') {
            end--;
        }
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && end - start < LONGEST_RECEIVER && Lexer.isIdentifierPart(text.charAt(start - 1))) {
            start--;
        }
        return start < end && RouterNames.looksLikeRouter(text.substring(start, end));
    }

    private static int skipSpaces(String text, int p) {
        while (p < text.length() && text.charAt(p) == ' ') {
            p++;
        }
        return p;
    }

    /** Import and require specifiers, read loosely: one inside a comment only costs an evaluation. */
    static List<String> importSpecifiers(String text) {
        List<String> specifiers = new ArrayList<>();
        for (String word : IMPORT_WORDS) {
            for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
                if (at > 0 && Lexer.isIdentifierPart(text.charAt(at - 1))) {
                    continue;
                }
                int p = skipWhitespace(text, at + word.length());
                if (p < text.length() && text.charAt(p) == '(' && !word.equals("from")) {
                    p = skipWhitespace(text, p + 1);
                }
                if (p >= text.length() || (text.charAt(p) != '\'' && text.charAt(p) != '"')) {
                    continue;
                }
                int close = p + 1;
                while (close < text.length() && close - p <= MAX_SPECIFIER && text.charAt(close) != text.charAt(p)
                        && text.charAt(close) != '\n') {
                    close++;
                }
                if (close < text.length() && close > p + 1 && text.charAt(close) == text.charAt(p)) {
                    specifiers.add(text.substring(p + 1, close));
                }
            }
        }
        return specifiers;
    }

    private static int skipWhitespace(String text, int p) {
        while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
            p++;
        }
        return p;
    }
}
