package dev.leviathan.engine.govern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The governance read model of ONE target, built by {@link #apply(StoredEvent)} in seq order:
 * approvals, attempts, pull requests, the circuit breaker and the autonomy switch. Events of
 * other targets, of other kinds and with seq not above {@link #lastSeq()} are ignored, so
 * applying a page twice changes nothing. Payloads that lack a field an event needs (an import
 * from elsewhere, a hand-written event) are skipped rather than refused: a read model never
 * stops the store from being read.
 *
 * <p>Not thread-safe: one writer applies events; readers take a {@link #snapshot()}, which never
 * changes afterwards. {@link GovernanceStates} does both under a lock.
 *
 * <p>Invariants kept per event in O(1), except where an invalidation or a pull request closed
 * then merged takes back what an attempt counted; those recount the one task's attempts (and
 * the circuit breaker walks back from the latest outcome to the last success).
 */
public final class GovernanceState {

    private final String targetId;
    private long lastSeq;

    private final Map<String, TaskEntry> tasks = new HashMap<>();
    private final Map<String, AttemptEntry> attempts = new HashMap<>();
    private final Map<String, PrEntry> prs = new HashMap<>();
    /** Attempts in flight, target-wide, in creation order. */
    private final LinkedHashSet<String> running = new LinkedHashSet<>();
    private int openPrs;

    /** Attempt outcomes since the last circuit reset, in the order they were recorded. */
    private final List<AttemptEntry> outcomes = new ArrayList<>();
    private int consecutiveFailures;
    private String lastFailedAttemptId;
    private long circuitOpenedSeq;
    private Instant circuitOpenedAt;
    private long circuitResetSeq;

    private AutonomyOverride autonomy;
    private final TimeIndex prsCreated = new TimeIndex();
    private final TimeIndex dispatches = new TimeIndex();

    private HashMap<String, TaskHistory> published = new HashMap<>();
    private boolean publishedShared;
    private final Set<String> dirty = new HashSet<>();
    private GovernanceSnapshot cached;

    public GovernanceState(String targetId) {
        this.targetId = java.util.Objects.requireNonNull(targetId, "targetId");
    }

    public String targetId() {
        return targetId;
    }

    /** The seq of the last event seen, of any kind or target (0 before the first). */
    public long lastSeq() {
        return lastSeq;
    }

    /**
     * Applies one event. Returns true if it changed the governance state; false if it was of
     * another target or kind, malformed, a repeat, or not after {@link #lastSeq()}.
     */
    public boolean apply(StoredEvent event) {
        if (event.seq() <= lastSeq) {
            return false;
        }
        lastSeq = event.seq();
        Optional<EventType> type = EventType.ofWire(event.eventType());
        if (type.isEmpty() || !GOVERNANCE_TYPES.contains(type.get())) {
            return false;
        }
        ObjectNode payload = event.payload().json();
        String eventTarget = event.targetId() != null ? event.targetId() : text(payload, "target_id");
        if (!targetId.equals(eventTarget)) {
            return false;
        }
        Instant at = event.envelope().instant();
        String actor = event.envelope().actorId() == null ? "" : event.envelope().actorId();
        boolean changed = switch (type.get()) {
            case TASK_APPROVED -> approved(payload, event, at, actor);
            case TASK_APPROVAL_REVOKED -> revoked(payload, at, actor);
            case ATTEMPT_CREATED -> attemptCreated(payload, at);
            case ATTEMPT_STARTED -> attemptStarted(payload, at);
            case ATTEMPT_SUCCEEDED -> attemptSucceeded(payload, at);
            case ATTEMPT_FAILED -> attemptFailed(payload, at);
            case ATTEMPT_INVALIDATED -> attemptInvalidated(payload, at);
            case PR_CREATED -> prCreated(payload, at);
            case PR_MERGED -> prMerged(payload, at);
            case PR_CLOSED -> prClosed(payload, at);
            case AUTONOMY_ENABLED, AUTONOMY_DISABLED -> {
                autonomy = new AutonomyOverride(type.get() == EventType.AUTONOMY_ENABLED,
                        payload.path("emergency").asBoolean(false), orEmpty(text(payload, "reason")), actor, at,
                        event.seq());
                yield true;
            }
            case CIRCUIT_OPENED -> {
                circuitOpenedSeq = event.seq();
                circuitOpenedAt = at;
                yield true;
            }
            case CIRCUIT_RESET -> {
                circuitResetSeq = event.seq();
                outcomes.clear();
                consecutiveFailures = 0;
                lastFailedAttemptId = null;
                yield true;
            }
            default -> false;
        };
        if (changed) {
            cached = null;
        }
        return changed;
    }

    /** The event types this model reads, by wire name: what a catch-up needs to fetch. */
    public static Set<String> eventTypes() {
        Set<String> out = new java.util.TreeSet<>();
        GOVERNANCE_TYPES.forEach(type -> out.add(type.wire()));
        return Collections.unmodifiableSet(out);
    }

    private static final Set<EventType> GOVERNANCE_TYPES = java.util.EnumSet.of(EventType.TASK_APPROVED,
            EventType.TASK_APPROVAL_REVOKED, EventType.ATTEMPT_CREATED, EventType.ATTEMPT_STARTED,
            EventType.ATTEMPT_SUCCEEDED, EventType.ATTEMPT_FAILED, EventType.ATTEMPT_INVALIDATED,
            EventType.PR_CREATED, EventType.PR_MERGED, EventType.PR_CLOSED, EventType.AUTONOMY_ENABLED,
            EventType.AUTONOMY_DISABLED, EventType.CIRCUIT_OPENED, EventType.CIRCUIT_RESET);

    // approvals

    private boolean approved(ObjectNode payload, StoredEvent event, Instant at, String actor) {
        String taskId = text(payload, "task_id");
        String hash = text(payload, "content_hash");
        if (taskId == null || hash == null) {
            return false;
        }
        String approvalId = text(payload, "approval_id");
        TaskEntry task = task(taskId);
        task.approval = new Approval(approvalId == null ? event.eventId() : approvalId, taskId, hash,
                orEmpty(text(payload, "commit")), actor, at, Optional.empty());
        // Approving a changed task approves a new piece of work: failures of attempts at what the
        // task said before no longer count towards its retry limit or backoff.
        boolean superseded = false;
        for (AttemptEntry attempt : task.attemptList) {
            if (attempt.contentHash != null && !attempt.contentHash.equals(hash) && !attempt.superseded) {
                attempt.superseded = true;
                superseded = true;
            }
        }
        if (superseded) {
            recountFailures(task);
        }
        return true;
    }

    private boolean revoked(ObjectNode payload, Instant at, String actor) {
        String taskId = text(payload, "task_id");
        TaskEntry task = taskId == null ? null : tasks.get(taskId);
        if (task == null || task.approval == null || task.approval.revoked()) {
            return false;
        }
        // A revocation names the approval it revokes; one naming an older approval leaves a newer
        // approval standing.
        String approvalId = text(payload, "approval_id");
        if (approvalId != null && !approvalId.equals(task.approval.approvalId())) {
            return false;
        }
        task.approval = task.approval.revokedBy(new Approval.Revocation(actor, at, orEmpty(text(payload, "reason"))));
        // The next snapshot rebuilds only dirty tasks: without this a long-lived state kept
        // publishing the approval as in force after its revocation.
        touch(taskId);
        return true;
    }

    // attempts

    private boolean attemptCreated(ObjectNode payload, Instant at) {
        String attemptId = text(payload, "attempt_id");
        if (attemptId == null) {
            return false;
        }
        AttemptEntry known = attempts.get(attemptId);
        AttemptEntry attempt = known != null ? known : newAttempt(attemptId, text(payload, "task_id"), at);
        if (attempt == null) {
            return false;
        }
        attempt.manual = payload.path("manual").asBoolean(false);
        attempt.executor = text(payload, "executor");
        attempt.contentHash = text(payload, "content_hash");
        // Created after an outcome already named it (an import out of order): nothing to count.
        return known == null;
    }

    private boolean attemptStarted(ObjectNode payload, Instant at) {
        AttemptEntry attempt = attemptFor(payload, at);
        if (attempt == null || attempt.status != AttemptStatus.CREATED) {
            return false;
        }
        attempt.status = AttemptStatus.STARTED;
        return true;
    }

    private boolean attemptSucceeded(ObjectNode payload, Instant at) {
        AttemptEntry attempt = attemptFor(payload, at);
        if (attempt == null || attempt.status.finished()) {
            return false;
        }
        attempt.status = AttemptStatus.SUCCEEDED;
        attempt.finishedAt = at;
        leaveFlight(attempt);
        String prId = text(payload, "pr_id");
        if (prId != null) {
            PrEntry pr = prs.get(prId);
            if (pr == null) {
                pr = newPr(prId, attempt.taskId, attempt.attemptId);
            }
            attempt.prId = prId;
            if (pr.state == PullRequest.State.CLOSED) {
                spend(attempt, pr.closedAt);
            }
        }
        if (!attempt.invalidated) {
            outcomes.add(attempt);
            consecutiveFailures = 0;
        }
        return true;
    }

    private boolean attemptFailed(ObjectNode payload, Instant at) {
        AttemptEntry attempt = attemptFor(payload, at);
        if (attempt == null || attempt.status.finished()) {
            return false;
        }
        attempt.status = AttemptStatus.FAILED;
        attempt.finishedAt = at;
        attempt.failureKind = text(payload, "failure_kind");
        attempt.reason = text(payload, "reason");
        leaveFlight(attempt);
        if (!attempt.invalidated) {
            outcomes.add(attempt);
            consecutiveFailures++;
            lastFailedAttemptId = attempt.attemptId;
            spend(attempt, at);
        }
        return true;
    }

    private boolean attemptInvalidated(ObjectNode payload, Instant at) {
        AttemptEntry attempt = attemptFor(payload, at);
        if (attempt == null || attempt.invalidated) {
            return false;
        }
        attempt.invalidated = true;
        leaveFlight(attempt);
        if (attempt.dispatched) {
            dispatches.remove(attempt.createdAt.toEpochMilli(), attempt.attemptId);
            attempt.dispatched = false;
        }
        TaskEntry task = task(attempt.taskId);
        task.attempts--;
        if (attempt.spentAt != null) {
            recountFailures(task);
        }
        if (attempt.status.finished()) {
            recountConsecutiveFailures();
        }
        return true;
    }

    /**
     * The attempt an outcome names; one never created (its {@code attempt.created} was lost or is
     * in another store) is created from the outcome, so its effects still count.
     */
    private AttemptEntry attemptFor(ObjectNode payload, Instant at) {
        String attemptId = text(payload, "attempt_id");
        if (attemptId == null) {
            return null;
        }
        AttemptEntry attempt = attempts.get(attemptId);
        return attempt != null ? attempt : newAttempt(attemptId, text(payload, "task_id"), at);
    }

    private AttemptEntry newAttempt(String attemptId, String taskId, Instant at) {
        if (taskId == null) {
            return null;
        }
        AttemptEntry attempt = new AttemptEntry(attemptId, taskId, at);
        attempts.put(attemptId, attempt);
        TaskEntry task = task(taskId);
        task.attemptList.add(attempt);
        task.attempts++;
        task.inFlight.add(attemptId);
        running.add(attemptId);
        dispatches.add(at.toEpochMilli(), attemptId, taskId);
        attempt.dispatched = true;
        return attempt;
    }

    private void leaveFlight(AttemptEntry attempt) {
        if (running.remove(attempt.attemptId)) {
            task(attempt.taskId).inFlight.remove(attempt.attemptId);
        }
    }

    /** Counts an attempt towards the retry limit and the backoff, once. */
    private void spend(AttemptEntry attempt, Instant at) {
        if (attempt.spentAt != null || attempt.invalidated || attempt.superseded) {
            return;
        }
        attempt.spentAt = at;
        TaskEntry task = task(attempt.taskId);
        task.failures++;
        if (task.lastFailureAt == null || at.isAfter(task.lastFailureAt)) {
            task.lastFailureAt = at;
        }
    }

    private void unspend(AttemptEntry attempt) {
        if (attempt.spentAt == null) {
            return;
        }
        attempt.spentAt = null;
        recountFailures(task(attempt.taskId));
    }

    private void recountFailures(TaskEntry task) {
        int failures = 0;
        Instant last = null;
        for (AttemptEntry attempt : task.attemptList) {
            if (attempt.spentAt != null && !attempt.invalidated && !attempt.superseded) {
                failures++;
                if (last == null || attempt.spentAt.isAfter(last)) {
                    last = attempt.spentAt;
                }
            }
        }
        task.failures = failures;
        task.lastFailureAt = last;
        touch(task.id);
    }

    /** Walks back from the latest outcome to the last success that still counts. */
    private void recountConsecutiveFailures() {
        int failures = 0;
        String last = null;
        for (int i = outcomes.size() - 1; i >= 0; i--) {
            AttemptEntry outcome = outcomes.get(i);
            if (outcome.invalidated) {
                continue;
            }
            if (outcome.status == AttemptStatus.SUCCEEDED) {
                break;
            }
            if (last == null) {
                last = outcome.attemptId;
            }
            failures++;
        }
        consecutiveFailures = failures;
        lastFailedAttemptId = last;
    }

    // pull requests

    private boolean prCreated(ObjectNode payload, Instant at) {
        String prId = text(payload, "pr_id");
        if (prId == null) {
            return false;
        }
        PrEntry pr = prs.get(prId);
        if (pr == null) {
            String taskId = text(payload, "task_id");
            if (taskId == null) {
                return false;
            }
            pr = newPr(prId, taskId, text(payload, "attempt_id"));
        }
        if (pr.createdAt != null) {
            return false;
        }
        pr.createdAt = at;
        pr.branch = text(payload, "branch");
        prsCreated.add(at.toEpochMilli(), prId, pr.taskId);
        AttemptEntry attempt = pr.attemptId == null ? null : attempts.get(pr.attemptId);
        if (attempt != null && attempt.prId == null) {
            attempt.prId = prId;
        }
        touch(pr.taskId);
        return true;
    }

    private boolean prMerged(ObjectNode payload, Instant at) {
        PrEntry pr = prFor(payload);
        if (pr == null || pr.state == PullRequest.State.MERGED) {
            return false;
        }
        PullRequest.State was = pr.state;
        pr.state = PullRequest.State.MERGED;
        pr.closedAt = at;
        pr.mergeCommit = text(payload, "merge_commit");
        TaskEntry task = task(pr.taskId);
        if (was == PullRequest.State.OPEN) {
            openPrs--;
            task.openPrs.remove(pr.prId);
        } else {
            // Closed, then merged after all (a forge can reopen): the attempt no longer failed.
            AttemptEntry attempt = pr.attemptId == null ? null : attempts.get(pr.attemptId);
            if (attempt != null && attempt.status != AttemptStatus.FAILED) {
                unspend(attempt);
            }
        }
        if (task.mergedPrId == null) {
            task.mergedPrId = pr.prId;
            task.mergedAt = at;
        }
        touch(task.id);
        return true;
    }

    private boolean prClosed(ObjectNode payload, Instant at) {
        PrEntry pr = prFor(payload);
        if (pr == null || pr.state != PullRequest.State.OPEN) {
            return false;
        }
        pr.state = PullRequest.State.CLOSED;
        pr.closedAt = at;
        openPrs--;
        TaskEntry task = task(pr.taskId);
        task.openPrs.remove(pr.prId);
        // A pull request closed without merge is a failed attempt for the retry limit and the
        // backoff: otherwise a task whose every PR is rejected is dispatched again at once, forever.
        AttemptEntry attempt = pr.attemptId == null ? null : attempts.get(pr.attemptId);
        if (attempt != null) {
            spend(attempt, at);
        }
        touch(task.id);
        return true;
    }

    private PrEntry prFor(ObjectNode payload) {
        String prId = text(payload, "pr_id");
        if (prId == null) {
            return null;
        }
        PrEntry pr = prs.get(prId);
        if (pr != null) {
            return pr;
        }
        String taskId = text(payload, "task_id");
        return taskId == null ? null : newPr(prId, taskId, text(payload, "attempt_id"));
    }

    private PrEntry newPr(String prId, String taskId, String attemptId) {
        PrEntry pr = new PrEntry(prId, taskId, attemptId);
        prs.put(prId, pr);
        openPrs++;
        task(taskId).openPrs.add(prId);
        return pr;
    }

    // reading

    private TaskEntry task(String taskId) {
        dirty.add(taskId);
        return tasks.computeIfAbsent(taskId, TaskEntry::new);
    }

    private void touch(String taskId) {
        dirty.add(taskId);
    }

    /**
     * The state as it is now, unchanging. Cheap when nothing changed since the last snapshot;
     * otherwise it copies the per-task map once (O(tasks)) and rebuilds the tasks that changed.
     */
    public GovernanceSnapshot snapshot() {
        if (cached != null && dirty.isEmpty()) {
            return cached;
        }
        if (!dirty.isEmpty()) {
            if (publishedShared) {
                published = new HashMap<>(published);
                publishedShared = false;
            }
            for (String taskId : dirty) {
                published.put(taskId, tasks.get(taskId).history(attempts));
            }
            dirty.clear();
        }
        publishedShared = true;
        boolean open = circuitOpenedSeq > circuitResetSeq;
        AttemptEntry lastFailed = lastFailedAttemptId == null ? null : attempts.get(lastFailedAttemptId);
        CircuitState circuit = new CircuitState(open, consecutiveFailures, Optional.ofNullable(lastFailedAttemptId),
                Optional.ofNullable(lastFailed == null ? null : lastFailed.finishedAt),
                open ? Optional.of(circuitOpenedAt) : Optional.empty());
        cached = new GovernanceSnapshot(targetId, lastSeq, Collections.unmodifiableMap(published),
                Optional.ofNullable(autonomy), circuit, running.size(), openPrs, prsCreated.view(), dispatches.view());
        return cached;
    }

    public Optional<Attempt> attempt(String attemptId) {
        return Optional.ofNullable(attempts.get(attemptId)).map(AttemptEntry::view);
    }

    /** The task's attempts in creation order, invalidated ones included. */
    public List<Attempt> attemptsOf(String taskId) {
        TaskEntry task = tasks.get(taskId);
        return task == null ? List.of() : task.attemptList.stream().map(AttemptEntry::view).toList();
    }

    /** Attempts in flight, in creation order. */
    public List<Attempt> runningAttempts() {
        return running.stream().map(id -> attempts.get(id).view()).toList();
    }

    public Optional<PullRequest> pullRequest(String prId) {
        return Optional.ofNullable(prs.get(prId)).map(PrEntry::view);
    }

    /** Every pull request, ordered by id. */
    public List<PullRequest> pullRequests() {
        return prs.values().stream().map(PrEntry::view).sorted(Comparator.comparing(PullRequest::prId)).toList();
    }

    static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    // mutable entries, never handed out

    private static final class TaskEntry {
        final String id;
        Approval approval;
        int attempts;
        int failures;
        Instant lastFailureAt;
        final List<AttemptEntry> attemptList = new ArrayList<>(2);
        final LinkedHashSet<String> inFlight = new LinkedHashSet<>(2);
        final LinkedHashSet<String> openPrs = new LinkedHashSet<>(2);
        String mergedPrId;
        Instant mergedAt;

        TaskEntry(String id) {
            this.id = id;
        }

        TaskHistory history(Map<String, AttemptEntry> attempts) {
            Optional<String> runningId = inFlight.isEmpty() ? Optional.empty()
                    : Optional.of(inFlight.iterator().next());
            return new TaskHistory(id, Optional.ofNullable(approval), attempts(), failures,
                    Optional.ofNullable(lastFailureAt), inFlight.size(), runningId,
                    runningId.map(attemptId -> attempts.get(attemptId).createdAt), openPrs.size(),
                    openPrs.isEmpty() ? Optional.empty() : Optional.of(openPrs.iterator().next()),
                    Optional.ofNullable(mergedPrId), Optional.ofNullable(mergedAt));
        }

        private int attempts() {
            return attempts;
        }
    }

    private static final class AttemptEntry {
        final String attemptId;
        final String taskId;
        final Instant createdAt;
        AttemptStatus status = AttemptStatus.CREATED;
        Instant finishedAt;
        String failureKind;
        String reason;
        boolean invalidated;
        boolean manual;
        boolean dispatched;
        String executor;
        /** The task's content the attempt was dispatched for. */
        String contentHash;
        /** The task was approved again with other content since: this attempt's failure no longer counts. */
        boolean superseded;
        String prId;
        /** When it started counting as failed; null while it does not. */
        Instant spentAt;

        AttemptEntry(String attemptId, String taskId, Instant createdAt) {
            this.attemptId = attemptId;
            this.taskId = taskId;
            this.createdAt = createdAt;
        }

        Attempt view() {
            return new Attempt(attemptId, taskId, status, createdAt, Optional.ofNullable(finishedAt),
                    Optional.ofNullable(failureKind), Optional.ofNullable(reason), invalidated, manual,
                    Optional.ofNullable(executor), Optional.ofNullable(prId));
        }
    }

    private static final class PrEntry {
        final String prId;
        final String taskId;
        final String attemptId;
        PullRequest.State state = PullRequest.State.OPEN;
        Instant createdAt;
        Instant closedAt;
        String branch;
        String mergeCommit;

        PrEntry(String prId, String taskId, String attemptId) {
            this.prId = prId;
            this.taskId = taskId;
            this.attemptId = attemptId;
        }

        PullRequest view() {
            return new PullRequest(prId, taskId, Optional.ofNullable(attemptId), state,
                    Optional.ofNullable(createdAt), Optional.ofNullable(closedAt), Optional.ofNullable(branch),
                    Optional.ofNullable(mergeCommit));
        }
    }
}
