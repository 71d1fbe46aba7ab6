package dev.leviathan.engine.bootstrap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.bootstrap.ci.CiFact;
import dev.leviathan.engine.bootstrap.routes.SourceFile;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.target.BootstrapConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.Repository;

/**
 * Turns the indexed entries of a commit into its {@link CommitState} and the fact events that
 * record it: every fact for a full bootstrap, only what changed since a base commit for an
 * incremental one. Facts come grouped by kind (files, docs, workflows, routes), each group in
 * path (or route) order.
 */
final class CommitScan {

    /** The new commit's state and the facts to append for it. */
    record Outcome(CommitState state, List<EventEnvelope> facts) {
    }

    /**
     * A scan in two steps: the facts known as soon as the files are read ({@code early}), and
     * the rest when route extraction ends ({@code rest}: the whole state, and the facts that
     * follow {@code early} in the bundle). The early facts can be recorded while routes are
     * still being found.
     */
    record Staged(List<EventEnvelope> early, CompletableFuture<Outcome> rest) {

        static Staged whole(Outcome outcome) {
            return new Staged(List.of(), CompletableFuture.completedFuture(outcome));
        }
    }

    private final BlobScanner scanner;
    private final FileAnalyzer analyzer;
    private final RouteExtraction routes;
    private final BooleanSupplier cancelled;
    private final BootstrapProgress progress;

    CommitScan(Repository repository, FileAnalyzer analyzer, RouteExtraction routes, int threads,
            BooleanSupplier cancelled, BootstrapProgress progress) {
        this.scanner = new BlobScanner(repository, threads);
        this.analyzer = analyzer;
        this.routes = routes;
        this.cancelled = cancelled;
        this.progress = progress;
    }

    Staged full(List<CommitEntry> included, int excluded, BootstrapConfig config, FactEvents facts) {
        progress.phase("reading " + included.size() + " files");
        List<ScannedFile> scanned = scan(included, config);
        // Routes are found while the file facts are made and recorded: an extractor runs on one
        // core, and most repositories have one language that declares routes, so the other core
        // makes the file facts and then inserts them.
        progress.phase("extracting API routes and making facts");
        CompletableFuture<List<RouteFact>> routesFound = config.apiRoutes()
                ? CompletableFuture.supplyAsync(() -> routes.extract(sources(scanned), routes.extractorNames()))
                : CompletableFuture.completedFuture(List.of());
        List<ScannedFile> sorted = sortedByPath(scanned);
        // Each fact's payload is made and canonicalised on its own, so on all cores; the lists
        // keep path order whatever order the cores finish in.
        EventEnvelope[] fileEvents = new EventEnvelope[sorted.size()];
        EventEnvelope[] docEvents = new EventEnvelope[sorted.size()];
        EventEnvelope[] workflowEvents = new EventEnvelope[sorted.size()];
        IntStream.range(0, sorted.size()).parallel().forEach(i -> {
            ScannedFile file = sorted.get(i);
            fileEvents[i] = facts.fileDiscovered(file);
            docEvents[i] = file.isDoc() ? facts.docDiscovered(file) : null;
            workflowEvents[i] = file.isWorkflow() ? facts.workflowDiscovered(file) : null;
        });
        SortedMap<String, ManifestFile> files = new TreeMap<>();
        SortedMap<String, ObjectNode> workflows = new TreeMap<>();
        for (ScannedFile file : sorted) {
            files.put(file.path(), ManifestFile.of(file));
            if (file.isWorkflow()) {
                workflows.put(file.path(), workflowEntry(file));
            }
        }
        List<EventEnvelope> early = new ArrayList<>(fileEvents.length * 2);
        early.addAll(List.of(fileEvents));
        addPresent(early, docEvents);
        addPresent(early, workflowEvents);
        String configKey = BootstrapArtifacts.configKey(config);
        return new Staged(early, routesFound.thenApply(found -> {
            CommitState state = new CommitState(facts.commit(), files, workflows, found, excluded, configKey);
            List<EventEnvelope> routeEvents = state.routes().stream().map(facts::routeDiscovered).toList();
            return new Outcome(state, routeEvents);
        }));
    }

    /** The facts of the entries as values, nothing made into events. */
    RepositoryFacts facts(String commit, List<CommitEntry> included, BootstrapConfig config) {
        List<ScannedFile> scanned = sortedByPath(scan(included, config));
        List<RouteFact> found = config.apiRoutes() ? extractRoutes(scanned, routes.extractorNames()) : List.of();
        List<RepositoryFacts.File> files = new ArrayList<>(scanned.size());
        List<RepositoryFacts.Doc> docs = new ArrayList<>();
        List<CiFact> workflows = new ArrayList<>();
        for (ScannedFile file : scanned) {
            files.add(new RepositoryFacts.File(file.path(), file.fileType(), file.language(), file.category(),
                    file.binary(), file.size()));
            if (file.isDoc()) {
                docs.add(new RepositoryFacts.Doc(file.path(), file.docTitle()));
            }
            if (file.ci() != null) {
                workflows.add(file.ci());
            }
        }
        return new RepositoryFacts(commit, files, docs, workflows,
                found.stream().sorted(RouteFact.ORDER).map(RouteFact::route).toList());
    }

    Outcome incremental(List<CommitEntry> included, int excluded, BootstrapConfig config, CommitState base,
            FactEvents facts) {
        Map<String, ManifestFile> before = base.files();
        List<CommitEntry> added = new ArrayList<>();
        List<CommitEntry> changed = new ArrayList<>();
        Set<String> present = new HashSet<>(included.size() * 2);
        for (CommitEntry entry : included) {
            present.add(entry.path());
            ManifestFile old = before.get(entry.path());
            if (old == null) {
                added.add(entry);
            } else if (!old.gitObject().equals(entry.objectId().name()) || !old.mode().equals(entry.mode().wire())) {
                changed.add(entry);
            }
        }
        List<String> removed = before.keySet().stream().filter(path -> !present.contains(path)).toList();

        // Routes are resolved across files (a prefix in one, the route in another), so a language
        // whose files changed is extracted again from all its files; the others keep their routes.
        Set<String> affected = new LinkedHashSet<>();
        if (config.apiRoutes()) {
            for (CommitEntry entry : added) {
                affected.addAll(routes.extractorsReading(entry.path()));
            }
            for (CommitEntry entry : changed) {
                affected.addAll(routes.extractorsReading(entry.path()));
            }
            for (String path : removed) {
                affected.addAll(routes.extractorsReading(path));
            }
        }
        Set<String> changedPaths = new HashSet<>();
        added.forEach(e -> changedPaths.add(e.path()));
        changed.forEach(e -> changedPaths.add(e.path()));
        List<CommitEntry> toRead = new ArrayList<>(added.size() + changed.size());
        toRead.addAll(added);
        toRead.addAll(changed);
        for (CommitEntry entry : included) {
            if (!changedPaths.contains(entry.path()) && !routes.extractorsReading(entry.path()).isEmpty()
                    && routes.extractorsReading(entry.path()).stream().anyMatch(affected::contains)) {
                toRead.add(entry);
            }
        }
        progress.phase("reading " + toRead.size() + " of " + included.size() + " files (changed since "
                + base.commit().substring(0, 12) + ")");
        List<ScannedFile> scanned = scan(toRead, config);
        Map<String, ScannedFile> scannedByPath = new HashMap<>(scanned.size() * 2);
        scanned.forEach(file -> scannedByPath.put(file.path(), file));

        SortedMap<String, ManifestFile> files = new TreeMap<>(before);
        SortedMap<String, ObjectNode> workflows = new TreeMap<>(base.workflows());
        List<EventEnvelope> fileEvents = new ArrayList<>();
        List<EventEnvelope> docEvents = new ArrayList<>();
        List<EventEnvelope> workflowEvents = new ArrayList<>();
        // Every touched path once, in path order: read ones (added or changed) and removed ones.
        SortedMap<String, Boolean> touched = new TreeMap<>();
        added.forEach(e -> touched.put(e.path(), true));
        changed.forEach(e -> touched.put(e.path(), true));
        removed.forEach(path -> touched.put(path, false));
        for (Map.Entry<String, Boolean> change : touched.entrySet()) {
            String path = change.getKey();
            ManifestFile old = before.get(path);
            if (!change.getValue()) {
                files.remove(path);
                fileEvents.add(facts.fileRemoved(previous(old, base)));
                if (old.isDoc()) {
                    docEvents.add(facts.docRemoved(path));
                }
                if (workflows.remove(path) != null) {
                    workflowEvents.add(facts.workflowRemoved(path));
                }
                continue;
            }
            ScannedFile file = scannedByPath.get(path);
            files.put(path, ManifestFile.of(file));
            fileEvents.add(old == null ? facts.fileDiscovered(file) : facts.fileChanged(file, previous(old, base)));
            if (file.isDoc()) {
                docEvents.add(facts.docDiscovered(file));
            } else if (old != null && old.isDoc()) {
                docEvents.add(facts.docRemoved(path));
            }
            if (file.isWorkflow()) {
                workflows.put(path, workflowEntry(file));
                workflowEvents.add(facts.workflowDiscovered(file));
            } else if (workflows.remove(path) != null) {
                workflowEvents.add(facts.workflowRemoved(path));
            }
        }

        List<RouteFact> now = new ArrayList<>();
        if (config.apiRoutes()) {
            for (RouteFact route : base.routes()) {
                if (!affected.contains(extractorName(route))) {
                    now.add(route);
                }
            }
            now.addAll(extractRoutes(scanned, affected));
        }
        progress.phase("making facts");
        CommitState state = new CommitState(facts.commit(), files, workflows, now, excluded,
                BootstrapArtifacts.configKey(config));
        Set<String> beforeKeys = new HashSet<>();
        base.routes().forEach(route -> beforeKeys.add(route.key()));
        Set<String> afterKeys = new HashSet<>();
        state.routes().forEach(route -> afterKeys.add(route.key()));
        List<EventEnvelope> events = new ArrayList<>(fileEvents);
        events.addAll(docEvents);
        events.addAll(workflowEvents);
        for (RouteFact route : base.routes()) {
            if (!afterKeys.contains(route.key())) {
                events.add(facts.routeRemoved(route));
            }
        }
        for (RouteFact route : state.routes()) {
            if (!beforeKeys.contains(route.key())) {
                events.add(facts.routeDiscovered(route));
            }
        }
        return new Outcome(state, events);
    }

    private List<ScannedFile> scan(List<CommitEntry> entries, BootstrapConfig config) {
        boolean keepSources = config.apiRoutes();
        return scanner.scan(entries, new BlobScanner.BlobVisitor<>() {
            @Override
            public ScannedFile visit(CommitEntry entry, long size, String sha256, byte[] content, byte[] head) {
                return analyzer.analyse(entry, size, sha256, content, head,
                        keepSources && !routes.extractorsReading(entry.path()).isEmpty());
            }

            @Override
            public ScannedFile submodule(CommitEntry entry) {
                return analyzer.submodule(entry);
            }
        }, cancelled, progress);
    }

    private List<RouteFact> extractRoutes(List<ScannedFile> scanned, Set<String> extractors) {
        if (extractors.isEmpty()) {
            return List.of();
        }
        progress.phase("extracting API routes");
        return routes.extract(sources(scanned), extractors);
    }

    private static List<SourceFile> sources(List<ScannedFile> scanned) {
        List<SourceFile> sources = new ArrayList<>();
        for (ScannedFile file : sortedByPath(scanned)) {
            if (file.source() != null) {
                sources.add(new SourceFile(file.path(), file.source()));
            }
        }
        return sources;
    }

    private static void addPresent(List<EventEnvelope> into, EventEnvelope[] events) {
        for (EventEnvelope event : events) {
            if (event != null) {
                into.add(event);
            }
        }
    }

    private static String extractorName(RouteFact route) {
        int slash = route.extractor().indexOf('/');
        return slash < 0 ? route.extractor() : route.extractor().substring(0, slash);
    }

    private static FactEvents.PreviousFile previous(ManifestFile old, CommitState base) {
        return new FactEvents.PreviousFile(old.path(), base.commit(), old.sha256());
    }

    private static ObjectNode workflowEntry(ScannedFile file) {
        ObjectNode entry = file.workflow().deepCopy();
        entry.put("path", file.path());
        entry.put("sha256", file.sha256());
        return entry;
    }

    private static List<ScannedFile> sortedByPath(List<ScannedFile> files) {
        List<ScannedFile> sorted = new ArrayList<>(files);
        sorted.sort(java.util.Comparator.comparing(ScannedFile::path));
        return sorted;
    }
}
