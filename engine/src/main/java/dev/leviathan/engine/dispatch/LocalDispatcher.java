package dev.leviathan.engine.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs each attempt as {@code leviathanctl worker} in a child JVM of its own (DESIGN.md
 * §Dispatch): its own workspace, its own memory, a time limit, and cancellation that kills the
 * process and everything it started. The worker writes its events to the same store; the
 * dispatcher only starts, watches and stops it.
 */
public final class LocalDispatcher implements AutoCloseable {

    /** How to start a worker process: the java binary, its options and class path. */
    public record WorkerCommand(String java, List<String> jvmOptions, String classPath, List<String> globalArgs) {

        /** The JVM this process runs on, with this process's class path: a worker of the same build. */
        public static WorkerCommand sameJvm(List<String> globalArgs) {
            String java = ProcessHandle.current().info().command().orElse("java");
            return new WorkerCommand(java, List.of("-XX:TieredStopAtLevel=1", "-Xmx768m",
                    "--enable-native-access=ALL-UNNAMED"), System.getProperty("java.class.path"), globalArgs);
        }
    }

    /** How a worker process ended. */
    public record Outcome(int exitCode, boolean timedOut, boolean cancelled, Path log) {
    }

    private final WorkerCommand command;
    private final Path logDir;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    public LocalDispatcher(WorkerCommand command, Path logDir) {
        this.command = command;
        this.logDir = logDir;
    }

    /** Starts the worker for an attempt already recorded as {@code attempt.created}. */
    public Running start(String targetId, String attemptId, Duration timeLimit, Map<String, String> environment) {
        List<String> args = new ArrayList<>();
        args.add(command.java());
        args.addAll(command.jvmOptions());
        args.add("-cp");
        args.add(command.classPath());
        args.add("dev.leviathan.engine.cli.Leviathanctl");
        args.addAll(command.globalArgs());
        args.addAll(List.of("worker", "--target", targetId, "--attempt", attemptId));
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(attemptId + ".log");
            ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Running started = new Running(attemptId, builder.start(), timeLimit, log);
            running.put(attemptId, started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the worker for attempt " + attemptId + ": " + e.getMessage(),
                    e);
        }
    }

    /** Kills every running worker (emergency stop); returns the attempts that were stopped. */
    public List<String> cancelAll() {
        List<String> stopped = new ArrayList<>();
        running.forEach((attempt, worker) -> {
            if (worker.process.isAlive()) {
                worker.cancel();
                stopped.add(attempt);
            }
        });
        return stopped;
    }

    /** The attempts whose workers are still running. */
    public List<String> runningAttempts() {
        List<String> alive = new ArrayList<>();
        running.forEach((attempt, worker) -> {
            if (worker.process.isAlive()) {
                alive.add(attempt);
            }
        });
        return alive;
    }

    public boolean cancel(String attemptId) {
        Running worker = running.get(attemptId);
        if (worker == null || !worker.process.isAlive()) {
            return false;
        }
        worker.cancel();
        return true;
    }

    /** A started worker. */
    public final class Running {

        private final String attemptId;
        private final Process process;
        private final Duration timeLimit;
        private final Path log;
        private volatile boolean cancelled;

        private Running(String attemptId, Process process, Duration timeLimit, Path log) {
            this.attemptId = attemptId;
            this.process = process;
            this.timeLimit = timeLimit;
            this.log = log;
        }

        public String attemptId() {
            return attemptId;
        }

        /** Waits for the worker; kills it at the time limit. */
        public Outcome await() {
            boolean timedOut = false;
            try {
                if (!process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut = true;
                    kill(process);
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                cancel();
                Thread.currentThread().interrupt();
            } finally {
                running.remove(attemptId);
            }
            return new Outcome(process.isAlive() ? -1 : process.exitValue(), timedOut, cancelled, log);
        }

        public void cancel() {
            cancelled = true;
            kill(process);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        cancelAll();
    }
}
