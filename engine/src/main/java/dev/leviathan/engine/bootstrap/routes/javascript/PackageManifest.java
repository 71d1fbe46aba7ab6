package dev.leviathan.engine.bootstrap.routes.javascript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.event.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What module resolution reads of one {@code package.json}: the package's {@code name}, its
 * {@code main} file, and its {@code exports} map ({@code "."} or {@code "./sub"} to the targets
 * in the order written, conditions flattened). {@code fallbacks} are the entry fields Node does
 * not read but TypeScript monorepos point at their sources with ({@code module}, {@code source}).
 *
 * @param dir the package's directory, repository-relative ({@code ""} at the root)
 */
record PackageManifest(String dir, String name, String main, List<String> fallbacks,
        Map<String, List<String>> exports) {

    /** A manifest larger than this is no package.json anyone resolves through. */
    private static final int MAX_SIZE = 1_000_000;
    private static final int MAX_TARGETS = 32;
    private static final int MAX_DEPTH = 8;

    static final String FILE_NAME = "package.json";

    /** The manifest of a {@code package.json} text, or empty when it is not a JSON object. */
    static Optional<PackageManifest> parse(String path, String text) {
        if (text == null || text.length() > MAX_SIZE) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (Exception e) {
            return Optional.empty(); // a broken manifest resolves nothing
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash);
        List<String> fallbacks = new ArrayList<>();
        for (String field : List.of("module", "source")) {
            String value = text(root.get(field));
            if (value != null) {
                fallbacks.add(value);
            }
        }
        return Optional.of(new PackageManifest(dir, text(root.get("name")), text(root.get("main")),
                List.copyOf(fallbacks), exports(root.get("exports"))));
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText().trim() : null;
    }

    /** {@code "exports"}: a target, a conditions object, or an object of subpaths ({@code "./x"}). */
    private static Map<String, List<String>> exports(JsonNode node) {
        Map<String, List<String>> exports = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return exports;
        }
        boolean subpaths = false;
        if (node.isObject()) {
            for (var it = node.fieldNames(); it.hasNext(); ) {
                if (it.next().startsWith(".")) {
                    subpaths = true;
                }
            }
        }
        if (subpaths) {
            for (var it = node.fields(); it.hasNext(); ) {
                var entry = it.next();
                if (entry.getKey().startsWith(".")) {
                    exports.put(entry.getKey(), targets(entry.getValue()));
                }
            }
        } else {
            exports.put(".", targets(node));
        }
        return exports;
    }

    private static List<String> targets(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out, 0);
        return List.copyOf(out);
    }

    private static void collect(JsonNode node, List<String> out, int depth) {
        if (node == null || depth > MAX_DEPTH || out.size() >= MAX_TARGETS) {
            return;
        }
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray() || node.isObject()) {
            for (JsonNode child : node) {
                collect(child, out, depth + 1);
            }
        }
    }

    /** The targets {@code exports} gives a subpath ({@code "."} or {@code "./x"}), {@code *} patterns applied. */
    List<String> exportTargets(String subpath) {
        List<String> exact = exports.get(subpath);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, List<String>> entry : exports.entrySet()) {
            String key = entry.getKey();
            int star = key.indexOf('*');
            if (star < 0 || key.indexOf('*', star + 1) >= 0) {
                continue;
            }
            String head = key.substring(0, star);
            String tail = key.substring(star + 1);
            if (subpath.length() >= head.length() + tail.length() && subpath.startsWith(head)
                    && subpath.endsWith(tail)) {
                String match = subpath.substring(head.length(), subpath.length() - tail.length());
                List<String> out = new ArrayList<>();
                for (String target : entry.getValue()) {
                    out.add(target.replace("*", match));
                }
                return out;
            }
        }
        return List.of();
    }
}
