package dev.leviathan.engine.govern;

import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A clock tests move by hand, and reading back what commands appended. */
final class StoreFixture {

    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private StoreFixture() {
    }

    static List<StoredEvent> all(EventStore store) {
        return store.read(EventQuery.after(0, 10_000));
    }

    /** Appends History's events as the worker and forge would, keeping their envelopes. */
    static void append(EventStore store, History history) {
        List<EventEnvelope> envelopes = history.events().stream().map(StoredEvent::envelope).toList();
        store.append(envelopes);
    }
}
