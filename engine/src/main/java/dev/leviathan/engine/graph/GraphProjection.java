package dev.leviathan.engine.graph;

import dev.leviathan.engine.event.CanonicalJson;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.StoredEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * The knowledge graph, projected from events in seq order (DESIGN.md §Graph). Applying an event
 * twice, or an event at or below {@link #lastSeq()}, changes nothing, so catching up from any
 * point gives the same graph as a rebuild from scratch. Safe for one writer (the projector) and
 * many readers (queries) at once.
 */
public final class GraphProjection {

    private static final int RECENT = 20;

    // Nodes keep the edges that touch them; one set keeps edges unique. A rebuild adds a million
    // nodes and edges, so the projection stores them itself; JGraphT gets a copy of the part an
    // algorithm needs (subgraph).
    private final Map<String, NodeRecord> nodes;
    private final Set<GraphEdge> edges;
    private final Deque<RecentEvent> recent = new ArrayDeque<>(RECENT);
    // target:commit -> the commit its bootstrap was incremental from ("" for a full bootstrap)
    private final Map<String, String> bootstrapBase = new HashMap<>();
    private final Map<String, String> latestBootstrap = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Projector projector = new Projector(this);
    private long lastSeq;
    private long projected;
    private long withoutNode;

    public GraphProjection() {
        this(0);
    }

    /** A projection sized for about {@code expectedEvents} events, so its tables never rehash. */
    public GraphProjection(long expectedEvents) {
        int capacity = (int) Math.min(1 << 24, Math.max(16, expectedEvents * 4 / 3));
        this.nodes = new LinkedHashMap<>(capacity);
        this.edges = new HashSet<>(capacity);
    }

    /** A graph built from every event in the store. */
    public static GraphProjection rebuild(EventStore store) {
        GraphProjection projection = new GraphProjection(store.head().seq());
        projection.catchUp(store);
        return projection;
    }

    /** Applies every event after {@link #lastSeq()}; returns how many were applied. */
    public long catchUp(EventStore store) {
        long before = projected;
        store.scanPages(lastSeq(), this::apply);
        return projected - before;
    }

    /** Applies events in order; their payloads are parsed on all cores first. */
    public void apply(List<StoredEvent> events) {
        PayloadFields[] fields = new PayloadFields[events.size()];
        java.util.stream.IntStream.range(0, events.size()).parallel()
                .forEach(i -> fields[i] = PayloadFields.parse(events.get(i).payload().canonical()));
        for (int i = 0; i < fields.length; i++) {
            apply(events.get(i), fields[i]);
        }
    }

    public void apply(StoredEvent event) {
        apply(event, PayloadFields.parse(event.payload().canonical()));
    }

    private void apply(StoredEvent event, PayloadFields payload) {
        lock.writeLock().lock();
        try {
            if (event.seq() <= lastSeq) {
                return;
            }
            lastSeq = event.seq();
            projected++;
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(new RecentEvent(event.seq(), event.eventType(), event.targetId(),
                    event.envelope().timestamp(), event.eventId()));
            if (!projector.project(event, payload)) {
                if (event.targetId() != null) {
                    touch(NodeType.TARGET, Projector.targetNodeId(event.targetId()), event.targetId(),
                            event.targetId(), event.seq());
                } else {
                    withoutNode++;
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ------------------------------------------------------------ mutation (projector, write lock held)

    /** The node, created if missing, with the event's seq recorded on it. */
    NodeRecord touch(NodeType type, String id, String targetId, String label, long seq) {
        NodeRecord node = nodes.get(id);
        if (node == null) {
            node = new NodeRecord(id, type, targetId, label);
            nodes.put(id, node);
        }
        node.addSeq(seq);
        return node;
    }

    void link(EdgeType type, String from, String to) {
        if (from.equals(to)) {
            return;
        }
        NodeRecord source = nodes.get(from);
        NodeRecord target = nodes.get(to);
        if (source != null && target != null) {
            GraphEdge edge = new GraphEdge(type, from, to);
            if (edges.add(edge)) {
                source.addEdge(edge);
                target.addEdge(edge);
            }
        }
    }

    /** A completed bootstrap of {@code commit}, incremental from {@code base} (null for a full one). */
    void bootstrapped(String targetId, String commit, String base) {
        bootstrapBase.put(targetId + ":" + commit, base == null ? "" : base);
        latestBootstrap.put(targetId, commit);
    }

    /** Records an event on a node it concerns but did not create (an attempt's PR, artifact, job). */
    void recordOn(String id, long seq) {
        NodeRecord node = nodes.get(id);
        if (node != null) {
            node.addSeq(seq);
        }
    }

    boolean has(String id) {
        return nodes.containsKey(id);
    }

    // ------------------------------------------------------------ queries

    public long lastSeq() {
        lock.readLock().lock();
        try {
            return lastSeq;
        } finally {
            lock.readLock().unlock();
        }
    }

    public GraphSummary summary() {
        lock.readLock().lock();
        try {
            SortedMap<String, Integer> byNodeType = new TreeMap<>();
            for (NodeRecord node : nodes.values()) {
                byNodeType.merge(node.type.label(), 1, Integer::sum);
            }
            SortedMap<String, Integer> byEdgeType = new TreeMap<>();
            for (GraphEdge edge : edges) {
                byEdgeType.merge(edge.type().name(), 1, Integer::sum);
            }
            List<RecentEvent> newestFirst = new ArrayList<>(recent);
            java.util.Collections.reverse(newestFirst);
            return new GraphSummary(lastSeq, projected, withoutNode, byNodeType, byEdgeType, newestFirst);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The commit a target was last bootstrapped at (by seq), if any. */
    public Optional<String> latestBootstrappedCommit(String targetId) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(latestBootstrap.get(targetId));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The facts (files, docs, workflows, routes) of a target as they were at a bootstrapped
     * commit: what its bootstrap and the bootstraps it was incremental from recorded, newest
     * first. {@code commit} may be abbreviated; null means the latest bootstrapped commit.
     *
     * @throws IllegalArgumentException when the commit was not bootstrapped (or is ambiguous)
     */
    public List<FactAtCommit> factsAt(String targetId, String commit, Set<NodeType> types) {
        lock.readLock().lock();
        try {
            String full = bootstrappedCommit(targetId, commit);
            List<String> lineage = new ArrayList<>();
            for (String at = full; at != null && !at.isEmpty() && lineage.size() < 10_000;
                    at = bootstrapBase.get(targetId + ":" + at)) {
                lineage.add(at);
            }
            List<FactAtCommit> out = new ArrayList<>();
            for (NodeRecord node : nodes.values()) {
                if (!node.hasPresence() || !targetId.equals(node.targetId)
                        || (!types.isEmpty() && !types.contains(node.type))) {
                    continue;
                }
                for (String at : lineage) {
                    long seq = node.presenceAt(at);
                    if (seq != 0) {
                        if (seq > 0) {
                            out.add(new FactAtCommit(node.view(), at, seq));
                        }
                        break;
                    }
                }
            }
            out.sort(Comparator.comparing((FactAtCommit f) -> f.node().type())
                    .thenComparing(f -> f.node().label() == null ? "" : f.node().label())
                    .thenComparing(f -> f.node().id()));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private String bootstrappedCommit(String targetId, String commit) {
        if (commit == null || commit.isBlank()) {
            String latest = latestBootstrap.get(targetId);
            if (latest == null) {
                throw new IllegalArgumentException("target " + targetId + " has not been bootstrapped yet"
                        + " (leviathanctl bootstrap " + targetId + ")");
            }
            return latest;
        }
        String prefix = targetId + ":" + commit.strip();
        List<String> matches = bootstrapBase.keySet().stream().filter(key -> key.startsWith(prefix)).sorted().toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException(matches.isEmpty()
                    ? "commit " + commit + " of target " + targetId + " has not been bootstrapped"
                    : "commit " + commit + " is ambiguous: " + matches.size() + " bootstrapped commits start with it");
        }
        return matches.getFirst().substring(targetId.length() + 1);
    }

    public Optional<NodeView> node(String id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(nodes.get(id)).map(NodeRecord::view);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Nodes whose id or label contains {@code text} (case-insensitive), of the given types if any. */
    public List<NodeView> search(String text, Set<NodeType> types, int limit) {
        String needle = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return select(node -> (types.isEmpty() || types.contains(node.type))
                && (node.id.toLowerCase(Locale.ROOT).contains(needle)
                        || (node.label != null && node.label.toLowerCase(Locale.ROOT).contains(needle))), limit);
    }

    /** The nodes of one target, of the given types if any (the target's own node included). */
    public List<NodeView> nodesOfTarget(String targetId, Set<NodeType> types, int limit) {
        return select(node -> targetId.equals(node.targetId) && (types.isEmpty() || types.contains(node.type)), limit);
    }

    public List<NodeView> nodesOfType(NodeType type, int limit) {
        return select(node -> node.type == type, limit);
    }

    private List<NodeView> select(Predicate<NodeRecord> filter, int limit) {
        lock.readLock().lock();
        try {
            List<NodeView> out = new ArrayList<>();
            for (NodeRecord node : nodes.values()) {
                if (filter.test(node)) {
                    out.add(node.view());
                    if (out.size() >= limit) {
                        break;
                    }
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The node and all nodes within {@code depth} edges of it, following edges both ways. */
    public Optional<Neighbourhood> neighbourhood(String id, int depth, int maxNodes) {
        lock.readLock().lock();
        try {
            NodeRecord center = nodes.get(id);
            if (center == null) {
                return Optional.empty();
            }
            Map<String, Integer> distance = new LinkedHashMap<>();
            Deque<String> queue = new ArrayDeque<>();
            distance.put(id, 0);
            queue.add(id);
            Set<GraphEdge> edges = new java.util.LinkedHashSet<>();
            while (!queue.isEmpty() && distance.size() < maxNodes) {
                String current = queue.removeFirst();
                int d = distance.get(current);
                if (d >= depth) {
                    continue;
                }
                List<GraphEdge> touching = new ArrayList<>(nodes.get(current).edges());
                touching.sort(Comparator.comparing(GraphEdge::id));
                for (GraphEdge edge : touching) {
                    String other = edge.from().equals(current) ? edge.to() : edge.from();
                    if (!distance.containsKey(other)) {
                        if (distance.size() >= maxNodes) {
                            break;
                        }
                        distance.put(other, d + 1);
                        queue.addLast(other);
                    }
                    edges.add(edge);
                }
            }
            List<GraphEdge> inside = edges.stream()
                    .filter(e -> distance.containsKey(e.from()) && distance.containsKey(e.to())).toList();
            List<NodeView> views = distance.keySet().stream().map(n -> nodes.get(n).view()).toList();
            return Optional.of(new Neighbourhood(center.view(), depth, views, inside));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Attempts, newest first, optionally of one target and with one status. */
    public List<AttemptView> attempts(String targetId, String status, int limit) {
        lock.readLock().lock();
        try {
            List<AttemptView> out = new ArrayList<>();
            for (NodeRecord node : nodes.values()) {
                if (node.type == NodeType.ATTEMPT && (targetId == null || targetId.equals(node.targetId))
                        && (status == null || status.equals(node.get("status")))) {
                    out.add(attemptView(node));
                }
            }
            out.sort(Comparator.comparingLong(AttemptView::lastSeq).reversed());
            return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<AttemptView> attempt(String attemptId) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(nodes.get(Projector.attemptNodeId(attemptId))).map(GraphProjection::attemptView);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Failed attempts, newest first. */
    public List<AttemptView> recentFailures(int limit) {
        return attempts(null, "failed", limit);
    }

    private static AttemptView attemptView(NodeRecord node) {
        return new AttemptView(node.label, node.targetId, node.get("task_id"), node.get("status"),
                node.get("reason"), node.get("created_at"), node.get("updated_at"), node.firstSeq(), node.lastSeq());
    }

    /**
     * A digest of the whole graph (nodes with properties and event seqs, edges), independent of
     * insertion order: two projections of the same events have the same fingerprint.
     */
    public String fingerprint() {
        lock.readLock().lock();
        try {
            ObjectNode root = Json.object();
            ArrayNode nodeArray = root.putArray("nodes");
            nodes.values().stream().sorted(Comparator.comparing(n -> n.id)).forEach(node -> {
                NodeView view = node.view();
                ObjectNode json = nodeArray.addObject();
                json.put("id", view.id());
                json.put("type", view.type().label());
                json.put("label", view.label());
                json.put("target", view.targetId());
                ObjectNode props = json.putObject("properties");
                view.properties().forEach(props::put);
                ArrayNode seqs = json.putArray("events");
                view.eventSeqs().forEach(seqs::add);
                ObjectNode presence = json.putObject("presence");
                node.presence().forEach(presence::put);
            });
            ObjectNode lineage = root.putObject("bootstraps");
            new TreeMap<>(bootstrapBase).forEach(lineage::put);
            ObjectNode latest = root.putObject("latest_bootstraps");
            new TreeMap<>(latestBootstrap).forEach(latest::put);
            ArrayNode edgeArray = root.putArray("edges");
            edges.stream().map(GraphEdge::id).sorted().forEach(edgeArray::add);
            root.put("last_seq", lastSeq);
            root.put("without_node", withoutNode);
            byte[] digest = sha256().digest(CanonicalJson.write(root).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Edges touching a node, for the console's detail view. */
    public List<GraphEdge> edgesOf(String id) {
        lock.readLock().lock();
        try {
            NodeRecord node = nodes.get(id);
            if (node == null) {
                return List.of();
            }
            return node.edges().stream().sorted(Comparator.comparing(GraphEdge::id)).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The given nodes and the edges among them as a JGraphT graph, for algorithms (layout,
     * cycles, paths) on the part of the graph a view shows.
     */
    public Graph<String, GraphEdge> subgraph(Collection<String> nodeIds) {
        lock.readLock().lock();
        try {
            Graph<String, GraphEdge> copy = new DirectedMultigraph<>(null, null, false);
            for (String id : nodeIds) {
                if (nodes.containsKey(id)) {
                    copy.addVertex(id);
                }
            }
            for (String id : nodeIds) {
                NodeRecord node = nodes.get(id);
                if (node == null) {
                    continue;
                }
                for (GraphEdge edge : node.edges()) {
                    if (edge.from().equals(id) && copy.containsVertex(edge.to())) {
                        copy.addEdge(edge.from(), edge.to(), edge);
                    }
                }
            }
            return copy;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Node counts per target, used by the targets list. */
    public Map<String, Integer> nodeCountsByTarget() {
        lock.readLock().lock();
        try {
            Map<String, Integer> counts = new HashMap<>();
            for (NodeRecord node : nodes.values()) {
                if (node.targetId != null) {
                    counts.merge(node.targetId, 1, Integer::sum);
                }
            }
            return counts;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
