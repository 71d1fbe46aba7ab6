package dev.leviathan.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.govern.CircuitBreaker;
import dev.leviathan.engine.govern.GovernanceStates;
import dev.leviathan.engine.target.AutonomyConfig;
import java.util.List;
import java.util.Set;

/** Governance events for console tests, recorded the way the engine records them. */
final class GovernanceHistory {

    private GovernanceHistory() {
    }

    /**
     * {@code failures} attempts of {@code taskId} created and failed, then {@code circuit.opened}
     * as the dispatcher appends it when the failures reach the default threshold.
     */
    static void failAndTrip(Engine engine, String targetId, String taskId, int failures) {
        for (int i = 1; i <= failures; i++) {
            String attempt = "att-" + taskId + "-" + i;
            append(engine, EventType.ATTEMPT_CREATED, attempt, targetId, "leviathan", payload(targetId, attempt,
                    taskId).put("executor", "command").put("dispatcher", "local").put("manual", false));
            append(engine, EventType.ATTEMPT_FAILED, attempt, targetId, "leviathan", payload(targetId, attempt, taskId)
                    .put("failure_kind", "tests_failed").put("reason", "make faq exited with 2: docs/FAQ.md: no"
                            + " such file"));
        }
        new CircuitBreaker(engine.store(), engine.clock()).openIfTripped(
                new GovernanceStates(engine.store()).catchUp(targetId), AutonomyConfig.defaults());
    }

    /** The target's latest event of {@code type}, or fails. */
    static StoredEvent latest(Engine engine, String targetId, String type) {
        List<StoredEvent> found = engine.store().read(EventQuery.latest(1).withTypes(Set.of(type)).withTarget(targetId));
        if (found.isEmpty()) {
            throw new AssertionError("no " + type + " event of " + targetId);
        }
        return found.getFirst();
    }

    private static ObjectNode payload(String targetId, String attempt, String taskId) {
        ObjectNode payload = Json.object();
        payload.put("target_id", targetId);
        payload.put("attempt_id", attempt);
        payload.put("task_id", taskId);
        return payload;
    }

    private static void append(Engine engine, EventType type, String attempt, String targetId, String actor,
            ObjectNode payload) {
        engine.store().append(EventEnvelope.of(type.wire() + ":" + attempt, type.wire(), engine.clock().instant(),
                actor, targetId, Payload.of(payload)));
    }
}
