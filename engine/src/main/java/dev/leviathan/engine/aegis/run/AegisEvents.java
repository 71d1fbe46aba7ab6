package dev.leviathan.engine.aegis.run;

/** The event types a recorded run is made of, and how their ids are formed. */
public final class AegisEvents {

    public static final String RUN_STARTED = "aegis.run.started";
    public static final String RUN_DECIDED = "aegis.run.decided";
    public static final String RUN_TICKS = "aegis.run.ticks";
    public static final String RUN_COMPLETED = "aegis.run.completed";

    /** Ticks per {@code aegis.run.ticks} event. */
    public static final int TICKS_PER_CHUNK = 60;

    private AegisEvents() {
    }

    static String startedId(String runId) {
        return RUN_STARTED + ":" + runId;
    }

    static String decidedId(String runId, int n) {
        return RUN_DECIDED + ":" + runId + ":" + n;
    }

    static String ticksId(String runId, int chunk) {
        return RUN_TICKS + ":" + runId + ":" + chunk;
    }

    static String completedId(String runId) {
        return RUN_COMPLETED + ":" + runId;
    }
}
