package dev.leviathan.console.events;

import dev.leviathan.console.chain.ChainController;
import dev.leviathan.console.provenance.Provenance;
import dev.leviathan.console.ui.Background;
import dev.leviathan.console.ui.ScreenController;
import dev.leviathan.engine.event.ChainHead;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.event.Subscription;
import dev.leviathan.engine.graph.GraphService;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javafx.application.Platform;
import javafx.scene.Node;

/**
 * The live tail: loads the newest events matching the filter, then follows the store. Each filter
 * change starts a new generation (a fresh page and a fresh subscription from the head read with
 * it), and anything still arriving for an older generation is dropped on the FX thread.
 */
public final class EventsController implements ScreenController {

    /** Events read when the screen (re)loads. */
    static final int INITIAL_PAGE = 500;
    /** Rows kept in memory: the newest win, so a busy store cannot exhaust the heap. */
    static final int MAX_ROWS = 5_000;

    private final EventStore store;
    private final Background background;
    private final ChainController chain;
    private final ZoneId zone;
    private final EventsModel model = new EventsModel();
    private final EventsView view;
    private final TreeSet<String> seenTypes = new TreeSet<>();
    private final TreeSet<String> seenTargets = new TreeSet<>();
    private long generation;
    private Subscription feed;
    private boolean stopped;
    private final GraphService graph;
    private long selection;

    public EventsController(EventStore store, GraphService graph, Background background, ChainController chain,
            ZoneId zone) {
        this.store = store;
        this.graph = graph;
        this.background = background;
        this.chain = chain;
        this.zone = zone;
        this.view = new EventsView(this);
    }

    public EventsModel model() {
        return model;
    }

    /** The filter a generation shows; null fields match everything. */
    private record Filter(String type, String target) {

        boolean matches(StoredEvent event) {
            return (type == null || type.equals(event.eventType()))
                    && (target == null || target.equals(event.targetId()));
        }
    }

    public void start() {
        reload(new Filter(null, null));
    }

    // ------------------------------------------------------------------ handlers called by the view

    void onFilter(String type, String target) {
        Filter filter = new Filter(blankToNull(type), blankToNull(target));
        if (filter.equals(currentFilter())) {
            return;
        }
        reload(filter);
    }

    void onClearFilters() {
        onFilter(null, null);
    }

    void onSelect(EventRow row) {
        model.detail.set(row == null ? null : EventDetail.of(row.event()));
        model.provenance.set(null);
        long current = ++selection;
        java.util.Optional<String> node = row == null ? java.util.Optional.empty() : Provenance.nodeOf(row.event());
        if (node.isEmpty()) {
            return;
        }
        // The graph catches up with the store on its first use: a background job.
        background.run(() -> Provenance.of(graph.projection(), node.get(), this::actorOf), found -> {
            if (current == selection) {
                model.provenance.set(found.orElse(null));
            }
        }, failure -> {
        });
    }

    private String actorOf(long seq) {
        return store.readSeqs(java.util.List.of(seq)).stream().findFirst().map(e -> e.envelope().actorId()).orElse(null);
    }

    void onVerify() {
        chain.verify();
    }

    // ------------------------------------------------------------------ loading and following

    private Filter currentFilter() {
        return new Filter(blankToNull(model.typeFilter.get()), blankToNull(model.targetFilter.get()));
    }

    private void reload(Filter filter) {
        long current = ++generation;
        closeFeed();
        model.typeFilter.set(filter.type() == null ? "" : filter.type());
        model.targetFilter.set(filter.target() == null ? "" : filter.target());
        model.filterActive.set(filter.type() != null || filter.target() != null);
        model.loading.set(true);
        model.error.set("");
        background.run(() -> {
            ChainHead head = store.head();
            EventQuery query = EventQuery.latest(INITIAL_PAGE).before(head.seq() + 1);
            if (filter.type() != null) {
                query = query.withTypes(Set.of(filter.type()));
            }
            if (filter.target() != null) {
                query = query.withTarget(filter.target());
            }
            List<StoredEvent> newestFirst = store.read(query);
            List<EventRow> rows = newestFirst.stream().map(e -> EventRow.of(e, zone)).toList();
            // Posted before subscribing: runLater is FIFO, so the page lands before any live batch.
            Platform.runLater(() -> showPage(current, rows, newestFirst));
            return store.subscribe(head.seq(), batch -> onLive(current, filter, batch));
        }, subscription -> {
            if (current != generation || stopped) {
                subscription.close();
            } else {
                feed = subscription;
            }
        }, failure -> {
            if (current == generation) {
                model.loading.set(false);
                model.error.set("Cannot read events: " + failure);
            }
        });
    }

    private void showPage(long pageGeneration, List<EventRow> rows, List<StoredEvent> events) {
        if (pageGeneration != generation) {
            return;
        }
        model.rows.setAll(rows);
        model.detail.set(null);
        remember(events);
        model.loading.set(false);
        updateCount();
    }

    /** Subscription thread: format off the FX thread, then one hand-over per batch. */
    private void onLive(long liveGeneration, Filter filter, List<StoredEvent> batch) {
        List<EventRow> matching = new ArrayList<>();
        for (StoredEvent event : batch) {
            if (filter.matches(event)) {
                matching.add(EventRow.of(event, zone));
            }
        }
        Collections.reverse(matching);
        Platform.runLater(() -> {
            if (liveGeneration != generation || stopped) {
                return;
            }
            remember(batch);
            if (!matching.isEmpty()) {
                model.rows.addAll(0, matching.size() > MAX_ROWS ? matching.subList(0, MAX_ROWS) : matching);
                if (model.rows.size() > MAX_ROWS) {
                    model.rows.remove(MAX_ROWS, model.rows.size());
                }
                updateCount();
            }
        });
    }

    private void remember(List<StoredEvent> events) {
        boolean newType = false;
        boolean newTarget = false;
        for (StoredEvent event : events) {
            newType |= seenTypes.add(event.eventType());
            if (event.targetId() != null) {
                newTarget |= seenTargets.add(event.targetId());
            }
        }
        if (newType) {
            model.knownTypes.setAll(seenTypes);
        }
        if (newTarget) {
            model.knownTargets.setAll(seenTargets);
        }
    }

    private void updateCount() {
        int count = model.rows.size();
        String noun = model.filterActive.get() ? (count == 1 ? "matching event" : "matching events")
                : (count == 1 ? "event" : "events");
        String text = String.format(Locale.ROOT, "%,d %s · newest first · following live", count, noun);
        if (count >= MAX_ROWS) {
            text += String.format(Locale.ROOT, " (newest %,d kept)", MAX_ROWS);
        }
        model.countText.set(text);
    }

    private void closeFeed() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // ------------------------------------------------------------------ screen lifecycle

    @Override
    public Node view() {
        return view.root();
    }

    @Override
    public void onActivate() {
        view.bind(model, chain.model());
    }

    @Override
    public void onDeactivate() {
        view.unbind();
    }

    @Override
    public void stop() {
        stopped = true;
        closeFeed();
    }
}
