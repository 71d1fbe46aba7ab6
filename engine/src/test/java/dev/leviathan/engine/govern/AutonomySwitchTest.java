package dev.leviathan.engine.govern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.target.AutonomyConfig;
import dev.leviathan.engine.testkit.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutonomySwitchTest {

    @TempDir
    Path dir;

    EventStore store;
    AutonomySwitch autonomy;

    @BeforeEach
    void open() {
        store = TestStores.h2(dir);
        autonomy = new AutonomySwitch(store, new StoreFixture.TestClock(History.T0));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anEmergencyStopIsADisableEventSayingSo() {
        AutonomyChange change = autonomy.disable("demo", "alice", "runaway PRs", true);

        StoredEvent event = StoreFixture.all(store).getFirst();
        assertThat(event.eventType()).isEqualTo("autonomy.disabled");
        assertThat(event.envelope().actorId()).isEqualTo("alice");
        assertThat(event.payload().canonical())
                .isEqualTo("{\"emergency\":true,\"reason\":\"runaway PRs\",\"target_id\":\"demo\"}");
        assertThat(change.emergency()).isTrue();
        assertThat(change.enabled()).isFalse();
        assertThat(change.seq()).isEqualTo(event.seq());
    }

    @Test
    void enablingIsNeverAnEmergency() {
        autonomy.enable("demo", "alice", "trial week");

        assertThat(StoreFixture.all(store).getFirst().payload().canonical())
                .isEqualTo("{\"emergency\":false,\"reason\":\"trial week\",\"target_id\":\"demo\"}");
    }

    @Test
    void withoutEventsTheFileDecides() {
        AutonomyStatus status = autonomy.status("demo", Targets.autonomy());

        assertThat(status.enabled()).isTrue();
        assertThat(status.source()).isEqualTo(AutonomyStatus.Source.FILE);
    }

    @Test
    void withoutEventsOrFileAutonomyIsOff() {
        assertThat(autonomy.status("demo", AutonomyConfig.defaults()).enabled()).isFalse();
    }

    @Test
    void theLatestEventOverridesTheFile() {
        autonomy.enable("demo", "alice", "start");
        autonomy.disable("demo", "bob", "stop", false);
        autonomy.enable("other", "carol", "elsewhere");

        AutonomyStatus status = autonomy.status("demo", Targets.autonomy());

        assertThat(status.enabled()).isFalse();
        assertThat(status.source()).isEqualTo(AutonomyStatus.Source.EVENT);
        assertThat(status.override().orElseThrow().actor()).isEqualTo("bob");
    }

    @Test
    void switchingTwiceRecordsTwoEvents() {
        autonomy.disable("demo", "alice", "stop", false);
        autonomy.disable("demo", "alice", "stop", false);

        assertThat(StoreFixture.all(store)).hasSize(2);
    }
}
