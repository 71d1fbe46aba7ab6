package dev.leviathan.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.testkit.AppendWorkerMain;
import dev.leviathan.engine.testkit.ChildJvm;
import dev.leviathan.engine.testkit.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** Several processes append to one store at once: no gap, no fork, nothing lost. */
class ConcurrentWritersTest {

    private static final int WRITERS = 4;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void fourProcessesAppendingToOnePostgresLeaveAGapFreeUnforkedChain() throws Exception {
        StoreSettings settings = TestPostgres.freshStore(new LeviathanHome(dir.resolve("home")));
        int bundles = 500;
        int size = 4;
        try (EventStore store = JooqEventStore.open(settings)) {
            runWriters(settings, bundles, size);

            assertAllWritten(store, bundles, size);
        }
    }

    @Test
    void fourProcessesAppendingToOneH2FileThroughAutoServerLeaveAGapFreeUnforkedChain() throws Exception {
        LeviathanHome home = new LeviathanHome(dir.resolve("home"));
        home.ensureCreated();
        StoreSettings settings = StoreSettings.embedded(home);
        int bundles = 150;
        int size = 4;
        JooqEventStore.open(settings).close();
        runWriters(settings, bundles, size);

        try (EventStore store = JooqEventStore.open(settings)) {
            assertAllWritten(store, bundles, size);
        }
    }

    private void runWriters(StoreSettings settings, int bundles, int size) throws Exception {
        List<Process> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(ChildJvm.start(AppendWorkerMain.class, dir.resolve("writer-" + w + ".log"), "fixed",
                    settings.jdbcUrl(), settings.headFile().toString(), "w" + w, Integer.toString(bundles),
                    Integer.toString(size)));
        }
        for (int w = 0; w < WRITERS; w++) {
            Process writer = writers.get(w);
            assertThat(writer.waitFor(240, TimeUnit.SECONDS)).as("writer %d finished", w).isTrue();
            assertThat(writer.exitValue()).as("writer %d exit; log:%n%s", w,
                    Files.readString(dir.resolve("writer-" + w + ".log"))).isZero();
        }
    }

    private static void assertAllWritten(EventStore store, int bundles, int size) {
        assertThat(store.head().seq()).isEqualTo((long) WRITERS * bundles * size);
        Map<String, BundleIntegrity.Bundle> found = BundleIntegrity.readBundles(store);
        assertThat(found).hasSize(WRITERS * bundles);
        BundleIntegrity.assertWhole(found);
        for (int w = 0; w < WRITERS; w++) {
            String writer = "w" + w;
            List<Long> firstSeqs = found.values().stream().filter(b -> b.writer().equals(writer))
                    .sorted(Comparator.comparingInt(BundleIntegrity.Bundle::bundle))
                    .map(b -> b.seqs().getFirst()).toList();
            assertThat(firstSeqs).as("writer %s bundles in the order it appended them", writer).isSorted();
        }
        assertThat(store.verify().intact()).as(store.verify().summary()).isTrue();
    }
}
