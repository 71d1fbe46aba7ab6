package dev.leviathan.engine.execute.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.target.Backlog;
import dev.leviathan.engine.target.ExecutorSpec;
import dev.leviathan.engine.target.Priority;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.target.TargetFiles;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BacklogAppendTest {

    private static final Proposal PIN = new Proposal("pin-workflow-actions-ci", "ci-unpinned-actions:.github/workflows/ci.yml",
            4, "Pin the actions of .github/workflows/ci.yml to versions",
            ".github/workflows/ci.yml uses an action that is not pinned.\n\nEvidence:\n- .github/workflows/ci.yml:13:"
                    + " actions/setup-python@main\n",
            "ci", Priority.MEDIUM, "small", List.of(".github/workflows/ci.yml"),
            List.of("No uses: names a branch", "The workflow still runs"), Optional.empty());
    private static final Proposal ROUTES = new Proposal("document-api-routes", "docs-api-routes", 6,
            "Document the HTTP API routes in docs/api-routes.md", "2 of the 3 HTTP routes are not documented.", "docs",
            Priority.MEDIUM, "small", List.of("docs/api-routes.md"), List.of("docs/api-routes.md lists every route"),
            Optional.of(new ExecutorSpec.Docs(ExecutorSpec.DocsKind.ROUTES, Optional.of("docs/api-routes.md"))));
    private static final List<Proposal> BOTH = List.of(PIN, ROUTES);

    @Test
    void insertsAfterTheLastTaskAndKeepsCommentsAndMetadataByteForByte() throws Exception {
        String original = """
                # Backlog of the shop service.   
                # Keep tasks small.

                tasks:
                  # --- docs ---
                  - id: add-faq            # the FAQ users asked for
                    title: Add an FAQ
                    description: >
                      Three questions,
                      short answers.
                    allowed_paths: [docs/FAQ.md]

                  - id: write-guide
                    title: 'Write the guide'
                    dependencies:
                    - add-faq
                    # TODO: split it once it grows


                # metadata is free-form
                metadata:
                  owner: docs-team
                """;

        String result = BacklogAppend.append(original, BOTH);

        assertOnlyInserted(original, result);
        assertThat(result).contains("    # TODO: split it once it grows\n\n  - id: pin-workflow-actions-ci\n")
                .contains("      path: docs/api-routes.md\n\n\n# metadata is free-form\n");
        assertLoadsAsOldPlusNew(original, result, BOTH);
    }

    @Test
    void writesTheNewTasksInTheFilesFourSpaceStyle() throws Exception {
        String original = """
                tasks:
                    - id: add-faq
                      title: Add an FAQ
                      allowed_paths:
                          - docs/FAQ.md
                      executor:
                          type: command
                          run: make faq
                """;

        String result = BacklogAppend.append(original, List.of(ROUTES));

        assertThat(result).isEqualTo(original + """
                    - id: document-api-routes
                      title: Document the HTTP API routes in docs/api-routes.md
                      description: |
                          2 of the 3 HTTP routes are not documented.
                      scope: docs
                      priority: medium
                      ready: false
                      status: pending
                      estimated_size: small
                      allowed_paths:
                          - docs/api-routes.md
                      acceptance_criteria:
                          - docs/api-routes.md lists every route
                      labels:
                          - leviathan-proposal
                          - "finding:docs-api-routes"
                      executor:
                          type: docs
                          kind: routes
                          path: docs/api-routes.md
                """);
        assertLoadsAsOldPlusNew(original, result, List.of(ROUTES));
    }

    @Test
    void writesTheNewTasksInTheFilesTwoSpaceStyle() throws Exception {
        String original = """
                tasks:
                  - id: add-faq
                    title: Add an FAQ
                    allowed_paths:
                      - docs/FAQ.md
                """;

        String result = BacklogAppend.append(original, List.of(PIN));

        assertThat(result).isEqualTo(original + """
                  - id: pin-workflow-actions-ci
                    title: Pin the actions of .github/workflows/ci.yml to versions
                    description: |
                      .github/workflows/ci.yml uses an action that is not pinned.

                      Evidence:
                      - .github/workflows/ci.yml:13: actions/setup-python@main
                    scope: ci
                    priority: medium
                    ready: false
                    status: pending
                    estimated_size: small
                    allowed_paths:
                      - .github/workflows/ci.yml
                    acceptance_criteria:
                      - "No uses: names a branch"
                      - The workflow still runs
                    labels:
                      - leviathan-proposal
                      - "finding:ci-unpinned-actions:.github/workflows/ci.yml"
                """);
        assertLoadsAsOldPlusNew(original, result, List.of(PIN));
    }

    @Test
    void appendsToABareListAtTheTopOfTheFile() throws Exception {
        String original = """
                # no tasks: key, just the list
                - id: add-faq
                  title: Add an FAQ
                - id: write-guide
                  title: Write the guide
                # trailing remark
                """;

        String result = BacklogAppend.append(original, BOTH);

        assertOnlyInserted(original, result);
        assertThat(result).contains("  title: Write the guide\n- id: pin-workflow-actions-ci\n  title: Pin")
                .endsWith("    path: docs/api-routes.md\n# trailing remark\n");
        assertLoadsAsOldPlusNew(original, result, BOTH);
    }

    @Test
    void appendsToAFileThatDoesNotEndWithANewline() throws Exception {
        String original = "tasks:\n  - id: add-faq\n    title: Add an FAQ  # no newline after this";

        String result = BacklogAppend.append(original, List.of(PIN));

        assertThat(result).startsWith(original + "\n  - id: pin-workflow-actions-ci\n");
        assertLoadsAsOldPlusNew(original, result, List.of(PIN));
    }

    @Test
    void aSequenceUnderTheKeyWithoutIndentationKeepsThatStyle() throws Exception {
        String original = """
                tasks:
                - id: add-faq
                  title: Add an FAQ
                  labels:
                  - docs
                """;

        String result = BacklogAppend.append(original, List.of(ROUTES));

        assertOnlyInserted(original, result);
        assertThat(result).contains("\n- id: document-api-routes\n  title: Document")
                .contains("\n  allowed_paths:\n  - docs/api-routes.md\n");
        assertLoadsAsOldPlusNew(original, result, List.of(ROUTES));
    }

    @Test
    void tasksWithFlowListsGetFlowLists() throws Exception {
        String original = """
                tasks:
                  - id: add-faq
                    title: Add an FAQ
                    allowed_paths: [docs/FAQ.md]
                    labels: [docs, small]
                """;

        String result = BacklogAppend.append(original, List.of(PIN));

        assertOnlyInserted(original, result);
        assertThat(result).contains("    allowed_paths: [.github/workflows/ci.yml]\n")
                .contains("    acceptance_criteria: [\"No uses: names a branch\", \"The workflow still runs\"]\n")
                .contains("    labels: [leviathan-proposal, \"finding:ci-unpinned-actions:.github/workflows/ci.yml\"]\n");
        assertLoadsAsOldPlusNew(original, result, List.of(PIN));
    }

    @Test
    void anEmptyFlowListBecomesABlockList() throws Exception {
        String original = "# proposals welcome\ntasks: []\n";

        String result = BacklogAppend.append(original, List.of(ROUTES));

        assertThat(result).startsWith("# proposals welcome\ntasks:\n  - id: document-api-routes\n    title: ");
        assertLoadsAsOldPlusNew(original, result, List.of(ROUTES));
    }

    @Test
    void anEmptyFlowListKeepsTheCommentOnItsLineAndWhatFollows() throws Exception {
        String original = "tasks: []   # nothing yet\nmetadata:\n    owner: docs-team\n";

        String result = BacklogAppend.append(original, BOTH);

        assertThat(result).startsWith("tasks:    # nothing yet\n    - id: pin-workflow-actions-ci\n")
                .contains("\n\n    - id: document-api-routes\n")
                .endsWith("          path: docs/api-routes.md\nmetadata:\n    owner: docs-team\n");
        assertLoadsAsOldPlusNew(original, result, BOTH);
    }

    @Test
    void anEmptyBareFlowListIsReplacedByTheTasks() throws Exception {
        String original = "# empty for now\n[]\n";

        String result = BacklogAppend.append(original, List.of(PIN));

        assertThat(result).startsWith("# empty for now\n- id: pin-workflow-actions-ci\n  title: ");
        assertLoadsAsOldPlusNew(original, result, List.of(PIN));
    }

    @Test
    void aFlowListOfTasksGetsFlowTasksOnTheSameLine() throws Exception {
        String original = "tasks: [{id: add-faq, title: Add an FAQ}]  # compact\n";

        String result = BacklogAppend.append(original, List.of(ROUTES));

        assertOnlyInserted(original, result);
        assertThat(result).startsWith("tasks: [{id: add-faq, title: Add an FAQ}, {id: document-api-routes, title: ")
                .endsWith("executor: {type: docs, kind: routes, path: docs/api-routes.md}}]  # compact\n");
        assertLoadsAsOldPlusNew(original, result, List.of(ROUTES));
    }

    @Test
    void aFlowListOverSeveralLinesGetsOneNewTaskPerLine() throws Exception {
        String original = """
                tasks: [
                  {id: add-faq, title: Add an FAQ},
                  {id: write-guide, title: Write the guide},
                ]
                """;

        String result = BacklogAppend.append(original, BOTH);

        assertOnlyInserted(original, result);
        assertThat(result).contains("{id: write-guide, title: Write the guide},\n  {id: pin-workflow-actions-ci, ")
                .contains("}},\n]\n");
        assertLoadsAsOldPlusNew(original, result, BOTH);
    }

    @Test
    void tasksWrittenAsFlowMappingsGetFlowMappings() throws Exception {
        String original = "tasks:\n  - {id: add-faq, title: Add an FAQ}\n";

        String result = BacklogAppend.append(original, List.of(PIN));

        assertThat(result).startsWith(original + "  - {id: pin-workflow-actions-ci, title: \"Pin the actions");
        assertLoadsAsOldPlusNew(original, result, List.of(PIN));
    }

    @Test
    void keepsWindowsLineEndings() throws Exception {
        String original = "tasks:\r\n  - id: add-faq\r\n    title: Add an FAQ\r\n";

        String result = BacklogAppend.append(original, BOTH);

        assertOnlyInserted(original, result);
        assertThat(result.replace("\r\n", "")).doesNotContain("\n");
        assertLoadsAsOldPlusNew(original, result, BOTH);
    }

    @Test
    void aLastDescriptionThatKeepsItsTrailingBlankLinesStillHasThem() throws Exception {
        String original = "tasks:\n  - id: add-faq\n    title: Add an FAQ\n    description: |+\n      Keep these.\n\n\n";

        String result = BacklogAppend.append(original, List.of(PIN));

        assertOnlyInserted(original, result);
        assertLoadsAsOldPlusNew(original, result, List.of(PIN));
        assertThat(TargetFiles.loadBacklog("b", result).tasks().get(0).description()).isEqualTo("Keep these.\n\n\n");
    }

    @Test
    void keepsAByteOrderMark() throws Exception {
        String original = "\uFEFFtasks:\n  - id: add-faq\n    title: Add an FAQ\n";

        String result = BacklogAppend.append(original, List.of(PIN));

        assertThat(result).startsWith(original);
        assertLoadsAsOldPlusNew(original, result, List.of(PIN));
    }

    @Test
    void aNewFileHasTheHeaderAndTheTasksSeparatedByBlankLines() {
        String result = BacklogAppend.create(BOTH, "# header\n");

        assertThat(result).startsWith("# header\ntasks:\n  - id: pin-workflow-actions-ci\n")
                .contains("      - \"finding:ci-unpinned-actions:.github/workflows/ci.yml\"\n\n  - id: document-api-routes\n");
        assertThat(BacklogProposeExecutor.verify(result, Optional.empty(), BOTH)).isEmpty();
    }

    @Test
    void valuesThatLookLikeOtherTypesOrHoldIndicatorsAreQuoted() throws Exception {
        Proposal odd = new Proposal("fix-ci-file-yes", "ci-unreadable:.github/workflows/yes.yml", 0, "yes",
                "- starts like a list item\n  and an indented line", "1.10", Priority.HIGH, "small",
                List.of(".github/workflows/yes.yml"), List.of("#not a comment", "a: b", "@at", "null", "ends with:"),
                Optional.empty());
        String original = "tasks:\n  - id: add-faq\n    title: Add an FAQ\n";

        String result = BacklogAppend.append(original, List.of(odd));

        assertLoadsAsOldPlusNew(original, result, List.of(odd));
        Task task = TargetFiles.loadBacklog("b", result).tasks().get(1);
        assertThat(task.title()).isEqualTo("yes");
        assertThat(task.scope()).contains("1.10");
        assertThat(task.description()).isEqualTo("- starts like a list item\n  and an indented line");
        assertThat(task.acceptanceCriteria()).containsExactly("#not a comment", "a: b", "@at", "null", "ends with:");
    }

    /** {@code result} is {@code original} with one piece of text inserted somewhere. */
    private static void assertOnlyInserted(String original, String result) {
        int prefix = 0;
        while (prefix < original.length() && original.charAt(prefix) == result.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < original.length() - prefix
                && original.charAt(original.length() - 1 - suffix) == result.charAt(result.length() - 1 - suffix)) {
            suffix++;
        }
        assertThat(prefix + suffix).as("bytes of the original kept around one insertion").isEqualTo(original.length());
    }

    private static void assertLoadsAsOldPlusNew(String original, String result, List<Proposal> proposals) {
        Backlog old = TargetFiles.loadBacklog("b", original);
        assertThat(BacklogProposeExecutor.verify(result, Optional.of(old), proposals)).isEmpty();
        List<Task> added = TargetFiles.loadBacklog("b", result).tasks().subList(old.tasks().size(),
                old.tasks().size() + proposals.size());
        for (int i = 0; i < proposals.size(); i++) {
            Proposal p = proposals.get(i);
            Task t = added.get(i);
            assertThat(t.id()).isEqualTo(p.id());
            assertThat(t.description()).isIn(p.description(), p.description() + "\n");
            assertThat(t.acceptanceCriteria()).isEqualTo(p.acceptanceCriteria());
            assertThat(t.allowedPaths()).extracting(a -> a.value()).isEqualTo(p.allowedPaths());
            assertThat(t.priority()).isEqualTo(p.priority());
            assertThat(t.executor().map(ExecutorSpec.class::cast)).isEqualTo(p.executor());
        }
    }
}
