package dev.leviathan.engine.execute.llm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.config.Secret;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.execute.ExecutionRequest;
import dev.leviathan.engine.execute.ExecutionResult;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.target.TargetFiles;
import dev.leviathan.engine.testkit.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/** A target repository, a task, a stub endpoint and the settings that point at it, for one test. */
final class LlmAttemptFixture implements AutoCloseable {

    /** Looks like a real key, so a leak of it is unmistakable. */
    static final String KEY = "sk-canary-7f3a9c1e5b2d4086aa19";

    static final String BACKLOG = """
            tasks:
              - id: docs-quickstart
                title: "Write a quickstart for contributors"
                description: |
                  New contributors ask how to build the project and run its tests.
                  Add a quickstart page and link it from the docs index.
                scope: docs
                priority: high
                ready: true
                allowed_paths:
                  - docs/
                  - README.md
                acceptance_criteria:
                  - docs/quickstart.md explains how to build and run the tests
                  - docs/index.md links to the quickstart
                executor: {type: llm}
            """;

    static final String POLICY = """
            allowed_paths:
              docs:
                - "docs/**"
                - "README.md"
            forbidden_paths:
              - ".github/**"
              - "**/*.key"
              - "docs/internal/**"
            """;

    final ChatCompletionsStub stub = ChatCompletionsStub.start();
    final TestRepo repo;
    final String baseCommit;
    final List<String> log = new CopyOnWriteArrayList<>();
    final AtomicBoolean cancelled = new AtomicBoolean();
    Task task;
    Policy policy = TargetFiles.loadPolicy("policy.yaml", POLICY);
    LlmSettings settings;

    LlmAttemptFixture(Path dir) {
        repo = TestRepo.init(dir.resolve("target"))
                .file("README.md", "# Lantern\n\nA small static site generator.\n")
                .file("docs/index.md", "# Lantern docs\n\n- [Architecture](architecture.md)\n")
                .file("docs/architecture.md", "# Architecture\n\nPages are read, rendered with {{ templates }} and written.\n")
                .file("docs/internal/ops.md", "# Internal\n\nOn-call rota lives here.\n")
                .file("src/lantern/build.py", "def build(site):\n    return site.render()\n");
        baseCommit = repo.commit("initial");
        task = task(BACKLOG);
        settings = LlmSettings.of(URI.create(stub.baseUrl()), "gpt-4o-mini", Secret.of(KEY), LlmSettings.API_KEY_ENV)
                .withRequestTimeout(Duration.ofSeconds(20))
                .withRetries(new LlmSettings.Retries(4, Duration.ofMillis(5), Duration.ofSeconds(2)));
    }

    static Task task(String backlogYaml) {
        return TargetFiles.loadBacklog("backlog.yaml", backlogYaml).tasks().get(0);
    }

    Path workTree() {
        return repo.dir();
    }

    ExecutionRequest request() {
        return request(Map.of());
    }

    ExecutionRequest request(Map<String, String> env) {
        return new ExecutionRequest("lantern", "attempt-0001", task, repo.dir(), baseCommit,
                () -> {
                    throw new AssertionError("the llm executor does not read the graph's facts");
                },
                policy, env, log::add, cancelled::get, Clock.systemUTC());
    }

    ExecutionResult run() {
        return new LlmExecutor(settings).execute(request());
    }

    String read(String path) {
        try {
            return Files.readString(repo.dir().resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String path) {
        return Files.exists(repo.dir().resolve(path));
    }

    /** Every file's text under {@code dir}, .git included, for leak checks. */
    static String everyFile(Path dir) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    /** A reply in the contract's shape: pairs of path and content write files; a null content deletes. */
    static String edits(String summary, String... pathsAndContents) {
        ObjectNode root = Json.object();
        ArrayNode edits = root.putArray("edits");
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            ObjectNode edit = edits.addObject();
            edit.put("path", pathsAndContents[i]);
            if (pathsAndContents[i + 1] == null) {
                edit.put("action", "delete");
            } else {
                edit.put("action", "write");
                edit.put("content", pathsAndContents[i + 1]);
            }
        }
        root.put("summary", summary);
        return root.toPrettyString();
    }

    static final String QUICKSTART = """
            # Quickstart

            1. Install Python 3.12 and run `pip install -e .[dev]`.
            2. Build the example site: `lantern build examples/blog`.
            3. Run the tests: `pytest -q`.
            """;

    static String goodReply() {
        return edits("Adds a quickstart and links it from the index.",
                "docs/quickstart.md", QUICKSTART,
                "docs/index.md", "# Lantern docs\n\n- [Quickstart](quickstart.md)\n- [Architecture](architecture.md)\n");
    }

    @Override
    public void close() {
        stub.close();
        repo.close();
    }
}
