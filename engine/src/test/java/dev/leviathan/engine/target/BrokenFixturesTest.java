package dev.leviathan.engine.target;

import static dev.leviathan.engine.target.Fixtures.assertProblem;
import static dev.leviathan.engine.target.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One broken file per kind of mistake, each with the exact place, field and hint it is reported with. */
class BrokenFixturesTest {

    private static List<Problem> backlog(String fixture) {
        return TargetFiles.validateBacklog(fixture, Fixtures.bytes("broken/" + fixture));
    }

    @Test
    void reportsYamlSyntaxErrorAtSnakeYamlsMark() {
        Problem problem = only(backlog("syntax-error.yaml"));

        assertProblem(problem, 5, 10, "", "flow sequence started at line 4, column 20");
        assertThat(problem.message()).startsWith("invalid YAML: ");
    }

    @Test
    void rejectsQuotedYesForABoolean() {
        Problem problem = only(backlog("ready-quoted.yaml"));

        assertProblem(problem, 4, 12, "tasks[0].ready", "use true or false");
        assertThat(problem.message()).isEqualTo("expected true or false, found the text \"yes\"");
    }

    @Test
    void rejectsAnUnknownPriorityListingTheAllowedOnes() {
        assertProblem(only(backlog("bad-priority.yaml")), 4, 15, "tasks[0].priority", "use one of: high, medium, low");
    }

    @Test
    void rejectsAnUnknownFieldSuggestingTheClosestKnownOne() {
        List<Problem> problems = backlog("unknown-field.yaml");

        assertThat(problems).hasSize(2);
        assertProblem(problems.get(1), 3, 5, "tasks[0].titel", "did you mean 'title'?");
    }

    @Test
    void rejectsATaskWithoutTitle() {
        Problem problem = only(backlog("missing-title.yaml"));

        assertProblem(problem, 4, 5, "tasks[1].title", "add title:");
        assertThat(problem.message()).isEqualTo("missing required field 'title'");
    }

    @Test
    void rejectsDuplicateTaskIdsNamingBothPlaces() {
        Problem problem = only(backlog("duplicate-id.yaml"));

        assertProblem(problem, 6, 14, "tasks[2].task_id", "give each task its own id");
        assertThat(problem.message()).isEqualTo("duplicate task id 'add-faq', first used at line 2, column 9");
    }

    @Test
    void rejectsAnUnknownDependencySuggestingAnExistingId() {
        Problem problem = only(backlog("unknown-dependency.yaml"));

        assertProblem(problem, 6, 20, "tasks[1].dependencies[0]", "did you mean 'add-faq'?");
        assertThat(problem.message()).isEqualTo("unknown dependency 'add-fag'");
    }

    @Test
    void rejectsDependencyCycleNamingTheCycle() {
        Problem problem = only(backlog("dependency-cycle.yaml"));

        assertProblem(problem, 4, 20, "tasks[0].dependencies[0]", "remove one of these dependencies");
        assertThat(problem.message())
                .isEqualTo("dependency cycle: write-guide → review-guide → publish-guide → write-guide");
    }

    @Test
    void rejectsATaskThatDependsOnItself() {
        Problem problem = only(backlog("self-dependency.yaml"));

        assertProblem(problem, 5, 9, "tasks[0].dependencies[0]", "remove add-faq from its own dependencies");
    }

    @Test
    void rejectsAnAllowedPathThatEscapesTheRepository() {
        Problem problem = only(backlog("escaping-path.yaml"));

        assertProblem(problem, 6, 9, "tasks[0].allowed_paths[1]", "keep paths inside the repository");
        assertThat(problem.message()).contains("escapes the repository");
    }

    @Test
    void rejectsAnIdThatIsNotKebabCaseSuggestingOne() {
        assertProblem(only(backlog("id-not-kebab.yaml")), 2, 9, "tasks[0].id", "such as add-faq");
    }

    @Test
    void rejectsADuplicateKeyNamingTheFirst() {
        Problem problem = only(backlog("duplicate-key.yaml"));

        assertProblem(problem, 6, 5, "tasks[0].ready", "remove one of the two");
        assertThat(problem.message()).isEqualTo("duplicate key 'ready', first defined at line 4, column 5");
    }

    @Test
    void rejectsATaskWithBothIdAndTaskId() {
        assertProblem(only(backlog("id-and-task-id.yaml")), 3, 5, "tasks[0].task_id", "keep only id");
    }

    @Test
    void rejectsAnUnknownExecutorTypeListingTheValidOnes() {
        assertProblem(only(backlog("unknown-executor.yaml")), 5, 13, "tasks[0].executor.type",
                "did you mean 'command'? Use one of: command, patch, docs, backlog-propose, llm");
    }

    @Test
    void rejectsTextWhereAListBelongs() {
        assertProblem(only(backlog("wrong-type-list.yaml")), 4, 20, "tasks[0].allowed_paths", "[docs/FAQ.md]");
    }

    @Test
    void rejectsMoreThanOneDocument() {
        Problem problem = only(backlog("multiple-documents.yaml"));

        assertProblem(problem, 2, 1, "", "remove the extra '---'");
        assertThat(problem.message()).contains("expected a single document");
    }

    @Test
    void refusesBillionLaughsThroughTheAliasLimit() {
        Problem problem = only(backlog("billion-laughs.yaml"));

        assertProblem(problem, 7, 30, "", "at most 50 aliases");
    }

    @Test
    void refusesAliasExpansionWithinTheAliasLimit() {
        Problem problem = only(backlog("alias-expansion.yaml"));

        assertProblem(problem, 1, 1, "", "remove anchors");
        assertThat(problem.message()).contains("expands to more than 200000 values");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        Problem problem = only(backlog("too-deep.yaml"));

        assertProblem(problem, 1, 71, "", "flatten");
        assertThat(problem.message()).contains("more than 64 levels");
    }

    @Test
    void refusesBytesThatAreNotUtf8AtTheirPosition() {
        Problem problem = only(backlog("not-utf8.yaml"));

        assertProblem(problem, 3, 15, "", "save the file as UTF-8");
        assertThat(problem.message()).isEqualTo("not valid UTF-8: byte 0xE9 at offset 37");
    }

    @Test
    void warnsAboutAnUnknownScopeButLoads() {
        Backlog backlog = TargetFiles.loadBacklog(Fixtures.path("broken/unknown-scope.yaml"));

        Problem warning = only(backlog.warnings());
        assertThat(warning.severity()).isEqualTo(Problem.Severity.WARNING);
        assertProblem(warning, 4, 12, "tasks[0].scope", "did you mean 'docs'?");
    }

    @Test
    void rejectsAnUnsupportedGlobInThePolicy() {
        Problem problem = only(TargetFiles.validatePolicy("policy-bad-glob.yaml",
                Fixtures.bytes("broken/policy-bad-glob.yaml")));

        assertProblem(problem, 4, 7, "allowed_paths.docs[1]", "list each alternative as its own entry");
    }

    @Test
    void rejectsALatestWorkerImage() {
        Problem problem = only(TargetFiles.validateAutonomyConfig("autonomy-latest-image.yaml",
                Fixtures.bytes("broken/autonomy-latest-image.yaml")));

        assertProblem(problem, 3, 15, "worker_image", "pin a version, such as leviathan-worker:0.1.0");
    }

    @Test
    void rejectsAnOutputModeOtherThanPrOnly() {
        Problem problem = only(TargetFiles.validateContract("contract-bad-output-mode.yaml",
                Fixtures.bytes("broken/contract-bad-output-mode.yaml")));

        assertProblem(problem, 4, 16, "safety.output_mode", "use one of: pr_only");
    }

    @Test
    void rejectsATargetWithoutRepoUrl() {
        Problem problem = only(TargetFiles.validateTargetConfig("target-missing-repo-url.yaml",
                Fixtures.bytes("broken/target-missing-repo-url.yaml")));

        assertProblem(problem, 1, 1, "repo_url", "add repo_url:");
    }

    @Test
    void loadingABrokenFileThrowsWithTheSameProblemsValidationReturns() {
        assertThatThrownBy(() -> TargetFiles.loadBacklog(Fixtures.path("broken/bad-priority.yaml")))
                .isInstanceOfSatisfying(TargetFileException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.getMessage()).endsWith("bad-priority.yaml:4:15: error: tasks[0].priority: "
                            + "'urgent' is not a valid priority (hint: use one of: high, medium, low)");
                });
    }
}
