package dev.leviathan.console.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The console's one pool of background threads. Every engine call a controller makes goes through
 * {@link #run}: the work runs here, and its result or failure is handed back on the FX thread, so
 * the FX thread never waits on the engine.
 */
public final class Background implements AutoCloseable {

    private static final int THREADS = 4;

    private final ExecutorService executor;

    public Background() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(runnable, "console-background-" + count.incrementAndGet());
            // Daemons: a verify or a slow store never keeps the JVM alive after the window closes.
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemons);
        this.executor = pool;
        // Starting a thread waits until the new thread runs, which on a loaded machine can take tens of
        // milliseconds: the first thread starts the others, so no later submit from the FX thread starts one.
        pool.execute(pool::prestartAllCoreThreads);
    }

    /** Runs {@code work} off the FX thread; then {@code onSuccess} or {@code onFailure} on it. */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<String> onFailure) {
        submit(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | LinkageError e) {
                String message = messageOf(e);
                Platform.runLater(() -> onFailure.accept(message));
                return;
            }
            Platform.runLater(() -> onSuccess.accept(result));
        });
    }

    /** Runs {@code work} off the FX thread when there is nothing to hand back. */
    public void execute(Runnable work) {
        submit(work);
    }

    /**
     * A screen's update that was already queued on the FX thread when the console closed (or
     * reconnected) may still ask for engine work: the engine is gone, so the work is dropped.
     */
    private void submit(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException closed) {
            // Closed: nothing left to do this for.
        }
    }

    /**
     * What an operator reads when an engine call fails: the engine's own message, never a stack
     * trace. Wrappers added by executors are peeled off first.
     */
    public static String messageOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        }
        return message;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
