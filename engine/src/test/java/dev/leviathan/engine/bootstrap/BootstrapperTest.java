package dev.leviathan.engine.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.StoredEvent;
import dev.leviathan.engine.graph.FactAtCommit;
import dev.leviathan.engine.graph.GraphProjection;
import dev.leviathan.engine.graph.NodeType;
import dev.leviathan.engine.testkit.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapperTest {

    static final String APP = """
            from fastapi import FastAPI

            app = FastAPI()


            @app.get("/items")
            async def list_items():
                return []


            @app.post("/items")
            def create_item():
                return {}
            """;

    static final String WORKFLOW = """
            name: CI
            on:
              push:
                branches: [main]
              pull_request:
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: make test
            """;

    @TempDir
    Path dir;

    TestRepo sample() {
        TestRepo repo = TestRepo.init(dir.resolve("shop"));
        repo.file("README.md", "# Shop\n\nSells things.\n")
                .file("docs/guide.rst", "Guide\n=====\n\nHow to use it.\n")
                .file("src/app.py", APP)
                .file(".github/workflows/ci.yml", WORKFLOW)
                .file("Dockerfile", "FROM python:3.12\n")
                .file("deploy/api.Dockerfile", "FROM python:3.12-slim\n")
                .file("config/a.json", "{}\n")
                .file("config/b.json", "{}\n")
                .file("node_modules/left-pad/index.js", "module.exports = 1;\n")
                .binary("static/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
        repo.commit("initial");
        return repo;
    }

    @Test
    void recordsFilesDocsWorkflowsAndRoutesBetweenStartedAndCompleted() {
        try (TestRepo repo = sample(); BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            f.register("shop", repo.dir().toString());

            BootstrapResult result = f.bootstrap("shop");

            assertThat(result.mode()).isEqualTo(BootstrapResult.Mode.FULL);
            List<String> types = f.events().stream().map(StoredEvent::eventType).distinct().toList();
            assertThat(types).containsExactly("target.registered", "bootstrap.started", "file.discovered",
                    "doc.discovered", "workflow.discovered", "api.route.discovered", "repo.indexed",
                    "artifact.created", "bootstrap.completed");
            assertThat(paths(f, "file.discovered")).containsExactly(".github/workflows/ci.yml", "Dockerfile",
                    "README.md", "config/a.json", "config/b.json", "deploy/api.Dockerfile", "docs/guide.rst",
                    "src/app.py", "static/logo.png");
            assertThat(result.counts().files()).isEqualTo(9);
            assertThat(result.counts().excluded()).isEqualTo(1);
            assertThat(result.counts().routes()).isEqualTo(2);
            assertThat(result.counts().routesByFramework()).containsEntry("fastapi", 2);
            assertThat(result.counts().workflows()).isEqualTo(1);
        }
    }

    @Test
    void dockerfilesByNameAndSuffixAreClassifiedAndBinaryFilesMarked() {
        try (TestRepo repo = sample(); BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            f.register("shop", repo.dir().toString());
            f.bootstrap("shop");

            var byPath = payloadsByPath(f, "file.discovered");
            assertThat(byPath.apply("Dockerfile").path("file_type").asText()).isEqualTo("dockerfile");
            assertThat(byPath.apply("deploy/api.Dockerfile").path("file_type").asText()).isEqualTo("dockerfile");
            assertThat(byPath.apply("static/logo.png").path("binary").asBoolean()).isTrue();
            assertThat(byPath.apply("src/app.py").path("language").asText()).isEqualTo("python");
        }
    }

    @Test
    void identicalFilesGetEventIdsOfTheirOwn() {
        try (TestRepo repo = sample(); BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            f.register("shop", repo.dir().toString());
            f.bootstrap("shop");

            List<StoredEvent> empties = f.events("file.discovered").stream()
                    .filter(e -> e.payload().json().path("path").asText().startsWith("config/")).toList();
            assertThat(empties).hasSize(2);
            assertThat(empties.get(0).payload().json().path("sha256"))
                    .isEqualTo(empties.get(1).payload().json().path("sha256"));
            assertThat(empties.get(0).eventId()).isNotEqualTo(empties.get(1).eventId());
        }
    }

    @Test
    void unquotedOnKeepsTheWorkflowsTriggers() {
        try (TestRepo repo = sample(); BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            f.register("shop", repo.dir().toString());
            f.bootstrap("shop");

            JsonNode workflow = f.events("workflow.discovered").getFirst().payload().json();
            assertThat(workflow.path("name").asText()).isEqualTo("CI");
            assertThat(workflow.toString()).contains("push").contains("pull_request");
        }
    }

    @Test
    void theSameCommitInTwoFreshStoresGivesIdenticalHashesAndArtifactBytes() throws Exception {
        try (TestRepo repo = sample(); BootstrapFixture one = new BootstrapFixture(dir.resolve("one"));
                BootstrapFixture two = new BootstrapFixture(dir.resolve("two"))) {
            one.register("shop", repo.dir().toString());
            two.register("shop", repo.dir().toString());

            BootstrapResult first = one.bootstrap("shop");
            BootstrapResult second = two.bootstrap("shop");

            assertThat(one.events().stream().map(StoredEvent::hash).toList())
                    .isEqualTo(two.events().stream().map(StoredEvent::hash).toList());
            assertThat(first.artifacts()).isEqualTo(second.artifacts());
            for (String digest : first.artifacts().values()) {
                assertThat(one.artifacts.read(digest)).isEqualTo(two.artifacts.read(digest));
            }
        }
    }

    @Test
    void bootstrappingTheSameCommitAgainAppendsNothing() {
        try (TestRepo repo = sample(); BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            f.register("shop", repo.dir().toString());
            BootstrapResult first = f.bootstrap("shop");
            long head = f.store.head().seq();

            BootstrapResult again = f.bootstrap("shop");

            assertThat(again.mode()).isEqualTo(BootstrapResult.Mode.UNCHANGED);
            assertThat(f.store.head().seq()).isEqualTo(head);
            assertThat(again.counts()).isEqualTo(first.counts());
            assertThat(again.artifacts()).isEqualTo(first.artifacts());
        }
    }

    @Test
    void aLaterCommitRecordsOnlyWhatChanged() {
        try (TestRepo repo = sample(); BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            f.register("shop", repo.dir().toString());
            BootstrapResult first = f.bootstrap("shop");
            long before = f.store.head().seq();
            repo.file("README.md", "# Shop\n\nSells more things.\n")
                    .file("docs/faq.md", "# FAQ\n")
                    .delete("docs/guide.rst")
                    .file("src/app.py", APP.replace("@app.post(\"/items\")", "@app.put(\"/items\")"));
            repo.commit("second");

            BootstrapResult second = f.bootstrap("shop");

            assertThat(second.mode()).isEqualTo(BootstrapResult.Mode.INCREMENTAL);
            assertThat(second.baseCommit()).isEqualTo(first.commit());
            List<StoredEvent> added = f.events().stream().filter(e -> e.seq() > before).toList();
            assertThat(added.stream().filter(e -> e.eventType().startsWith("file.")).map(e -> e.eventType() + " "
                    + e.payload().json().path("path").asText())).containsExactly("file.changed README.md",
                    "file.discovered docs/faq.md", "file.removed docs/guide.rst", "file.changed src/app.py");
            assertThat(added.stream().filter(e -> e.eventType().startsWith("doc.")).map(e -> e.eventType() + " "
                    + e.payload().json().path("path").asText())).containsExactly("doc.discovered README.md",
                    "doc.discovered docs/faq.md", "doc.removed docs/guide.rst");
            assertThat(added.stream().filter(e -> e.eventType().startsWith("api.route.")).map(e -> e.eventType()
                    + " " + e.payload().json().path("method").asText())).containsExactly("api.route.removed POST",
                    "api.route.discovered PUT");
            assertThat(added.stream().map(StoredEvent::eventType)).doesNotContain("workflow.discovered");
            assertThat(second.counts().files()).isEqualTo(first.counts().files());
            assertThat(second.counts().docs()).isEqualTo(first.counts().docs());
        }
    }

    @Test
    void theGraphShowsTheNewCommitAndKeepsTheOldOneQueryable() {
        try (TestRepo repo = sample(); BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            f.register("shop", repo.dir().toString());
            BootstrapResult first = f.bootstrap("shop");
            repo.file("docs/faq.md", "# FAQ\n").delete("docs/guide.rst");
            repo.commit("second");
            BootstrapResult second = f.bootstrap("shop");

            GraphProjection graph = GraphProjection.rebuild(f.store);

            List<String> now = paths(graph.factsAt("shop", null, Set.of(NodeType.FILE)));
            List<String> then = paths(graph.factsAt("shop", first.commit().substring(0, 10), Set.of(NodeType.FILE)));
            assertThat(graph.latestBootstrappedCommit("shop")).contains(second.commit());
            assertThat(now).contains("docs/faq.md").doesNotContain("docs/guide.rst");
            assertThat(then).contains("docs/guide.rst").doesNotContain("docs/faq.md");
            assertThat(graph.factsAt("shop", null, Set.of(NodeType.API_ROUTE))).hasSize(2);
            assertThat(graph.factsAt("shop", null, Set.of(NodeType.DOC))).extracting(x -> x.node().label())
                    .contains("FAQ", "Shop");
            assertThat(graph.node("file:shop:docs/guide.rst").orElseThrow().property("removed")).isEqualTo("true");
        }
    }

    @Test
    void identicalRoutesServedByTwoResourcesAreTwoFactsAndTwoNodes() {
        try (TestRepo repo = TestRepo.init(dir.resolve("widgets"));
                BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            // v1 and v2 serve one base class's method under one @Path; servlet prefixes set outside
            // the code tell them apart at run time, so the two routes read the same.
            repo.file("src/demo/base/WidgetsBase.java", """
                    package demo.base;
                    import javax.ws.rs.*;
                    public class WidgetsBase {
                        @GET @Path("/{id}") public String get() { return ""; }
                    }
                    """);
            repo.file("src/demo/v1/Widgets.java", """
                    package demo.v1;
                    import javax.ws.rs.*;
                    @Path("/widgets") public class Widgets extends demo.base.WidgetsBase { }
                    """);
            repo.file("src/demo/v2/Widgets.java", """
                    package demo.v2;
                    import javax.ws.rs.*;
                    @Path("/widgets") public class Widgets extends demo.base.WidgetsBase { }
                    """);
            repo.commit("widgets");
            f.register("widgets", repo.dir().toString());

            BootstrapResult result = f.bootstrap("widgets");

            List<StoredEvent> routes = f.events("api.route.discovered");
            assertThat(routes).hasSize(2);
            assertThat(result.emitted()).containsEntry("api.route.discovered", 2);
            assertThat(routes).extracting(e -> e.envelope().payload().json().path("path").asText())
                    .containsOnly("/widgets/{id}");
            assertThat(routes).extracting(e -> e.envelope().payload().json().path("occurrence").asInt(1))
                    .containsExactlyInAnyOrder(1, 2);
            GraphProjection graph = GraphProjection.rebuild(f.store);
            assertThat(graph.factsAt("widgets", null, Set.of(NodeType.API_ROUTE))).hasSize(2);
        }
    }

    @Test
    void includeAndExcludeGlobsFromBootstrapYamlBothApply() {
        try (TestRepo repo = sample(); BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            repo.file(".leviathan/bootstrap.yaml", """
                    bootstrap:
                      include: ["src/**", "docs/**", ".leviathan/**"]
                      exclude: ["docs/*.rst"]
                    """);
            repo.file("docs/notes.md", "# Notes\n");
            repo.commit("narrow the index");
            f.register("shop", repo.dir().toString());

            f.bootstrap("shop");

            assertThat(paths(f, "file.discovered")).containsExactly(".leviathan/bootstrap.yaml", "docs/notes.md",
                    "src/app.py");
        }
    }

    @Test
    void anInvalidBootstrapYamlFailsTheRunWithFileLineAndNoFacts() {
        try (TestRepo repo = sample(); BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            repo.file(".leviathan/bootstrap.yaml", "bootstrap:\n  exclud: [\"docs/**\"]\n");
            repo.commit("typo");
            f.register("shop", repo.dir().toString());

            assertThatThrownBy(() -> f.bootstrap("shop")).isInstanceOf(BootstrapException.class)
                    .hasMessageContaining(".leviathan/bootstrap.yaml").hasMessageContaining(":2:")
                    .hasMessageContaining("exclude");

            List<StoredEvent> failed = f.events("bootstrap.failed");
            assertThat(failed).hasSize(1);
            assertThat(failed.getFirst().payload().json().path("reason").asText()).contains("exclud");
            assertThat(f.events("file.discovered")).isEmpty();
            assertThat(f.events("bootstrap.completed")).isEmpty();
        }
    }

    @Test
    void anUnknownRefIsNamedAndRecordedAsAFailedRun() {
        try (TestRepo repo = sample(); BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            f.register("shop", repo.dir().toString());

            assertThatThrownBy(() -> f.bootstrap("shop", "no-such-branch")).isInstanceOf(BootstrapException.class)
                    .hasMessageContaining("'no-such-branch' is not a branch, tag or commit")
                    .hasMessageContaining("branches: main")
                    .satisfies(e -> assertThat(((BootstrapException) e).kind())
                            .isEqualTo(BootstrapException.Kind.NOT_FOUND));
            assertThat(f.events("bootstrap.failed")).hasSize(1);
        }
    }

    @Test
    void aCancelledRunRecordsItsFailureAndNoFacts() {
        try (TestRepo repo = sample(); BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            f.register("shop", repo.dir().toString());

            assertThatThrownBy(() -> f.bootstrapper.bootstrap(new BootstrapRequest("shop", null, "grace", false,
                    BootstrapProgress.NONE, () -> true))).isInstanceOf(BootstrapException.class)
                    .hasMessageContaining("cancelled");
            assertThat(f.events("bootstrap.failed")).hasSize(1);
            assertThat(f.events("file.discovered")).isEmpty();
        }
    }

    @Test
    void aTagOrAShaNamesTheCommit() throws Exception {
        try (TestRepo repo = sample(); BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            String first = repo.git().log().setMaxCount(1).call().iterator().next().getName();
            repo.git().tag().setName("v1.0").setAnnotated(false).call();
            repo.file("CHANGELOG.md", "# Changes\n");
            repo.commit("second");
            f.register("shop", repo.dir().toString());

            BootstrapResult bySha = f.bootstrap("shop", first.substring(0, 8));
            BootstrapResult byTag = f.bootstrap("shop", "v1.0");

            assertThat(bySha.commit()).isEqualTo(first);
            assertThat(byTag.commit()).isEqualTo(first);
            assertThat(byTag.mode()).isEqualTo(BootstrapResult.Mode.UNCHANGED);
        }
    }

    @Test
    void everyFactReachesTheGraph() {
        try (TestRepo repo = sample(); BootstrapFixture f = new BootstrapFixture(dir.resolve("home"))) {
            f.register("shop", repo.dir().toString());
            f.bootstrap("shop");

            GraphProjection graph = GraphProjection.rebuild(f.store);

            assertThat(graph.summary().nodesByType()).containsEntry("File", 9).containsEntry("Doc", 2)
                    .containsEntry("Workflow", 1).containsEntry("ApiRoute", 2).containsEntry("Artifact", 4)
                    .containsEntry("Commit", 1);
        }
    }

    @Test
    void factsOfACommitCanBeReadWithoutRecordingAnything() throws Exception {
        try (TestRepo repo = sample()) {
            String head = repo.git().getRepository().resolve("HEAD").name();

            RepositoryFacts facts = Bootstrapper.readFacts(repo.git().getRepository(), head);

            assertThat(facts.commit()).isEqualTo(head);
            assertThat(facts.files()).hasSize(9);
            assertThat(facts.docs()).extracting(RepositoryFacts.Doc::title).containsExactly("Shop", "Guide");
            assertThat(facts.workflows()).hasSize(1);
            assertThat(facts.routes()).extracting(r -> r.method() + " " + r.path())
                    .containsExactlyInAnyOrder("GET /items", "POST /items");
        }
    }

    private static List<String> paths(BootstrapFixture f, String type) {
        return f.events(type).stream().map(e -> e.payload().json().path("path").asText()).toList();
    }

    private static List<String> paths(List<FactAtCommit> facts) {
        return facts.stream().map(fact -> fact.node().property("path")).toList();
    }

    private static Function<String, JsonNode> payloadsByPath(BootstrapFixture f, String type) {
        List<StoredEvent> events = f.events(type);
        return path -> events.stream().map(e -> e.payload().json()).filter(p -> p.path("path").asText().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " for " + path));
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static JsonNode json(byte[] bytes) throws Exception {
        return Json.MAPPER.readTree(bytes);
    }

    static boolean isFact(StoredEvent event) {
        return EventType.ofWire(event.eventType()).isPresent();
    }
}
