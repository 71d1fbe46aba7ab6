package dev.leviathan.console.graph;

import dev.leviathan.console.graph.GraphModel.CommitChoice;
import dev.leviathan.console.graph.GraphScene.SceneEdge;
import dev.leviathan.console.graph.GraphScene.SceneNode;
import dev.leviathan.console.provenance.Provenance;
import dev.leviathan.console.ui.Background;
import dev.leviathan.console.ui.ScreenController;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.graph.FactAtCommit;
import dev.leviathan.engine.graph.GraphEdge;
import dev.leviathan.engine.graph.GraphProjection;
import dev.leviathan.engine.graph.GraphService;
import dev.leviathan.engine.graph.Neighbourhood;
import dev.leviathan.engine.graph.NodeType;
import dev.leviathan.engine.graph.NodeView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Loads a target's graph at a bootstrapped commit from the engine's projection, lays it out in the
 * background and answers the view's clicks with details and neighbourhoods. The screen only reads:
 * it records no events. Each load is a generation; results of an older one are dropped.
 */
public final class GraphController implements ScreenController {

    /**
     * The most nodes one view lays out and draws; the rest of a larger commit is found by search.
     * {@code -Dleviathan.graph.max-nodes=N} changes it for a machine that can draw more.
     */
    static final String MAX_NODES_PROPERTY = "leviathan.graph.max-nodes";
    static final int DEFAULT_MAX_NODES = 25_000;
    private final int maxNodes = Math.max(1, Integer.getInteger(MAX_NODES_PROPERTY, DEFAULT_MAX_NODES));
    static final int NEIGHBOURS = 300;
    static final int DETAIL_EVENTS = 40;
    private static final Set<NodeType> GOVERNANCE = EnumSet.of(NodeType.TARGET, NodeType.COMMIT, NodeType.TASK,
            NodeType.APPROVAL, NodeType.ATTEMPT, NodeType.JOB, NodeType.PULL_REQUEST);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final GraphService graph;
    private final EventStore store;
    private final Background background;
    private final ZoneId zone;
    private final GraphModel model = new GraphModel();
    private final GraphView view;
    private final AtomicLong generation = new AtomicLong();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(400));
    private final Runnable onGraphChange = () -> Platform.runLater(this::graphChanged);
    private long focusSerial;
    private int matchIndex;
    private boolean active;
    private boolean stale = true;
    private boolean stopped;

    public GraphController(GraphService graph, EventStore store, Background background, ZoneId zone) {
        this.graph = graph;
        this.store = store;
        this.background = background;
        this.zone = zone;
        this.view = new GraphView(this);
        debounce.setOnFinished(e -> refreshTargets());
    }

    public GraphModel model() {
        return model;
    }

    /** Follows the projection: new bootstraps update the target and commit selectors. */
    public void start() {
        graph.onChange(onGraphChange);
    }

    private void graphChanged() {
        if (stopped) {
            return;
        }
        stale = true;
        if (active) {
            debounce.playFromStart();
        }
    }

    // ------------------------------------------------------------------ handlers called by the view

    void onTarget(String target) {
        if (target == null || target.equals(loadedTarget)) {
            return;
        }
        model.target.set(target);
        loadCommits(target, null);
    }

    void onCommit(CommitChoice commit) {
        if (commit == null || model.target.get() == null || commit.sha().equals(loadedCommit)) {
            return;
        }
        model.commit.set(commit);
        load(model.target.get(), commit.sha());
    }

    void onLayout(SceneLayout.Kind kind) {
        if (kind == null || kind == model.layout.get()) {
            return;
        }
        model.layout.set(kind);
        GraphScene current = model.scene.get();
        if (current.nodeCount() > 0) {
            relayout(current.nodes(), current.edges(), kind, statusPrefix);
        }
    }

    void onShowType(NodeType type, boolean shown) {
        if (shown) {
            model.hiddenTypes.remove(type);
        } else {
            model.hiddenTypes.add(type);
        }
    }

    /** Finds nodes of the view by name or path; a repeated search steps to the next match. */
    void onSearch(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            model.matches.clear();
            model.searchResult.set("");
            return;
        }
        if (needle.equals(model.search.get()) && !model.matches.isEmpty()) {
            matchIndex = (matchIndex + 1) % model.matches.size();
        } else {
            model.search.set(needle);
            GraphScene scene = model.scene.get();
            List<String> found = new ArrayList<>();
            for (int i = 0; i < scene.nodeCount(); i++) {
                String label = scene.label(i);
                if (!model.hiddenTypes.contains(scene.type(i))
                        && (scene.id(i).toLowerCase(Locale.ROOT).contains(needle)
                                || label != null && label.toLowerCase(Locale.ROOT).contains(needle))) {
                    found.add(scene.id(i));
                }
            }
            found.sort(SEARCH_ORDER.apply(needle));
            model.matches.setAll(found);
            matchIndex = 0;
        }
        if (model.matches.isEmpty() && !beyondView.isEmpty()) {
            searchBeyondView(needle);
            return;
        }
        if (model.matches.isEmpty()) {
            model.searchResult.set("no match");
            return;
        }
        model.searchResult.set((matchIndex + 1) + " of " + model.matches.size());
        String id = model.matches.get(matchIndex);
        model.focus.set(new GraphModel.Focus(id, ++focusSerial));
        onSelect(id);
    }

    /** Shows a node's properties and the events that made it; null clears the pane. */
    void onSelect(String nodeId) {
        model.selected.set(nodeId);
        if (nodeId == null) {
            model.detail.set(null);
            return;
        }
        background.run(() -> detailOf(nodeId), detail -> {
            if (nodeId.equals(model.selected.get())) {
                model.detail.set(detail);
            }
        }, this::failed);
    }

    /**
     * A graph larger than {@link #maxNodes} shows only part of its commit: a search that finds
     * nothing in the view looks at the rest, and brings the best match into the view beside a
     * neighbour already there, with its neighbours.
     */
    private void searchBeyondView(String needle) {
        GraphScene current = model.scene.get();
        List<SceneNode> candidates = beyondView;
        Set<NodeType> hidden = Set.copyOf(model.hiddenTypes);
        long expectedGeneration = generation.get();
        model.searchResult.set("searching the nodes beyond the view…");
        background.run(() -> {
            SceneNode best = null;
            int found = 0;
            for (SceneNode node : candidates) {
                if (hidden.contains(node.type()) || !matches(node, needle)) {
                    continue;
                }
                found++;
                if (best == null || SEARCH_ORDER.apply(needle).compare(node.id(), best.id()) < 0) {
                    best = node;
                }
            }
            if (best == null) {
                return null;
            }
            Neighbourhood around = graph.projection().neighbourhood(best.id(), 1, NEIGHBOURS).orElse(null);
            List<SceneNode> added = new ArrayList<>(List.of(best));
            List<SceneEdge> edges = new ArrayList<>();
            String anchor = null;
            if (around != null) {
                for (NodeView neighbour : around.nodes()) {
                    added.add(sceneNode(neighbour));
                    if (anchor == null && current.indexOf(neighbour.id()) >= 0) {
                        anchor = neighbour.id();
                    }
                }
                around.edges().stream().map(GraphController::sceneEdge).forEach(edges::add);
            }
            return new BeyondMatch(best.id(), found, SceneLayout.expand(current, anchor, added, edges));
        }, match -> {
            if (expectedGeneration != generation.get()) {
                return;
            }
            if (match == null) {
                model.searchResult.set("no match");
                return;
            }
            beyondView = beyondView.stream().filter(node -> match.scene().indexOf(node.id()) < 0).toList();
            model.fitOnChange.set(false);
            show(match.scene());
            model.matches.setAll(List.of(match.id()));
            matchIndex = 0;
            model.searchResult.set("1 of " + match.found() + " beyond the view, brought in");
            model.focus.set(new GraphModel.Focus(match.id(), ++focusSerial));
            onSelect(match.id());
        }, this::failed);
    }

    private record BeyondMatch(String id, int found, GraphScene scene) {
    }

    private static boolean matches(SceneNode node, String needle) {
        return node.id().toLowerCase(Locale.ROOT).contains(needle)
                || node.label() != null && node.label().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Exact names first, then shorter paths: "app.py" finds app.py before app.py.bak. */
    private static final java.util.function.Function<String, Comparator<String>> SEARCH_ORDER = needle ->
            Comparator.comparing((String id) -> !id.toLowerCase(Locale.ROOT).endsWith(needle))
                    .thenComparingInt(String::length).thenComparing(id -> id);

    /** Adds the node's neighbours (one edge away) around it, without moving what is laid out. */
    void onExpand(String nodeId) {
        GraphScene current = model.scene.get();
        long expectedGeneration = generation.get();
        background.run(() -> {
            Neighbourhood around = graph.projection().neighbourhood(nodeId, 1, NEIGHBOURS)
                    .orElseThrow(() -> new IllegalStateException("no node '" + nodeId + "' in the graph"));
            List<SceneNode> nodes = around.nodes().stream().map(GraphController::sceneNode).toList();
            List<SceneEdge> edges = around.edges().stream().map(GraphController::sceneEdge).toList();
            return SceneLayout.expand(current, nodeId, nodes, edges);
        }, expanded -> {
            if (expectedGeneration != generation.get()) {
                return;
            }
            int added = expanded.nodeCount() - current.nodeCount();
            model.fitOnChange.set(false);
            show(expanded);
            model.status.set(statusOf(expanded) + " · expanded " + shortId(nodeId) + ": "
                    + (added == 0 ? "no new neighbours" : "+" + added + (added == 1 ? " node" : " nodes")));
            onSelect(nodeId);
        }, this::failed);
    }

    // ------------------------------------------------------------------ loading

    private String loadedTarget;
    private String loadedCommit;
    private String statusPrefix = "";
    private List<SceneNode> beyondView = List.of();

    private void refreshTargets() {
        stale = false;
        background.run(() -> {
            GraphProjection projection = graph.projection();
            return projection.nodesOfType(NodeType.TARGET, 10_000).stream()
                    .map(NodeView::targetId)
                    .filter(t -> t != null && projection.latestBootstrappedCommit(t).isPresent())
                    .sorted().toList();
        }, targets -> {
            model.targets.setAll(targets);
            model.noTarget.set(targets.isEmpty());
            if (targets.isEmpty()) {
                return;
            }
            String target = targets.contains(model.target.get()) ? model.target.get() : targets.getFirst();
            model.target.set(target);
            loadCommits(target, target.equals(loadedTarget) ? loadedCommit : null);
        }, this::failed);
    }

    /** Lists the target's bootstrapped commits; loads {@code keep} if given, else the latest. */
    private void loadCommits(String target, String keep) {
        background.run(() -> {
            GraphProjection projection = graph.projection();
            List<NodeView> commits = new ArrayList<>(projection.nodesOfType(NodeType.COMMIT, Integer.MAX_VALUE)
                    .stream().filter(c -> target.equals(c.targetId()) && "completed".equals(c.property("bootstrap")))
                    .toList());
            commits.sort(Comparator.comparingLong((NodeView c) -> c.eventSeqs().getLast()).reversed());
            return commits.stream().map(c -> new CommitChoice(c.property("commit"), label(c))).toList();
        }, commits -> {
            // Someone looking at the newest commit keeps looking at the newest as bootstraps land.
            boolean wasNewest = keep != null && !model.commits.isEmpty() && model.commits.getFirst().sha().equals(keep)
                    && target.equals(loadedTarget);
            model.commits.setAll(commits);
            CommitChoice chosen = wasNewest ? commits.getFirst() : commits.stream()
                    .filter(c -> c.sha().equals(keep)).findFirst().orElse(commits.isEmpty() ? null : commits.getFirst());
            model.commit.set(chosen);
            if (chosen != null && !(target.equals(loadedTarget) && chosen.sha().equals(loadedCommit))) {
                load(target, chosen.sha());
            }
        }, this::failed);
    }

    private static String label(NodeView commit) {
        String sha = commit.property("commit");
        String mode = commit.property("mode");
        return sha.substring(0, Math.min(12, sha.length())) + (mode == null ? "" : " · " + mode);
    }

    private void load(String target, String commit) {
        loadedTarget = target;
        loadedCommit = commit;
        long current = generation.incrementAndGet();
        model.busy.set(true);
        model.progress.set(-1);
        model.progressText.set("Reading the graph of " + target + " at " + commit.substring(0, 12) + "…");
        model.error.set("");
        SceneLayout.Kind kind = model.layout.get();
        background.run(() -> {
            GraphProjection projection = graph.projection();
            List<FactAtCommit> facts = projection.factsAt(target, commit, Set.of());
            LinkedHashSet<String> ids = new LinkedHashSet<>();
            List<SceneNode> nodes = new ArrayList<>();
            List<Treemap.Item> files = new ArrayList<>();
            // The target's own nodes that are not facts of a commit: itself, commits, tasks, approvals,
            // attempts, jobs, pull requests. Artifacts come in when their commit or attempt is expanded.
            for (NodeView node : projection.nodesOfTarget(target, GOVERNANCE, maxNodes)) {
                if (ids.add(node.id())) {
                    nodes.add(sceneNode(node));
                }
            }
            boolean truncated = false;
            List<SceneNode> beyond = new ArrayList<>();
            for (FactAtCommit fact : facts) {
                NodeView node = fact.node();
                if (node.type() == NodeType.FILE) {
                    files.add(new Treemap.Item(node.id(), node.property("path"), parseSize(node.property("size_bytes")),
                            node.property("file_type")));
                }
                if (nodes.size() >= maxNodes) {
                    truncated = true;
                    if (!ids.contains(node.id())) {
                        beyond.add(sceneNode(node));
                    }
                    continue;
                }
                if (ids.add(node.id())) {
                    nodes.add(sceneNode(node));
                }
            }
            List<SceneEdge> edges = projection.subgraph(ids).edgeSet().stream().map(GraphController::sceneEdge)
                    .toList();
            String prefix = truncated ? "first " + maxNodes + " of " + (facts.size() + ids.size()) + " nodes · " : "";
            return new Loaded(nodes, edges, files, prefix, beyond);
        }, loaded -> {
            if (current != generation.get()) {
                return;
            }
            model.treemap.set(loaded.files());
            long bytes = loaded.files().stream().mapToLong(Treemap.Item::size).sum();
            model.treemapText.set(String.format(Locale.ROOT, "%,d files · %s at %s · area is size, colour is file type",
                    loaded.files().size(), TreemapCanvas.bytes(bytes), commit.substring(0, 12)));
            statusPrefix = loaded.prefix();
            beyondView = loaded.beyond();
            relayout(loaded.nodes(), loaded.edges(), kind, loaded.prefix());
        }, failure -> {
            if (current == generation.get()) {
                failed(failure);
            }
        });
    }

    /** {@code beyond}: the commit's nodes left out of the view by {@link #maxNodes}, which a search still finds. */
    private record Loaded(List<SceneNode> nodes, List<SceneEdge> edges, List<Treemap.Item> files, String prefix,
            List<SceneNode> beyond) {
    }

    private void relayout(List<SceneNode> nodes, List<SceneEdge> edges, SceneLayout.Kind kind, String prefix) {
        long current = generation.incrementAndGet();
        model.busy.set(true);
        model.progress.set(0);
        model.progressText.set(String.format(Locale.ROOT, "Laying out %,d nodes (%s)…", nodes.size(),
                kind.toString().toLowerCase(Locale.ROOT)));
        long started = System.nanoTime();
        double[] lastShown = {0};
        background.run(() -> SceneLayout.layout(nodes, edges, kind, fraction -> {
            // At most ~50 hand-overs to the FX thread per layout.
            if (fraction - lastShown[0] >= 0.02) {
                lastShown[0] = fraction;
                Platform.runLater(() -> {
                    if (current == generation.get()) {
                        model.progress.set(fraction);
                    }
                });
            }
        }, () -> current != generation.get() || stopped), scene -> {
            if (current != generation.get()) {
                return;
            }
            model.fitOnChange.set(true);
            show(scene);
            model.status.set(prefix + statusOf(scene) + String.format(Locale.ROOT, " · %s layout in %.1f s",
                    kind.toString().toLowerCase(Locale.ROOT), (System.nanoTime() - started) / 1e9));
        }, failure -> {
            if (current == generation.get()) {
                failed(failure);
            }
        });
    }

    private void show(GraphScene scene) {
        model.busy.set(false);
        EnumSet<NodeType> present = EnumSet.noneOf(NodeType.class);
        for (int i = 0; i < scene.nodeCount(); i++) {
            present.add(scene.type(i));
        }
        model.presentTypes.setAll(present);
        model.scene.set(scene);
        model.matches.clear();
        model.searchResult.set("");
        model.search.set("");
    }

    private static String statusOf(GraphScene scene) {
        return String.format(Locale.ROOT, "%,d nodes · %,d edges", scene.nodeCount(), scene.edgeCount());
    }

    private NodeDetail detailOf(String nodeId) {
        GraphProjection projection = graph.projection();
        NodeView node = projection.node(nodeId)
                .orElseThrow(() -> new IllegalStateException("no node '" + nodeId + "' in the graph"));
        List<String> edges = projection.edgesOf(nodeId).stream()
                .map(e -> e.from().equals(nodeId) ? e.type() + " → " + e.to() : e.type() + " ← " + e.from())
                .toList();
        List<Long> seqs = node.eventSeqs();
        List<Long> newest = seqs.subList(Math.max(0, seqs.size() - DETAIL_EVENTS), seqs.size());
        List<NodeDetail.Event> events = new ArrayList<>();
        for (StoredEvent event : store.readSeqs(newest)) {
            events.add(new NodeDetail.Event(event.seq(), event.eventType(), time(event.envelope().timestamp()),
                    event.envelope().actorId()));
        }
        events.sort(Comparator.comparingLong(NodeDetail.Event::seq).reversed());
        // Task, approval, attempt, job and pull request nodes belong to a chain of governed work.
        Provenance chain = Provenance.of(projection, nodeId, seq -> store.readSeqs(List.of(seq)).stream().findFirst()
                .map(e -> e.envelope().actorId()).orElse(null)).orElse(null);
        return new NodeDetail(node.id(), node.type(), node.label(), node.properties(), edges, seqs.size(), events,
                chain);
    }

    private String time(String timestamp) {
        try {
            return TIME.format(Instant.parse(timestamp).atZone(zone));
        } catch (RuntimeException e) {
            return timestamp;
        }
    }

    private void failed(String message) {
        model.busy.set(false);
        model.error.set(message);
    }

    private static SceneNode sceneNode(NodeView node) {
        return new SceneNode(node.id(), node.type(), node.label());
    }

    private static SceneEdge sceneEdge(GraphEdge edge) {
        return new SceneEdge(edge.type(), edge.from(), edge.to());
    }

    private static long parseSize(String value) {
        try {
            return value == null ? 1 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String shortId(String id) {
        return id.length() > 40 ? "…" + id.substring(id.length() - 39) : id;
    }

    // ------------------------------------------------------------------ screen lifecycle

    @Override
    public Node view() {
        return view.root();
    }

    @Override
    public void onActivate() {
        active = true;
        view.bind(model);
        if (stale) {
            refreshTargets();
        }
    }

    @Override
    public void onDeactivate() {
        active = false;
        debounce.stop();
        view.unbind();
    }

    @Override
    public void stop() {
        stopped = true;
        generation.incrementAndGet();
        graph.removeListener(onGraphChange);
    }
}
