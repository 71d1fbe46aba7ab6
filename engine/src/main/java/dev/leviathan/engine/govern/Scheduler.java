package dev.leviathan.engine.govern;

import dev.leviathan.engine.target.AllowedPath;
import dev.leviathan.engine.target.ExecutorSpec;
import dev.leviathan.engine.target.Glob;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.target.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The governor: a pure function from {@link SchedulingInput} to {@link ScheduleDecision}. It
 * reads nothing else (no clock, no store, no files), so the same input always gives the same
 * decision, and it is safe to call from any thread.
 *
 * <p>A task is chosen when no blocker stops the target and none of its own guards holds it back;
 * among those, the highest priority wins, then the earliest in the backlog. Every other task gets
 * its reasons: if it is not pending or already in flight only those (nothing else matters until
 * that changes), otherwise every guard it fails; then every blocker.
 *
 * <p>Cost: O(tasks + dependencies + allowed paths × globs), one history lookup per task and per
 * dependency; a task's content hash is computed only when it has an approval to compare it with.
 */
public final class Scheduler {

    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofDays(1);
    /** The backoff stops doubling after this many failures, so the wait stays a real instant. */
    static final int MAX_DOUBLINGS = 30;

    public ScheduleDecision decide(SchedulingInput input) {
        return new Run(input).decide();
    }

    /** One decision's working state. */
    private static final class Run {
        private final SchedulingInput in;
        private final GovernanceSnapshot history;
        private final Limits limits;
        private final Map<String, Task> byId;
        private final String target;

        Run(SchedulingInput in) {
            this.in = in;
            this.history = in.history();
            this.limits = Limits.of(in.policy(), in.autonomy());
            this.target = in.targetId();
            this.byId = HashMap.newHashMap(in.tasks().size());
            for (Task task : in.tasks()) {
                byId.putIfAbsent(task.id(), task);
            }
        }

        ScheduleDecision decide() {
            Instant now = in.now();
            int prsLastHour = history.pullRequestsCreatedWithin(now, HOUR);
            List<Blocker> blockers = blockers(prsLastHour);
            String requested = in.mode() instanceof SchedulingMode.Manual manual ? manual.taskId() : null;

            List<Task> tasks = in.tasks();
            int n = tasks.size();
            List<Reason> own = new ArrayList<>(n * 2);
            int[] start = new int[n + 1];
            int best = -1;
            for (int i = 0; i < n; i++) {
                Task task = tasks.get(i);
                start[i] = own.size();
                if (requested != null && !task.id().equals(requested)) {
                    own.add(new Reason(task.id(), ReasonCode.NOT_REQUESTED,
                            "not requested: manual dispatch of " + requested));
                } else if (byId.get(task.id()) != task) {
                    own.add(new Reason(task.id(), ReasonCode.NOT_DISPATCHABLE,
                            "another task earlier in the backlog has the id " + task.id()
                                    + ": give each task its own id"));
                } else {
                    check(task, own);
                }
                if (own.size() == start[i] && blockers.isEmpty()
                        && (best < 0 || task.priority().ordinal() < tasks.get(best).priority().ordinal())) {
                    best = i;
                }
            }
            start[n] = own.size();

            Optional<Task> chosen = best < 0 ? Optional.empty() : Optional.of(tasks.get(best));
            List<Reason> reasons = new ArrayList<>(own.size() + n * (blockers.size() + 1));
            for (int i = 0; i < n; i++) {
                if (i == best) {
                    continue;
                }
                Task task = tasks.get(i);
                if (start[i] == start[i + 1] && chosen.isPresent()) {
                    reasons.add(new Reason(task.id(), ReasonCode.LOWER_PRIORITY, lowerPriority(task, chosen.get())));
                }
                reasons.addAll(own.subList(start[i], start[i + 1]));
                for (Blocker blocker : blockers) {
                    reasons.add(new Reason(task.id(), blocker.code(), blocker.message()));
                }
            }
            return new ScheduleDecision(target, in.mode(), chosen, reasons, blockers, in.openPullRequests(),
                    prsLastHour, now);
        }

        // blockers: the whole target

        private List<Blocker> blockers(int prsLastHour) {
            List<Blocker> out = new ArrayList<>(2);
            Instant now = in.now();
            if (in.mode() instanceof SchedulingMode.Autonomous) {
                AutonomyStatus autonomy = AutonomyStatus.of(history, in.autonomy());
                if (!autonomy.enabled()) {
                    out.add(new Blocker(ReasonCode.AUTONOMY_DISABLED, autonomyDisabled(autonomy)));
                }
            }
            CircuitState circuit = history.circuit();
            if (circuit.open()) {
                out.add(new Blocker(ReasonCode.CIRCUIT_OPEN, "circuit breaker open since "
                        + circuit.openedAt().map(Instant::toString).orElse("?") + consecutive(circuit)
                        + ": fix the cause, then reset it with `leviathanctl circuit reset --target " + target + "`"));
            } else if (limits.circuitThreshold() > 0 && circuit.consecutiveFailures() >= limits.circuitThreshold()) {
                // Tripped but not yet recorded as opened: stop anyway, the event is on its way.
                out.add(new Blocker(ReasonCode.CIRCUIT_OPEN, "circuit breaker tripped" + consecutive(circuit)
                        + ", reaching circuit_breaker_failures " + limits.circuitThreshold()
                        + ": fix the cause, then reset it with `leviathanctl circuit reset --target " + target + "`"));
            }
            int running = history.runningAttempts();
            switch (in.openPullRequests()) {
                case OpenPullRequests.Unavailable unavailable -> out.add(new Blocker(
                        ReasonCode.OPEN_PR_COUNT_UNAVAILABLE, "cannot count open pull requests ("
                                + clip(unavailable.reason()) + "): nothing is dispatched until the forge answers"));
                case OpenPullRequests.Counted counted -> {
                    if (counted.count() + running >= limits.maxOpenPrs()) {
                        out.add(new Blocker(ReasonCode.OPEN_PR_CAP, plural(counted.count(), "open pull request")
                                + (running > 0 ? " and " + plural(running, "running attempt")
                                        + " (which may open one) reach" : reach(counted.count()))
                                + " max_open_prs " + limits.maxOpenPrs() + ": merge or close one"));
                    }
                }
            }
            if (prsLastHour >= limits.maxPrsPerHour()) {
                long edge = history.prsCreated().stampAfter(now.minus(HOUR).toEpochMilli(),
                        prsLastHour - limits.maxPrsPerHour());
                out.add(new Blocker(ReasonCode.HOURLY_CAP, plural(prsLastHour, "pull request")
                        + " opened in the last hour" + reach(prsLastHour) + " max_prs_per_hour " + limits.maxPrsPerHour()
                        + nextAfter(edge, HOUR, "open")));
            }
            if (running >= limits.maxRunning().value()) {
                out.add(new Blocker(ReasonCode.RUNNING_CAP, plural(running, "attempt") + " running" + reach(running)
                        + " " + limits.maxRunning().describe() + ": wait for one to finish"));
            }
            if (limits.maxTasksPerDay().isPresent()) {
                Limits.Limit daily = limits.maxTasksPerDay().get();
                int dispatched = history.tasksDispatchedWithin(now, DAY);
                if (dispatched >= daily.value()) {
                    long edge = history.dispatches().groupWindowEdge(now.minus(DAY).toEpochMilli(), daily.value());
                    out.add(new Blocker(ReasonCode.DAILY_CAP, plural(dispatched, "task")
                            + " dispatched in the last 24 hours" + reach(dispatched) + " " + daily.describe() + nextAfter(edge, DAY, "start")));
                }
            }
            if (in.mode() instanceof SchedulingMode.Manual manual && !byId.containsKey(manual.taskId())) {
                out.add(new Blocker(ReasonCode.TASK_NOT_FOUND, "no task '" + clip(manual.taskId())
                        + "' in the backlog"));
            }
            return out;
        }

        private String autonomyDisabled(AutonomyStatus autonomy) {
            String how = "enable it with `leviathanctl autonomy enable --target " + target
                    + "`, or dispatch a task by hand with `leviathanctl dispatch TASK --target " + target + "`";
            if (autonomy.override().isPresent()) {
                AutonomyOverride off = autonomy.override().get();
                return "autonomy disabled" + (off.emergency() ? " (emergency stop)" : "")
                        + (off.actor().isEmpty() ? "" : " by " + off.actor()) + " at " + off.at()
                        + (off.reason().isBlank() ? "" : " (" + clip(off.reason()) + ")") + ": " + how;
            }
            return "autonomy is disabled: the autonomy config does not say autonomy_enabled: true; " + how;
        }

        private static String consecutive(CircuitState circuit) {
            return " after " + plural(circuit.consecutiveFailures(), "consecutive failure")
                    + circuit.lastFailedAttemptId().map(id -> " (last: attempt " + id + ")").orElse("");
        }

        private static String nextAfter(long edgeMillis, Duration window, String verb) {
            return edgeMillis == Long.MIN_VALUE ? ""
                    : "; the next may " + verb + " at " + Instant.ofEpochMilli(edgeMillis).plus(window);
        }

        // one task's own guards

        private void check(Task task, List<Reason> out) {
            String id = task.id();
            TaskHistory past = history.historyOrNull(id);
            int before = out.size();
            if (task.status() != TaskStatus.PENDING) {
                out.add(new Reason(id, ReasonCode.NOT_PENDING, "status is " + task.status().word()
                        + " in the backlog"));
            } else if (past != null && past.completedByMerge()) {
                out.add(new Reason(id, ReasonCode.NOT_PENDING, "completed: pull request "
                        + past.mergedPullRequestId().orElseThrow() + " was merged"));
            }
            if (past != null && past.running() > 0) {
                out.add(new Reason(id, ReasonCode.IN_FLIGHT, running(past)));
            } else if (past != null && past.openPullRequests() > 0) {
                out.add(new Reason(id, ReasonCode.IN_FLIGHT, "pull request " + past.openPullRequestId().orElseThrow()
                        + " is open: merge or close it before the task runs again"));
            }
            if (out.size() > before) {
                return;
            }
            if (!task.ready()) {
                out.add(new Reason(id, ReasonCode.NOT_READY, "not ready: set ready: true in the backlog when it may run"));
            }
            dependencies(task, out);
            approval(task, past, out);
            paths(task, out);
            dispatchable(task, out);
            attempts(task, past, out);
        }

        private String running(TaskHistory past) {
            String attemptId = past.runningAttemptId().orElseThrow();
            Instant since = past.runningSince().orElseThrow();
            String message = "attempt " + attemptId + " is running since " + since;
            if (in.now().isAfter(since.plus(in.autonomy().attemptTimeout()))) {
                message += ", longer than attempt_timeout_seconds: if its worker is gone, invalidate it with"
                        + " `leviathanctl attempts invalidate " + attemptId + " --target " + target + "`";
            }
            return message;
        }

        private void dependencies(Task task, List<Reason> out) {
            List<String> waiting = null;
            for (String dependency : task.dependencies()) {
                Task other = byId.get(dependency);
                String state;
                if (other == null) {
                    state = "not in the backlog";
                } else if (other.status() == TaskStatus.COMPLETED) {
                    continue;
                } else {
                    TaskHistory past = history.historyOrNull(dependency);
                    if (past != null && past.completedByMerge()) {
                        continue;
                    }
                    state = other.status().word();
                }
                if (waiting == null) {
                    waiting = new ArrayList<>(2);
                }
                waiting.add(dependency + " (" + state + ")");
            }
            if (waiting != null) {
                out.add(new Reason(task.id(), ReasonCode.DEPENDENCY_NOT_COMPLETED, "waits for "
                        + (waiting.size() == 1 ? "dependency " : "dependencies ") + String.join(", ", waiting)
                        + ": not completed"));
            }
        }

        private void approval(Task task, TaskHistory past, List<Reason> out) {
            Optional<Approval> latest = past == null ? Optional.empty() : past.approval();
            String approve = "`leviathanctl approve " + task.id() + " --target " + target + "`";
            if (latest.isEmpty()) {
                out.add(new Reason(task.id(), ReasonCode.NOT_APPROVED, "not approved: review it, then run " + approve));
                return;
            }
            Approval approval = latest.get();
            if (approval.revocation().isPresent()) {
                Approval.Revocation revocation = approval.revocation().get();
                out.add(new Reason(task.id(), ReasonCode.APPROVAL_REVOKED, "approval " + approval.approvalId()
                        + " was revoked" + (revocation.revokedBy().isEmpty() ? "" : " by " + revocation.revokedBy())
                        + " at " + revocation.revokedAt()
                        + (revocation.reason().isBlank() ? "" : " (" + clip(revocation.reason()) + ")")
                        + ": approve it again with " + approve));
                return;
            }
            String current;
            try {
                current = task.contentHash();
            } catch (IllegalArgumentException unhashable) {
                // A backlog can spell a lone surrogate as an escape; such a task has no content
                // hash, so no approval can be for it.
                out.add(new Reason(task.id(), ReasonCode.APPROVAL_STALE, "approval " + approval.approvalId()
                        + " cannot match: the task's content cannot be hashed (" + unhashable.getMessage()
                        + "): fix the backlog entry, then approve it again"));
                return;
            }
            if (!current.equals(approval.contentHash())) {
                out.add(new Reason(task.id(), ReasonCode.APPROVAL_STALE, "approval stale: the task changed after"
                        + " approval " + approval.approvalId() + " (approved content " + shortHash(approval.contentHash())
                        + ", now " + shortHash(current) + "): review the change, then run " + approve));
            }
        }

        private void paths(Task task, List<Reason> out) {
            if (task.allowedPaths().isEmpty()) {
                out.add(new Reason(task.id(), ReasonCode.PATH_OUTSIDE_POLICY,
                        "has no allowed_paths: list the files or directories it may change"));
                return;
            }
            List<String> outside = null;
            List<String> forbidden = null;
            for (AllowedPath entry : task.allowedPaths()) {
                Optional<Glob> forbidding = PathRules.forbidding(in.policy(), entry);
                if (forbidding.isPresent()) {
                    forbidden = add(forbidden, "'" + entry.value() + "' is forbidden by policy.yaml ("
                            + forbidding.get().pattern() + ")");
                    continue;
                }
                // Manual dispatch is the operator's own decision: the autonomy file's prefixes bind
                // it only when the file sets some; policy.yaml binds it always.
                boolean prefixesApply = !(in.mode() instanceof SchedulingMode.Manual)
                        || !in.autonomy().allowedPathPrefixes().isEmpty();
                if (prefixesApply && !in.autonomy().allows(entry)) {
                    outside = add(outside, "'" + entry.value() + "' is outside the autonomy config's"
                            + " allowed_path_prefixes (" + prefixes() + ")");
                } else if (!PathRules.permits(in.policy(), task.scope(), entry)) {
                    outside = add(outside, "'" + entry.value() + "' is not permitted by policy.yaml for "
                            + task.scope().map(scope -> "scope " + scope).orElse("a task without a scope")
                            + (entry.isDirectory() ? " (a directory needs a glob that covers all of it, such as "
                                    + entry.value() + "**)" : ""));
                }
            }
            if (outside != null) {
                out.add(new Reason(task.id(), ReasonCode.PATH_OUTSIDE_POLICY, String.join("; ", outside)));
            }
            if (forbidden != null) {
                out.add(new Reason(task.id(), ReasonCode.FORBIDDEN_PATH, String.join("; ", forbidden)));
            }
        }

        private String prefixes() {
            return in.autonomy().allowedPathPrefixes().isEmpty() ? "none are set"
                    : in.autonomy().allowedPathPrefixes().stream().map(AllowedPath::value)
                            .collect(Collectors.joining(", "));
        }

        private void dispatchable(Task task, List<Reason> out) {
            if (in.modelConfigured()) {
                return;
            }
            if (task.executor().isEmpty()) {
                out.add(new Reason(task.id(), ReasonCode.NOT_DISPATCHABLE,
                        "no executor and no model configured: add an executor to the task or configure a model"));
            } else if (task.executor().get() instanceof ExecutorSpec.Llm) {
                out.add(new Reason(task.id(), ReasonCode.NOT_DISPATCHABLE,
                        "its executor is llm and no model is configured: configure a model"));
            }
        }

        private void attempts(Task task, TaskHistory past, List<Reason> out) {
            if (past == null || past.failedAttempts() == 0) {
                return;
            }
            int failed = past.failedAttempts();
            Limits.Limit limit = limits.maxAttempts();
            if (failed >= limit.value()) {
                out.add(new Reason(task.id(), ReasonCode.ATTEMPTS_EXHAUSTED, plural(failed, "failed attempt")
                        + reach(failed) + " " + limit.describe() + ": invalidate a failed attempt with `leviathanctl attempts"
                        + " invalidate ATTEMPT --target " + target + "`, or raise the limit"));
                return;
            }
            Optional<Instant> next = nextAllowed(past, limits.backoff());
            if (next.isPresent() && in.now().isBefore(next.get())) {
                out.add(new Reason(task.id(), ReasonCode.BACKOFF, "backing off after " + plural(failed, "failed attempt")
                        + " until " + next.get() + " (backoff_seconds " + limits.backoff().toSeconds() + " from "
                        + limits.backoffSource() + ", doubled for each failure after the first)"));
            }
        }

        private static String lowerPriority(Task task, Task chosen) {
            return task.priority().ordinal() > chosen.priority().ordinal()
                    ? "eligible, but " + chosen.id() + " goes first (priority " + chosen.priority().word() + ")"
                    : "eligible, but " + chosen.id() + " goes first (same priority, earlier in the backlog)";
        }
    }

    /**
     * When a task that failed may run again: its last failure plus the base backoff doubled for
     * each failure after the first (base × 2^(failures − 1)). Empty with no failure or no backoff.
     */
    static Optional<Instant> nextAllowed(TaskHistory past, Duration base) {
        if (past.failedAttempts() == 0 || past.lastFailureAt().isEmpty() || base.isZero() || base.isNegative()) {
            return Optional.empty();
        }
        int doublings = Math.min(past.failedAttempts() - 1, MAX_DOUBLINGS);
        try {
            return Optional.of(past.lastFailureAt().get().plus(base.multipliedBy(1L << doublings)));
        } catch (ArithmeticException | java.time.DateTimeException beyondTime) {
            return Optional.of(Instant.MAX);
        }
    }

    private static List<String> add(List<String> list, String item) {
        List<String> out = list == null ? new ArrayList<>(2) : list;
        out.add(item);
        return out;
    }

    /** " reaches" or " reach", to agree with a count. */
    private static String reach(int count) {
        return count == 1 ? " reaches" : " reach";
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /** Operator-written text (a reason) inside a message: one line, bounded. */
    static String clip(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }
}
