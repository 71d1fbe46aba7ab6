package dev.leviathan.engine.execute.docs;

import dev.leviathan.engine.bootstrap.Bootstrapper;
import dev.leviathan.engine.bootstrap.RepositoryFacts;
import dev.leviathan.engine.execute.ExecutionRequest;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.SafetyRules;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.target.TargetFiles;
import dev.leviathan.engine.testkit.TestEvents;
import dev.leviathan.engine.testkit.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Attempts for the executor tests in one line: a task from YAML, facts, a work tree, a log. */
final class Attempts {

    static final Clock CLOCK = Clock.fixed(TestEvents.T0, ZoneOffset.UTC);
    static final Policy NO_POLICY = new Policy(Map.of(), List.of(), Map.of(), SafetyRules.none(), List.of(), Map.of(),
            Optional.empty(), List.of());

    private Attempts() {
    }

    /** One task, written as the body of a backlog entry (without the leading "- "). */
    static Task task(String yaml) {
        String indented = "  - " + yaml.strip().replace("\n", "\n    ") + "\n";
        return TargetFiles.loadBacklog("backlog.yaml", "tasks:\n" + indented).tasks().get(0);
    }

    static ExecutionRequest request(Task task, Path workTree, RepositoryFacts facts, List<String> log) {
        return new ExecutionRequest("demo", "attempt-1", task, workTree, facts.commit(), () -> facts, NO_POLICY,
                Map.of(), log::add, () -> false, CLOCK);
    }

    static ExecutionRequest request(Task task, Path workTree, RepositoryFacts facts) {
        return request(task, workTree, facts, new ArrayList<>());
    }

    static ExecutionRequest cancelled(Task task, Path workTree, RepositoryFacts facts) {
        return new ExecutionRequest("demo", "attempt-1", task, workTree, facts.commit(), () -> facts, NO_POLICY,
                Map.of(), line -> { }, () -> true, CLOCK);
    }

    /** A real repository holding the files of {@code docs-executors/<name>/}, committed; returns its head. */
    static String commitFixture(TestRepo repo, String name) {
        try {
            Path source = Path.of(Attempts.class.getResource("/docs-executors/" + name).toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    repo.file(source.relativize(file).toString().replace('\\', '/'), Files.readString(file));
                }
            }
            return repo.commit("fixture " + name);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static RepositoryFacts facts(TestRepo repo, String commit) {
        return Bootstrapper.readFacts(repo.git().getRepository(), commit);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (var in = Attempts.class.getResourceAsStream("/docs-executors/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource docs-executors/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
