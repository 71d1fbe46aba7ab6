package dev.leviathan.engine.bench;

import dev.leviathan.engine.Engine;
import dev.leviathan.engine.bootstrap.BlobFloor;
import dev.leviathan.engine.bootstrap.BootstrapRequest;
import dev.leviathan.engine.bootstrap.BootstrapResult;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.StoreSettings;
import dev.leviathan.engine.target.RegisterTargetRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code leviathanctl bench bootstrap}: a whole bootstrap of one commit into a fresh embedded
 * store, against the floor of reading every blob of that commit through JGit and hashing it on
 * one thread (and, for reference, on as many threads as the bootstrap uses), in the same
 * process; rounds alternate, after a warm-up of each. Optionally,
 * a generated repository is bootstrapped by a child {@code leviathanctl} limited to a heap size,
 * to show a large repository fits.
 */
public final class BootstrapBenchmark {

    /**
     * @param repo the repository to measure; empty to generate one of {@code syntheticFiles} files
     * @param heapCheckFiles when positive, also bootstrap a generated repository of this many
     *     files in a child process with {@code -Xmx<heapCheckMib>m}
     */
    public record Options(Optional<Path> repo, String ref, int syntheticFiles, boolean fastapiShape, int rounds,
            Path workDir, int heapCheckFiles, int heapCheckMib) {
    }

    /**
     * @param phases milliseconds per phase of the last measured bootstrap, in order
     */
    /**
     * @param floorSeconds reading and hashing every blob on one thread: the baseline
     * @param parallelFloorSeconds the same on as many threads as the bootstrap uses, for reference
     */
    public record Result(String repository, String commit, int files, long bytes, int blobs, double floorSeconds,
            double parallelFloorSeconds, double bootstrapSeconds, long events,
            java.util.SequencedMap<String, Long> phases, Optional<HeapCheck> heapCheck) {

        /** Bootstrap time as a multiple of the floor's. */
        public double ratio() {
            return bootstrapSeconds / floorSeconds;
        }
    }

    /** A child process's bootstrap of a generated repository under a heap limit. */
    public record HeapCheck(int files, int heapLimitMib, boolean succeeded, long peakHeapMib, double seconds,
            String output) {
    }

    private final Consumer<String> progress;

    public BootstrapBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    public Result run(Options options) {
        Path scratch = scratch(options.workDir());
        try {
            Path repo = options.repo().orElseGet(() -> {
                progress.accept("generating a repository of " + options.syntheticFiles() + " files");
                return SyntheticRepository.create(scratch.resolve("synthetic"), options.syntheticFiles(), 42,
                        options.fastapiShape() ? SyntheticRepository.Profile.FASTAPI
                                : SyntheticRepository.Profile.POLYGLOT);
            });
            int threads = BlobFloor.defaultThreads();
            progress.accept("warm-up: floor and bootstrap of " + repo + " on " + threads + " threads");
            BlobFloor.measure(repo, options.ref(), 1);
            BlobFloor.measure(repo, options.ref(), threads);
            bootstrapOnce(repo, options.ref(), scratch.resolve("warm"), new PhaseTimer());
            double[] floors = new double[options.rounds()];
            double[] parallelFloors = new double[options.rounds()];
            double[] bootstraps = new double[options.rounds()];
            BlobFloor.Result floor = null;
            BootstrapResult last = null;
            PhaseTimer phases = null;
            for (int round = 0; round < options.rounds(); round++) {
                progress.accept("round " + (round + 1) + " of " + options.rounds());
                System.gc();
                floor = BlobFloor.measure(repo, options.ref(), 1);
                floors[round] = floor.seconds();
                System.gc();
                parallelFloors[round] = BlobFloor.measure(repo, options.ref(), threads).seconds();
                System.gc();
                phases = new PhaseTimer();
                last = bootstrapOnce(repo, options.ref(), scratch.resolve("round-" + round), phases);
                phases.end();
                bootstraps[round] = last.duration().toNanos() / 1e9;
            }
            Optional<HeapCheck> heap = options.heapCheckFiles() > 0
                    ? Optional.of(heapCheck(scratch, options.heapCheckFiles(), options.heapCheckMib()))
                    : Optional.empty();
            long events = last.lastSeq() - last.firstSeq() + 1;
            return new Result(repo.toString(), last.commit(), last.counts().files(), last.counts().sizeBytes(),
                    floor.blobs(), median(floors), median(parallelFloors), median(bootstraps), events, phases.millis(),
                    heap);
        } finally {
            deleteTree(scratch);
        }
    }

    private static BootstrapResult bootstrapOnce(Path repo, String ref, Path homeDir, PhaseTimer phases) {
        LeviathanHome home = new LeviathanHome(homeDir);
        try (Engine engine = Engine.open(home, StoreSettings.embedded(home), Clock.systemUTC())) {
            String target = engine.targets().register(new RegisterTargetRequest("bench", repo.toString(), null,
                    "bench")).id();
            phases.phase("opening the repository");
            return engine.bootstrapper().bootstrap(new BootstrapRequest(target, ref, "bench", false, phases,
                    () -> false));
        }
    }

    /** How long each phase a bootstrap reports lasts, by the phase's first two words. */
    private static final class PhaseTimer implements dev.leviathan.engine.bootstrap.BootstrapProgress {

        private final java.util.LinkedHashMap<String, Long> nanos = new java.util.LinkedHashMap<>();
        private String current;
        private long since;

        @Override
        public synchronized void phase(String description) {
            long now = System.nanoTime();
            if (current != null) {
                nanos.merge(current, now - since, Long::sum);
            }
            String[] words = description.split(" ");
            current = words.length > 1 ? words[0] + " " + words[1] : words[0];
            since = now;
        }

        synchronized void end() {
            phase("end");
            current = null;
        }

        synchronized java.util.SequencedMap<String, Long> millis() {
            java.util.LinkedHashMap<String, Long> out = new java.util.LinkedHashMap<>();
            nanos.forEach((name, ns) -> out.put(name, ns / 1_000_000));
            return out;
        }
    }

    private HeapCheck heapCheck(Path scratch, int files, int heapMib) {
        progress.accept("generating a repository of " + files + " files for the heap check");
        Path repo = SyntheticRepository.create(scratch.resolve("large"), files, 7);
        Path home = scratch.resolve("large-home");
        Path gcLog = scratch.resolve("large-gc.log");
        progress.accept("bootstrapping it in a child process with -Xmx" + heapMib + "m");
        run(List.of("-Xmx" + heapMib + "m"), home, "targets", "add", repo.toString(), "--name", "large");
        long start = System.nanoTime();
        ChildRun child = run(List.of("-Xmx" + heapMib + "m", "-Xlog:gc:file=" + gcLog), home, "bootstrap", "large");
        double seconds = (System.nanoTime() - start) / 1e9;
        return new HeapCheck(files, heapMib, child.exitCode() == 0, peakHeapMib(gcLog), seconds, child.output());
    }

    private record ChildRun(int exitCode, String output) {
    }

    private static ChildRun run(List<String> jvmOptions, Path home, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.leviathan.engine.cli.Leviathanctl");
        command.add("--home");
        command.add(home.toString());
        command.addAll(Arrays.asList(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new ChildRun(-1, output + "\n(timed out)");
            }
            return new ChildRun(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child leviathanctl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static final Pattern HEAP_BEFORE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /** The largest heap occupancy any collection saw before it ran, from a unified GC log. */
    static long peakHeapMib(Path gcLog) {
        try {
            if (!Files.exists(gcLog)) {
                return -1;
            }
            long peak = -1;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = HEAP_BEFORE.matcher(line);
                if (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                }
            }
            return peak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Path scratch(Path workDir) {
        try {
            return Files.createTempDirectory(workDir, "bench-bootstrap-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory in " + workDir, e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
