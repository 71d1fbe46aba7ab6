package dev.leviathan.engine.dispatch;

import static dev.leviathan.engine.testkit.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leviathan.engine.event.JooqEventStore;
import dev.leviathan.engine.testkit.TestStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptActionsTest {

    @TempDir
    Path dir;

    private JooqEventStore store;
    private AttemptActions actions;

    @BeforeEach
    void open() {
        store = TestStores.h2(dir);
        actions = new AttemptActions(store, Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), () -> {
            throw new AssertionError("these cases must not dispatch");
        });
        store.append(event("attempt.created:a1", "attempt.created", "shop", "attempt_id", "a1", "task_id", "add-faq"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void invalidatingRecordsTheReasonOnceAndRefusesASecondTime() {
        AttemptActions.Invalidated done = actions.invalidate("a1", "  flaky runner  ", "alice");

        assertThat(done).isEqualTo(new AttemptActions.Invalidated("a1", "add-faq", "shop", "flaky runner"));
        var recorded = store.find("attempt.invalidated:a1").orElseThrow();
        assertThat(recorded.envelope().actorId()).isEqualTo("alice");
        assertThat(recorded.envelope().payload().json().path("reason").asText()).isEqualTo("flaky runner");
        assertThat(recorded.envelope().payload().json().path("task_id").asText()).isEqualTo("add-faq");
        assertThatThrownBy(() -> actions.invalidate("a1", "again", "bob"))
                .isInstanceOfSatisfying(AttemptActions.AttemptActionException.class,
                        e -> assertThat(e.kind()).isEqualTo(AttemptActions.AttemptActionException.Kind.CONFLICT))
                .hasMessage("attempt a1 is already invalidated");
    }

    @Test
    void aBlankReasonIsTheDefaultOne() {
        assertThat(actions.invalidate("a1", " ", "alice").reason()).isEqualTo(AttemptActions.DEFAULT_REASON);
    }

    @Test
    void anUnknownAttemptIsNotFoundWithWhereToLook() {
        assertThatThrownBy(() -> actions.retry("nope", "alice"))
                .isInstanceOfSatisfying(AttemptActions.AttemptActionException.class,
                        e -> assertThat(e.kind()).isEqualTo(AttemptActions.AttemptActionException.Kind.NOT_FOUND))
                .hasMessage("no attempt 'nope'; see: leviathanctl attempts list");
    }

    @Test
    void onlyAFailedAttemptIsRetried() {
        assertThatThrownBy(() -> actions.retry("a1", "alice")).hasMessage("attempt a1 has not ended yet");
        store.append(event("attempt.succeeded:a1", "attempt.succeeded", "shop", "attempt_id", "a1", "task_id", "add-faq"));
        assertThatThrownBy(() -> actions.retry("a1", "alice"))
                .hasMessage("attempt a1 succeeded; review its pull request instead (leviathanctl prs list --target shop)");
        assertThat(store.find("attempt.invalidated:a1")).isEmpty();
    }
}
