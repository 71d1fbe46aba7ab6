package dev.leviathan.engine.aegis.scenario;

/** Kubernetes' taint effects, spelled as in a manifest ({@code NoSchedule}). */
public enum TaintEffect {
    NO_SCHEDULE("NoSchedule"),
    PREFER_NO_SCHEDULE("PreferNoSchedule"),
    NO_EXECUTE("NoExecute");

    private final String wireName;

    TaintEffect(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
