package dev.leviathan.engine.bootstrap.routes.python;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Which Python files are worth parsing up front: those that may declare, mount or configure
 * routes. A file passes when it names a framework, a router or a URLconf anywhere in its text, or
 * has a decorator calling a route verb ({@code @anything.get(}); settings modules pass by name.
 * Every other file is parsed only if resolving a name leads into it (a module of constants, say),
 * so a repository's thousands of plain Python files cost a text scan, not a parse.
 *
 * <p>The scan is one pass over the file's bytes: a table of the words' first two bytes says where
 * a word may start, and only there is the word compared. That keeps it near a nanosecond a byte.
 */
final class Relevance {

    private static final List<String> WORDS = List.of("fastapi", "FastAPI", "flask", "Flask", "django", "starlette",
            "rest_framework", "Router", "router", "Blueprint", "blueprint", "urlpatterns", "ROOT_URLCONF",
            "include_router", "register_blueprint", "add_url_rule", "add_api_route", "api_route", "add_resource",
            "as_view", "route(", "ninja");

    private static final Set<String> DECORATOR_VERBS = Set.of("get", "post", "put", "delete", "patch", "options",
            "head", "trace", "route", "websocket", "api_route");

    /** For each pair of leading bytes, the words that start with it (most pairs: none). */
    private static final byte[][][] WORDS_BY_BIGRAM = new byte[65536][][];
    /** The same pairs as 8 KiB of bits, which stay in the first-level cache while a file is scanned. */
    private static final long[] BIGRAMS = new long[65536 / 64];

    static {
        for (String word : WORDS) {
            byte[] bytes = word.getBytes(StandardCharsets.ISO_8859_1);
            int key = (bytes[0] & 0xFF) << 8 | (bytes[1] & 0xFF);
            BIGRAMS[key >>> 6] |= 1L << key;
            byte[][] known = WORDS_BY_BIGRAM[key];
            byte[][] grown = known == null ? new byte[1][] : java.util.Arrays.copyOf(known, known.length + 1);
            grown[grown.length - 1] = bytes;
            WORDS_BY_BIGRAM[key] = grown;
        }
    }

    private Relevance() {
    }

    static boolean mayMatter(String path, String text) {
        if (isSettingsPath(path)) {
            return true;
        }
        // Characters beyond Latin-1 become '?', which no word contains.
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        int n = bytes.length;
        boolean lineStart = true;
        for (int i = 0; i < n - 1; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                lineStart = true;
                continue;
            }
            if (b == '@' && lineStart && decoratorCallsARouteVerb(bytes, i + 1)) {
                return true;
            }
            if (b != ' ' && b != '\t') {
                lineStart = false;
            }
            int key = (b & 0xFF) << 8 | (bytes[i + 1] & 0xFF);
            if ((BIGRAMS[key >>> 6] & (1L << key)) != 0) {
                for (byte[] word : WORDS_BY_BIGRAM[key]) {
                    if (startsWith(bytes, i, word)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] word) {
        if (at + word.length > bytes.length) {
            return false;
        }
        for (int k = 2; k < word.length; k++) {
            if (bytes[at + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    /** After the {@code @}: a dotted name whose last part is a route verb, then {@code (}. */
    private static boolean decoratorCallsARouteVerb(byte[] bytes, int from) {
        int i = from;
        int lastDot = -1;
        while (i < bytes.length && (Character.isJavaIdentifierPart((char) (bytes[i] & 0xFF)) || bytes[i] == '.')) {
            if (bytes[i] == '.') {
                lastDot = i;
            }
            i++;
        }
        return lastDot > from && i < bytes.length && bytes[i] == '('
                && DECORATOR_VERBS.contains(
                        new String(bytes, lastDot + 1, i - lastDot - 1, StandardCharsets.ISO_8859_1));
    }

    /** Whether any decorator in {@code text} calls a route verb, e.g. {@code @api.post(}. */
    static boolean hasRouteDecorator(String text) {
        return anyDecorator(text, Relevance::decoratorCallsARouteVerb);
    }

    /** Whether a decorator in {@code text} calls one of {@code names}: {@code @expose(} or {@code @api.expose(}. */
    static boolean callsDecorator(String text, Set<String> names) {
        return anyDecorator(text, (bytes, from) -> calledName(bytes, from) instanceof String name && names.contains(name));
    }

    /** Whether {@code text} calls one of {@code names} ({@code do_init(} or {@code api_utils.do_init(}). */
    static boolean calls(String text, Set<String> names) {
        for (String name : names) {
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                int after = at + name.length();
                if ((at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1)))
                        && after < text.length() && text.charAt(after) == '(') {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code test} holds just after an {@code @} that starts a line of {@code text}. */
    private static boolean anyDecorator(String text, java.util.function.BiPredicate<byte[], Integer> test) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        boolean lineStart = true;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                lineStart = true;
            } else if (b == '@' && lineStart && test.test(bytes, i + 1)) {
                return true;
            } else if (b != ' ' && b != '\t') {
                lineStart = false;
            }
        }
        return false;
    }

    /** After the {@code @}: the last part of a dotted name followed by {@code (}; else null. */
    private static String calledName(byte[] bytes, int from) {
        int i = from;
        int start = from;
        while (i < bytes.length && (Character.isJavaIdentifierPart((char) (bytes[i] & 0xFF)) || bytes[i] == '.')) {
            if (bytes[i] == '.') {
                start = i + 1;
            }
            i++;
        }
        return i > start && i < bytes.length && bytes[i] == '('
                ? new String(bytes, start, i - start, StandardCharsets.ISO_8859_1) : null;
    }

    private static boolean isSettingsPath(String path) {
        String stem = PyModule.stemOf(path);
        String name = stem.substring(stem.lastIndexOf('/') + 1);
        String parent = ModuleIndex.parent(stem);
        return name.equals("settings") || parent.equals("settings") || parent.endsWith("/settings");
    }
}
