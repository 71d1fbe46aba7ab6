package dev.leviathan.console.targets;

import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.dispatch.TargetInputs;
import dev.leviathan.engine.target.AutonomyConfig;
import dev.leviathan.engine.target.Backlog;
import dev.leviathan.engine.target.Contract;
import dev.leviathan.engine.target.Glob;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.Problem;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.target.SafetyRules;
import dev.leviathan.engine.target.TargetFiles;
import dev.leviathan.engine.target.TargetRepository;
import dev.leviathan.engine.target.TargetRepositoryException;
import dev.leviathan.engine.target.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a target's own files say, read at the head of its branch from the git object database
 * (never a work tree), as dispatch reads them ({@link TargetInputs}): its contract, policy and
 * backlog, and the operator's autonomy file for it. Each file is summarised, or, if the engine's
 * loader refuses it, carries every problem found with its file, line, column and hint.
 *
 * @param commit the commit the repository's files were read at; null if the repository could not be read
 * @param unreadable why the repository could not be read; null if it could
 */
public record TargetDetail(RegisteredTarget target, String commit, String unreadable, List<FileSummary> files) {

    public enum State {
        /** Loaded; {@code entries} summarise it, {@code problems} holds its warnings. */
        LOADED,
        /** Not in the commit (or, for autonomy, not in the data directory); {@code note} says what applies. */
        MISSING,
        /** Refused by the loader; {@code problems} says why. */
        INVALID
    }

    /** One line of a summary: "allowed paths" → "docs: docs/**, .github/**". */
    public record Entry(String label, String value) {
    }

    public record FileSummary(String title, String path, State state, List<Entry> entries, List<Problem> problems,
            String note) {
        public FileSummary {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }

        public long errors() {
            return problems.stream().filter(Problem::isError).count();
        }
    }

    public TargetDetail {
        files = List.copyOf(files);
    }

    /** Reads the files; slow (git, the file system): never on the FX thread. */
    public static TargetDetail read(RegisteredTarget target, LeviathanHome home) {
        List<FileSummary> files = new ArrayList<>();
        String commit = null;
        String unreadable = null;
        try (TargetRepository repository = TargetRepository.open(target, home)) {
            commit = repository.resolve(null);
            String at = commit;
            files.add(fromCommit(repository, at, "Contract", TargetFiles.CONTRACT_FILE, TargetFiles::validateContract,
                    TargetFiles::loadContract, TargetDetail::contract,
                    "no contract: Leviathan works under the defaults (pull requests only, approval required)"));
            files.add(fromCommit(repository, at, "Policy", TargetFiles.POLICY_FILE, TargetFiles::validatePolicy,
                    TargetFiles::loadPolicy, TargetDetail::policy,
                    "no policy: no task may write anything until one lists allowed_paths"));
            files.add(fromCommit(repository, at, "Backlog", TargetFiles.BACKLOG_FILE, TargetFiles::validateBacklog,
                    TargetFiles::loadBacklog, TargetDetail::backlog, "no backlog: there are no tasks"));
        } catch (TargetRepositoryException e) {
            unreadable = e.getMessage();
        }
        files.add(autonomy(TargetInputs.autonomyFile(home, target.id())));
        return new TargetDetail(target, commit, unreadable, files);
    }

    private static <T> FileSummary fromCommit(TargetRepository repository, String commit, String title, String path,
            BiFunction<String, byte[], List<Problem>> validate, BiFunction<String, byte[], T> load,
            Function<T, List<Entry>> summary, String missing) {
        Optional<TargetRepository.FileAtCommit> file = repository.read(commit, path);
        if (file.isEmpty()) {
            return new FileSummary(title, path, State.MISSING, List.of(), List.of(), missing);
        }
        // Named as the CLI names a file read at a commit, so a problem reads the same in both.
        String name = path + " at " + commit.substring(0, 12);
        return summarise(title, path, name, file.get().content(), validate, load, summary);
    }

    private static FileSummary autonomy(Path file) {
        String title = "Autonomy";
        if (!Files.isRegularFile(file)) {
            return new FileSummary(title, file.toString(), State.MISSING, List.of(), List.of(),
                    "no autonomy file: autonomy is off, with the default limits");
        }
        byte[] content;
        try {
            if (Files.size(file) > TargetFiles.MAX_FILE_BYTES) {
                return new FileSummary(title, file.toString(), State.INVALID, List.of(), List.of(new Problem(
                        file.toString(), 1, 1, "", "the file is larger than " + TargetFiles.MAX_FILE_BYTES + " bytes",
                        "split it or remove what is unused", Problem.Severity.ERROR)), null);
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return summarise(title, file.toString(), file.toString(), content, TargetFiles::validateAutonomyConfig,
                TargetFiles::loadAutonomyConfig, TargetDetail::autonomy);
    }

    private static <T> FileSummary summarise(String title, String path, String name, byte[] content,
            BiFunction<String, byte[], List<Problem>> validate, BiFunction<String, byte[], T> load,
            Function<T, List<Entry>> summary) {
        List<Problem> problems = validate.apply(name, content);
        if (problems.stream().anyMatch(Problem::isError)) {
            return new FileSummary(title, path, State.INVALID, List.of(), problems, null);
        }
        return new FileSummary(title, path, State.LOADED, summary.apply(load.apply(name, content)), problems, null);
    }

    // ------------------------------------------------------------------ summaries

    private static List<Entry> contract(Contract contract) {
        List<Entry> out = new ArrayList<>();
        add(out, "name", contract.name());
        add(out, "purpose", contract.purpose());
        out.add(new Entry("safety", contract.safety().outputMode().word()
                + (contract.safety().humanApprovalRequired() ? ", human approval required" : ", no approval required")
                + (contract.safety().constraints().isEmpty() ? ""
                        : "; " + String.join("; ", contract.safety().constraints()))));
        if (contract.scope() != null) {
            add(out, "in scope", String.join(", ", contract.scope().inScope()));
            add(out, "out of scope", String.join(", ", contract.scope().outOfScope()));
        }
        add(out, "done when", String.join("; ", contract.definitionOfDone()));
        add(out, "quality gates", String.join(", ", contract.qualityGates()));
        return out;
    }

    private static List<Entry> policy(Policy policy) {
        List<Entry> out = new ArrayList<>();
        out.add(new Entry("allowed paths", policy.allowedPaths().isEmpty() ? "none: nothing may be written"
                : policy.allowedPaths().entrySet().stream()
                        .map(e -> (Policy.ANY_SCOPE.equals(e.getKey()) ? "any scope" : e.getKey()) + ": " + globs(
                                e.getValue()))
                        .collect(Collectors.joining("; "))));
        add(out, "forbidden paths", globs(policy.forbiddenPaths()));
        add(out, "scopes", String.join(", ", policy.scopeConstraints().keySet()));
        add(out, "safety rules", safety(policy.safetyRules()));
        add(out, "file size limits", policy.fileSizeLimits().stream()
                .map(limit -> limit.glob().pattern() + " ≤ " + limit.maxKilobytes() + " KB")
                .collect(Collectors.joining(", ")));
        policy.version().ifPresent(version -> out.add(new Entry("version", version)));
        return out;
    }

    private static String safety(SafetyRules rules) {
        List<String> parts = new ArrayList<>();
        rules.maxTasksPerDay().ifPresent(n -> parts.add(n + " tasks/day"));
        rules.maxAttemptsPerTask().ifPresent(n -> parts.add(n + " attempts/task"));
        rules.maxConcurrentAttempts().ifPresent(n -> parts.add(n + " concurrent attempts"));
        rules.backoff().ifPresent(d -> parts.add("backoff " + d.toSeconds() + " s"));
        rules.requirements().forEach((name, on) -> {
            if (on) {
                parts.add(name.replace('_', ' '));
            }
        });
        return String.join(", ", parts);
    }

    private static List<Entry> backlog(Backlog backlog) {
        List<Task> tasks = backlog.tasks();
        long ready = tasks.stream().filter(Task::ready).count();
        Map<String, Long> byStatus = tasks.stream().collect(Collectors.groupingBy(t -> t.status().word(),
                java.util.TreeMap::new, Collectors.counting()));
        List<Entry> out = new ArrayList<>();
        out.add(new Entry("tasks", tasks.size() + " (" + ready + " ready)"));
        add(out, "by status", byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")));
        return out;
    }

    private static List<Entry> autonomy(AutonomyConfig config) {
        List<Entry> out = new ArrayList<>();
        out.add(new Entry("autonomy", config.autonomyEnabled() ? "enabled" : "disabled"));
        add(out, "path prefixes", config.allowedPathPrefixes().stream().map(Object::toString)
                .collect(Collectors.joining(", ")));
        out.add(new Entry("limits", config.maxOpenPrs() + " open PRs, " + config.maxPrsPerHour() + " PRs/hour, "
                + config.maxRunningAttempts() + " running attempts, breaker after " + config.circuitBreakerFailures()
                + " failures"));
        return out;
    }

    private static String globs(List<Glob> globs) {
        return globs.stream().map(Glob::pattern).collect(Collectors.joining(", "));
    }

    private static void add(List<Entry> out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.add(new Entry(label, value.strip()));
        }
    }
}
