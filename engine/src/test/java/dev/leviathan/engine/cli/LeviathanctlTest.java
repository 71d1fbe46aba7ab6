package dev.leviathan.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.testkit.TestRepo;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeviathanctlTest {

    private static final String BACKLOG = """
            tasks:
              - id: add-faq
                title: Add a FAQ
                priority: high
                ready: true
                allowed_paths: [docs/FAQ.md]
              - id: link-faq
                title: Link the FAQ from the README
                dependencies: [add-faq]
                allowed_paths: [README.md]
            """;

    @TempDir
    Path dir;

    Path home() {
        return dir.resolve("home");
    }

    TestRepo repo() {
        TestRepo repo = TestRepo.init(dir.resolve("demo-service"));
        repo.file("README.md", "# Demo\n").file(".leviathan/backlog.yaml", BACKLOG).commit("initial");
        return repo;
    }

    static Path pythonFixture() throws URISyntaxException {
        return Path.of(LeviathanctlTest.class.getResource("/fixtures/events/python-leviathan-events.ndjson").toURI());
    }

    @Test
    void registersAListsAndShowsATargetFromALocalRepository() {
        try (TestRepo repo = repo()) {
            CliRun add = CliRun.run(home(), "targets", "add", repo.dir().toString());
            CliRun list = CliRun.run(home(), "targets", "list", "--json");
            CliRun show = CliRun.run(home(), "targets", "show", "demo-service");

            assertThat(add.exitCode()).as(add.err()).isZero();
            assertThat(add.out()).contains("registered demo-service").contains("branch main");
            JsonNode targets = json(list);
            assertThat(targets).hasSize(1);
            assertThat(targets.get(0).get("registered_by").asText()).isEqualTo("alice");
            assertThat(show.out()).contains("demo-service").contains("(local)");
        }
    }

    @Test
    void registeringTwiceUnderOneNameIsRefusedWithTheReason() {
        try (TestRepo repo = repo()) {
            CliRun.run(home(), "targets", "add", repo.dir().toString());

            CliRun again = CliRun.run(home(), "targets", "add", repo.dir().toString());

            assertThat(again.exitCode()).isEqualTo(ExitCode.CONFLICT);
            assertThat(again.err()).contains("already registered");
        }
    }

    @Test
    void backlogValidatePrintsEveryProblemWithItsLocationAndExitsOne() throws Exception {
        Path file = dir.resolve("backlog.yaml");
        Files.writeString(file, """
                tasks:
                  - id: add-faq
                    title: Add a FAQ
                    priorty: high
                  - id: add-faq
                    title: Again
                    dependencies: [missing-task]
                """);

        CliRun run = CliRun.run(home(), "backlog", "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(run.out()).contains(file + ":4:5: error: tasks[0]").contains("did you mean");
        assertThat(run.out()).contains("duplicate").contains("missing-task");
        assertThat(run.out().lines().filter(l -> l.startsWith(file.toString() + ":")).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void backlogValidateAcceptsAValidFile() throws Exception {
        Path file = dir.resolve("backlog.yaml");
        Files.writeString(file, BACKLOG);

        CliRun run = CliRun.run(home(), "backlog", "validate", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("valid backlog");
    }

    @Test
    void backlogShowReadsTheCommittedBacklogNotTheWorkTree() {
        try (TestRepo repo = repo()) {
            CliRun.run(home(), "targets", "add", repo.dir().toString());
            repo.file(".leviathan/backlog.yaml", "tasks: [{id: uncommitted, title: Not yet}]\n");

            CliRun show = CliRun.run(home(), "backlog", "show", "--target", "demo-service", "--json");

            assertThat(show.exitCode()).as(show.err()).isZero();
            JsonNode tasks = json(show).get("tasks");
            assertThat(tasks).hasSize(2);
            assertThat(tasks.get(1).get("dependencies").get(0).asText()).isEqualTo("add-faq");
            assertThat(tasks.get(0).get("content_hash").asText()).hasSize(64);
        }
    }

    @Test
    void eventsVerifyExitsZeroOnAnIntactChainAndOneNamingTheEditedEvent() throws Exception {
        CliRun.run(home(), "events", "import", pythonFixture().toString());

        CliRun intact = CliRun.run(home(), "events", "verify");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + home().resolve("store/leviathan")
                + ";AUTO_SERVER=TRUE", "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_append_only");
            statement.execute("UPDATE events SET payload = '{}' WHERE seq = 9");
        }
        CliRun broken = CliRun.run(home(), "events", "verify", "--json");

        assertThat(intact.exitCode()).isZero();
        assertThat(intact.out()).contains("chain intact: 14 events");
        assertThat(broken.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(json(broken).get("broken_at_seq").asLong()).isEqualTo(9);
        assertThat(json(broken).get("breakage").asText()).isEqualTo("content-altered");
    }

    @Test
    void importsThePythonEventsThenListsAndShowsItsAttempts() throws Exception {
        CliRun imported = CliRun.run(home(), "events", "import", pythonFixture().toString());
        CliRun list = CliRun.run(home(), "attempts", "list", "--json");
        CliRun show = CliRun.run(home(), "attempts", "show", "attempt-1a2b3c4d");

        assertThat(imported.out()).contains("imported 14 event(s)").contains("python leviathan format");
        assertThat(json(list).get(0).get("status").asText()).isEqualTo("succeeded");
        assertThat(show.out()).contains("attempt.created").contains("pr.created").contains("attempt.succeeded");
    }

    @Test
    void importOfABadFileReportsLineNumbersAndImportsNothing() throws Exception {
        Path bad = dir.resolve("bad.ndjson");
        Files.writeString(bad, "{\"event_id\": \"a\", \"event_type\": \"x.y\", \"timestamp\": \"2026-01-01T00:00:00Z\","
                + " \"payload\": {}, \"hash\": \"h\"}\nnot json\n");

        CliRun run = CliRun.run(home(), "events", "import", bad.toString());
        CliRun tail = CliRun.run(home(), "events", "tail", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(run.out()).contains(bad + ":2: not valid JSON").contains("nothing imported");
        assertThat(json(tail)).isEmpty();
    }

    @Test
    void exportWritesEveryEventAndReimportsElsewhereWithTheSameHead() throws Exception {
        CliRun.run(home(), "events", "import", pythonFixture().toString());
        Path export = dir.resolve("out/events.ndjson");

        CliRun exported = CliRun.run(home(), "events", "export", "--out", export.toString());
        CliRun imported = CliRun.run(dir.resolve("other-home"), "events", "import", export.toString());
        CliRun verifyA = CliRun.run(home(), "events", "verify", "--json");
        CliRun verifyB = CliRun.run(dir.resolve("other-home"), "events", "verify", "--json");

        assertThat(exported.out()).contains("exported 14 event(s)");
        assertThat(Files.readAllLines(export)).hasSize(14);
        assertThat(imported.exitCode()).isZero();
        assertThat(json(verifyB).get("head_hash")).isEqualTo(json(verifyA).get("head_hash"));
    }

    @Test
    void graphSummaryAndNeighboursDescribeTheProjectedGraph() throws Exception {
        CliRun.run(home(), "events", "import", pythonFixture().toString());

        CliRun summary = CliRun.run(home(), "graph", "summary", "--json");
        CliRun neighbours = CliRun.run(home(), "graph", "neighbours", "attempt:attempt-1a2b3c4d", "--json");
        CliRun missing = CliRun.run(home(), "graph", "neighbours", "attempt:nope");

        assertThat(json(summary).get("nodes_by_type").get("Attempt").asInt()).isEqualTo(1);
        assertThat(json(summary).get("recent_events").get(0).get("event_id").asText()).isEqualTo("ev-014");
        assertThat(json(neighbours).get("edges").toString()).contains("PRODUCED").contains("EXECUTED");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    }

    @Test
    void artifactsVerifyNamesACorruptArtifact() throws Exception {
        dev.leviathan.engine.artifact.ArtifactStore artifacts =
                new dev.leviathan.engine.artifact.ArtifactStore(home().resolve("artifacts"));
        var ref = artifacts.put("content".getBytes());
        CliRun clean = CliRun.run(home(), "artifacts", "verify");
        Files.writeString(artifacts.path(ref.sha256()).orElseThrow(), "changed");

        CliRun corrupt = CliRun.run(home(), "artifacts", "verify");

        assertThat(clean.exitCode()).isZero();
        assertThat(corrupt.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(corrupt.out()).contains("corrupt: " + ref.sha256());
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLine() {
        CliRun run = CliRun.run(home(), "frobnicate");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("frobnicate");
    }

    @Test
    void errorsAreOneLineWithoutAStackTraceUnlessDebugIsGiven() {
        CliRun plain = CliRun.run(home(), "attempts", "show", "nope");
        CliRun debug = CliRun.run(home(), "attempts", "show", "nope", "--debug");

        assertThat(plain.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(plain.err().strip().lines()).hasSize(1);
        assertThat(plain.err()).doesNotContain("\tat ");
        assertThat(debug.err()).contains("\tat ");
    }

    @Test
    void storeThatCannotBeReachedIsReportedAsUnavailable() {
        CliRun run = CliRun.run(home(), "events", "verify", "--store",
                "jdbc:postgresql://127.0.0.1:1/none?user=x&password=hunter2&connectTimeout=2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(run.err()).contains("cannot open the store").doesNotContain("hunter2");
    }

    @Test
    void everyCommandAndGroupAnswersHelp() {
        CliRun group = CliRun.run(home(), "targets", "--help");
        CliRun leaf = CliRun.run(home(), "targets", "add", "--help");

        assertThat(group.exitCode()).isZero();
        assertThat(group.out()).contains("add").contains("list").contains("show");
        assertThat(leaf.exitCode()).isZero();
        assertThat(leaf.out()).contains("--branch").contains("--json");
    }

    @Test
    void globalOptionsWorkBeforeTheSubcommandToo() throws Exception {
        CliRun.run(home(), "events", "import", pythonFixture().toString());

        CliRun early = CliRun.run(dir.resolve("unused-home"), "--home", home().toString(), "events", "--json", "verify");

        assertThat(early.exitCode()).as(early.err()).isZero();
        assertThat(json(early).get("checked").asLong()).isEqualTo(14);
    }

    @Test
    void unknownRefIsNotFound() {
        try (TestRepo repo = repo()) {
            CliRun.run(home(), "targets", "add", repo.dir().toString());

            CliRun show = CliRun.run(home(), "backlog", "show", "--target", "demo-service", "--ref", "no-such-branch");

            assertThat(show.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
            assertThat(show.err()).contains("no-such-branch");
        }
    }

    @Test
    void unknownAttemptStatusIsAUsageError() {
        CliRun run = CliRun.run(home(), "attempts", "list", "--status", "bogus");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("bogus").contains("succeeded");
    }

    @Test
    void aTruncatedStoreIsReportedOnEveryCommandAndFailsVerify() throws Exception {
        CliRun.run(home(), "events", "import", pythonFixture().toString());
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + home().resolve("store/leviathan")
                + ";AUTO_SERVER=TRUE", "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER events_append_only");
            statement.execute("DELETE FROM events WHERE seq > 10");
            statement.execute("UPDATE chain_head SET seq = 10, hash = (SELECT hash FROM events WHERE seq = 10)");
        }

        CliRun list = CliRun.run(home(), "targets", "list");
        CliRun verify = CliRun.run(home(), "events", "verify");

        assertThat(list.err()).contains("warning").contains("cut off");
        assertThat(verify.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(verify.out()).contains("truncated");
    }

    @Test
    void benchStoreRunsAndReportsRatios() {
        CliRun run = CliRun.run(home(), "bench", "store", "--events", "3000", "--warmup", "500", "--bundle", "500",
                "--dir", dir.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode h2 = json(run).get(0);
        assertThat(h2.get("backend").asText()).isEqualTo("H2");
        assertThat(h2.get("events").asLong()).isEqualTo(3000);
        assertThat(h2.get("append_ratio").asDouble()).isPositive();
        assertThat(h2.get("chain_intact").asBoolean()).isTrue();
    }

    private static JsonNode json(CliRun run) {
        try {
            return Json.MAPPER.readTree(run.out());
        } catch (Exception e) {
            throw new AssertionError("not JSON (exit " + run.exitCode() + ", stderr " + run.err() + "):\n" + run.out(), e);
        }
    }
}
