package dev.leviathan.engine.bootstrap.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.ActionKind;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.ActionUse;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Concurrency;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Environment;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Job;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Matrix;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Permission;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Permissions;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.RunDefaults;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.RunsOn;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Service;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Trigger;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.WorkflowCall;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubWorkflowTest {

    private static final String PATH = ".github/workflows/ci.yml";
    private final CiExtractor extractor = new CiExtractor();

    private GithubWorkflow workflow(String yaml) {
        CiFact fact = extractor.extract(PATH, yaml);
        assertThat(fact).isInstanceOf(GithubWorkflow.class);
        return (GithubWorkflow) fact;
    }

    private Job onlyJob(String yaml) {
        List<Job> jobs = workflow(yaml).jobs();
        assertThat(jobs).hasSize(1);
        return jobs.getFirst();
    }

    static String resource(String name) {
        try (InputStream in = GithubWorkflowTest.class.getResourceAsStream("/bootstrap/ci-workflows/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // --- which files ---

    @Test
    void recognisesWorkflowsDirectlyInTheWorkflowsDirectoryOnly() {
        assertThat(CiExtractor.isCiFile(".github/workflows/ci.yml")).isTrue();
        assertThat(CiExtractor.isCiFile(".github/workflows/release.yaml")).isTrue();
        assertThat(CiExtractor.isCiFile(".github/workflows/nested/ci.yml")).isFalse();
        assertThat(CiExtractor.isCiFile("sub/.github/workflows/ci.yml")).isFalse();
        assertThat(CiExtractor.isCiFile(".github/workflows/README.md")).isFalse();
        assertThat(CiExtractor.isCiFile(".github/workflows/.yml")).isFalse();
        assertThat(CiExtractor.isCiFile(".github/dependabot.yml")).isFalse();
        assertThat(CiExtractor.isCiFile(".github/workflows/ci.yml.disabled")).isFalse();
    }

    // --- name ---

    @Test
    void displaysThePathWhenTheWorkflowHasNoName() {
        GithubWorkflow workflow = workflow("""
                on: push
                jobs: {}
                """);
        assertThat(workflow.name()).isNull();
        assertThat(workflow.displayName()).isEqualTo(PATH);
    }

    @Test
    void keepsNameAndRunNameAsWritten() {
        GithubWorkflow workflow = workflow("""
                name: "CI / build"
                run-name: Deploy to ${{ inputs.deploy_target }} by @${{ github.actor }}
                on: push
                jobs: {}
                """);
        assertThat(workflow.name()).isEqualTo("CI / build");
        assertThat(workflow.displayName()).isEqualTo("CI / build");
        assertThat(workflow.runName()).isEqualTo("Deploy to ${{ inputs.deploy_target }} by @${{ github.actor }}");
    }

    // --- triggers ---

    @Test
    void readsAnUnquotedOnKeyAsTheTriggerKey() {
        GithubWorkflow workflow = workflow("""
                on: push
                jobs: {}
                """);
        assertThat(workflow.triggers()).containsExactly(Trigger.of("push"));
        assertThat(workflow.notes()).isEmpty();
    }

    @Test
    void readsAListOfEvents() {
        GithubWorkflow workflow = workflow("""
                on: [push, pull_request, workflow_dispatch]
                jobs: {}
                """);
        assertThat(workflow.triggers()).extracting(Trigger::event)
                .containsExactly("push", "pull_request", "workflow_dispatch");
    }

    @Test
    void readsABlockListOfEvents() {
        GithubWorkflow workflow = workflow("""
                "on":
                  - push
                  - pull_request
                jobs: {}
                """);
        assertThat(workflow.triggers()).extracting(Trigger::event).containsExactly("push", "pull_request");
    }

    @Test
    void readsAMappingOfEventsWithTheirFilters() {
        GithubWorkflow workflow = workflow("""
                on:
                  push:
                    branches: [main, 'release/**']
                    branches-ignore: ['dependabot/**']
                    tags: ["v*"]
                    tags-ignore: ["v*-rc*"]
                    paths:
                      - 'src/**'
                      - '!src/**/*.md'
                    paths-ignore: [docs/**]
                  pull_request:
                    types: [opened, synchronize]
                    branches: main
                  workflow_dispatch: {}
                  schedule:
                    - cron: "0 0 * * *"
                    - cron: '30 5 * * 1,3'
                jobs: {}
                """);
        List<Trigger> triggers = workflow.triggers();
        assertThat(triggers).extracting(Trigger::event)
                .containsExactly("push", "pull_request", "workflow_dispatch", "schedule");
        Trigger push = triggers.get(0);
        assertThat(push.branches()).containsExactly("main", "release/**");
        assertThat(push.branchesIgnore()).containsExactly("dependabot/**");
        assertThat(push.tags()).containsExactly("v*");
        assertThat(push.tagsIgnore()).containsExactly("v*-rc*");
        assertThat(push.paths()).containsExactly("src/**", "!src/**/*.md");
        assertThat(push.pathsIgnore()).containsExactly("docs/**");
        assertThat(triggers.get(1).types()).containsExactly("opened", "synchronize");
        assertThat(triggers.get(1).branches()).containsExactly("main");
        assertThat(triggers.get(2)).isEqualTo(Trigger.of("workflow_dispatch"));
        assertThat(triggers.get(3).crons()).containsExactly("0 0 * * *", "30 5 * * 1,3");
    }

    @Test
    void readsAFlowMappingOfEvents() {
        GithubWorkflow workflow = workflow("""
                on: {push: {branches: [main]}, workflow_dispatch: {}, schedule: [{cron: "0 0 * * *"}]}
                jobs: {}
                """);
        assertThat(workflow.triggers()).extracting(Trigger::event).containsExactly("push", "workflow_dispatch", "schedule");
        assertThat(workflow.triggers().get(0).branches()).containsExactly("main");
        assertThat(workflow.triggers().get(2).crons()).containsExactly("0 0 * * *");
    }

    @Test
    void readsAnEventWithoutValueAsAnEventWithoutFilters() {
        GithubWorkflow workflow = workflow("""
                on:
                  push:
                  pull_request_target:
                    types: [labeled]
                jobs: {}
                """);
        assertThat(workflow.triggers().get(0)).isEqualTo(Trigger.of("push"));
        assertThat(workflow.triggers().get(1).types()).containsExactly("labeled");
    }

    @Test
    void keepsTheNamesOfWorkflowCallInputsSecretsAndOutputs() {
        GithubWorkflow workflow = workflow("""
                on:
                  workflow_call:
                    inputs:
                      environment:
                        required: true
                        type: string
                      dry-run: {type: boolean, default: false}
                    secrets:
                      DEPLOY_TOKEN:
                        required: true
                    outputs:
                      url:
                        value: ${{ jobs.deploy.outputs.url }}
                jobs: {}
                """);
        Trigger call = workflow.triggers().getFirst();
        assertThat(call.inputs()).containsExactly("environment", "dry-run");
        assertThat(call.secrets()).containsExactly("DEPLOY_TOKEN");
        assertThat(call.outputs()).containsExactly("url");
    }

    @Test
    void keepsTheNamesOfWorkflowDispatchInputsInOrder() {
        GithubWorkflow workflow = workflow("""
                on:
                  workflow_dispatch:
                    inputs:
                      version:
                        description: 'Version to release'
                        required: true
                      prerelease:
                        type: boolean
                jobs: {}
                """);
        assertThat(workflow.triggers().getFirst().inputs()).containsExactly("version", "prerelease");
    }

    @Test
    void keepsTheWorkflowsOfWorkflowRun() {
        GithubWorkflow workflow = workflow("""
                on:
                  workflow_run:
                    workflows: ["Build", Test]
                    types: [completed]
                    branches: [main]
                jobs: {}
                """);
        Trigger run = workflow.triggers().getFirst();
        assertThat(run.workflows()).containsExactly("Build", "Test");
        assertThat(run.types()).containsExactly("completed");
    }

    @Test
    void readsAKeyThatIsTheBooleanTrueAsOnAndNotesIt() {
        // What PyYAML writes back after reading "on:" as YAML 1.1's true.
        GithubWorkflow workflow = workflow("""
                name: CI
                true:
                  push:
                    branches: [main]
                jobs: {}
                """);
        assertThat(workflow.triggers()).extracting(Trigger::event).containsExactly("push");
        assertThat(workflow.triggers().getFirst().branches()).containsExactly("main");
        assertThat(workflow.notes()).singleElement().asString().contains("\"true\" at line 2 read as \"on\"");
    }

    @Test
    void prefersOnOverATrueKeyAndNotesTheIgnoredOne() {
        GithubWorkflow workflow = workflow("""
                'true': [pull_request]
                on: [push]
                jobs: {}
                """);
        assertThat(workflow.triggers()).extracting(Trigger::event).containsExactly("push");
        assertThat(workflow.notes()).singleElement().asString().contains("ignored");
    }

    @Test
    void notesAWorkflowWithoutTriggers() {
        GithubWorkflow workflow = workflow("""
                name: orphan
                jobs: {}
                """);
        assertThat(workflow.triggers()).isEmpty();
        assertThat(workflow.notes()).containsExactly("no \"on\" key: the workflow has no trigger");
    }

    // --- top-level settings ---

    @Test
    void readsPermissionsGivenAsAPreset() {
        GithubWorkflow workflow = workflow("""
                on: push
                permissions: read-all
                jobs: {}
                """);
        assertThat(workflow.permissions()).isEqualTo(new Permissions("read-all", List.of()));
    }

    @Test
    void readsPermissionsGivenAsScopes() {
        GithubWorkflow workflow = workflow("""
                on: push
                permissions:
                  contents: read
                  id-token: write
                  pull-requests: write
                jobs: {}
                """);
        assertThat(workflow.permissions()).isEqualTo(new Permissions(null, List.of(new Permission("contents", "read"),
                new Permission("id-token", "write"), new Permission("pull-requests", "write"))));
    }

    @Test
    void readsEmptyPermissionsAsNoScopeAndAbsentAsNull() {
        assertThat(workflow("on: push\npermissions: {}\njobs: {}\n").permissions())
                .isEqualTo(new Permissions(null, List.of()));
        assertThat(workflow("on: push\njobs: {}\n").permissions()).isNull();
    }

    @Test
    void keepsEnvNamesButNotValues() {
        GithubWorkflow workflow = workflow("""
                on: push
                env:
                  CARGO_TERM_COLOR: always
                  RUST_BACKTRACE: 1
                  TOKEN: ${{ secrets.TOKEN }}
                jobs: {}
                """);
        assertThat(workflow.env()).containsExactly("CARGO_TERM_COLOR", "RUST_BACKTRACE", "TOKEN");
    }

    @Test
    void readsConcurrencyInBothShapes() {
        assertThat(workflow("on: push\nconcurrency: ci-${{ github.ref }}\njobs: {}\n").concurrency())
                .isEqualTo(new Concurrency("ci-${{ github.ref }}", null));
        assertThat(workflow("""
                on: push
                concurrency:
                  group: ${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}
                  cancel-in-progress: ${{ github.event_name == 'pull_request' }}
                jobs: {}
                """).concurrency()).isEqualTo(new Concurrency(
                "${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}",
                "${{ github.event_name == 'pull_request' }}"));
    }

    @Test
    void readsRunDefaults() {
        GithubWorkflow workflow = workflow("""
                on: push
                defaults:
                  run:
                    shell: bash
                    working-directory: ./web
                jobs: {}
                """);
        assertThat(workflow.defaults()).isEqualTo(new RunDefaults("bash", "./web"));
    }

    // --- jobs ---

    @Test
    void keepsJobsInTheFilesOrder() {
        GithubWorkflow workflow = workflow("""
                on: push
                jobs:
                  zeta: {runs-on: ubuntu-latest, steps: [{run: echo}]}
                  alpha: {runs-on: ubuntu-latest, steps: [{run: echo}]}
                  mid: {runs-on: ubuntu-latest, steps: [{run: echo}]}
                """);
        assertThat(workflow.jobs()).extracting(Job::id).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void readsRunsOnAsALabel() {
        Job job = onlyJob("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-22.04
                """);
        assertThat(job.runsOn()).isEqualTo(new RunsOn(List.of("ubuntu-22.04"), null));
    }

    @Test
    void readsRunsOnAsAListOfLabels() {
        Job job = onlyJob("""
                on: push
                jobs:
                  build:
                    runs-on: [self-hosted, linux, x64]
                """);
        assertThat(job.runsOn()).isEqualTo(new RunsOn(List.of("self-hosted", "linux", "x64"), null));
    }

    @Test
    void readsRunsOnAsAGroupWithLabels() {
        Job job = onlyJob("""
                on: push
                jobs:
                  build:
                    runs-on:
                      group: ubuntu-runners
                      labels: ubuntu-20.04-16core
                """);
        assertThat(job.runsOn()).isEqualTo(new RunsOn(List.of("ubuntu-20.04-16core"), "ubuntu-runners"));
    }

    @Test
    void keepsARunsOnExpressionAsText() {
        Job job = onlyJob("""
                on: push
                jobs:
                  test:
                    strategy:
                      matrix:
                        os: [ubuntu-latest, windows-latest, macos-latest]
                        node: [18, 20]
                        include:
                          - os: ubuntu-latest
                            experimental: true
                    runs-on: ${{ matrix.os }}
                """);
        assertThat(job.runsOn()).isEqualTo(new RunsOn(List.of("${{ matrix.os }}"), null));
        assertThat(job.matrix()).isEqualTo(new Matrix(List.of("os", "node"), true, false, null));
    }

    @Test
    void keepsAMatrixGivenAsOneExpression() {
        Job job = onlyJob("""
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    strategy:
                      fail-fast: false
                      matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}
                """);
        assertThat(job.matrix()).isEqualTo(new Matrix(List.of(), false, false, "${{ fromJSON(needs.plan.outputs.matrix) }}"));
    }

    @Test
    void readsNeedsAsOneJobOrAList() {
        GithubWorkflow workflow = workflow("""
                on: push
                jobs:
                  build: {runs-on: ubuntu-latest}
                  test:
                    runs-on: ubuntu-latest
                    needs: build
                  deploy:
                    runs-on: ubuntu-latest
                    needs: [build, test]
                """);
        assertThat(workflow.jobs()).extracting(Job::needs)
                .containsExactly(List.of(), List.of("build"), List.of("build", "test"));
    }

    @Test
    void keepsConditionsEnvironmentsAndJobPermissionsAsWritten() {
        Job job = onlyJob("""
                on: push
                jobs:
                  deploy:
                    name: Deploy ${{ matrix.env }}
                    if: github.ref == 'refs/heads/main' && !cancelled()
                    runs-on: ubuntu-latest
                    permissions:
                      deployments: write
                    environment:
                      name: production
                      url: ${{ steps.deploy.outputs.url }}
                """);
        assertThat(job.name()).isEqualTo("Deploy ${{ matrix.env }}");
        assertThat(job.condition()).isEqualTo("github.ref == 'refs/heads/main' && !cancelled()");
        assertThat(job.permissions()).isEqualTo(new Permissions(null, List.of(new Permission("deployments", "write"))));
        assertThat(job.environment()).isEqualTo(new Environment("production", "${{ steps.deploy.outputs.url }}"));
    }

    @Test
    void keepsABooleanConditionAndAStringEnvironmentAsText() {
        Job job = onlyJob("""
                on: push
                jobs:
                  skipped:
                    if: false
                    runs-on: ubuntu-latest
                    environment: staging
                """);
        assertThat(job.condition()).isEqualTo("false");
        assertThat(job.environment()).isEqualTo(new Environment("staging", null));
    }

    @Test
    void readsContainerAndServiceImages() {
        Job job = onlyJob("""
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    container:
                      image: node:20-bookworm
                      options: --cpus 1
                    services:
                      postgres:
                        image: postgres:16
                        env:
                          POSTGRES_PASSWORD: postgres
                      redis:
                        image: redis
                """);
        assertThat(job.container()).isEqualTo("node:20-bookworm");
        assertThat(job.services()).containsExactly(new Service("postgres", "postgres:16"), new Service("redis", "redis"));
    }

    @Test
    void readsAContainerGivenAsAString() {
        Job job = onlyJob("""
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    container: ghcr.io/owner/image:latest
                """);
        assertThat(job.container()).isEqualTo("ghcr.io/owner/image:latest");
    }

    // --- steps and actions ---

    @Test
    void countsStepsAndTakesApartTheActionsTheyUse() {
        Job job = onlyJob("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                        with:
                          fetch-depth: 0
                      - name: Restore
                        uses: actions/cache/restore@0c45773b623bea8c8e75f6c82b208c3cf94ea4f9 # v4.0.2
                      - uses: ./.github/actions/setup
                      - uses: docker://ghcr.io/owner/linter:1.2
                      - uses: docker://alpine@sha256:ab12
                      - run: make test
                """);
        assertThat(job.steps()).isEqualTo(6);
        assertThat(job.actions()).containsExactly(
                new ActionUse(ActionKind.REPOSITORY, "actions/checkout", "v4"),
                new ActionUse(ActionKind.REPOSITORY, "actions/cache/restore", "0c45773b623bea8c8e75f6c82b208c3cf94ea4f9"),
                new ActionUse(ActionKind.LOCAL, "./.github/actions/setup", null),
                new ActionUse(ActionKind.DOCKER, "ghcr.io/owner/linter", "1.2"),
                new ActionUse(ActionKind.DOCKER, "alpine", "sha256:ab12"));
        assertThat(job.actions().get(1).repository()).isEqualTo("actions/cache");
    }

    @Test
    void readsTheTagOfADockerImageFromARegistryWithAPort() {
        Job job = onlyJob("""
                on: push
                jobs:
                  lint:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker://localhost:5000/tools/lint
                      - uses: docker://localhost:5000/tools/lint:2
                      - uses: docker://rhysd/actionlint:1.7.9@sha256:a038
                """);
        assertThat(job.actions()).containsExactly(new ActionUse(ActionKind.DOCKER, "localhost:5000/tools/lint", null),
                new ActionUse(ActionKind.DOCKER, "localhost:5000/tools/lint", "2"),
                // Pinned by the digest; the tag beside it is only a label.
                new ActionUse(ActionKind.DOCKER, "rhysd/actionlint", "sha256:a038"));
    }

    @Test
    void summarisesEveryDistinctActionWithItsVersionSorted() {
        GithubWorkflow workflow = workflow("""
                on: push
                jobs:
                  lint:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/setup-node@v4
                      - uses: actions/checkout@v4
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v3
                      - uses: actions/checkout@v4
                      - uses: ./.github/actions/setup
                """);
        assertThat(workflow.actions()).containsExactly(
                new ActionUse(ActionKind.LOCAL, "./.github/actions/setup", null),
                new ActionUse(ActionKind.REPOSITORY, "actions/checkout", "v3"),
                new ActionUse(ActionKind.REPOSITORY, "actions/checkout", "v4"),
                new ActionUse(ActionKind.REPOSITORY, "actions/setup-node", "v4"));
    }

    @Test
    void keepsAnActionWithoutRefWithANullRef() {
        Job job = onlyJob("""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: 'octo/action'
                      - uses: ./
                """);
        assertThat(job.actions()).containsExactly(new ActionUse(ActionKind.REPOSITORY, "octo/action", null),
                new ActionUse(ActionKind.LOCAL, "./", null));
    }

    // --- reusable workflows ---

    @Test
    void readsAJobThatCallsARemoteReusableWorkflow() {
        Job job = onlyJob("""
                on: push
                jobs:
                  release:
                    uses: octo-org/shared/.github/workflows/release.yml@v1.2.0
                    with:
                      environment: production
                      dry-run: false
                    secrets:
                      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
                """);
        assertThat(job.runsOn()).isNull();
        assertThat(job.steps()).isZero();
        assertThat(job.call()).isEqualTo(new WorkflowCall("octo-org/shared/.github/workflows/release.yml@v1.2.0", false,
                "octo-org/shared", ".github/workflows/release.yml", "v1.2.0", List.of("environment", "dry-run"),
                List.of("NPM_TOKEN"), false));
    }

    @Test
    void readsAJobThatCallsALocalReusableWorkflowInheritingSecrets() {
        Job job = onlyJob("""
                on: push
                jobs:
                  test:
                    uses: ./.github/workflows/test.yml
                    secrets: inherit
                """);
        assertThat(job.call()).isEqualTo(new WorkflowCall("./.github/workflows/test.yml", true, null,
                ".github/workflows/test.yml", null, List.of(), List.of(), true));
    }

    @Test
    void doesNotCountReusableWorkflowsAsActions() {
        GithubWorkflow workflow = workflow("""
                on: push
                jobs:
                  call:
                    uses: ./.github/workflows/test.yml
                """);
        assertThat(workflow.actions()).isEmpty();
    }

    // --- YAML ---

    @Test
    void resolvesAnchorsAndAliases() {
        GithubWorkflow workflow = workflow("""
                on: push
                jobs:
                  test:
                    runs-on: &runner [self-hosted, gpu]
                    steps: &steps
                      - uses: actions/checkout@v4
                      - run: make test
                  bench:
                    runs-on: *runner
                    steps: *steps
                """);
        assertThat(workflow.jobs().get(1).runsOn().labels()).containsExactly("self-hosted", "gpu");
        assertThat(workflow.jobs().get(1).steps()).isEqualTo(2);
    }

    @Test
    void resolvesMergeKeys() {
        GithubWorkflow workflow = workflow("""
                on: push
                jobs:
                  base: &base
                    runs-on: ubuntu-latest
                    timeout-minutes: 10
                  other:
                    <<: *base
                    name: other
                """);
        assertThat(workflow.jobs().get(1).runsOn().labels()).containsExactly("ubuntu-latest");
        assertThat(workflow.jobs().get(1).name()).isEqualTo("other");
    }

    @Test
    void readsAFileWithWindowsLineEndingsAndAByteOrderMark() {
        GithubWorkflow workflow = workflow("\uFEFFname: CI\r\non: [push]\r\njobs:\r\n  build:\r\n    runs-on: ubuntu-latest\r\n");
        assertThat(workflow.name()).isEqualTo("CI");
        assertThat(workflow.jobs()).extracting(Job::id).containsExactly("build");
    }

    @Test
    void givesTheSameFactsFromManyThreadsAtOnce() {
        String yaml = resource("release.yml");
        GithubWorkflow expected = workflow(yaml);
        List<CiFact> facts = java.util.stream.IntStream.range(0, 200).parallel()
                .mapToObj(i -> extractor.extract(PATH, yaml)).toList();
        assertThat(facts).allMatch(expected::equals);
    }

    @Test
    void readsARealisticWorkflow() {
        GithubWorkflow workflow = (GithubWorkflow) extractor.extract(".github/workflows/release.yml",
                resource("release.yml"));
        assertThat(workflow.name()).isEqualTo("Release");
        assertThat(workflow.triggers()).extracting(Trigger::event).containsExactly("push", "workflow_dispatch");
        assertThat(workflow.triggers().getFirst().tags()).containsExactly("v[0-9]+.[0-9]+.[0-9]+*");
        assertThat(workflow.jobs()).extracting(Job::id).containsExactly("build", "publish", "docs");
        assertThat(workflow.jobs().get(0).matrix().dimensions()).containsExactly("target");
        assertThat(workflow.jobs().get(1).needs()).containsExactly("build");
        assertThat(workflow.jobs().get(2).call().ref()).isEqualTo("main");
        assertThat(workflow.actions()).extracting(a -> a.name() + "@" + a.ref()).containsExactly(
                "actions/checkout@v4", "actions/download-artifact@v4", "actions/upload-artifact@v4",
                "dtolnay/rust-toolchain@stable", "softprops/action-gh-release@v2");
    }
}
