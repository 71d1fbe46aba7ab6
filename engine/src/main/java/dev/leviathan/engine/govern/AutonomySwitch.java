package dev.leviathan.engine.govern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.target.AutonomyConfig;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The kill switch ({@code leviathanctl autonomy enable|disable}): an event that overrides the
 * autonomy file's {@code autonomy_enabled} from the next decision on, until the next such event.
 * An emergency stop is a disable the caller also answers by cancelling running workers.
 */
public final class AutonomySwitch {

    private static final Set<String> TYPES = Set.of(EventType.AUTONOMY_ENABLED.wire(),
            EventType.AUTONOMY_DISABLED.wire());

    private final EventStore store;
    private final Clock clock;

    public AutonomySwitch(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public AutonomyChange enable(String targetId, String operator, String reason) {
        return record(EventType.AUTONOMY_ENABLED, targetId, operator, reason, false);
    }

    public AutonomyChange disable(String targetId, String operator, String reason, boolean emergency) {
        return record(EventType.AUTONOMY_DISABLED, targetId, operator, reason, emergency);
    }

    /** Whether autonomy is on: the latest switch event of the target, else the file. */
    public AutonomyStatus status(String targetId, AutonomyConfig config) {
        List<StoredEvent> latest = store.read(EventQuery.latest(1).withTypes(TYPES).withTarget(targetId));
        GovernanceState state = new GovernanceState(targetId);
        latest.forEach(state::apply);
        return AutonomyStatus.of(state.snapshot(), config);
    }

    private AutonomyChange record(EventType type, String targetId, String operator, String reason,
            boolean emergency) {
        Objects.requireNonNull(targetId, "targetId");
        String actor = OperatorEvents.operator(operator);
        String why = reason == null ? "" : reason.strip();
        return OperatorEvents.retrying(() -> {
            long head = store.head().seq();
            ObjectNode payload = Json.object();
            payload.put("target_id", targetId);
            payload.put("reason", why);
            payload.put("emergency", emergency);
            String id = type.wire() + ":" + OperatorEvents.digest(targetId, Long.toString(head));
            StoredEvent stored = OperatorEvents.append(store,
                    EventEnvelope.of(id, type.wire(), clock.instant(), actor, targetId, Payload.of(payload)));
            return new AutonomyChange(targetId, type == EventType.AUTONOMY_ENABLED, emergency, why, stored.eventId(),
                    stored.seq());
        });
    }
}
