package dev.leviathan.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.testkit.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapCommandTest {

    @TempDir
    Path dir;

    Path home() {
        return dir.resolve("home");
    }

    TestRepo repo() {
        TestRepo repo = TestRepo.init(dir.resolve("shop"));
        repo.file("README.md", "# Shop\n")
                .file("app/main.py", """
                        from fastapi import FastAPI, APIRouter

                        app = FastAPI()
                        router = APIRouter(prefix="/orders")


                        @router.get("/{order_id}")
                        async def show(order_id: int):
                            return {}


                        app.include_router(router, prefix="/api")
                        """)
                .file("server/main.go", """
                        package main

                        import "net/http"

                        func main() {
                            http.HandleFunc("/health", health)
                        }
                        """)
                .commit("initial");
        return repo;
    }

    @Test
    void printsASummaryWithCountsRoutesByFrameworkAndWhatWasRecorded() {
        try (TestRepo repo = repo()) {
            CliRun.run(home(), "targets", "add", repo.dir().toString());

            CliRun run = CliRun.run(home(), "bootstrap", "shop");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("bootstrapped shop at ").contains("(full)")
                    .contains("files      3").contains("routes     2: fastapi 1, go-nethttp 1")
                    .contains("3 file.discovered").contains("artifact   api_routes.json");
        }
    }

    @Test
    void jsonGivesTheResultAndASecondRunSaysNothingChanged() throws Exception {
        try (TestRepo repo = repo()) {
            CliRun.run(home(), "targets", "add", repo.dir().toString());
            CliRun first = CliRun.run(home(), "bootstrap", "shop", "--json");

            CliRun again = CliRun.run(home(), "bootstrap", "shop", "--json");

            JsonNode one = Json.MAPPER.readTree(first.out());
            JsonNode two = Json.MAPPER.readTree(again.out());
            assertThat(one.path("mode").asText()).isEqualTo("full");
            assertThat(one.path("counts").path("routes_by_framework").path("fastapi").asInt()).isEqualTo(1);
            assertThat(two.path("mode").asText()).isEqualTo("unchanged");
            assertThat(two.path("first_seq").asLong()).isZero();
            assertThat(two.path("artifacts")).isEqualTo(one.path("artifacts"));
        }
    }

    @Test
    void graphFactsListsTheRoutesWithTheirFullPaths() throws Exception {
        try (TestRepo repo = repo()) {
            CliRun.run(home(), "targets", "add", repo.dir().toString());
            CliRun.run(home(), "bootstrap", "shop");

            CliRun facts = CliRun.run(home(), "graph", "facts", "--target", "shop", "--type", "ApiRoute", "--json");

            assertThat(facts.exitCode()).as(facts.err()).isZero();
            JsonNode array = Json.MAPPER.readTree(facts.out());
            assertThat(array).hasSize(2);
            assertThat(array.toString()).contains("GET /api/orders/{order_id}").contains("/health");
        }
    }

    @Test
    void anUnknownTargetExitsNotFoundWithTheRegisteredOnes() {
        try (TestRepo repo = repo()) {
            CliRun.run(home(), "targets", "add", repo.dir().toString());

            CliRun run = CliRun.run(home(), "bootstrap", "shoop");

            assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
            assertThat(run.err()).isEqualTo("leviathanctl: no target named 'shoop'; registered: shop\n");
        }
    }

    @Test
    void anUnknownRefExitsNotFound() {
        try (TestRepo repo = repo()) {
            CliRun.run(home(), "targets", "add", repo.dir().toString());

            CliRun run = CliRun.run(home(), "bootstrap", "shop", "--ref", "v9");

            assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
            assertThat(run.err()).contains("'v9' is not a branch, tag or commit").doesNotContain("Exception");
        }
    }
}
