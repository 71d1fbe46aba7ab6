package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.ActionType;

/** How long each action takes to take effect, in ticks. */
public final class ActionCatalogue {

    /** A new node takes a minute to join: provisioning, boot, kubelet registration. */
    public static final int ADD_NODES_DELAY_TICKS = 6;

    private ActionCatalogue() {
    }

    public static int delayTicks(ActionType type) {
        return switch (type) {
            case NOOP -> 0;
            case ADD_NODES -> ADD_NODES_DELAY_TICKS;
            default -> 1;
        };
    }
}
