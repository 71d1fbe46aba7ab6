package dev.leviathan.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks written by {@code AppendWorkerMain}'s bundles: each whole, contiguous, in order. */
final class BundleIntegrity {

    record Bundle(String writer, int bundle, int size, List<Long> seqs, List<Integer> indexes) {
    }

    private BundleIntegrity() {
    }

    /** Reads every event and returns the bundles found, asserting seq is gap-free from 1. */
    static Map<String, Bundle> readBundles(EventStore store) {
        Map<String, Bundle> bundles = new HashMap<>();
        List<Long> seqs = new ArrayList<>();
        store.scan(0, event -> {
            seqs.add(event.seq());
            JsonNode payload = event.payload().json();
            String key = payload.get("writer").asText() + "/" + payload.get("bundle").asInt();
            Bundle bundle = bundles.computeIfAbsent(key, k -> new Bundle(payload.get("writer").asText(),
                    payload.get("bundle").asInt(), payload.get("size").asInt(), new ArrayList<>(), new ArrayList<>()));
            bundle.seqs().add(event.seq());
            bundle.indexes().add(payload.get("index").asInt());
        });
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("seq at position %d", i).isEqualTo(i + 1L);
        }
        return bundles;
    }

    /** Every bundle complete, its events consecutive in seq and in index order. */
    static void assertWhole(Map<String, Bundle> bundles) {
        for (var entry : bundles.entrySet()) {
            Bundle bundle = entry.getValue();
            assertThat(bundle.indexes()).as("bundle %s", entry.getKey()).hasSize(bundle.size());
            for (int i = 0; i < bundle.size(); i++) {
                assertThat(bundle.indexes().get(i)).as("bundle %s index", entry.getKey()).isEqualTo(i);
                assertThat(bundle.seqs().get(i)).as("bundle %s seq", entry.getKey())
                        .isEqualTo(bundle.seqs().getFirst() + i);
            }
        }
    }
}
