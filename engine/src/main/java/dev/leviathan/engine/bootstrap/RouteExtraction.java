package dev.leviathan.engine.bootstrap;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.RouteExtractor;
import dev.leviathan.engine.bootstrap.routes.SourceFile;
import dev.leviathan.engine.bootstrap.routes.go.GoRouteExtractor;
import dev.leviathan.engine.bootstrap.routes.javascript.JavaScriptRouteExtractor;
import dev.leviathan.engine.bootstrap.routes.jvm.JvmRouteExtractor;
import dev.leviathan.engine.bootstrap.routes.python.PythonRouteExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Every route extractor, each run over the files of its languages. Extractors run side by side
 * (one per core), each over all its files at once, so prefixes resolve across files.
 */
final class RouteExtraction {

    /** Larger source files are generated or bundled code, not where routes are declared. */
    static final int MAX_SOURCE_BYTES = 1024 * 1024;

    private static final List<RouteExtractor> EXTRACTORS = List.of(new PythonRouteExtractor(),
            new JavaScriptRouteExtractor(), new JvmRouteExtractor(), new GoRouteExtractor());

    static SortedMap<String, Integer> versions() {
        SortedMap<String, Integer> versions = new TreeMap<>();
        EXTRACTORS.forEach(e -> versions.put(e.name(), e.version()));
        return versions;
    }

    Set<String> extractorNames() {
        return versions().keySet();
    }

    /** The extractors that read the file at {@code path} (none for most files). */
    Set<String> extractorsReading(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = path.substring(path.lastIndexOf('/') + 1);
        Set<String> names = new TreeSet<>();
        for (RouteExtractor extractor : EXTRACTORS) {
            if (extractor.fileNames().contains(name)) {
                names.add(extractor.name());
                continue;
            }
            for (String extension : extractor.extensions()) {
                if (lower.endsWith(extension)) {
                    names.add(extractor.name());
                    break;
                }
            }
        }
        return names;
    }

    /** The routes the named extractors find in {@code files}, as facts. */
    List<RouteFact> extract(List<SourceFile> files, Set<String> only) {
        List<CompletableFuture<List<RouteFact>>> running = new ArrayList<>();
        for (RouteExtractor extractor : EXTRACTORS) {
            if (!only.contains(extractor.name())) {
                continue;
            }
            List<SourceFile> mine = files.stream().filter(f -> extractorsReading(f.path()).contains(extractor.name()))
                    .toList();
            if (mine.isEmpty()) {
                continue;
            }
            String version = extractor.name() + "/" + extractor.version();
            running.add(CompletableFuture.supplyAsync(() -> {
                List<RouteFact> facts = new ArrayList<>();
                for (Route route : extractor.extract(mine)) {
                    facts.add(new RouteFact(route, version));
                }
                return facts;
            }));
        }
        List<RouteFact> all = new ArrayList<>();
        try {
            for (CompletableFuture<List<RouteFact>> future : running) {
                all.addAll(future.join());
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        all.sort(RouteFact.ORDER);
        return RouteFact.numbered(all);
    }
}
