package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Express itself among the commit's files: a package whose {@code package.json} is named
 * {@code express} and that has Express's {@code lib/express.js} (the Express repository, or a
 * monorepo that vendors or develops it). Its
 * examples and benchmarks import it by path ({@code require('../../')},
 * {@code require('../../lib/express')}); such an import is the {@code express} module, exactly as
 * {@code require('express')} is, and {@code lib/router} (Express 4's router module) is
 * {@code express.Router}. Its implementation ({@code lib/}) is the framework, not an application:
 * it is never evaluated as one.
 */
final class VendoredExpress {

    static final String PACKAGE_NAME = "express";

    private static final List<String> EXTENSIONS = List.of(".js", ".mjs", ".cjs", ".ts", ".mts", ".cts");

    /** One package named express: {@code root} is its directory. */
    private record Copy(String root, Set<String> moduleFiles, Set<String> routerFiles, Set<String> implementationDirs) {
    }

    private final List<Copy> copies;
    private final Map<String, Value> valueOfFile = new HashMap<>();

    VendoredExpress(Packages packages, ModuleResolver resolver, Map<String, ModuleRecord> modules) {
        List<Copy> found = new ArrayList<>();
        for (PackageManifest m : packages.all()) {
            if (PACKAGE_NAME.equals(m.name())) {
                copyOf(m, resolver, modules).ifPresent(found::add);
            }
        }
        this.copies = List.copyOf(found);
        for (Copy c : copies) {
            for (String f : c.routerFiles()) {
                valueOfFile.putIfAbsent(f, new Value.ExpressMember("Router"));
            }
            for (String f : c.moduleFiles()) {
                valueOfFile.putIfAbsent(f, Value.ExpressModule.INSTANCE);
            }
        }
    }

    /**
     * The package as Express itself, if it is: it has Express's {@code lib/express.js}, which
     * does not import {@code express} (an application someone named {@code express}, with its
     * own {@code lib/express.js} configuring an app, does).
     */
    private static Optional<Copy> copyOf(PackageManifest m, ModuleResolver resolver,
            Map<String, ModuleRecord> modules) {
        String root = m.dir();
        Optional<String> main = resolver.resolveIn(root, "lib/express");
        if (main.isEmpty() || importsExpress(modules.get(main.get()))) {
            return Optional.empty();
        }
        Set<String> moduleFiles = new HashSet<>();
        moduleFiles.add(main.get());
        Optional<String> entry = resolver.entryOf(m).filter(e -> !importsExpress(modules.get(e)));
        entry.ifPresent(moduleFiles::add);
        // index.js is `module.exports = require('./lib/express')`: what a one-import entry re-exports is express too
        entry.map(modules::get).ifPresent(e -> {
            List<String> specifiers = SourceSelection.importSpecifiers(e.source).stream().distinct().toList();
            if (specifiers.size() == 1) {
                resolver.resolve(e.path, specifiers.get(0)).filter(p -> inside(root, p)).ifPresent(moduleFiles::add);
            }
        });
        Set<String> routerFiles = new HashSet<>();
        resolver.resolveIn(root, "lib/router").ifPresent(routerFiles::add);
        // the directory of lib/express.js (and of what the entry re-exports) holds the framework's source
        Set<String> implementationDirs = new HashSet<>();
        for (String f : moduleFiles) {
            String dir = parent(f);
            if ((f.equals(main.get()) || !f.equals(entry.orElse(null))) && !dir.equals(root)) {
                implementationDirs.add(dir);
            }
        }
        return Optional.of(new Copy(root, Set.copyOf(moduleFiles), Set.copyOf(routerFiles),
                Set.copyOf(implementationDirs)));
    }

    private static boolean importsExpress(ModuleRecord m) {
        return m == null || SourceSelection.importSpecifiers(m.source).stream()
                .anyMatch(s -> s.equals(PACKAGE_NAME) || s.startsWith(PACKAGE_NAME + "/"));
    }

    boolean isEmpty() {
        return copies.isEmpty();
    }

    /** What importing {@code path} (a resolved file) gives, when that file is Express itself; else null. */
    Value valueOf(String path) {
        return path == null ? null : valueOfFile.get(path);
    }

    /**
     * What a relative import that resolves to no file gives, when it names Express's package
     * directory or one of its entry modules by path; else null.
     */
    Value valueOfTarget(String target) {
        if (target == null || copies.isEmpty()) {
            return null;
        }
        String base = withoutExtension(target);
        for (Copy c : copies) {
            if (base.equals(c.root()) || base.equals(join(c.root(), "index"))
                    || base.equals(join(c.root(), "lib/express"))) {
                return Value.ExpressModule.INSTANCE;
            }
            if (base.equals(join(c.root(), "lib/router")) || base.equals(join(c.root(), "lib/router/index"))) {
                return new Value.ExpressMember("Router");
            }
        }
        return null;
    }

    /** Whether {@code path} is part of Express's own implementation (its entry and {@code lib/}). */
    boolean isImplementation(String path) {
        if (valueOfFile.containsKey(path)) {
            return true;
        }
        for (Copy c : copies) {
            for (String dir : c.implementationDirs()) {
                if (inside(dir, path)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String withoutExtension(String path) {
        for (String ext : EXTENSIONS) {
            if (path.endsWith(ext)) {
                return path.substring(0, path.length() - ext.length());
            }
        }
        return path;
    }

    private static boolean inside(String dir, String path) {
        return dir.isEmpty() || path.startsWith(dir + "/");
    }

    private static String join(String dir, String relative) {
        return dir.isEmpty() ? relative : dir + "/" + relative;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
