package dev.leviathan.engine.execute;

import dev.leviathan.engine.target.ExecutorSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code executor: {type: command, run: "make docs", timeout_s: 120}}: runs the command with
 * {@code sh -c} in the work tree, with a scrubbed environment (a PATH, a HOME of the attempt's own
 * beside the work tree, a locale; nothing of the operator's, so no token or key is inherited)
 * and a time limit.
 * Its output goes to the attempt's log; a non-zero exit fails the attempt with the last lines.
 */
public final class CommandExecutor implements TaskExecutor {

    static final int TAIL_LINES = 20;
    private static final String SAFE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    @Override
    public String type() {
        return ExecutorSpec.Command.TYPE;
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
        long started = System.nanoTime();
        ExecutorSpec.Command spec = (ExecutorSpec.Command) request.task().executor().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", spec.run()))
                .directory(request.workTree().toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment(request));
        try {
            java.nio.file.Files.createDirectories(request.workTree().resolveSibling("home"));
        } catch (IOException e) {
            return new ExecutionResult.Failed(ExecutionResult.FailureKind.NOT_CONFIGURED,
                    "cannot create the attempt's HOME beside " + request.workTree() + ": " + e.getMessage(),
                    spent(started));
        }
        request.log().line("$ " + spec.run());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new ExecutionResult.Failed(ExecutionResult.FailureKind.NOT_CONFIGURED,
                    "cannot start `sh -c " + spec.run() + "`: " + e.getMessage(), spent(started));
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = Thread.ofPlatform().daemon().name("command-output").start(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    request.log().line(line);
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > TAIL_LINES) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException ignored) {
                // The process is gone; what it printed so far is in the log.
            }
        });
        long deadline = System.nanoTime() + spec.timeout().toNanos();
        try {
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (request.cancelled().getAsBoolean()) {
                    stop(process);
                    return new ExecutionResult.Failed(ExecutionResult.FailureKind.CANCELLED,
                            "cancelled while `" + spec.run() + "` was running", spent(started));
                }
                if (System.nanoTime() > deadline) {
                    stop(process);
                    return new ExecutionResult.Failed(ExecutionResult.FailureKind.BUDGET_EXHAUSTED,
                            "`" + spec.run() + "` ran longer than its timeout_s of " + spec.timeout().toSeconds()
                                    + " s and was stopped", spent(started));
                }
            }
            reader.join(2_000);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            return new ExecutionResult.Failed(ExecutionResult.FailureKind.CANCELLED, "interrupted", spent(started));
        }
        int exit = process.exitValue();
        request.log().line("exit " + exit);
        if (exit != 0) {
            String last;
            synchronized (tail) {
                last = String.join("\n", tail);
            }
            return new ExecutionResult.Failed(ExecutionResult.FailureKind.TASK_FAILED, "`" + spec.run()
                    + "` exited with " + exit + (last.isBlank() ? "" : "; its last lines:\n" + last), spent(started));
        }
        return new ExecutionResult.Completed("`" + spec.run() + "` exited with 0", spent(started));
    }

    /** What the command sees: enough to run tools, nothing that carries the operator's secrets. */
    static Map<String, String> environment(ExecutionRequest request) {
        Map<String, String> env = new TreeMap<>();
        env.put("PATH", SAFE_PATH);
        // Beside the work tree, not in it: what tools cache in HOME is not part of the change.
        env.put("HOME", request.workTree().resolveSibling("home").toString());
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("LEVIATHAN_TASK_ID", request.task().id());
        env.put("LEVIATHAN_ATTEMPT_ID", request.attemptId());
        env.put("LEVIATHAN_BASE_COMMIT", request.baseCommit());
        return env;
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static BudgetUse spent(long started) {
        return BudgetUse.timeOnly(Duration.ofNanos(System.nanoTime() - started));
    }
}
