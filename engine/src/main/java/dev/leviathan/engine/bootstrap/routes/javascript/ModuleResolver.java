package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves an import specifier to a file of the commit the way Node and TypeScript would:
 * extensions and {@code index} files tried, TypeScript's {@code ./x.js} meaning {@code ./x.ts}, and
 * for bare specifiers (path aliases such as {@code @/routes} or a {@code baseUrl} of {@code src})
 * the specifier tried from each enclosing directory. Packages, which live in node_modules, are
 * never in the commit's files, so they simply do not resolve.
 */
final class ModuleResolver {

    private static final List<String> JS_FIRST = List.of(".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts",
            ".cts");
    private static final List<String> TS_FIRST = List.of(".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs",
            ".cjs");
    private static final Set<String> NODE_BUILTINS = Set.of("assert", "buffer", "child_process", "cluster",
            "crypto", "dgram", "dns", "events", "fs", "http", "http2", "https", "net", "os", "path", "process",
            "querystring", "readline", "stream", "string_decoder", "timers", "tls", "tty", "url", "util", "v8", "vm",
            "worker_threads", "zlib", "module", "perf_hooks", "async_hooks", "inspector", "constants");

    private final Set<String> files;
    /** Results by importing directory, dialect and specifier: a commit imports the same things over and over. */
    private final Map<String, Optional<String>> cache = new HashMap<>();

    ModuleResolver(Set<String> files) {
        this.files = new HashSet<>(files);
    }

    Optional<String> resolve(String fromFile, String specifier) {
        String key = parent(fromFile) + (isTypeScript(fromFile) ? "\0t\0" : "\0j\0") + specifier;
        Optional<String> known = cache.get(key);
        if (known == null) {
            known = resolveUncached(fromFile, specifier);
            cache.put(key, known);
        }
        return known;
    }

    private Optional<String> resolveUncached(String fromFile, String specifier) {
        if (specifier.isEmpty() || specifier.startsWith("node:")) {
            return Optional.empty();
        }
        List<String> extensions = isTypeScript(fromFile) ? TS_FIRST : JS_FIRST;
        String dir = parent(fromFile);
        if (specifier.startsWith("./") || specifier.startsWith("../") || specifier.equals(".")
                || specifier.equals("..")) {
            return file(join(dir, specifier), extensions);
        }
        if (specifier.startsWith("/")) {
            return file(normalize(specifier.substring(1)), extensions);
        }
        String head = specifier.contains("/") ? specifier.substring(0, specifier.indexOf('/')) : specifier;
        if (NODE_BUILTINS.contains(head)) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        if (specifier.startsWith("@/") || specifier.startsWith("~/") || specifier.startsWith("#/")) {
            candidates.add(specifier.substring(2));
        } else if ((specifier.startsWith("@") || specifier.startsWith("~") || specifier.startsWith("#"))
                && specifier.contains("/")) {
            // `@app/routes`, `~routes/x`, `#config`: an alias whose target we guess from the rest
            candidates.add(specifier.substring(specifier.indexOf('/') + 1));
            candidates.add(specifier.substring(1));
        } else if (specifier.startsWith("~") || specifier.startsWith("#")) {
            candidates.add(specifier.substring(1));
        } else {
            candidates.add(specifier);
        }
        for (String d = dir; d != null; d = d.isEmpty() ? null : parent(d)) {
            for (String candidate : candidates) {
                String base = d.isEmpty() ? candidate : d + "/" + candidate;
                Optional<String> found = file(normalize(base), extensions);
                if (found.isEmpty()) {
                    found = file(normalize(d.isEmpty() ? "src/" + candidate : d + "/src/" + candidate), extensions);
                }
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> file(String base, List<String> extensions) {
        if (base == null) {
            return Optional.empty();
        }
        if (files.contains(base) && hasExtension(base)) {
            return Optional.of(base);
        }
        for (String ext : extensions) {
            if (files.contains(base + ext)) {
                return Optional.of(base + ext);
            }
        }
        // TypeScript ESM: `./users.js` names the source `./users.ts`
        for (String js : List.of(".js", ".jsx", ".mjs", ".cjs")) {
            if (base.endsWith(js)) {
                String stem = base.substring(0, base.length() - js.length());
                for (String ts : List.of(".ts", ".tsx", ".mts", ".cts")) {
                    if (files.contains(stem + ts)) {
                        return Optional.of(stem + ts);
                    }
                }
            }
        }
        String index = base.isEmpty() ? "index" : base + "/index";
        for (String ext : extensions) {
            if (files.contains(index + ext)) {
                return Optional.of(index + ext);
            }
        }
        return Optional.empty();
    }

    private static boolean hasExtension(String path) {
        int slash = path.lastIndexOf('/');
        return path.indexOf('.', slash + 1) > slash + 1;
    }

    private static boolean isTypeScript(String path) {
        return path.endsWith(".ts") || path.endsWith(".tsx") || path.endsWith(".mts") || path.endsWith(".cts");
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String join(String dir, String relative) {
        return normalize(dir.isEmpty() ? relative : dir + "/" + relative);
    }

    /** Resolves {@code .} and {@code ..}; null when the path climbs out of the repository. */
    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
