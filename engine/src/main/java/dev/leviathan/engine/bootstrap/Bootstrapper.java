package dev.leviathan.engine.bootstrap;

import static dev.leviathan.engine.bootstrap.BootstrapException.Kind.CONFLICT;
import static dev.leviathan.engine.bootstrap.BootstrapException.Kind.FAILED;
import static dev.leviathan.engine.bootstrap.BootstrapException.Kind.INVALID;
import static dev.leviathan.engine.bootstrap.BootstrapException.Kind.NOT_FOUND;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.artifact.ArtifactRef;
import dev.leviathan.engine.artifact.ArtifactStore;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.AppendResult;
import dev.leviathan.engine.event.EventConflictException;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.target.BootstrapConfig;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.target.TargetFileException;
import dev.leviathan.engine.target.TargetFiles;
import dev.leviathan.engine.target.TargetRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Learns a target's commit, deterministically and without any model (DESIGN.md §Bootstrap):
 * reads the commit's tree and blobs from the git object database, classifies every indexed
 * file, finds docs, CI definitions and API routes, and records them as facts, with four
 * artifacts, in one atomic bundle between {@code bootstrap.started} and
 * {@code bootstrap.completed}. Anything that goes wrong leaves {@code bootstrap.failed} with the
 * reason and no fact. A commit already bootstrapped with these extractor versions appends
 * nothing; a commit whose first-parent ancestor is bootstrapped records only what changed.
 */
public final class Bootstrapper {

    private static final HexFormat HEX = HexFormat.of();

    private final EventStore store;
    private final ArtifactStore artifacts;
    private final TargetRegistry targets;
    private final TargetCheckout checkout;
    private final Clock clock;
    private final BootstrapLedger ledger;
    private final FileAnalyzer analyzer;
    private final RouteExtraction routes;
    private final int threads;

    public Bootstrapper(EventStore store, ArtifactStore artifacts, TargetRegistry targets, LeviathanHome home,
            Map<String, String> env, Clock clock) {
        this(store, artifacts, targets, home, env, clock, BlobScanner.defaultThreads());
    }

    Bootstrapper(EventStore store, ArtifactStore artifacts, TargetRegistry targets, LeviathanHome home,
            Map<String, String> env, Clock clock, int threads) {
        this.store = store;
        this.artifacts = artifacts;
        this.targets = targets;
        this.checkout = new TargetCheckout(home, env);
        this.clock = clock;
        this.ledger = new BootstrapLedger(store);
        this.analyzer = new FileAnalyzer();
        this.routes = new RouteExtraction();
        this.threads = threads;
    }

    /** The version of every extractor, by name: part of every fact id. */
    public static SortedMap<String, Integer> extractorVersions() {
        SortedMap<String, Integer> versions = new TreeMap<>(FileAnalyzer.versions());
        versions.putAll(RouteExtraction.versions());
        return versions;
    }

    /**
     * The facts of {@code commit} of {@code repository}, read with the commit's own
     * {@code bootstrap.yaml} and nothing recorded: files, docs, CI definitions and routes in path
     * (or route) order.
     */
    public static RepositoryFacts readFacts(Repository repository, String commit) {
        ObjectId commitId = CommitTree.resolve(repository, commit, commit, repository.getDirectory().getName());
        CommitTree tree = CommitTree.read(repository, commitId);
        BootstrapConfig config = config(repository, tree);
        PathFilter filter = new PathFilter(config);
        List<CommitEntry> included = tree.entries().stream().filter(e -> filter.accepts(e.path())).toList();
        CommitScan scan = new CommitScan(repository, new FileAnalyzer(), new RouteExtraction(),
                BlobScanner.defaultThreads(), () -> false, BootstrapProgress.NONE);
        return scan.facts(tree.commit(), included, config);
    }

    public BootstrapResult bootstrap(BootstrapRequest request) {
        long started = System.nanoTime();
        RegisteredTarget target = targets.find(request.targetId()).orElseThrow(() -> new BootstrapException(NOT_FOUND,
                "no target named '" + request.targetId() + "'" + registeredHint()));
        SortedMap<String, Integer> versions = extractorVersions();
        FactContext probe = new FactContext(target.id(), "", Instant.EPOCH, versions);
        String extractorsKey = new FactEvents(probe).extractorsKey();
        Repository repository;
        ObjectId commitId;
        try {
            repository = checkout.open(target, request.progress());
        } catch (BootstrapException e) {
            recordFailureBeforeStart(target, request, null, e.getMessage(), extractorsKey);
            throw e;
        }
        try (repository) {
            try {
                commitId = CommitTree.resolve(repository, request.ref(), target.defaultBranch(), target.id());
            } catch (BootstrapException e) {
                recordFailureBeforeStart(target, request, null, e.getMessage(), extractorsKey);
                throw e;
            }
            Optional<BootstrapLedger.Completed> done = ledger.completed(target.id(), commitId.name(), extractorsKey);
            if (done.isPresent()) {
                return unchanged(target, done.get(), started);
            }
            String runId = runId(target.id(), commitId.name(), extractorsKey);
            store.append(runEvent(EventType.BOOTSTRAP_STARTED, runId, target, request, startedPayload(target, request,
                    commitId.name(), runId, versions)));
            try {
                return run(target, request, repository, commitId, runId, versions, extractorsKey, started);
            } catch (RuntimeException e) {
                String reason = reason(e);
                ObjectNode payload = runPayload(target, commitId.name(), runId);
                payload.put("ref", refOf(request, target));
                payload.put("reason", reason);
                store.append(runEvent(EventType.BOOTSTRAP_FAILED, runId, target, request, payload));
                throw e instanceof BootstrapException b ? b : new BootstrapException(FAILED, reason, e);
            }
        }
    }

    private BootstrapResult run(RegisteredTarget target, BootstrapRequest request, Repository repository,
            ObjectId commitId, String runId, SortedMap<String, Integer> versions, String extractorsKey, long started) {
        BootstrapProgress progress = request.progress();
        progress.phase("reading the tree of " + commitId.name().substring(0, 12));
        CommitTree tree = CommitTree.read(repository, commitId);
        BootstrapConfig config = config(repository, tree);
        FactContext context = new FactContext(target.id(), tree.commit(), tree.committedAt(), versions);
        FactEvents facts = new FactEvents(context);
        PathFilter filter = new PathFilter(config);
        List<CommitEntry> included = new ArrayList<>();
        for (CommitEntry entry : tree.entries()) {
            if (filter.accepts(entry.path())) {
                included.add(entry);
            }
        }
        int excluded = tree.entries().size() - included.size();
        Optional<BootstrapLedger.Completed> base = request.full() ? Optional.empty()
                : ledger.nearestBootstrappedAncestor(repository, commitId, target.id(), extractorsKey);
        // A base made with another configuration cannot be patched: then the commit is read whole.
        String configKey = BootstrapArtifacts.configKey(config);
        Optional<CommitState> baseState = base.flatMap(b -> BootstrapArtifacts.readState(artifacts, b.commit(),
                b.artifacts())).filter(state -> state.configKey().equals(configKey));
        CommitScan scan = new CommitScan(repository, analyzer, routes, threads, request.cancelled(), progress);
        CommitScan.Staged staged = baseState.isPresent()
                ? CommitScan.Staged.whole(scan.incremental(included, excluded, config, baseState.get(), facts))
                : scan.full(included, excluded, config, facts);
        BootstrapResult.Mode mode = baseState.isPresent() ? BootstrapResult.Mode.INCREMENTAL
                : BootstrapResult.Mode.FULL;
        String baseCommit = baseState.map(CommitState::commit).orElse(null);
        // The file facts are recorded while routes are still being found; the rest of the bundle
        // (routes, repo.indexed, artifacts, bootstrap.completed) follows in the same transaction.
        CompletableFuture<Closing> closing = staged.rest().thenApply(outcome -> closing(target, request, runId,
                context, config, facts, versions, extractorsKey, mode, baseCommit, staged.early(), outcome));
        checkCancelled(request);
        if (staged.early().isEmpty()) {
            progress.phase("recording what changed");
        } else {
            progress.facts(staged.early().size());
            progress.phase("recording " + staged.early().size() + " facts while API routes are extracted");
        }
        AppendResult appended;
        try {
            appended = store.append(staged.early(), closing.thenApply(Closing::events));
        } catch (EventConflictException e) {
            throw new BootstrapException(CONFLICT, "another bootstrap of " + tree.commit()
                    + " completed while this one ran;"
                    + " nothing of this run was recorded (" + e.getMessage() + ")", e);
        }
        Closing closed = closing.join();
        progress.facts(closed.emitted().values().stream().mapToInt(Integer::intValue).sum());
        List<StoredEvent> stored = appended.appended();
        return new BootstrapResult(target.id(), tree.commit(), mode, baseCommit, closed.counts(), closed.emitted(),
                closed.digests(), stored.isEmpty() ? 0 : stored.getFirst().seq(),
                stored.isEmpty() ? 0 : stored.getLast().seq(), elapsed(started));
    }

    /** The end of a run's bundle, made once its routes are known, and what the result reports. */
    private record Closing(List<EventEnvelope> events, BootstrapCounts counts, SortedMap<String, Integer> emitted,
            SortedMap<String, String> digests) {
    }

    private Closing closing(RegisteredTarget target, BootstrapRequest request, String runId, FactContext context,
            BootstrapConfig config, FactEvents facts, SortedMap<String, Integer> versions, String extractorsKey,
            BootstrapResult.Mode mode, String baseCommit, List<EventEnvelope> early, CommitScan.Outcome outcome) {
        checkCancelled(request);
        CommitState state = outcome.state();
        BootstrapCounts counts = BootstrapCounts.of(state);
        List<EventEnvelope> events = new ArrayList<>(outcome.facts().size() + 8);
        events.addAll(outcome.facts());
        events.add(facts.repoIndexed(counts));
        SortedMap<String, String> digests = new TreeMap<>();
        for (BootstrapArtifacts.Artifact artifact : BootstrapArtifacts.of(context, config, state, counts)) {
            ArtifactRef ref = artifacts.put(artifact.content());
            digests.put(artifact.name(), ref.sha256());
            events.add(facts.artifactCreated(artifact.name(), ref, artifact.mediaType()));
        }
        SortedMap<String, Integer> emitted = new TreeMap<>();
        early.forEach(event -> emitted.merge(event.eventType(), 1, Integer::sum));
        outcome.facts().forEach(event -> emitted.merge(event.eventType(), 1, Integer::sum));

        ObjectNode completed = runPayload(target, state.commit(), runId);
        completed.put("ref", refOf(request, target));
        completed.put("mode", mode.wire());
        if (baseCommit != null) {
            completed.put("base_commit", baseCommit);
        }
        completed.set("extractors", Json.MAPPER.valueToTree(versions));
        completed.set("counts", counts.toJson());
        completed.set("emitted", Json.MAPPER.valueToTree(emitted));
        completed.set("artifacts", Json.MAPPER.valueToTree(digests));
        events.add(EventEnvelope.of(BootstrapLedger.completedId(target.id(), state.commit(), extractorsKey),
                EventType.BOOTSTRAP_COMPLETED.wire(), clock.instant(), request.operator(), target.id(),
                Payload.of(completed)));
        checkCancelled(request);
        return new Closing(events, counts, emitted, digests);
    }

    private static BootstrapConfig config(Repository repository, CommitTree tree) {
        Optional<CommitEntry> file = tree.entry(BootstrapConfig.PATH);
        if (file.isEmpty() || !file.get().hasBlob()) {
            return BootstrapConfig.defaults();
        }
        try {
            byte[] content = repository.open(file.get().objectId(), Constants.OBJ_BLOB).getBytes();
            return TargetFiles.loadBootstrapConfig(BootstrapConfig.PATH + " at " + tree.commit().substring(0, 12),
                    content);
        } catch (TargetFileException e) {
            throw new BootstrapException(INVALID, e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BootstrapConfig.PATH + ": " + e.getMessage(), e);
        }
    }

    private BootstrapResult unchanged(RegisteredTarget target, BootstrapLedger.Completed done, long started) {
        var payload = done.event().payload().json();
        SortedMap<String, String> digests = new TreeMap<>(done.artifacts());
        String base = payload.path("base_commit").isMissingNode() ? null : payload.path("base_commit").asText();
        return new BootstrapResult(target.id(), done.commit(), BootstrapResult.Mode.UNCHANGED, base,
                BootstrapCounts.fromJson(payload.path("counts")), new TreeMap<>(), digests, 0, 0, elapsed(started));
    }

    /** A target that cannot even be opened, or a ref that does not exist: one bundle says so. */
    private void recordFailureBeforeStart(RegisteredTarget target, BootstrapRequest request, String commit,
            String reason, String extractorsKey) {
        String runId = runId(target.id(), refOf(request, target), extractorsKey);
        ObjectNode payload = startedPayload(target, request, commit, runId, extractorVersions());
        ObjectNode failed = runPayload(target, commit, runId);
        failed.put("ref", refOf(request, target));
        failed.put("reason", reason);
        store.append(List.of(runEvent(EventType.BOOTSTRAP_STARTED, runId, target, request, payload),
                runEvent(EventType.BOOTSTRAP_FAILED, runId, target, request, failed)));
    }

    private ObjectNode startedPayload(RegisteredTarget target, BootstrapRequest request, String commit, String runId,
            SortedMap<String, Integer> versions) {
        ObjectNode payload = runPayload(target, commit, runId);
        payload.put("ref", refOf(request, target));
        payload.put("repo", target.repo());
        payload.put("full", request.full());
        payload.set("extractors", Json.MAPPER.valueToTree(versions));
        return payload;
    }

    private static ObjectNode runPayload(RegisteredTarget target, String commit, String runId) {
        ObjectNode payload = Json.object();
        payload.put("target_id", target.id());
        payload.put("run_id", runId);
        if (commit != null) {
            payload.put("commit", commit);
        }
        return payload;
    }

    private EventEnvelope runEvent(EventType type, String runId, RegisteredTarget target, BootstrapRequest request,
            ObjectNode payload) {
        return EventEnvelope.of(type.wire() + ":" + runId, type.wire(), clock.instant(), request.operator(),
                target.id(), Payload.of(payload));
    }

    /**
     * A run's id: from the target, the commit, the extractor versions and the store's head when
     * it starts, so the same history gives the same run id (and events) in any store, and two
     * runs started at once on one head collide on {@code bootstrap.started} instead of both
     * running.
     */
    private String runId(String targetId, String commit, String extractorsKey) {
        MessageDigest sha256 = BlobScanner.sha256();
        String text = targetId + "\0" + commit + "\0" + extractorsKey + "\0" + store.head().seq();
        return HEX.formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }

    private static String refOf(BootstrapRequest request, RegisteredTarget target) {
        return request.ref() == null || request.ref().isBlank() ? target.defaultBranch() : request.ref().strip();
    }

    private static void checkCancelled(BootstrapRequest request) {
        if (request.cancelled().getAsBoolean()) {
            throw new CancellationException("bootstrap cancelled");
        }
    }

    private static String reason(RuntimeException e) {
        if (e instanceof CancellationException) {
            return "cancelled by the operator; nothing of this run was recorded";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private String registeredHint() {
        List<String> ids = targets.list().stream().map(RegisteredTarget::id).toList();
        return ids.isEmpty() ? ": register one first (leviathanctl targets add PATH_OR_URL)"
                : "; registered: " + String.join(", ", ids);
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
