package dev.leviathan.engine.bootstrap.routes.javascript;

import dev.leviathan.engine.bootstrap.routes.javascript.Value.Unknown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Node core modules route loaders are written with: {@code path}, and {@code fs}'s directory
 * listing read from the commit's own tree ({@code fs.readdirSync(path.join(__dirname, 'routes'))}).
 * Paths are POSIX with the repository as the file system's root: a module's {@code __dirname} is
 * {@code /} plus its directory. A relative path is taken from the root of the package the module
 * belongs to, where Node applications are started from.
 */
final class NodeModules {

    /** What the program sees of the file system and of the module calling. */
    record Context(FileTree tree, String workingDirectory, Builtins.Invoker invoker) {
    }

    private static final Map<String, String> MODULES = Map.ofEntries(
            Map.entry("fs", "fs"), Map.entry("node:fs", "fs"), Map.entry("fs-extra", "fs"),
            Map.entry("graceful-fs", "fs"), Map.entry("fs/promises", "fs.promises"),
            Map.entry("node:fs/promises", "fs.promises"), Map.entry("path", "path"), Map.entry("node:path", "path"),
            Map.entry("path/posix", "path"), Map.entry("node:path/posix", "path"), Map.entry("upath", "path"),
            Map.entry("url", "url"), Map.entry("node:url", "url"));
    private static final int MAX_NAME = 80;
    private static final int MAX_ENTRIES = Builtins.MAX_ITERATIONS * 4;

    private NodeModules() {
    }

    /** The module an import specifier names, or null when it is none of those handled here. */
    static Value.NodeApi module(String specifier) {
        String name = MODULES.get(specifier);
        return name == null ? null : new Value.NodeApi(name);
    }

    static Value member(Value.NodeApi api, String key) {
        if (api.name().length() + key.length() > MAX_NAME) {
            return Unknown.OPAQUE;
        }
        return switch (api.name() + "." + key) {
            case "path.sep" -> new Value.Text("/", true);
            case "path.delimiter" -> new Value.Text(":", true);
            case "path.posix" -> api;
            default -> new Value.NodeApi(api.name() + "." + key);
        };
    }

    static Value call(Value.NodeApi api, List<CallArg> args, Context context) {
        List<String> texts = new ArrayList<>();
        for (CallArg a : args) {
            texts.add(Value.staticText(a.value()));
        }
        String first = texts.isEmpty() ? null : texts.get(0);
        switch (api.name()) {
            case "path.join" -> {
                return texts.isEmpty() || texts.contains(null) ? Unknown.MAYBE_TEXT : text(join(texts));
            }
            case "path.resolve" -> {
                return texts.contains(null) ? Unknown.MAYBE_TEXT : text(resolve(texts, context));
            }
            case "path.normalize" -> {
                return first == null ? Unknown.MAYBE_TEXT : text(join(List.of(first)));
            }
            case "path.dirname" -> {
                return first == null ? Unknown.MAYBE_TEXT : text(dirname(first));
            }
            case "path.basename" -> {
                if (first == null || (texts.size() > 1 && texts.get(1) == null)) {
                    return Unknown.MAYBE_TEXT;
                }
                return text(basename(first, texts.size() > 1 ? texts.get(1) : null));
            }
            case "path.extname" -> {
                return first == null ? Unknown.MAYBE_TEXT : text(extname(first));
            }
            case "path.parse" -> {
                return first == null ? Unknown.OPAQUE : parse(first);
            }
            case "path.isAbsolute" -> {
                return first == null ? Unknown.OPAQUE : new Value.Scalar(Boolean.toString(first.startsWith("/")));
            }
            case "url.fileURLToPath" -> {
                return first != null && first.startsWith("file://") ? text(first.substring("file://".length()))
                        : Unknown.MAYBE_TEXT;
            }
            case "fs.readdirSync", "fs.promises.readdir" -> {
                return listing(first, args, context);
            }
            case "fs.readdir" -> {
                // callback style: the callback gets (err, names)
                Value names = listing(first, args, context);
                Value callback = args.isEmpty() ? Unknown.OPAQUE : args.get(args.size() - 1).value();
                if (callback instanceof Value.Fn && names instanceof Value.Arr) {
                    context.invoker().invoke(callback, List.of(new CallArg(Unknown.UNDEFINED, null),
                            new CallArg(names, null)));
                }
                return Unknown.UNDEFINED;
            }
            case "fs.existsSync" -> {
                String path = first == null ? null : repositoryPath(first, context);
                // only what exists is known: a file the extractor was not given may exist too
                return path != null && context.tree().exists(path) ? new Value.Scalar("true") : Unknown.OPAQUE;
            }
            default -> {
                return Unknown.OPAQUE;
            }
        }
    }

    /**
     * The names in a directory of the commit; an empty array when the directory is not known
     * (its loop then runs nobody, and what it would have loaded is found by the sweep).
     */
    private static Value listing(String dir, List<CallArg> args, Context context) {
        String path = dir == null ? null : repositoryPath(dir, context);
        if (path == null) {
            return Unknown.OPAQUE;
        }
        boolean dirents = args.size() > 1 && args.get(1).value() instanceof Value.Obj options
                && Truth.of(options.properties.getOrDefault("withFileTypes", Unknown.UNDEFINED)) == Boolean.TRUE;
        List<Value> entries = new ArrayList<>();
        for (String name : context.tree().list(path)) {
            if (entries.size() >= MAX_ENTRIES) {
                break;
            }
            if (dirents) {
                Value.Obj dirent = new Value.Obj(null);
                dirent.properties.put("name", text(name));
                entries.add(dirent);
            } else {
                entries.add(text(name));
            }
        }
        return new Value.Arr(entries);
    }

    /** A path as the program would use it, as a repository-relative directory; null when it leaves the repository. */
    private static String repositoryPath(String path, Context context) {
        String absolute = path.startsWith("/") ? path : join(List.of(context.workingDirectory(), path));
        return ModuleResolver.normalize(absolute.substring(1));
    }

    private static Value text(String s) {
        return new Value.Text(s, true);
    }

    /** POSIX {@code path.join}: segments joined by one slash, {@code .} and {@code ..} resolved. */
    static String join(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('/');
            }
            sb.append(p);
        }
        return normalize(sb.toString());
    }

    private static String resolve(List<String> parts, Context context) {
        List<String> used = new ArrayList<>();
        boolean absolute = false;
        for (int k = parts.size() - 1; k >= 0 && !absolute; k--) {
            if (!parts.get(k).isEmpty()) {
                used.add(0, parts.get(k));
                absolute = parts.get(k).startsWith("/");
            }
        }
        if (!absolute) {
            used.add(0, context.workingDirectory());
        }
        String joined = join(used);
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String normalize(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean absolute = path.startsWith("/");
        boolean trailing = path.endsWith("/");
        List<String> out = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!absolute) {
                    out.add("..");
                }
            } else {
                out.add(segment);
            }
        }
        String joined = String.join("/", out);
        if (absolute) {
            joined = "/" + joined;
        }
        if (joined.isEmpty()) {
            joined = ".";
        }
        return trailing && !joined.endsWith("/") ? joined + "/" : joined;
    }

    private static String dirname(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = p.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        return slash == 0 ? "/" : p.substring(0, slash);
    }

    private static String basename(String path, String ext) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String base = p.substring(p.lastIndexOf('/') + 1);
        if (ext != null && !ext.isEmpty() && base.endsWith(ext) && !base.equals(ext)) {
            return base.substring(0, base.length() - ext.length());
        }
        return base;
    }

    private static String extname(String path) {
        String base = basename(path, null);
        int dot = base.lastIndexOf('.');
        return dot <= 0 ? "" : base.substring(dot);
    }

    private static Value parse(String path) {
        Value.Obj o = new Value.Obj(null);
        String base = basename(path, null);
        String ext = extname(path);
        o.properties.put("root", text(path.startsWith("/") ? "/" : ""));
        o.properties.put("dir", text(path.contains("/") ? dirname(path) : ""));
        o.properties.put("base", text(base));
        o.properties.put("ext", text(ext));
        o.properties.put("name", text(base.substring(0, base.length() - ext.length())));
        return o;
    }
}
