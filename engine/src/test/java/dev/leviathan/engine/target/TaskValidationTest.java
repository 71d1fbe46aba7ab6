package dev.leviathan.engine.target;

import static dev.leviathan.engine.target.Fixtures.assertProblem;
import static dev.leviathan.engine.target.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskValidationTest {

    private static List<Problem> validate(String yaml) {
        return TargetFiles.validateBacklog("backlog.yaml", yaml);
    }

    private static Problem allowedPathProblem(String entry) {
        return only(validate("- {id: a, title: A, allowed_paths: ['" + entry + "']}"));
    }

    @Test
    void collectsEveryProblemInTheFileNotJustTheFirst() {
        List<Problem> problems = validate("""
                tasks:
                  - id: a
                    title: A
                    priority: urgent
                  - id: B
                    title: B
                    ready: "true"
                  - id: c
                    title: C
                    dependencies: [nope]
                """);

        assertThat(problems).extracting(Problem::fieldPath)
                .containsExactly("tasks[0].priority", "tasks[1].id", "tasks[1].ready", "tasks[2].dependencies[0]");
    }

    @Test
    void reportsProblemsInFileOrder() {
        List<Problem> problems = validate("""
                - id: a
                  title: A
                  dependencies: [b]
                - id: b
                  title: B
                  dependencies: [a]
                  priority: urgent
                """);

        assertThat(problems).extracting(Problem::line).containsExactly(3, 7);
    }

    @Test
    void rejectsAnAbsoluteAllowedPath() {
        Problem problem = allowedPathProblem("/etc/passwd");

        assertProblem(problem, 1, 37, "tasks[0].allowed_paths[0]", "such as etc/passwd");
        assertThat(problem.message()).contains("is absolute");
    }

    @Test
    void rejectsABackslashInAnAllowedPath() {
        assertThat(allowedPathProblem("docs\\FAQ.md").hint()).isEqualTo("use forward slashes: docs/FAQ.md");
    }

    @Test
    void rejectsAnAllowedPathIntoGit() {
        assertThat(allowedPathProblem("docs/../.git/hooks/").message()).contains("points into .git/");
    }

    @Test
    void rejectsAnEmptyAllowedPath() {
        assertThat(allowedPathProblem("").message()).isEqualTo("path is empty");
    }

    @Test
    void rejectsAnAllowedPathNotInNormalFormShowingTheNormalForm() {
        assertThat(allowedPathProblem("docs/./guide//a.md").hint()).isEqualTo("write it as docs/guide/a.md");
    }

    @Test
    void rejectsAnAllowedPathNamingTheWholeRepository() {
        assertThat(allowedPathProblem("./").message()).contains("names the whole repository");
    }

    @Test
    void rejectsAQuotedNumberHintingToRemoveTheQuotes() {
        Problem problem = only(validate("- {id: a, title: A, executor: {type: command, run: x, timeout_s: '60'}}"));

        assertThat(problem.fieldPath()).isEqualTo("tasks[0].executor.timeout_s");
        assertThat(problem.hint()).isEqualTo("remove the quotes");
    }

    @Test
    void rejectsANumberOutOfRange() {
        Problem problem = only(validate("- {id: a, title: A, budget: {max_tokens: 0}}"));

        assertThat(problem.message()).startsWith("must be between 1 and");
    }

    @Test
    void rejectsAnUnknownStatusListingTheAllowedOnes() {
        Problem problem = only(validate("- {id: a, title: A, status: done}"));

        assertThat(problem.hint())
                .isEqualTo("use one of: pending, in_progress, completed, blocked, pr_opened, ready_to_merge");
    }

    @Test
    void rejectsATaskWithoutId() {
        Problem problem = only(validate("- {title: A}"));

        assertProblem(problem, 1, 3, "tasks[0].id", "kebab-case");
        assertThat(problem.message()).isEqualTo("missing required field 'id'");
    }

    @Test
    void rejectsABlankTitle() {
        assertThat(only(validate("- {id: a, title: '  '}")).message()).isEqualTo("title must not be empty");
    }

    @Test
    void rejectsARequiredFieldWithNoValue() {
        assertThat(only(validate("- id: a\n  title:\n")).message()).isEqualTo("'title' has no value");
    }

    @Test
    void readsAFieldWithNoValueAsAbsent() {
        Task task = TargetFiles.loadBacklog("b.yaml", "- id: a\n  title: A\n  description:\n  labels:\n").tasks().get(0);

        assertThat(task.description()).isEmpty();
        assertThat(task.labels()).isEmpty();
    }

    @Test
    void rejectsATaskThatIsNotAMapping() {
        Problem problem = only(validate("tasks:\n  - add-faq\n"));

        assertProblem(problem, 2, 5, "tasks[0]", "indent the fields");
    }

    @Test
    void rejectsAnUnknownTopLevelField() {
        Problem problem = only(validate("tasks: []\ntask: []\n"));

        assertProblem(problem, 2, 1, "task", "did you mean 'tasks'?");
    }

    @Test
    void listsTheKnownFieldsWhenNoneIsClose() {
        Problem problem = only(validate("- {id: a, title: A, owner: me}"));

        assertThat(problem.hint()).startsWith("known fields: id, task_id, title,");
    }

    @Test
    void rejectsACommandExecutorWithoutRun() {
        Problem problem = only(validate("- {id: a, title: A, executor: {type: command}}"));

        assertThat(problem.fieldPath()).isEqualTo("tasks[0].executor.run");
        assertThat(problem.message()).isEqualTo("missing required field 'run'");
    }

    @Test
    void rejectsAnExecutorWithoutType() {
        Problem problem = only(validate("- {id: a, title: A, executor: {run: make}}"));

        assertThat(problem.message()).isEqualTo("missing required field 'type'");
        assertThat(problem.hint()).isEqualTo("use one of: command, patch, docs, backlog-propose, llm");
    }

    @Test
    void rejectsAFieldThatBelongsToAnotherExecutorType() {
        Problem problem = only(validate("- {id: a, title: A, executor: {type: patch, diff: x, run: make}}"));

        assertThat(problem.fieldPath()).isEqualTo("tasks[0].executor.run");
        assertThat(problem.message()).isEqualTo("unknown field 'run'");
    }

    @Test
    void rejectsADocsExecutorWritingOutsideAllowedPaths() {
        Problem problem = only(validate("""
                - id: a
                  title: A
                  allowed_paths: [docs/guide/]
                  executor: {type: docs, kind: workflows, path: docs/ci.md}
                """));

        assertProblem(problem, 4, 49, "tasks[0].executor.path", "add docs/ci.md to allowed_paths");
    }

    @Test
    void rejectsADocsExecutorWithoutKind() {
        Problem problem = only(validate("- {id: a, title: A, executor: {type: docs}}"));

        assertThat(problem.hint()).isEqualTo("use one of: routes, workflows");
    }

    @Test
    void reportsEachSeparateCycleOnce() {
        List<Problem> problems = validate("""
                - {id: a, title: A, dependencies: [b]}
                - {id: b, title: B, dependencies: [a]}
                - {id: c, title: C, dependencies: [d]}
                - {id: d, title: D, dependencies: [c]}
                """);

        assertThat(problems).extracting(Problem::message)
                .containsExactly("dependency cycle: a → b → a", "dependency cycle: c → d → c");
    }

    @Test
    void namesTheShortestCycleThroughTheFirstTask() {
        List<Problem> problems = validate("""
                - {id: a, title: A, dependencies: [b, c]}
                - {id: b, title: B, dependencies: [c]}
                - {id: c, title: C, dependencies: [a]}
                """);

        assertThat(only(problems).message()).isEqualTo("dependency cycle: a → c → a");
    }

    @Test
    void acceptsDependenciesThatFormNoCycle() {
        Backlog backlog = TargetFiles.loadBacklog("b.yaml", """
                - {id: a, title: A}
                - {id: b, title: B, dependencies: [a]}
                - {id: c, title: C, dependencies: [a, b]}
                """);

        assertThat(backlog.tasks()).hasSize(3);
    }

    @Test
    void rejectsAKeyThatIsNotText() {
        Problem problem = only(validate("- {id: a, title: A, ? [x] : y}"));

        assertThat(problem.message()).contains("Non scalar key");
        assertThat(problem.hint()).isEqualTo("write the key as a plain word");
    }

    @Test
    void reportsAnIdThatIsNotKebabCaseOnceEvenWhenAnotherTaskDependsOnIt() {
        List<Problem> problems = validate("""
                - {id: Add_FAQ, title: A}
                - {id: b, title: B, dependencies: [Add_FAQ]}
                """);

        assertThat(only(problems).fieldPath()).isEqualTo("tasks[0].id");
    }
}
