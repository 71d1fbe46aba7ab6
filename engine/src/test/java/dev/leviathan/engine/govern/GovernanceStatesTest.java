package dev.leviathan.engine.govern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.testkit.TestEvents;
import dev.leviathan.engine.testkit.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceStatesTest {

    @TempDir
    Path dir;

    EventStore store;

    @BeforeEach
    void open() {
        store = TestStores.h2(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void keepsOneStatePerTarget() {
        StoreFixture.append(store, new History("demo").failedAttempt("att-1", "a"));
        StoreFixture.append(store, new History("other").opened("att-9", "b", "pr-1"));
        GovernanceStates states = new GovernanceStates(store);

        states.catchUp();

        assertThat(states.snapshot("demo").task("a").failedAttempts()).isEqualTo(1);
        assertThat(states.snapshot("demo").openPullRequests()).isZero();
        assertThat(states.snapshot("other").openPullRequests()).isEqualTo(1);
        assertThat(states.snapshot("nobody").taskIds()).isEmpty();
    }

    @Test
    void catchesUpIncrementallyBySeq() {
        GovernanceStates states = new GovernanceStates(store);
        History history = new History().created("att-1", "a");
        StoreFixture.append(store, history);
        assertThat(states.catchUp("demo").runningAttempts()).isEqualTo(1);

        store.append(TestEvents.event("noise-1"));
        store.append(TestEvents.event("fail-1", "attempt.failed", "demo", "attempt_id", "att-1", "task_id", "a",
                "failure_kind", "task_failed", "target_id", "demo"));
        GovernanceSnapshot after = states.catchUp("demo");

        assertThat(after.runningAttempts()).isZero();
        assertThat(after.task("a").failedAttempts()).isEqualTo(1);
        assertThat(states.lastSeq()).isEqualTo(store.head().seq());
    }

    @Test
    void appliesASubscriptionsEventsOnceEvenWhenTheyOverlapACatchUp() {
        StoreFixture.append(store, new History().failedAttempt("att-1", "a"));
        GovernanceStates states = new GovernanceStates(store);
        states.catchUp();

        states.apply(StoreFixture.all(store));

        assertThat(states.snapshot("demo").task("a").failedAttempts()).isEqualTo(1);
        assertThat(states.snapshot("demo").circuit().consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void readsPastAPageOfEvents() {
        History history = new History();
        for (int i = 0; i < 6_000; i++) {
            history.created("att-" + i, "task-" + i).failed("att-" + i, "task-" + i);
        }
        StoreFixture.append(store, history);
        GovernanceStates states = new GovernanceStates(store);

        GovernanceSnapshot snapshot = states.catchUp("demo");

        assertThat(snapshot.circuit().consecutiveFailures()).isEqualTo(6_000);
        assertThat(snapshot.task("task-5999").failedAttempts()).isEqualTo(1);
    }
}
