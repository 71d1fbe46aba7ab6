package dev.leviathan.engine.bootstrap.routes.python;

import dev.leviathan.engine.bootstrap.routes.SourceFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps dotted module names onto the repository's files. The repository's source roots are not
 * known (the root, {@code src/}, a Django project folder, one folder per service...), so every
 * dotted suffix of every module path is a candidate name, and when several files answer one name
 * the one nearest the importing file wins: longest shared folder prefix, then shortest path,
 * then alphabetical.
 */
final class ModuleIndex {

    /** Top-level packages of the frameworks themselves: always outside the repository, even in their own repos. */
    private static final Set<String> FRAMEWORK_PACKAGES = Set.of("fastapi", "flask", "django", "rest_framework",
            "starlette", "flask_smorest", "apiflask", "flask_restful", "flask_restx", "ninja",
            "fastapi_utils");

    private final Map<String, SourceFile> byStem = new HashMap<>();
    /** Modules parsed so far by stem; the others are parsed when a name is first resolved into them. */
    private final Map<String, PyModule> parsed = new HashMap<>();
    private final Set<String> unreadable = new HashSet<>();
    private final Set<String> folders = new HashSet<>();
    private final Map<String, List<String>> byDotted = new HashMap<>();

    /**
     * @param files every Python file of the commit
     * @param modules those already parsed (the ones that may declare or mount routes)
     */
    ModuleIndex(Collection<SourceFile> files, Collection<PyModule> modules) {
        Set<String> stems = new HashSet<>();
        for (SourceFile file : files) {
            String stem = PyModule.stemOf(file.path());
            boolean isPackage = PyModule.isPackagePath(file.path());
            SourceFile old = byStem.get(stem);
            // A package's __init__.py wins over a same-named module file, as in Python.
            if (old == null || (isPackage && !PyModule.isPackagePath(old.path()))) {
                byStem.put(stem, file);
            }
            stems.add(stem);
            String s = isPackage ? stem : parent(stem);
            while (s != null && !s.isEmpty() && folders.add(s)) {
                stems.add(s);
                s = parent(s);
            }
        }
        for (PyModule m : modules) {
            if (byStem.get(m.stem) != null && byStem.get(m.stem).path().equals(m.path)) {
                parsed.put(m.stem, m);
            }
        }
        for (String stem : stems) {
            if (stem.isEmpty()) {
                continue;
            }
            String[] parts = stem.split("/");
            for (int k = 0; k < parts.length; k++) {
                String dotted = String.join(".", java.util.Arrays.copyOfRange(parts, k, parts.length));
                byDotted.computeIfAbsent(dotted, x -> new ArrayList<>()).add(stem);
            }
        }
    }

    static boolean isFrameworkModule(String dotted) {
        int dot = dotted.indexOf('.');
        return FRAMEWORK_PACKAGES.contains(dot < 0 ? dotted : dotted.substring(0, dot));
    }

    /** The module at {@code stem}, parsed now if no one needed it before; null if there is none or it is unreadable. */
    PyModule module(String stem) {
        PyModule module = parsed.get(stem);
        if (module != null || unreadable.contains(stem)) {
            return module;
        }
        SourceFile file = byStem.get(stem);
        if (file == null) {
            return null;
        }
        try {
            module = PyModule.of(file);
            parsed.put(stem, module);
            return module;
        } catch (RuntimeException | StackOverflowError e) {
            unreadable.add(stem);
            return null;
        }
    }

    /** True when {@code stem} is a module file, a package or a folder of modules. */
    boolean exists(String stem) {
        return byStem.containsKey(stem) || folders.contains(stem);
    }

    /** The stem an absolute module name means when imported from {@code importer}, or null. */
    String absolute(String dotted, PyModule importer) {
        if (dotted.isEmpty() || isFrameworkModule(dotted)) {
            return null;
        }
        List<String> candidates = byDotted.get(dotted);
        if (candidates == null) {
            return null;
        }
        String best = null;
        int bestShared = -1;
        for (String c : candidates) {
            int shared = sharedFolders(c, importer.path);
            if (best == null || shared > bestShared
                    || (shared == bestShared && (c.length() < best.length()
                            || (c.length() == best.length() && c.compareTo(best) < 0)))) {
                best = c;
                bestShared = shared;
            }
        }
        return best;
    }

    /** The stem of {@code from <level dots><module> import ...} in {@code importer}, or null. */
    static String relative(int level, String module, PyModule importer) {
        String base = importer.isPackage ? importer.stem : parent(importer.stem);
        for (int i = 1; i < level; i++) {
            if (base == null || base.isEmpty()) {
                return null;
            }
            base = parent(base);
        }
        if (base == null) {
            return null;
        }
        if (module.isEmpty()) {
            return base;
        }
        String rel = module.replace('.', '/');
        return base.isEmpty() ? rel : base + "/" + rel;
    }

    static String parent(String stem) {
        int slash = stem.lastIndexOf('/');
        return slash < 0 ? "" : stem.substring(0, slash);
    }

    private static int sharedFolders(String stem, String importerPath) {
        String[] a = stem.split("/");
        String[] b = importerPath.split("/");
        int i = 0;
        while (i < a.length - 1 && i < b.length - 1 && a[i].equals(b[i])) {
            i++;
        }
        return i;
    }
}
