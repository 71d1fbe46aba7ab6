package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.sim.ActionReceipt;
import java.util.List;

/** A decision taken at {@code tick} (after that tick ran) and what the cluster made of each action. */
public record DecisionRecord(int tick, Decision decision, List<ActionReceipt> receipts) {

    public DecisionRecord {
        receipts = List.copyOf(receipts);
    }

    /** True when at least one real action (not {@code noop}) was accepted. */
    public boolean acted() {
        return receipts.stream().anyMatch(r -> r.accepted() && r.action().type() != dev.leviathan.engine.aegis.scenario.ActionType.NOOP);
    }
}
