package dev.leviathan.engine.aegis.scenario;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Service: the pods its selector matches are its endpoints when they are ready and listen on
 * {@code targetPort}.
 *
 * @param declared false for the Service a workload gets when the file declares none for it
 */
public record ServiceSpec(String name, SortedMap<String, String> selector, int port, int targetPort, boolean declared) {

    public ServiceSpec {
        selector = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(selector));
    }

    public boolean selects(java.util.Map<String, String> labels) {
        return Labels.matches(selector, labels);
    }
}
