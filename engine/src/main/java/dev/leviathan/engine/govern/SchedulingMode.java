package dev.leviathan.engine.govern;

import java.util.Objects;

/** Whether the governor picks a task itself or the operator asked for one. */
public sealed interface SchedulingMode {

    /** As written in {@code schedule.decided}. */
    String wire();

    /** The guarded loop or {@code leviathanctl schedule}: every guard, the kill switch included. */
    record Autonomous() implements SchedulingMode {
        @Override
        public String wire() {
            return "autonomous";
        }
    }

    /**
     * {@code leviathanctl dispatch TASK}: only this task is considered, and every guard applies
     * except the autonomy switch.
     */
    record Manual(String taskId) implements SchedulingMode {
        public Manual {
            Objects.requireNonNull(taskId, "taskId");
        }

        @Override
        public String wire() {
            return "manual";
        }
    }
}
