package dev.leviathan.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void startsItsThreadsItselfSoASubmitOnlyQueues() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (Background background = new Background()) {
            Set<Thread> pool = awaitNewPoolThreads(before, 4);

            // Four tasks running at once take all four threads: each must be one that was already there.
            Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
            CountDownLatch allRunning = new CountDownLatch(4);
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < 4; i++) {
                background.execute(() -> {
                    ranOn.add(Thread.currentThread());
                    allRunning.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            assertThat(allRunning.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            assertThat(ranOn).hasSize(4).isSubsetOf(pool);
        }
    }

    private static Set<Thread> awaitNewPoolThreads(Set<Thread> before, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<Thread> fresh = Set.of();
        while (System.nanoTime() < deadline) {
            fresh = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.getName().startsWith("console-background-"))
                    .collect(Collectors.toSet());
            if (fresh.size() >= count) {
                return fresh;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the pool started " + fresh.size() + " of its " + count
                + " threads by itself, with nothing submitted");
    }
}
