package dev.leviathan.engine.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.JooqEventStore;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoreSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A writer process for durability tests. Appends bundles whose events say which writer, bundle
 * and index they are, so the parent can check every bundle is whole and in order.
 *
 * <p>Arguments: {@code fixed|forever jdbcUrl headFile writer bundles bundleSize}. {@code forever}
 * ignores the counts, varies the bundle size and runs until killed; it prints
 * {@code appending N} before and {@code committed N} after each bundle.
 */
public final class AppendWorkerMain {

    private AppendWorkerMain() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        StoreSettings settings = new StoreSettings(args[1], args[1].startsWith("jdbc:h2:") ? "sa" : null,
                Optional.empty(), Path.of(args[2]));
        String writer = args[3];
        int bundles = Integer.parseInt(args[4]);
        int bundleSize = Integer.parseInt(args[5]);
        SplittableRandom random = new SplittableRandom(writer.hashCode());
        try (EventStore store = JooqEventStore.open(settings)) {
            for (int bundle = 0; mode.equals("forever") || bundle < bundles; bundle++) {
                int size = mode.equals("forever") ? 50 + random.nextInt(350) : bundleSize;
                List<EventEnvelope> events = bundle(writer, bundle, size);
                System.out.println("appending " + bundle);
                System.out.flush();
                store.append(events);
                System.out.println("committed " + bundle);
                if (bundle == 0) {
                    System.out.println("ready");
                }
                System.out.flush();
            }
        }
        System.out.println("done");
    }

    static List<EventEnvelope> bundle(String writer, int bundle, int size) {
        List<EventEnvelope> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ObjectNode payload = Json.object();
            payload.put("writer", writer);
            payload.put("bundle", bundle);
            payload.put("index", i);
            payload.put("size", size);
            payload.put("filler", "x".repeat(64));
            events.add(EventEnvelope.of(writer + "-b" + bundle + "-" + i, "test.appended", Instant.now(), writer,
                    "durability", Payload.of(payload)));
        }
        return events;
    }
}
