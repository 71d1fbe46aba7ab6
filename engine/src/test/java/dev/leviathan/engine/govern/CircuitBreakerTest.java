package dev.leviathan.engine.govern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.testkit.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CircuitBreakerTest {

    @TempDir
    Path dir;

    EventStore store;
    CircuitBreaker breaker;

    @BeforeEach
    void open() {
        store = TestStores.h2(dir);
        breaker = new CircuitBreaker(store, new StoreFixture.TestClock(History.T0.plus(Duration.ofHours(1))));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static History failures(int count) {
        History history = new History();
        for (int i = 1; i <= count; i++) {
            history.failedAttempt("att-" + i, "a").after(Duration.ofMinutes(1));
        }
        return history;
    }

    @Test
    void staysClosedBelowTheThreshold() {
        assertThat(CircuitBreaker.shouldOpen(failures(2).snapshot(), Targets.autonomy())).isEmpty();
    }

    @Test
    void offersTheOpenedEventAtTheThreshold() {
        GovernanceSnapshot state = failures(3).snapshot();

        EventEnvelope event = CircuitBreaker.shouldOpen(state, Targets.autonomy()).orElseThrow();

        assertThat(event.eventType()).isEqualTo("circuit.opened");
        assertThat(event.actorId()).isEqualTo("leviathan");
        assertThat(event.targetId()).isEqualTo("demo");
        assertThat(event.instant()).isEqualTo(History.T0.plus(Duration.ofMinutes(2)));
        assertThat(event.payload().canonical()).isEqualTo("{\"consecutive_failures\":3,\"last_attempt_id\":\"att-3\","
                + "\"target_id\":\"demo\",\"threshold\":3}");
    }

    @Test
    void offersNothingOnceOpen() {
        GovernanceSnapshot state = failures(3).circuitOpened(3, 3, "att-3").snapshot();

        assertThat(CircuitBreaker.shouldOpen(state, Targets.autonomy())).isEmpty();
    }

    @Test
    void offersTheSameEventToEveryoneSoItIsAppendedOnce() {
        GovernanceSnapshot state = failures(3).snapshot();

        Optional<StoredEvent> first = breaker.openIfTripped(state, Targets.autonomy());
        Optional<StoredEvent> second = breaker.openIfTripped(state, Targets.autonomy());

        assertThat(first).isPresent();
        assertThat(second.map(StoredEvent::seq)).isEqualTo(first.map(StoredEvent::seq));
        assertThat(StoreFixture.all(store)).hasSize(1);
    }

    @Test
    void anInvalidatedFailureKeepsItClosed() {
        GovernanceSnapshot state = failures(3).invalidated("att-2", "a").snapshot();

        assertThat(CircuitBreaker.shouldOpen(state, Targets.autonomy())).isEmpty();
    }

    @Test
    void resetIsAnOperatorEventThatClosesTheCircuit() {
        History history = failures(3);
        StoreFixture.append(store, history);
        breaker.openIfTripped(history.snapshot(), Targets.autonomy());

        CircuitReset reset = breaker.reset("demo", "alice", "runner fixed");

        StoredEvent event = StoreFixture.all(store).getLast();
        assertThat(event.eventType()).isEqualTo("circuit.reset");
        assertThat(event.envelope().actorId()).isEqualTo("alice");
        assertThat(event.payload().canonical()).isEqualTo("{\"reason\":\"runner fixed\",\"target_id\":\"demo\"}");
        assertThat(reset.wasOpen()).isTrue();
        assertThat(reset.consecutiveFailuresCleared()).isEqualTo(3);
        GovernanceStates states = new GovernanceStates(store);
        CircuitState after = states.catchUp("demo").circuit();
        assertThat(after.open()).isFalse();
        assertThat(after.consecutiveFailures()).isZero();
    }

    @Test
    void aFailureAfterAResetStartsCountingAgain() {
        History history = failures(3).circuitOpened(3, 3, "att-3").circuitReset("fixed").failedAttempt("att-4", "a");

        CircuitState circuit = history.snapshot().circuit();

        assertThat(circuit.open()).isFalse();
        assertThat(circuit.consecutiveFailures()).isEqualTo(1);
    }
}
