package dev.leviathan.engine.execute.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.RepositoryFacts;
import dev.leviathan.engine.execute.ExecutionResult;
import dev.leviathan.engine.execute.ExecutionResult.FailureKind;
import dev.leviathan.engine.target.Backlog;
import dev.leviathan.engine.target.ExecutorSpec;
import dev.leviathan.engine.target.Priority;
import dev.leviathan.engine.target.Task;
import dev.leviathan.engine.target.TargetFiles;
import dev.leviathan.engine.target.TaskStatus;
import dev.leviathan.engine.testkit.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacklogProposeExecutorTest {

    private static final Task PROPOSE = Attempts.task("""
            id: propose-tasks
            title: Propose tasks from the facts
            allowed_paths: [.leviathan/backlog.yaml]
            executor: {type: backlog-propose}
            """);

    /** Everything a repository needs so that no finding but the one under test appears. */
    private static final String README = "# Shop\n\nA small shop.\n";
    private static final String PINNED_CI = """
            name: CI
            on: [push]
            permissions:
              contents: read
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: make test
            """;

    @TempDir
    Path tree;
    private TestRepo repo;

    @BeforeEach
    void repository() {
        repo = TestRepo.init(tree);
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private RepositoryFacts commit(String... pathsAndContents) {
        for (int i = 0; i + 1 < pathsAndContents.length; i += 2) {
            repo.file(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return Attempts.facts(repo, repo.commit("fixture"));
    }

    /** A repository with a README, a contributing guide and a changelog, plus {@code more}. */
    private RepositoryFacts tidyRepositoryWith(String... more) {
        repo.file("README.md", README).file("CONTRIBUTING.md", "# Contributing\n").file("CHANGELOG.md", "# Changes\n");
        return commit(more);
    }

    private ExecutionResult propose(RepositoryFacts facts) {
        return new BacklogProposeExecutor().execute(Attempts.request(PROPOSE, tree, facts));
    }

    private List<Task> backlog() {
        return TargetFiles.loadBacklog(tree.resolve(".leviathan/backlog.yaml")).tasks();
    }

    private Task only() {
        assertThat(backlog()).hasSize(1);
        return backlog().get(0);
    }

    // findings

    @Test
    void proposesFixingAWorkflowThatCannotBeReadCitingTheLine() {
        RepositoryFacts facts = tidyRepositoryWith(".github/workflows/nightly.yml", """
                name: Nightly
                on: schedule
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      run: make nightly
                """);

        propose(facts);

        Task task = only();
        assertThat(task.id()).isEqualTo("fix-ci-file-nightly");
        assertThat(task.priority()).isEqualTo(Priority.HIGH);
        assertThat(task.scope()).contains("ci");
        assertThat(task.allowedPaths()).extracting(a -> a.value()).containsExactly(".github/workflows/nightly.yml");
        assertThat(task.description()).contains("- .github/workflows/nightly.yml:7 (column 7): jobs.build.steps:"
                + " expected a list, found a mapping\n");
        assertThat(task.acceptanceCriteria()).contains("The problem reported at line 7 is gone");
    }

    @Test
    void proposesReviewingPullRequestTargetCitingTheTriggerAndTheHeadCheckout() {
        RepositoryFacts facts = tidyRepositoryWith(".github/workflows/labeler.yml", """
                name: Label
                on:
                  # runs for forks too
                  pull_request_target:
                    types: [opened]
                permissions:
                  pull-requests: write
                jobs:
                  label:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                        with:
                          ref: ${{ github.event.pull_request.head.sha }}
                """);

        propose(facts);

        Task task = only();
        assertThat(task.id()).isEqualTo("review-pull-request-target-labeler");
        assertThat(task.priority()).isEqualTo(Priority.HIGH);
        assertThat(task.description())
                .contains("- .github/workflows/labeler.yml:4: on: pull_request_target\n")
                .contains("- .github/workflows/labeler.yml:14: refers to the pull request's head\n");
    }

    @Test
    void proposesDeclaringPermissionsCitingEveryJobWithoutThem() {
        RepositoryFacts facts = tidyRepositoryWith(".github/workflows/ci.yml", """
                name: CI
                on: [push, pull_request]
                jobs:
                  lint:
                    runs-on: ubuntu-latest
                    steps: [{uses: actions/checkout@v4}]
                  test:
                    runs-on: ubuntu-latest
                    permissions:
                      contents: read
                    steps: [{uses: actions/checkout@v4}]
                  "docs":
                    runs-on: ubuntu-latest
                    steps: [{run: make docs}]
                """);

        propose(facts);

        Task task = only();
        assertThat(task.id()).isEqualTo("declare-workflow-permissions-ci");
        assertThat(task.title()).isEqualTo("Declare the token permissions of .github/workflows/ci.yml");
        assertThat(task.description()).startsWith(".github/workflows/ci.yml has no top-level permissions block, and"
                        + " its jobs lint, docs have none either")
                .contains("- .github/workflows/ci.yml:3: jobs: with no top-level permissions: before them\n"
                        + "- .github/workflows/ci.yml:4: job lint declares no permissions\n"
                        + "- .github/workflows/ci.yml:12: job docs declares no permissions\n");
    }

    @Test
    void proposesNothingForAWorkflowWhoseJobsAllDeclarePermissions() {
        RepositoryFacts facts = tidyRepositoryWith(".github/workflows/ci.yml", """
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    permissions: read-all
                    steps: [{run: make test}]
                """);

        ExecutionResult result = propose(facts);

        assertThat(((ExecutionResult.Completed) result).summary())
                .isEqualTo("no new proposals: nothing in the facts of commit " + DocsExecutor.shortCommit(facts.commit())
                        + " calls for one");
        assertThat(tree.resolve(".leviathan/backlog.yaml")).doesNotExist();
    }

    @Test
    void proposesNarrowingWriteAllPermissions() {
        RepositoryFacts facts = tidyRepositoryWith(".github/workflows/release.yml", """
                on:
                  push:
                    tags: ['v*']
                permissions: write-all
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps: [{run: make dist}]
                """);

        propose(facts);

        Task task = only();
        assertThat(task.id()).isEqualTo("narrow-workflow-permissions-release");
        assertThat(task.description()).contains("- .github/workflows/release.yml:4: permissions: write-all for the"
                + " workflow\n");
    }

    @Test
    void proposesPinningActionsReferencedByABranchOrWithoutAVersion() {
        RepositoryFacts facts = tidyRepositoryWith(".github/workflows/ci.yml", """
                name: CI
                on: push
                permissions: {contents: read}
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - uses: actions/setup-node@1d0ff469b7ec7b3cb9d8673fde0c81c44821de2a # v4.2.0
                      - uses: "dtolnay/rust-toolchain@stable"
                      - uses: some-org/lint-action
                      - uses: docker://alpine:3.20
                      - uses: ./.github/actions/setup
                  shared:
                    uses: acme/workflows/.github/workflows/build.yml@main
                """);

        propose(facts);

        Task task = only();
        assertThat(task.id()).isEqualTo("pin-workflow-actions-ci");
        assertThat(task.description()).contains(".github/workflows/ci.yml uses 3 actions that are not pinned")
                .contains("- .github/workflows/ci.yml:15: acme/workflows/.github/workflows/build.yml@main (reusable"
                        + " workflow, branch, or a ref that is not a version)\n"
                        + "- .github/workflows/ci.yml:10: dtolnay/rust-toolchain@stable (branch, or a ref that is not"
                        + " a version)\n"
                        + "- .github/workflows/ci.yml:11: some-org/lint-action (no version)\n")
                .doesNotContain("checkout").doesNotContain("setup-node").doesNotContain("alpine");
    }

    @Test
    void proposesARouteReferenceForRoutesNoPageMentions() {
        RepositoryFacts facts = tidyRepositoryWith(
                "app/main.py", """
                        from fastapi import FastAPI

                        app = FastAPI()


                        @app.get("/health")
                        def health():
                            return "ok"


                        @app.get("/orders/{order_id}")
                        def order(order_id: int):
                            return {}


                        @app.post("/orders")
                        def create_order():
                            return {}
                        """,
                "docs/api.md", "# API\n\n- `GET /orders/:id` returns one order.\n- `/health` (no auth).\n");

        propose(facts);

        Task task = only();
        assertThat(task.id()).isEqualTo("document-api-routes");
        assertThat(task.scope()).contains("docs");
        assertThat(task.executor()).contains(new ExecutorSpec.Docs(ExecutorSpec.DocsKind.ROUTES,
                Optional.of("docs/api-routes.md")));
        assertThat(task.allowedPaths()).extracting(a -> a.value()).containsExactly("docs/api-routes.md");
        assertThat(task.description()).startsWith("1 of the 3 HTTP routes found in the code is not mentioned in any"
                        + " documentation page")
                .contains("Undocumented routes:\n- POST /orders (FastAPI): app/main.py:16\n");
    }

    @Test
    void proposesNoRouteReferenceWhenEveryRouteIsMentioned() {
        RepositoryFacts facts = tidyRepositoryWith(
                "web/server.js", """
                        const express = require('express');
                        const app = express();
                        app.get('/users/:id', (req, res) => res.json({}));
                        app.listen(3000);
                        """,
                "openapi.yaml", "openapi: 3.0.0\npaths:\n  /users/{userId}:\n    get: {}\n");

        ExecutionResult result = propose(facts);

        assertThat(((ExecutionResult.Completed) result).summary()).startsWith("no new proposals");
    }

    @Test
    void proposesAReadmeAContributingGuideAndAChangelogWhenMissing() {
        RepositoryFacts facts = commit("src/app.py", "print('hi')\n");

        propose(facts);

        assertThat(backlog()).extracting(Task::id).containsExactly("add-readme", "add-contributing-guide",
                "add-changelog");
        assertThat(backlog()).extracting(Task::priority).containsExactly(Priority.MEDIUM, Priority.LOW, Priority.LOW);
        assertThat(backlog().get(0).allowedPaths()).extracting(a -> a.value()).containsExactly("README.md");
    }

    @Test
    void recognisesTheUsualOtherNamesAndPlacesOfThoseFiles() {
        RepositoryFacts facts = commit("README.rst", "Shop\n====\n", ".github/CONTRIBUTING.md", "# How to help\n",
                "HISTORY.md", "# 1.0\n");

        ExecutionResult result = propose(facts);

        assertThat(((ExecutionResult.Completed) result).summary()).startsWith("no new proposals");
    }

    @Test
    void proposesConcurrencyForAWorkflowThatDeploys() {
        RepositoryFacts facts = tidyRepositoryWith(".github/workflows/deploy.yml", """
                name: Deploy
                on:
                  push:
                    branches: [main]
                permissions:
                  contents: read
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    environment: production
                    steps: [{run: ./deploy.sh}]
                """);

        propose(facts);

        Task task = only();
        assertThat(task.id()).isEqualTo("add-deploy-concurrency-deploy");
        assertThat(task.priority()).isEqualTo(Priority.LOW);
        assertThat(task.description()).contains("- .github/workflows/deploy.yml:8: job deploy\n");
    }

    @Test
    void aJobLevelConcurrencyIsEnoughForADeploy() {
        RepositoryFacts facts = tidyRepositoryWith(".github/workflows/deploy.yml", """
                on: push
                permissions: {contents: read}
                jobs:
                  publish:
                    runs-on: ubuntu-latest
                    concurrency: publish
                    steps: [{run: ./publish.sh}]
                """);

        ExecutionResult result = propose(facts);

        assertThat(((ExecutionResult.Completed) result).summary()).startsWith("no new proposals");
    }

    // ids, order, idempotence

    @Test
    void idsAndOrderAreDeterministicMostImportantFirst(@TempDir Path other) throws Exception {
        String head = Attempts.commitFixture(repo, "repo");
        RepositoryFacts facts = Attempts.facts(repo, head);

        propose(facts);

        assertThat(backlog()).extracting(Task::id).containsExactly("fix-ci-file-broken",
                "review-pull-request-target-labeler", "declare-workflow-permissions-ci", "pin-workflow-actions-ci",
                "document-api-routes", "add-contributing-guide", "add-changelog", "add-deploy-concurrency-ci");
        assertThat(backlog()).allSatisfy(task -> {
            assertThat(task.ready()).isFalse();
            assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
            assertThat(task.labels()).first().isEqualTo("leviathan-proposal");
        });
        try (TestRepo copy = TestRepo.init(other)) {
            RepositoryFacts again = Attempts.facts(copy, Attempts.commitFixture(copy, "repo"));
            new BacklogProposeExecutor().execute(Attempts.request(PROPOSE, other, again));
            assertThat(Files.readString(other.resolve(".leviathan/backlog.yaml")))
                    .isEqualTo(Files.readString(tree.resolve(".leviathan/backlog.yaml")));
        }
    }

    @Test
    void aSecondRunProposesNothingNewAndLeavesTheFileAlone() throws Exception {
        RepositoryFacts facts = Attempts.facts(repo, Attempts.commitFixture(repo, "repo"));
        propose(facts);
        byte[] first = Files.readAllBytes(tree.resolve(".leviathan/backlog.yaml"));

        ExecutionResult second = propose(facts);

        assertThat(((ExecutionResult.Completed) second).summary())
                .isEqualTo("no new proposals: the backlog already has every finding (8 findings)");
        assertThat(Files.readAllBytes(tree.resolve(".leviathan/backlog.yaml"))).isEqualTo(first);
    }

    @Test
    void aProposalWhoseTaskWasRenamedIsNotProposedAgain() {
        RepositoryFacts facts = tidyRepositoryWith(".leviathan/backlog.yaml", """
                tasks:
                  - id: lock-down-ci-token
                    title: Lock down the CI token
                    labels: [leviathan-proposal, "finding:ci-permissions:.github/workflows/ci.yml"]
                """, ".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: a}]\n");

        ExecutionResult result = propose(facts);

        assertThat(((ExecutionResult.Completed) result).summary()).startsWith("no new proposals");
    }

    @Test
    void aTaskWithTheSameIdIsTheSameProposal() {
        RepositoryFacts facts = tidyRepositoryWith(".leviathan/backlog.yaml", """
                tasks:
                  - id: declare-workflow-permissions-ci
                    title: Someone got there first
                """, ".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: a}]\n");

        ExecutionResult result = propose(facts);

        assertThat(((ExecutionResult.Completed) result).summary()).startsWith("no new proposals");
    }

    @Test
    void anIdTakenByAnotherFindingGetsASuffixFromTheFindingsHash() {
        RepositoryFacts facts = tidyRepositoryWith(".leviathan/backlog.yaml", """
                tasks:
                  - id: declare-workflow-permissions-ci
                    title: Declare the token permissions of .github/workflows/ci.yaml
                    labels: ["finding:ci-permissions:.github/workflows/ci.yaml"]
                """, ".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: a}]\n");

        propose(facts);

        assertThat(backlog()).extracting(Task::id).containsExactly("declare-workflow-permissions-ci",
                "declare-workflow-permissions-ci-" + NewProposals.hash("ci-permissions:.github/workflows/ci.yml"));
    }

    @Test
    void twoWorkflowsWithTheSameNameGetDistinctIds() {
        String unguarded = "on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: a}]\n";
        RepositoryFacts facts = tidyRepositoryWith(".github/workflows/ci.yml", unguarded,
                ".github/workflows/CI.yaml", unguarded);

        propose(facts);

        // Findings are ordered by path, and "CI.yaml" sorts before "ci.yml".
        assertThat(backlog()).extracting(Task::id).containsExactly("declare-workflow-permissions-ci",
                "declare-workflow-permissions-ci-" + NewProposals.hash("ci-permissions:.github/workflows/ci.yml"));
        assertThat(backlog()).extracting(t -> t.allowedPaths().get(0).value())
                .containsExactly(".github/workflows/CI.yaml", ".github/workflows/ci.yml");
    }

    @Test
    void aTaskThatAlreadyWritesTheReadmeCoversTheMissingReadme() {
        repo.file("CONTRIBUTING.md", "# c\n").file("CHANGELOG.md", "# c\n");
        RepositoryFacts facts = commit(".leviathan/backlog.yaml", """
                tasks:
                  - id: write-the-readme
                    title: Write the README
                    allowed_paths: [README.md]
                """);

        ExecutionResult result = propose(facts);

        assertThat(((ExecutionResult.Completed) result).summary()).startsWith("no new proposals");
    }

    @Test
    void makesAtMostTheCapPerRunMostImportantFirstAndTheNextRunTheRest() {
        RepositoryFacts facts = Attempts.facts(repo, Attempts.commitFixture(repo, "repo"));
        BacklogProposeExecutor twoPerRun = new BacklogProposeExecutor(2);

        twoPerRun.execute(Attempts.request(PROPOSE, tree, facts));
        List<String> first = backlog().stream().map(Task::id).toList();
        twoPerRun.execute(Attempts.request(PROPOSE, tree, facts));

        assertThat(first).containsExactly("fix-ci-file-broken", "review-pull-request-target-labeler");
        assertThat(backlog()).extracting(Task::id).containsExactly("fix-ci-file-broken",
                "review-pull-request-target-labeler", "declare-workflow-permissions-ci", "pin-workflow-actions-ci");
    }

    // the file

    @Test
    void onlyTheBacklogChanges() throws Exception {
        RepositoryFacts facts = Attempts.facts(repo, Attempts.commitFixture(repo, "repo"));

        propose(facts);

        Status status = repo.git().status().call();
        assertThat(status.getUntracked()).containsExactly(".leviathan/backlog.yaml");
        assertThat(status.getModified()).isEmpty();
        assertThat(status.getMissing()).isEmpty();
    }

    @Test
    void createsTheBacklogWithAHeaderSayingTheTasksAreProposals() throws Exception {
        RepositoryFacts facts = commit("src/app.py", "print('hi')\n");

        propose(facts);

        assertThat(Files.readString(tree.resolve(".leviathan/backlog.yaml"))).startsWith(
                "# Task proposals made by Leviathan's backlog-propose executor from the facts of commit "
                        + DocsExecutor.shortCommit(facts.commit()) + ".\n"
                        + "# Every proposal starts as ready: false. Read it, edit it as you see fit, and set ready:"
                        + " true to\n# let it run. Tasks you add by hand belong here too.\ntasks:\n  - id: add-readme\n");
    }

    @Test
    void keepsTheExistingBacklogByteForByteAndAddsAfterItsTasks() throws Exception {
        String existing = """
                # Our backlog. Comments matter here.
                tasks:
                    - id: add-faq   # asked for in #12
                      title: Add an FAQ
                      ready: true
                      allowed_paths:
                          - docs/FAQ.md

                # metadata below
                metadata:
                    version: "0.1.0"
                """;
        repo.file("CONTRIBUTING.md", "# c\n").file("CHANGELOG.md", "# c\n");
        RepositoryFacts facts = commit(".leviathan/backlog.yaml", existing);

        propose(facts);

        String after = Files.readString(tree.resolve(".leviathan/backlog.yaml"));
        String split = "          - docs/FAQ.md\n";
        int cut = existing.indexOf(split) + split.length();
        assertThat(after).startsWith(existing.substring(0, cut) + "    - id: add-readme\n      title: Add a README\n")
                .endsWith("          - \"finding:docs-readme\"\n" + existing.substring(cut));
        assertThat(backlog().get(0).contentHash())
                .isEqualTo(TargetFiles.loadBacklog("b", existing).tasks().get(0).contentHash());
    }

    @Test
    void refusesWhenTheBacklogIsOutsideTheAllowedPaths() {
        Task task = Attempts.task("""
                id: propose-tasks
                title: Propose
                allowed_paths: [.leviathan/]
                executor: {type: backlog-propose}
                """);
        Task narrow = Attempts.task("""
                id: propose-tasks
                title: Propose
                allowed_paths: [docs/]
                executor: {type: backlog-propose}
                """);
        RepositoryFacts facts = commit("src/app.py", "print('hi')\n");

        ExecutionResult allowed = new BacklogProposeExecutor().execute(Attempts.request(task, tree, facts));
        ExecutionResult refused = new BacklogProposeExecutor().execute(Attempts.request(narrow, tree, facts));

        assertThat(allowed).isInstanceOf(ExecutionResult.Completed.class);
        assertThat(((ExecutionResult.Failed) refused).kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
        assertThat(((ExecutionResult.Failed) refused).reason()).isEqualTo("the backlog-propose executor writes"
                + " '.leviathan/backlog.yaml', which is outside the task's allowed_paths; add .leviathan/backlog.yaml"
                + " to allowed_paths");
    }

    @Test
    void leavesABacklogThatDoesNotLoadAsItIs() throws Exception {
        String broken = "tasks:\n  - id: Not Kebab\n    title: x\n";
        RepositoryFacts facts = commit(".leviathan/backlog.yaml", broken);

        ExecutionResult result = propose(facts);

        assertThat(((ExecutionResult.Failed) result).kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(((ExecutionResult.Failed) result).reason()).startsWith(".leviathan/backlog.yaml does not load, so"
                + " nothing was proposed; fix it first:\n.leviathan/backlog.yaml:2:");
        assertThat(Files.readString(tree.resolve(".leviathan/backlog.yaml"))).isEqualTo(broken);
    }

    @Test
    void refusesATaskWhoseExecutorIsNotBacklogPropose() {
        Task task = Attempts.task("""
                id: other
                title: Other
                allowed_paths: [.leviathan/backlog.yaml]
                """);
        RepositoryFacts facts = commit("src/app.py", "print('hi')\n");

        ExecutionResult result = new BacklogProposeExecutor().execute(Attempts.request(task, tree, facts));

        assertThat(((ExecutionResult.Failed) result).kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
    }

    @Test
    void writesNothingWhenCancelled() {
        RepositoryFacts facts = commit("src/app.py", "print('hi')\n");

        ExecutionResult result = new BacklogProposeExecutor().execute(Attempts.cancelled(PROPOSE, tree, facts));

        assertThat(((ExecutionResult.Failed) result).kind()).isEqualTo(FailureKind.CANCELLED);
        assertThat(tree.resolve(".leviathan")).doesNotExist();
    }

    @Test
    void refusesProposalsThatWouldKeepTheBacklogFromLoading() throws Exception {
        RepositoryFacts facts = commit("src/app.py", "print('hi')\n");
        String header = "tasks:\n  - id: big\n    title: Big\n    description: ";
        String full = header + "x".repeat(TargetFiles.MAX_FILE_BYTES - header.length() - 1) + "\n";
        Attempts.write(tree.resolve(".leviathan/backlog.yaml"), full);

        ExecutionResult result = propose(facts);

        assertThat(((ExecutionResult.Failed) result).kind()).isEqualTo(FailureKind.INVALID_OUTPUT);
        assertThat(((ExecutionResult.Failed) result).reason()).startsWith(".leviathan/backlog.yaml was not changed:"
                + " with the proposals it would not be the old backlog plus the new tasks: it does not load:");
        assertThat(Files.readString(tree.resolve(".leviathan/backlog.yaml"))).isEqualTo(full);
    }

    // the check before writing

    @Test
    void theCheckRefusesTextThatDoesNotLoad() {
        Proposal proposal = proposal("add-readme");

        Optional<String> wrong = BacklogProposeExecutor.verify("tasks:\n  - id: add-readme\n   title: bad indent\n",
                Optional.empty(), List.of(proposal));

        assertThat(wrong).get().asString().startsWith("it does not load: .leviathan/backlog.yaml:3:");
    }

    @Test
    void theCheckRefusesAnOldTaskThatWouldChange() {
        Backlog old = TargetFiles.loadBacklog("b", "tasks:\n  - id: add-faq\n    title: Add an FAQ\n");

        Optional<String> wrong = BacklogProposeExecutor.verify(
                "tasks:\n  - id: add-faq\n    title: Add an FAQ!\n  - id: add-readme\n    title: Add a README\n"
                        + "    labels: [leviathan-proposal, \"finding:docs-readme\"]\n",
                Optional.of(old), List.of(proposal("add-readme")));

        assertThat(wrong).contains("task 'add-faq' would change");
    }

    @Test
    void theCheckRefusesAProposalThatWouldBeReady() {
        Optional<String> wrong = BacklogProposeExecutor.verify(
                "tasks:\n  - id: add-readme\n    title: Add a README\n    ready: true\n"
                        + "    labels: [leviathan-proposal, \"finding:docs-readme\"]\n",
                Optional.empty(), List.of(proposal("add-readme")));

        assertThat(wrong).contains("proposal 'add-readme' would not read back as written");
    }

    @Test
    void theCheckRefusesALostTask() {
        Backlog old = TargetFiles.loadBacklog("b", "tasks:\n  - id: add-faq\n    title: Add an FAQ\n");

        Optional<String> wrong = BacklogProposeExecutor.verify(
                "tasks:\n  - id: add-readme\n    title: Add a README\n", Optional.of(old), List.of(proposal("add-readme")));

        assertThat(wrong).contains("it has 1 tasks instead of 2");
    }

    private static Proposal proposal(String id) {
        return new Proposal(id, "docs-readme", 5, "Add a README", "No README.", "docs", Priority.MEDIUM, "small",
                List.of("README.md"), List.of("It exists"), Optional.empty());
    }
}
