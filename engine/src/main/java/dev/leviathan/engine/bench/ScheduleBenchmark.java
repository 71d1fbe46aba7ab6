package dev.leviathan.engine.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.govern.GovernanceSnapshot;
import dev.leviathan.engine.govern.GovernanceState;
import dev.leviathan.engine.govern.OpenPullRequests;
import dev.leviathan.engine.govern.Reason;
import dev.leviathan.engine.govern.ScheduleDecision;
import dev.leviathan.engine.govern.Scheduler;
import dev.leviathan.engine.govern.SchedulingInput;
import dev.leviathan.engine.govern.SchedulingMode;
import dev.leviathan.engine.target.AllowedPath;
import dev.leviathan.engine.target.AutonomyConfig;
import dev.leviathan.engine.target.EstimatedSize;
import dev.leviathan.engine.target.ExecutorSpec;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.Priority;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.target.TargetFiles;
import dev.leviathan.engine.target.TaskStatus;
import dev.leviathan.engine.target.WriteBack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code leviathanctl bench schedule}: one scheduling decision over a generated backlog (10,000
 * tasks by default, with dependencies, priorities, paths in and out of policy, executors) whose
 * governance state was built from a generated history (1,000,000 events by default: approvals,
 * stale and revoked approvals, attempts that fail, succeed, are invalidated, pull requests
 * merged, closed and open, kill-switch and circuit events, decisions, and another target's
 * events in between), against the 50 ms target.
 *
 * <p>Baseline, in the same process and alternated with the decisions: one pass over the backlog
 * computing every task's content hash ({@link Task#contentHash()}), the least work any decision
 * that checks approvals against the tasks as they are could do. A decision hashes only the tasks
 * with an approval, so the ratio can be below 1.
 */
public final class ScheduleBenchmark {

    public static final double TARGET_MILLIS = 50.0;
    static final String TARGET = "bench";
    static final String ELSEWHERE = "bench-elsewhere";

    /**
     * @param warmups decisions (and baseline passes) run before measuring
     * @param rounds  measured decisions (and baseline passes), alternated
     */
    public record Options(int tasks, int events, int warmups, int rounds, long seed) {

        public static Options defaults() {
            return new Options(10_000, 1_000_000, 30, 60, 42);
        }
    }

    /**
     * @param targetEvents      events of the benchmarked target's governance (the rest: other kinds, another target)
     * @param buildSeconds      applying every event to a fresh {@link GovernanceState}
     * @param decisionMillis    median decision
     * @param decisionP90Millis 90th percentile decision
     * @param baselineMillis    median pass computing every task's content hash
     * @param snapshotMillis    median {@link GovernanceState#snapshot()} after one more event
     * @param reasonCounts      reasons of the last decision by code
     */
    public record Result(int tasks, long events, long targetEvents, double buildSeconds, double decisionMillis,
            double decisionP90Millis, double baselineMillis, double snapshotMillis, Optional<String> chosenTaskId,
            SortedMap<String, Integer> reasonCounts) {

        /** Decision time as a multiple of the baseline's. */
        public double ratio() {
            return decisionMillis / baselineMillis;
        }

        public boolean withinTarget() {
            return decisionMillis <= TARGET_MILLIS;
        }

        /** What {@code leviathanctl bench schedule} prints. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(java.util.Locale.ROOT, "backlog: %,d tasks; history: %,d events (%,d of the"
                    + " target's governance), applied in %.2f s", tasks, events, targetEvents, buildSeconds));
            out.add(String.format(java.util.Locale.ROOT, "decision: median %.2f ms (p90 %.2f ms), target %.0f ms: %s",
                    decisionMillis, decisionP90Millis, TARGET_MILLIS, withinTarget() ? "within" : "OVER"));
            out.add(String.format(java.util.Locale.ROOT, "baseline (content hash of every task): median %.2f ms;"
                    + " decision/baseline %.2f", baselineMillis, ratio()));
            out.add(String.format(java.util.Locale.ROOT, "snapshot after one more event: median %.2f ms",
                    snapshotMillis));
            out.add("chosen: " + chosenTaskId.orElse("nothing") + "; reasons: " + reasonCounts);
            return out;
        }
    }

    private final Consumer<String> progress;

    public ScheduleBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    public Result run(Options options) {
        Random random = new Random(options.seed());
        progress.accept("generating a backlog of " + options.tasks() + " tasks");
        List<Task> tasks = backlog(options.tasks(), random);
        Instant now = Instant.parse("2026-11-22T12:00:00Z");

        progress.accept("applying " + options.events() + " events of history");
        GovernanceState state = new GovernanceState(TARGET);
        HistoryWriter writer = new HistoryWriter(options.events(), now, state);
        long started = System.nanoTime();
        writeHistory(tasks, writer, random);
        double buildSeconds = (System.nanoTime() - started) / 1e9;
        GovernanceSnapshot snapshot = state.snapshot();
        long written = writer.written();
        long targetEvents = writer.targetEvents();

        SchedulingInput input = new SchedulingInput(TARGET, tasks, policy(), autonomy(), snapshot,
                new OpenPullRequests.Counted(snapshot.openPullRequests()), true, now, new SchedulingMode.Autonomous());
        Scheduler scheduler = new Scheduler();
        progress.accept("warm-up: " + options.warmups() + " decisions and baseline passes");
        ScheduleDecision decision = null;
        long sink = 0;
        for (int i = 0; i < options.warmups(); i++) {
            decision = scheduler.decide(input);
            sink += baseline(tasks);
        }
        double[] decisions = new double[options.rounds()];
        double[] baselines = new double[options.rounds()];
        progress.accept("measuring " + options.rounds() + " rounds");
        for (int round = 0; round < options.rounds(); round++) {
            long t0 = System.nanoTime();
            decision = scheduler.decide(input);
            long t1 = System.nanoTime();
            sink += baseline(tasks);
            long t2 = System.nanoTime();
            decisions[round] = (t1 - t0) / 1e6;
            baselines[round] = (t2 - t1) / 1e6;
        }
        double[] snapshots = new double[options.rounds()];
        for (int round = 0; round < options.rounds(); round++) {
            writer.extra(state, tasks.get(round % tasks.size()).id(), round);
            long t0 = System.nanoTime();
            sink += state.snapshot().lastSeq();
            snapshots[round] = (System.nanoTime() - t0) / 1e6;
        }
        if (sink == 42) {
            progress.accept("");
        }
        SortedMap<String, Integer> counts = new TreeMap<>();
        for (Reason reason : decision.reasons()) {
            counts.merge(reason.code().wire(), 1, Integer::sum);
        }
        Arrays.sort(decisions);
        return new Result(tasks.size(), written, targetEvents, buildSeconds, median(decisions),
                decisions[Math.min(decisions.length - 1, (int) Math.ceil(decisions.length * 0.9) - 1)],
                median(baselines), median(snapshots), decision.chosenTaskId(), counts);
    }

    private static long baseline(List<Task> tasks) {
        long sum = 0;
        for (Task task : tasks) {
            sum += task.contentHash().charAt(0);
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    // the target

    static Policy policy() {
        return TargetFiles.loadPolicy("policy.yaml", """
                allowed_paths:
                  docs: ["docs/**", "README.md"]
                  tests: ["tests/**"]
                forbidden_paths: [".github/**", "**/*.pem", "docs/private/**", ".leviathan/*.yaml"]
                safety_rules: {max_attempts_per_task: 3, backoff_seconds: 60, max_concurrent_attempts: 2}
                """);
    }

    static AutonomyConfig autonomy() {
        return TargetFiles.loadAutonomyConfig("autonomy.yaml", """
                autonomy_enabled: true
                target_id: bench
                allowed_path_prefixes: [docs/, tests/, README.md, .github/]
                max_open_prs: 5
                max_running_attempts: 2
                max_attempts_per_task: 4
                circuit_breaker_failures: 5
                max_prs_per_hour: 4
                backoff_seconds: 30
                """);
    }

    static List<Task> backlog(int count, Random random) {
        List<Task> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "task-" + i;
            int area = i % 97;
            double roll = random.nextDouble();
            Priority priority = roll < 0.2 ? Priority.HIGH : roll < 0.7 ? Priority.MEDIUM : Priority.LOW;
            boolean ready = random.nextDouble() < 0.85;
            roll = random.nextDouble();
            TaskStatus status = roll < 0.30 ? TaskStatus.COMPLETED : roll < 0.33 ? TaskStatus.BLOCKED
                    : roll < 0.35 ? TaskStatus.IN_PROGRESS : TaskStatus.PENDING;
            List<AllowedPath> paths = new ArrayList<>(2);
            roll = random.nextDouble();
            if (roll < 0.05) {
                paths.add(new AllowedPath("src/module" + area + "/handler" + i + ".py"));
            } else if (roll < 0.07) {
                paths.add(new AllowedPath(".github/workflows/job" + i + ".yml"));
            } else if (roll < 0.40) {
                paths.add(new AllowedPath("docs/area" + area + "/topic" + i + "/"));
            } else {
                paths.add(new AllowedPath("docs/area" + area + "/page" + i + ".md"));
                if (random.nextBoolean()) {
                    paths.add(new AllowedPath("docs/area" + area + "/index.md"));
                }
            }
            List<String> dependencies = new ArrayList<>(3);
            int deps = i == 0 ? 0 : random.nextInt(4);
            for (int d = 0; d < deps; d++) {
                String dependency = "task-" + Math.max(0, i - 1 - random.nextInt(Math.min(i, 200)));
                if (!dependencies.contains(dependency)) {
                    dependencies.add(dependency);
                }
            }
            roll = random.nextDouble();
            Optional<ExecutorSpec> executor = roll < 0.6
                    ? Optional.of(new ExecutorSpec.Command("make docs-" + area, Duration.ofSeconds(120)))
                    : roll < 0.75 ? Optional.of(new ExecutorSpec.Docs(ExecutorSpec.DocsKind.ROUTES,
                            Optional.of("docs/area" + area + "/api.md")))
                    : Optional.empty();
            tasks.add(new Task(id, "Document topic " + i + " of area " + area,
                    "Write the page for topic " + i + ": what it does, how to configure it, and one worked example.",
                    Optional.of("docs"), priority, ready, status, paths,
                    List.of("The page has a title and an example", "Links from the area index work"), dependencies,
                    Optional.of(EstimatedSize.values()[i % EstimatedSize.values().length]), List.of("docs"),
                    executor, Optional.empty(), WriteBack.none()));
        }
        return tasks;
    }

    // the history

    /**
     * Each task gets a fate and the episodes (an approval, one attempt with its pull request, a
     * revocation) that lead to it, in order; tasks' episodes are interleaved at random with
     * decisions and another target's episodes, and the last few — a running attempt, open pull
     * requests, recent failures in backoff — come at the end, near {@code now}.
     */
    private static void writeHistory(List<Task> tasks, HistoryWriter out, Random random) {
        List<Deque<Episode>> perTask = new ArrayList<>(tasks.size());
        List<Episode> tail = new ArrayList<>();
        int openPrs = 0;
        int running = 0;
        for (Task task : tasks) {
            Deque<Episode> episodes = new ArrayDeque<>();
            perTask.add(episodes);
            double fate = random.nextDouble();
            boolean done = task.status() == TaskStatus.COMPLETED;
            if (!done && fate < 0.20) {
                continue;
            }
            boolean stale = random.nextDouble() < 0.08;
            episodes.add(new Episode.Approve(TARGET, task.id(), stale ? "0".repeat(64) : task.contentHash()));
            int infra = random.nextInt(4);
            for (int k = 0; k < infra; k++) {
                episodes.add(new Episode.Attempt(TARGET, task.id(), Outcome.INVALIDATED));
            }
            if (done || fate < 0.40) {
                int failures = random.nextInt(3);
                for (int k = 0; k < failures; k++) {
                    episodes.add(new Episode.Attempt(TARGET, task.id(), random.nextBoolean() ? Outcome.FAILED
                            : Outcome.CLOSED));
                }
                episodes.add(new Episode.Attempt(TARGET, task.id(), Outcome.MERGED));
            } else if (fate < 0.48) {
                for (int k = 0; k < 3; k++) {
                    episodes.add(new Episode.Attempt(TARGET, task.id(), Outcome.FAILED));
                }
            } else if (fate < 0.58) {
                int failures = 1 + random.nextInt(2);
                for (int k = 0; k < failures; k++) {
                    if (k == failures - 1 && tail.size() < 60) {
                        // Recent failures without pull requests, so the hourly cap stays open.
                        tail.add(new Episode.Attempt(TARGET, task.id(), Outcome.FAILED));
                    } else {
                        episodes.add(new Episode.Attempt(TARGET, task.id(), random.nextBoolean() ? Outcome.FAILED
                                : Outcome.CLOSED));
                    }
                }
            } else if (fate < 0.62) {
                episodes.add(new Episode.Revoke(TARGET, task.id()));
            } else if (openPrs < 2 && fate < 0.70) {
                tail.add(new Episode.Attempt(TARGET, task.id(), Outcome.OPEN));
                openPrs++;
            } else if (running < 1 && fate < 0.70) {
                tail.add(new Episode.Attempt(TARGET, task.id(), Outcome.RUNNING));
                running++;
            }
        }
        List<Integer> order = new ArrayList<>();
        long targetSize = 0;
        for (int i = 0; i < perTask.size(); i++) {
            for (Episode episode : perTask.get(i)) {
                order.add(i);
                targetSize += episode.size();
            }
        }
        long tailSize = 2 + tail.stream().mapToLong(Episode::size).sum();
        java.util.Collections.shuffle(order, random);
        // The governor never let more than max_prs_per_hour PRs open in an hour: the last two hours
        // before the tail are decisions only, as if the loop had found nothing to do.
        long quiet = out.capacity() / (60 * 12);
        // Spread the target's episodes evenly through the history, the rest of it between them.
        long noiseBudget = Math.max(0, out.capacity() - targetSize - tailSize - quiet);
        double noisePerEpisode = (double) noiseBudget / Math.max(1, order.size());
        double noiseDebt = 0;
        long noise = 0;
        int elsewhere = 0;
        int retiredTasks = 0;
        for (int index : order) {
            perTask.get(index).removeFirst().write(out, random);
            noiseDebt += noisePerEpisode;
            while (noiseDebt >= 1 && noise + 5 <= noiseBudget) {
                int written;
                int kind = random.nextInt(20);
                if (kind < 3) {
                    out.decided();
                    written = 1;
                } else if (kind < 10) {
                    // Another target sharing the store.
                    String other = "other-" + (elsewhere++ % 50_000);
                    written = new Episode.Attempt(ELSEWHERE, other, random.nextBoolean() ? Outcome.MERGED
                            : Outcome.FAILED).write(out, random);
                } else {
                    // Tasks of this target that have since left the backlog: the state still holds them.
                    String retired = "retired-" + (retiredTasks++ % 60_000);
                    written = new Episode.Attempt(TARGET, retired, random.nextInt(3) == 0 ? Outcome.FAILED
                            : Outcome.MERGED).write(out, random);
                }
                noise += written;
                noiseDebt -= written;
            }
        }
        while (out.room() > tailSize) {
            out.decided();
        }
        out.autonomy(true);
        out.circuitReset();
        // Failures first, then the successes that opened PRs: the breaker stays closed.
        tail.sort(java.util.Comparator.comparing(episode -> ((Episode.Attempt) episode).outcome()));
        for (Episode episode : tail) {
            episode.write(out, random);
        }
        while (out.room() > 0) {
            out.decided();
        }
    }

    /** In the order the tail writes them. */
    private enum Outcome {
        MERGED, CLOSED, FAILED, INVALIDATED, OPEN, RUNNING
    }

    private sealed interface Episode {

        /** Writes the episode's events; returns how many. */
        int write(HistoryWriter out, Random random);

        /** How many events {@link #write} writes. */
        int size();

        record Approve(String target, String task, String hash) implements Episode {
            @Override
            public int write(HistoryWriter out, Random random) {
                out.event("task.approved", target, "task_id", task, "content_hash", hash, "approval_id",
                        "approval-" + task, "commit", "c0ffee");
                return 1;
            }

            @Override
            public int size() {
                return 1;
            }
        }

        record Revoke(String target, String task) implements Episode {
            @Override
            public int write(HistoryWriter out, Random random) {
                out.event("task.approval_revoked", target, "task_id", task, "approval_id", "approval-" + task,
                        "content_hash", "", "reason", "scope needs review");
                return 1;
            }

            @Override
            public int size() {
                return 1;
            }
        }

        record Attempt(String target, String task, Outcome outcome) implements Episode {
            @Override
            public int size() {
                return switch (outcome) {
                    case RUNNING -> 1;
                    case FAILED -> 3;
                    case INVALIDATED, OPEN -> 4;
                    case MERGED, CLOSED -> 5;
                };
            }

            @Override
            public int write(HistoryWriter out, Random random) {
                String attempt = "att-" + out.nextId();
                String pr = "pr-" + attempt;
                out.event("attempt.created", target, "attempt_id", attempt, "task_id", task, "content_hash", "h",
                        "base_commit", "c0ffee", "executor", "command", "dispatcher", "local", "manual", false);
                if (outcome == Outcome.RUNNING) {
                    return 1;
                }
                out.event("attempt.started", target, "attempt_id", attempt, "task_id", task);
                switch (outcome) {
                    case FAILED, INVALIDATED -> {
                        out.event("attempt.failed", target, "attempt_id", attempt, "task_id", task, "failure_kind",
                                outcome == Outcome.FAILED ? "task_failed" : "infrastructure", "reason",
                                "make docs exited with 2");
                        if (outcome == Outcome.INVALIDATED) {
                            out.event("attempt.invalidated", target, "attempt_id", attempt, "task_id", task, "reason",
                                    "runner lost its disk");
                            return 4;
                        }
                        return 3;
                    }
                    default -> {
                        out.event("pr.created", target, "pr_id", pr, "attempt_id", attempt, "task_id", task,
                                "branch", "leviathan/" + task + "/" + attempt, "base_branch", "main",
                                "base_commit", "c0ffee", "head_commit", "beef", "title", "Document " + task,
                                "forge", "local");
                        out.event("attempt.succeeded", target, "attempt_id", attempt, "task_id", task, "branch",
                                "leviathan/" + task + "/" + attempt, "head_commit", "beef", "pr_id", pr,
                                "files_changed", 1 + random.nextInt(3));
                        if (outcome == Outcome.OPEN) {
                            return 4;
                        }
                        out.event(outcome == Outcome.MERGED ? "pr.merged" : "pr.closed", target, "pr_id", pr,
                                "attempt_id", attempt, "task_id", task, outcome == Outcome.MERGED ? "merge_commit"
                                        : "reason", outcome == Outcome.MERGED ? "f00d" : "not what we wanted");
                        return 5;
                    }
                }
            }
        }
    }

    /** Stamps events evenly over 60 days before {@code now} and applies them as they are made. */
    private static final class HistoryWriter {
        private final int capacity;
        private final Instant start;
        private final long stepNanos;
        private final GovernanceState state;
        private long seq;
        private long targetEvents;
        private long ids;

        HistoryWriter(int capacity, Instant now, GovernanceState state) {
            this.capacity = capacity;
            Duration span = Duration.ofDays(60);
            this.start = now.minus(span);
            // The last event comes ten seconds before now: recent failures are still backing off.
            this.stepNanos = Math.max(1, span.minusSeconds(10).toNanos() / Math.max(1, capacity));
            this.state = state;
        }

        int capacity() {
            return capacity;
        }

        long room() {
            return capacity - seq;
        }

        long written() {
            return seq;
        }

        long targetEvents() {
            return targetEvents;
        }

        long nextId() {
            return ++ids;
        }

        void decided() {
            event("schedule.decided", TARGET, "mode", "autonomous", "chosen_task_id", "task-" + (seq % 1000),
                    "reasons_omitted", 0, "open_prs", 0, "prs_last_hour", 0);
        }

        void autonomy(boolean enabled) {
            event(enabled ? "autonomy.enabled" : "autonomy.disabled", TARGET, "reason", "bench", "emergency", false);
        }

        void circuitReset() {
            event("circuit.reset", TARGET, "reason", "bench");
        }

        /** One more event after the history, for timing a snapshot that has something to copy. */
        void extra(GovernanceState into, String taskId, int round) {
            seq++;
            into.apply(stored("task.approved", TARGET, start.plus(Duration.ofDays(60)), "task_id", taskId, "content_hash", "x" + round,
                    "approval_id", "extra-" + round, "commit", "c0ffee"));
        }

        void event(String type, String target, Object... keyValues) {
            if (seq >= capacity) {
                return;
            }
            seq++;
            if (target.equals(TARGET) && !type.equals("schedule.decided")) {
                targetEvents++;
            }
            state.apply(stored(type, target, start.plusNanos(seq * stepNanos), keyValues));
        }

        private StoredEvent stored(String type, String target, Instant at, Object... keyValues) {
            ObjectNode payload = Json.object();
            payload.put("target_id", target);
            for (int i = 0; i + 1 < keyValues.length; i += 2) {
                String key = (String) keyValues[i];
                switch (keyValues[i + 1]) {
                    case String text -> payload.put(key, text);
                    case Integer number -> payload.put(key, number);
                    case Boolean flag -> payload.put(key, flag);
                    default -> throw new IllegalArgumentException(key);
                }
            }
            EventEnvelope envelope = EventEnvelope.of("bench-" + seq, type, at, "bench", target, Payload.of(payload));
            return new StoredEvent(seq, envelope, null, "");
        }
    }
}
