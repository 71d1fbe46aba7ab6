package dev.leviathan.console.chain;

import dev.leviathan.console.ui.Background;
import dev.leviathan.engine.event.ChainHead;
import dev.leviathan.engine.event.ChainReport;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.StoreDescription;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.event.Subscription;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.application.Platform;

/**
 * Keeps {@link ChainModel} current: follows the head through a subscription and runs chain
 * verification in the background, once at start and whenever an operator asks.
 */
public final class ChainController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final EventStore store;
    private final Background background;
    private final Clock clock;
    private final ChainModel model = new ChainModel();
    private Subscription headFeed;
    private boolean stopped;
    /**
     * New events are verified on their own, this long after the last of a burst, as long as a whole
     * verification is cheap; on a store where it is not, the operator verifies by hand.
     */
    static final javafx.util.Duration AUTO_VERIFY_DELAY = javafx.util.Duration.seconds(5);
    static final java.time.Duration AUTO_VERIFY_BUDGET = java.time.Duration.ofMillis(500);
    private final javafx.animation.PauseTransition reverify = new javafx.animation.PauseTransition(AUTO_VERIFY_DELAY);
    private long lastVerifyNanos = Long.MAX_VALUE;
    /** The head of the last verification that found the chain intact; -1 before one. */
    private long verifiedSeq = -1;

    public ChainController(EventStore store, Background background, Clock clock) {
        this.store = store;
        this.background = background;
        this.clock = clock;
        reverify.setOnFinished(done -> verify());
    }

    public ChainModel model() {
        return model;
    }

    /** Reads the store's description and head, follows the head, and verifies the chain once. */
    public void start(StoreDescription description) {
        model.storeKind.set(description.kind().displayName());
        model.storeLocation.set(description.location());
        background.run(() -> {
            ChainHead head = store.head();
            // Following from the head just read: every later append moves the status bar.
            Subscription feed = store.subscribe(head.seq(), this::onEvents);
            return new Started(head, feed);
        }, started -> {
            if (stopped) {
                started.feed().close();
                return;
            }
            headFeed = started.feed();
            if (started.head().seq() >= model.headSeq.get()) {
                showHead(started.head().seq(), started.head().shortHash());
            }
        }, failure -> model.headHash.set("unavailable: " + failure));
        verify();
    }

    private record Started(ChainHead head, Subscription feed) {
    }

    /** Subscription thread: one hand-over to the FX thread per batch. */
    private void onEvents(List<StoredEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        StoredEvent last = batch.getLast();
        String shortHash = new ChainHead(last.seq(), last.hash()).shortHash();
        Platform.runLater(() -> {
            if (last.seq() > model.headSeq.get()) {
                showHead(last.seq(), shortHash);
            }
            if (!stopped && lastVerifyNanos <= AUTO_VERIFY_BUDGET.toNanos()) {
                reverify.playFromStart();
            }
        });
    }

    private void showHead(long seq, String shortHash) {
        model.headSeq.set(seq);
        model.headHash.set(shortHash);
        if (model.state.get() == ChainState.INTACT) {
            model.statusText.set(intactText(verifiedSeq, seq));
        }
    }

    /**
     * What an intact verification covers, and how many events arrived after it: "chain intact"
     * beside a head that has moved on must not read as if the new events were verified too.
     */
    static String intactText(long verified, long head) {
        if (head > verified) {
            return "chain intact up to #" + verified + " · " + (head - verified) + " newer, unverified";
        }
        return verified == 0 ? "chain intact (empty store)" : "chain intact up to #" + verified;
    }

    /** Verifies the whole chain in the background; a second request while one runs is ignored. */
    public void verify() {
        if (model.state.get() == ChainState.VERIFYING) {
            return;
        }
        model.state.set(ChainState.VERIFYING);
        model.statusText.set("verifying…");
        long started = System.nanoTime();
        background.run(store::verify, report -> {
            lastVerifyNanos = System.nanoTime() - started;
            showReport(report);
        }, failure -> {
            model.state.set(ChainState.FAILED);
            model.statusText.set("verification failed");
            model.summary.set("verification could not run: " + failure);
            stamp();
        });
    }

    private void showReport(ChainReport report) {
        switch (report) {
            case ChainReport.Intact intact -> {
                model.state.set(ChainState.INTACT);
                verifiedSeq = intact.head().seq();
                model.statusText.set(intactText(verifiedSeq, model.headSeq.get()));
            }
            case ChainReport.Broken broken -> {
                model.state.set(ChainState.BROKEN);
                model.statusText.set("BROKEN at seq " + broken.seq());
            }
        }
        model.summary.set(report.summary());
        stamp();
    }

    private void stamp() {
        model.verifiedAt.set(LocalTime.ofInstant(clock.instant(), ZoneId.systemDefault()).format(TIME));
    }

    public void stop() {
        stopped = true;
        reverify.stop();
        if (headFeed != null) {
            headFeed.close();
            headFeed = null;
        }
    }
}
