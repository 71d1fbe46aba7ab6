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
 * extensions, a directory's {@code package.json} {@code main} and its {@code index} files tried,
 * TypeScript's {@code ./x.js} meaning {@code ./x.ts}. A bare specifier naming a package of the
 * commit (a monorepo's workspace package) resolves through that package's {@code exports} or
 * {@code main}, with a built entry ({@code dist/index.js}, never committed) read as its source
 * ({@code src/index.ts}); other bare specifiers (path aliases such as {@code @/routes} or a
 * {@code baseUrl} of {@code src}) are tried from each enclosing directory. Packages from npm live
 * in node_modules, never in the commit's files, so they simply do not resolve.
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

    /** Where builds put what a package's {@code main} names, and sources are not. */
    private static final Set<String> BUILD_DIRECTORIES = Set.of("dist", "build", "lib", "out", "es", "esm", "cjs",
            "umd");

    private final Set<String> files;
    private final Packages packages;
    /** Results by importing directory, dialect and specifier: a commit imports the same things over and over. */
    private final Map<String, Optional<String>> cache = new HashMap<>();

    ModuleResolver(Set<String> files) {
        this(files, Packages.NONE);
    }

    ModuleResolver(Set<String> files, Packages packages) {
        this.files = new HashSet<>(files);
        this.packages = packages;
    }

    Packages packages() {
        return packages;
    }

    /** The file a package's directory resolves to: its {@code main}, else its {@code index}. */
    Optional<String> entryOf(PackageManifest manifest) {
        return file(manifest.dir(), JS_FIRST);
    }

    /** The file {@code relative} (a file or directory path, without {@code ./}) resolves to inside {@code dir}. */
    Optional<String> resolveIn(String dir, String relative) {
        return file(join(dir, relative), JS_FIRST);
    }

    /**
     * The path a relative or root-relative specifier names, before any extension or index is
     * tried; null for bare specifiers and paths climbing out of the repository.
     */
    static String target(String fromFile, String specifier) {
        if (specifier.startsWith("./") || specifier.startsWith("../") || specifier.equals(".")
                || specifier.equals("..")) {
            return join(parent(fromFile), specifier);
        }
        if (specifier.startsWith("/")) {
            return normalize(specifier.substring(1));
        }
        return null;
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
        Optional<PackageManifest> workspace = packages.named(packageName(specifier));
        if (workspace.isPresent()) {
            return inPackage(workspace.get(), specifier.substring(packageName(specifier).length()), extensions);
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

    /** {@code @scope/name} or {@code name}: the package part of a bare specifier. */
    private static String packageName(String specifier) {
        int slash = specifier.indexOf('/');
        if (specifier.startsWith("@") && slash > 0) {
            slash = specifier.indexOf('/', slash + 1);
        }
        return slash < 0 ? specifier : specifier.substring(0, slash);
    }

    /**
     * A workspace package imported by name, {@code rest} being what follows the name
     * ({@code ""} or {@code /sub/path}): Node reads {@code exports} first, then {@code main}.
     */
    private Optional<String> inPackage(PackageManifest manifest, String rest, List<String> extensions) {
        String dir = manifest.dir();
        String subpath = rest.isEmpty() || rest.equals("/") ? "." : "." + rest;
        List<String> targets = new ArrayList<>(manifest.exportTargets(subpath));
        if (subpath.equals(".")) {
            if (manifest.main() != null) {
                targets.add(manifest.main());
            }
            targets.addAll(manifest.fallbacks());
        } else {
            targets.add(subpath);
        }
        for (String target : targets) {
            Optional<String> found = file(join(dir, target), extensions);
            if (found.isPresent()) {
                return found;
            }
        }
        for (String target : targets) {
            Optional<String> found = fromSource(dir, target, extensions);
            if (found.isPresent()) {
                return found;
            }
        }
        return subpath.equals(".") ? file(dir, extensions) : Optional.empty();
    }

    /**
     * A built target read as the source it was built from: {@code dist/routes/index.js} is
     * {@code src/routes/index.ts} (or {@code routes/index.ts} beside the manifest), since build
     * output is not committed.
     */
    private Optional<String> fromSource(String dir, String target, List<String> extensions) {
        String path = normalize(target);
        if (path == null) {
            return Optional.empty();
        }
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        if (slash < 0 || !BUILD_DIRECTORIES.contains(first)) {
            return Optional.empty();
        }
        String inner = path.substring(slash + 1);
        for (String candidate : List.of("src/" + inner, inner)) {
            Optional<String> found = file(join(dir, candidate), extensions);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<String> file(String base, List<String> extensions) {
        if (base == null) {
            return Optional.empty();
        }
        Optional<String> asFile = asFile(base, extensions);
        if (asFile.isPresent()) {
            return asFile;
        }
        Optional<PackageManifest> manifest = packages.at(base);
        if (manifest.isPresent() && manifest.get().main() != null) {
            String main = join(base, manifest.get().main());
            if (main != null && !main.equals(base)) {
                Optional<String> found = asFile(main, extensions).or(() -> index(main, extensions))
                        .or(() -> fromSource(base, manifest.get().main(), extensions));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return index(base, extensions);
    }

    private Optional<String> asFile(String base, List<String> extensions) {
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
        return Optional.empty();
    }

    private Optional<String> index(String base, List<String> extensions) {
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

    static String join(String dir, String relative) {
        if (dir == null || relative == null) {
            return null;
        }
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
