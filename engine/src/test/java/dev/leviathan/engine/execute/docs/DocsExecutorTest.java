package dev.leviathan.engine.execute.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.RepositoryFacts;
import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.execute.ExecutionResult;
import dev.leviathan.engine.execute.ExecutionResult.FailureKind;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.testkit.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsExecutorTest {

    private static final Task ROUTES = Attempts.task("""
            id: api-reference
            title: Keep the API reference up to date
            allowed_paths: [docs/]
            executor: {type: docs, kind: routes}
            """);
    private static final Task WORKFLOWS = Attempts.task("""
            id: ci-overview
            title: Keep the CI overview up to date
            allowed_paths: [docs/ci-workflows.md]
            executor: {type: docs, kind: workflows}
            """);

    @TempDir
    Path tree;

    private final DocsExecutor executor = new DocsExecutor();

    @Test
    void writesTheRouteReferenceOfTheGoldenFile() {
        ExecutionResult result = executor.execute(Attempts.request(ROUTES, tree, SampleFacts.facts()));

        assertThat(result).isInstanceOf(ExecutionResult.Completed.class);
        assertThat(((ExecutionResult.Completed) result).summary())
                .isEqualTo("created docs/api-routes.md from commit 0123456789ab (9 routes)");
        assertThat(Attempts.read(tree.resolve("docs/api-routes.md"))).isEqualTo(Attempts.resource("api-routes.md"));
    }

    @Test
    void writesTheWorkflowOverviewOfTheGoldenFile() {
        executor.execute(Attempts.request(WORKFLOWS, tree, SampleFacts.facts()));

        assertThat(Attempts.read(tree.resolve("docs/ci-workflows.md"))).isEqualTo(Attempts.resource("ci-workflows.md"));
    }

    @Test
    void givesTheSameBytesWhateverOrderTheFactsComeIn() {
        List<Route> routes = new ArrayList<>(SampleFacts.routes());
        Collections.reverse(routes);
        List<dev.leviathan.engine.bootstrap.ci.CiFact> workflows = new ArrayList<>(SampleFacts.workflows());
        Collections.reverse(workflows);
        RepositoryFacts shuffled = new RepositoryFacts(SampleFacts.COMMIT, List.of(), List.of(), workflows, routes);

        executor.execute(Attempts.request(ROUTES, tree, shuffled));
        executor.execute(Attempts.request(WORKFLOWS, tree, shuffled));

        assertThat(Attempts.read(tree.resolve("docs/api-routes.md"))).isEqualTo(Attempts.resource("api-routes.md"));
        assertThat(Attempts.read(tree.resolve("docs/ci-workflows.md"))).isEqualTo(Attempts.resource("ci-workflows.md"));
    }

    @Test
    void replacesOnlyTheGeneratedRegionAndKeepsWhatPeopleWrote() {
        String before = "# Our API\n\nRead this first: every route needs a token.\n\n";
        String after = "\n\n## Rate limits\n\n100 requests a minute.  \n";
        Attempts.write(tree.resolve("docs/api-routes.md"), before
                + "<!-- leviathan:begin routes -->\nstale table\n<!-- leviathan:end routes -->" + after);

        ExecutionResult result = executor.execute(Attempts.request(ROUTES, tree, SampleFacts.facts()));

        String text = Attempts.read(tree.resolve("docs/api-routes.md"));
        assertThat(((ExecutionResult.Completed) result).summary()).startsWith("updated docs/api-routes.md");
        assertThat(text).startsWith(before).endsWith(after).doesNotContain("stale table");
        assertThat(text.substring(before.length(), text.length() - after.length()))
                .isEqualTo(region(Attempts.resource("api-routes.md")));
    }

    @Test
    void appendsTheRegionAfterTheTextWhenTheFileHasNoMarkers() {
        String human = "# API\n\nHand-written notes about authentication.";
        Attempts.write(tree.resolve("docs/api-routes.md"), human);

        ExecutionResult result = executor.execute(Attempts.request(ROUTES, tree, SampleFacts.facts()));

        assertThat(((ExecutionResult.Completed) result).summary()).startsWith("appended docs/api-routes.md");
        assertThat(Attempts.read(tree.resolve("docs/api-routes.md")))
                .isEqualTo(human + "\n\n" + region(Attempts.resource("api-routes.md")) + "\n");
    }

    @Test
    void aMarkerQuotedInsideALineIsNotARegion() {
        String human = "To regenerate, keep `<!-- leviathan:begin routes -->` and its end marker on their own lines.\n";
        Attempts.write(tree.resolve("docs/api-routes.md"), human);

        executor.execute(Attempts.request(ROUTES, tree, SampleFacts.facts()));

        assertThat(Attempts.read(tree.resolve("docs/api-routes.md")))
                .isEqualTo(human + "\n" + region(Attempts.resource("api-routes.md")) + "\n");
    }

    @Test
    void leavesAnUpToDateFileUntouchedAndSaysSo() throws Exception {
        executor.execute(Attempts.request(ROUTES, tree, SampleFacts.facts()));
        Path file = tree.resolve("docs/api-routes.md");
        FileTime stamp = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(file, stamp);
        List<String> log = new ArrayList<>();

        ExecutionResult result = executor.execute(Attempts.request(ROUTES, tree, SampleFacts.facts(), log));

        assertThat(result).isEqualTo(new ExecutionResult.Completed("docs/api-routes.md is already up to date (9 routes)",
                result.budget()));
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(stamp);
        assertThat(log).containsExactly("docs/api-routes.md is already up to date (9 routes)");
    }

    @Test
    void aRegionUpdatedByHandIsReplacedOnTheNextRun() {
        executor.execute(Attempts.request(ROUTES, tree, SampleFacts.facts()));
        Path file = tree.resolve("docs/api-routes.md");
        Attempts.write(file, Attempts.read(file).replace("`list_items`", "`renamed_by_hand`"));

        executor.execute(Attempts.request(ROUTES, tree, SampleFacts.facts()));

        assertThat(Attempts.read(file)).isEqualTo(Attempts.resource("api-routes.md"));
    }

    @Test
    void keepsWindowsLineEndings() {
        String human = "# API\r\n\r\nNotes.\r\n\r\n<!-- leviathan:begin routes -->\r\nold\r\n<!-- leviathan:end routes -->\r\n";
        Attempts.write(tree.resolve("docs/api-routes.md"), human);

        executor.execute(Attempts.request(ROUTES, tree, SampleFacts.facts()));

        String text = Attempts.read(tree.resolve("docs/api-routes.md"));
        assertThat(text).startsWith("# API\r\n\r\nNotes.\r\n\r\n<!-- leviathan:begin routes -->\r\n")
                .endsWith("<!-- leviathan:end routes -->\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void refusesAPathOutsideTheAllowedPathsAndWritesNothing() {
        Task task = Attempts.task("""
                id: api-reference
                title: API reference
                allowed_paths: [docs/api.md]
                executor: {type: docs, kind: routes}
                """);

        ExecutionResult result = executor.execute(Attempts.request(task, tree, SampleFacts.facts()));

        assertThat(result).isInstanceOf(ExecutionResult.Failed.class);
        ExecutionResult.Failed failed = (ExecutionResult.Failed) result;
        assertThat(failed.kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
        assertThat(failed.reason()).isEqualTo("the docs executor writes 'docs/api-routes.md', which is outside the"
                + " task's allowed_paths; add docs/api-routes.md to allowed_paths");
        assertThat(tree.resolve("docs")).doesNotExist();
    }

    @Test
    void writesTheTasksOwnPath() {
        Task task = Attempts.task("""
                id: api-reference
                title: API reference
                allowed_paths: [API.md]
                executor: {type: docs, kind: routes, path: API.md}
                """);

        executor.execute(Attempts.request(task, tree, SampleFacts.facts()));

        assertThat(Attempts.read(tree.resolve("API.md"))).contains("[`app/main.py:9`](app/main.py#L9)");
    }

    @Test
    void refusesUnbalancedMarkersAndLeavesTheFileAsItWas() {
        String human = "# API\n<!-- leviathan:begin routes -->\nthe end marker was deleted by mistake\n";
        Attempts.write(tree.resolve("docs/api-routes.md"), human);

        ExecutionResult result = executor.execute(Attempts.request(ROUTES, tree, SampleFacts.facts()));

        assertThat(((ExecutionResult.Failed) result).kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(((ExecutionResult.Failed) result).reason()).isEqualTo("docs/api-routes.md was not changed: its"
                + " routes markers are unbalanced (<!-- leviathan:begin routes --> on line 2,"
                + " <!-- leviathan:end routes --> on no line); leave exactly one begin marker followed by one end"
                + " marker, each alone on its line");
        assertThat(Attempts.read(tree.resolve("docs/api-routes.md"))).isEqualTo(human);
    }

    @Test
    void refusesToWriteThroughASymbolicLink() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        Files.createSymbolicLink(tree.resolve("docs"), outside);

        ExecutionResult result = executor.execute(Attempts.request(ROUTES, tree, SampleFacts.facts()));

        assertThat(((ExecutionResult.Failed) result).reason())
                .isEqualTo("docs/api-routes.md was not changed: 'docs' is a symbolic link; Leviathan does not write"
                        + " through links");
        assertThat(outside.resolve("api-routes.md")).doesNotExist();
    }

    @Test
    void saysSoWhenThereAreNoRoutes() {
        executor.execute(Attempts.request(ROUTES, tree, new RepositoryFacts("abc", List.of(), List.of(), List.of(),
                List.of())));

        assertThat(Attempts.read(tree.resolve("docs/api-routes.md"))).contains("\nNo HTTP routes were found in the code.\n");
    }

    @Test
    void saysSoWhenThereAreNoCiFiles() {
        executor.execute(Attempts.request(WORKFLOWS, tree, new RepositoryFacts("abc", List.of(), List.of(), List.of(),
                List.of())));

        assertThat(Attempts.read(tree.resolve("docs/ci-workflows.md")))
                .contains("\nNo CI configuration files were found (GitHub Actions workflows in `.github/workflows/`,"
                        + " GitLab CI's `.gitlab-ci.yml`).\n");
    }

    @Test
    void writesNothingWhenCancelled() {
        ExecutionResult result = executor.execute(Attempts.cancelled(ROUTES, tree, SampleFacts.facts()));

        assertThat(((ExecutionResult.Failed) result).kind()).isEqualTo(FailureKind.CANCELLED);
        assertThat(tree.resolve("docs")).doesNotExist();
    }

    @Test
    void refusesATaskWhoseExecutorIsNotDocs() {
        Task task = Attempts.task("""
                id: other
                title: Other
                allowed_paths: [docs/]
                executor: {type: command, run: make docs}
                """);

        ExecutionResult result = executor.execute(Attempts.request(task, tree, SampleFacts.facts()));

        assertThat(((ExecutionResult.Failed) result).kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
    }

    @Test
    void factsThatCannotBeReadFailTheAttemptWithTheReason() {
        var request = new dev.leviathan.engine.execute.ExecutionRequest("demo", "attempt-1", ROUTES, tree, "abc",
                () -> {
                    throw new IllegalStateException("object abc not found");
                }, Attempts.NO_POLICY, java.util.Map.of(), line -> { }, () -> false, Attempts.CLOCK);

        ExecutionResult result = executor.execute(request);

        assertThat(((ExecutionResult.Failed) result).kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(((ExecutionResult.Failed) result).reason())
                .isEqualTo("cannot read the facts of commit abc, so nothing was written: object abc not found");
    }

    @Test
    void documentsTheRoutesAndWorkflowsOfARealBootstrap(@TempDir Path dir) {
        try (TestRepo repo = TestRepo.init(dir)) {
            String head = Attempts.commitFixture(repo, "repo");
            RepositoryFacts facts = Attempts.facts(repo, head);

            executor.execute(Attempts.request(ROUTES, dir, facts));
            executor.execute(Attempts.request(WORKFLOWS, dir, facts));

            assertThat(Attempts.read(dir.resolve("docs/api-routes.md")))
                    .contains("**5 routes** in 1 file: FastAPI (5).\n")
                    .contains("| `GET` | `/health` | `health` | [`app/main.py:7`](../app/main.py#L7) |\n")
                    .contains("| `DELETE` | `/items/{item_id}/tags/{tag}` | `remove_tag` |"
                            + " [`app/main.py:30`](../app/main.py#L30) |\n");
            assertThat(Attempts.read(dir.resolve("docs/ci-workflows.md")))
                    .contains("  - could not be read as a GitHub Actions workflow at [line 7, column 7]"
                            + "(../.github/workflows/broken.yml#L7): jobs.build.steps: expected a list, found a mapping.\n")
                    .contains("| `pypa/gh-action-pypi-publish` | `release/v1` | branch, or a ref that is not a version"
                            + " ⚠ | `publish` |\n");
        }
    }

    /** The generated region of a golden file: from the begin marker to the end marker. */
    private static String region(String golden) {
        int from = golden.indexOf("<!-- leviathan:begin");
        int to = golden.indexOf("-->", golden.indexOf("<!-- leviathan:end")) + 3;
        return golden.substring(from, to);
    }
}
