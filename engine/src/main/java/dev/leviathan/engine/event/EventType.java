package dev.leviathan.engine.event;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The event types Leviathan writes (DESIGN.md §Events), by their wire names. The store accepts
 * any type (an import may bring kinds we do not know); code that writes or reacts to an event
 * names it through this enum, so the compiler finds every place a new kind must be handled.
 */
public enum EventType {
    TARGET_REGISTERED("target.registered"),
    BOOTSTRAP_STARTED("bootstrap.started"),
    BOOTSTRAP_COMPLETED("bootstrap.completed"),
    BOOTSTRAP_FAILED("bootstrap.failed"),
    FILE_DISCOVERED("file.discovered"),
    FILE_CHANGED("file.changed"),
    FILE_REMOVED("file.removed"),
    DOC_DISCOVERED("doc.discovered"),
    DOC_REMOVED("doc.removed"),
    WORKFLOW_DISCOVERED("workflow.discovered"),
    WORKFLOW_REMOVED("workflow.removed"),
    API_ROUTE_DISCOVERED("api.route.discovered"),
    API_ROUTE_REMOVED("api.route.removed"),
    REPO_INDEXED("repo.indexed"),
    ARTIFACT_CREATED("artifact.created"),
    TASK_APPROVED("task.approved"),
    TASK_APPROVAL_REVOKED("task.approval_revoked"),
    SCHEDULE_DECIDED("schedule.decided"),
    ATTEMPT_CREATED("attempt.created"),
    ATTEMPT_STARTED("attempt.started"),
    ATTEMPT_SUCCEEDED("attempt.succeeded"),
    ATTEMPT_FAILED("attempt.failed"),
    ATTEMPT_INVALIDATED("attempt.invalidated"),
    PR_CREATED("pr.created"),
    PR_MERGED("pr.merged"),
    PR_CLOSED("pr.closed"),
    AUTONOMY_ENABLED("autonomy.enabled"),
    AUTONOMY_DISABLED("autonomy.disabled"),
    CIRCUIT_OPENED("circuit.opened"),
    CIRCUIT_RESET("circuit.reset"),
    JOB_SUBMITTED("job.submitted"),
    JOB_RUNNING("job.running"),
    JOB_SUCCEEDED("job.succeeded"),
    JOB_FAILED("job.failed");

    private static final Map<String, EventType> BY_WIRE = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wire, Function.identity()));

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    /** The name on the wire and in the store, {@code noun.verb_past}. */
    public String wire() {
        return wire;
    }

    /** The known type of a wire name; empty for kinds Leviathan does not write. */
    public static Optional<EventType> ofWire(String wire) {
        return Optional.ofNullable(BY_WIRE.get(wire));
    }
}
