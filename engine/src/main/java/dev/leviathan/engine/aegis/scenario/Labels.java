package dev.leviathan.engine.aegis.scenario;

import java.util.Map;

/** Kubernetes' equality-based label selection. */
public final class Labels {

    private Labels() {
    }

    /** True when every key of {@code selector} is in {@code labels} with the same value; an empty selector matches all. */
    public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> wanted : selector.entrySet()) {
            if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
