package dev.leviathan.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's shape on a small history; tests never assert on time. */
class ScheduleBenchmarkTest {

    @Test
    void appliesExactlyTheEventsAskedForAndDecides() {
        List<String> progress = new ArrayList<>();

        ScheduleBenchmark.Result result = new ScheduleBenchmark(progress::add)
                .run(new ScheduleBenchmark.Options(300, 20_000, 1, 3, 7));

        assertThat(result.tasks()).isEqualTo(300);
        assertThat(result.events()).isEqualTo(20_000);
        assertThat(result.targetEvents()).isBetween(1L, 20_000L);
        assertThat(result.chosenTaskId()).isPresent();
        assertThat(result.reasonCounts().values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(299);
        assertThat(result.lines()).hasSize(5);
        assertThat(progress).isNotEmpty();
    }

    @Test
    void theSameSeedGivesTheSameDecision() {
        ScheduleBenchmark.Options options = new ScheduleBenchmark.Options(200, 5_000, 0, 1, 11);

        ScheduleBenchmark.Result first = new ScheduleBenchmark(line -> { }).run(options);
        ScheduleBenchmark.Result second = new ScheduleBenchmark(line -> { }).run(options);

        assertThat(second.chosenTaskId()).isEqualTo(first.chosenTaskId());
        assertThat(second.reasonCounts()).isEqualTo(first.reasonCounts());
        assertThat(second.targetEvents()).isEqualTo(first.targetEvents());
    }
}
