package dev.leviathan.engine.aegis.scenario;

/** The controllers the simulator models. */
public enum WorkloadKind {
    DEPLOYMENT("Deployment"),
    STATEFUL_SET("StatefulSet");

    private final String wireName;

    WorkloadKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
