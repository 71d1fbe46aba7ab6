package dev.leviathan.engine.bootstrap.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.ci.GitlabPipeline.Include;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline.IncludeKind;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline.Job;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline.Need;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline.Trigger;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline.TriggerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitlabPipelineTest {

    private static final String PATH = ".gitlab-ci.yml";
    private final CiExtractor extractor = new CiExtractor();

    private GitlabPipeline pipeline(String yaml) {
        CiFact fact = extractor.extract(PATH, yaml);
        assertThat(fact).isInstanceOf(GitlabPipeline.class);
        return (GitlabPipeline) fact;
    }

    private static Job job(GitlabPipeline pipeline, String name) {
        return pipeline.jobs().stream().filter(job -> job.name().equals(name)).findFirst().orElseThrow();
    }

    private static Include local(String target) {
        return new Include(IncludeKind.LOCAL, target, null, null, null);
    }

    @Test
    void recognisesOnlyTheRootGitlabCiFile() {
        assertThat(CiExtractor.isCiFile(".gitlab-ci.yml")).isTrue();
        assertThat(CiExtractor.isCiFile("sub/.gitlab-ci.yml")).isFalse();
        assertThat(CiExtractor.isCiFile(".gitlab-ci.yaml")).isFalse();
        assertThat(CiExtractor.isCiFile("ci/.gitlab/build.yml")).isFalse();
    }

    // --- stages ---

    @Test
    void usesGitlabsDefaultStagesWhenNoneAreDeclared() {
        GitlabPipeline pipeline = pipeline("""
                test:
                  script: make test
                """);
        assertThat(pipeline.stages()).containsExactly(".pre", "build", "test", "deploy", ".post");
        assertThat(pipeline.declaredStages()).isEmpty();
    }

    @Test
    void addsPreAndPostAroundDeclaredStages() {
        GitlabPipeline pipeline = pipeline("""
                stages:
                  - lint
                  - build
                  - release
                lint:
                  stage: lint
                  script: make lint
                """);
        assertThat(pipeline.declaredStages()).containsExactly("lint", "build", "release");
        assertThat(pipeline.stages()).containsExactly(".pre", "lint", "build", "release", ".post");
    }

    @Test
    void readsTheOldTypesKeywordAsStages() {
        GitlabPipeline pipeline = pipeline("""
                types: [build, test]
                build: {script: make}
                """);
        assertThat(pipeline.declaredStages()).containsExactly("build", "test");
        assertThat(pipeline.jobs()).extracting(Job::name).containsExactly("build");
        assertThat(pipeline.notes()).singleElement().asString().contains("types");
    }

    @Test
    void givesAJobWithoutStageTheTestStage() {
        GitlabPipeline pipeline = pipeline("""
                stages: [build, test]
                compile:
                  stage: build
                  script: make
                unit:
                  script: make test
                """);
        assertThat(pipeline.jobs()).extracting(Job::stage).containsExactly("build", "test");
    }

    // --- includes ---

    @Test
    void readsAnIncludeGivenAsOneString() {
        assertThat(pipeline("include: '/templates/.gitlab-ci-common.yml'\nbuild: {script: make}\n").includes())
                .containsExactly(local("/templates/.gitlab-ci-common.yml"));
    }

    @Test
    void readsAStringUrlIncludeAsRemote() {
        assertThat(pipeline("include: https://example.com/ci/common.yml\nbuild: {script: make}\n").includes())
                .containsExactly(new Include(IncludeKind.REMOTE, "https://example.com/ci/common.yml", null, null, null));
    }

    @Test
    void readsAListOfStringIncludes() {
        assertThat(pipeline("""
                include:
                  - ci/build.yml
                  - 'ci/*.gitlab-ci.yml'
                build: {script: make}
                """).includes()).containsExactly(local("ci/build.yml"), local("ci/*.gitlab-ci.yml"));
    }

    @Test
    void readsEveryKindOfIncludeMapping() {
        GitlabPipeline pipeline = pipeline("""
                include:
                  - local: /ci/lint.yml
                    rules:
                      - if: $CI_COMMIT_BRANCH
                  - project: my-group/ci-templates
                    ref: v2.1.0
                    file:
                      - /templates/build.yml
                      - /templates/deploy.yml
                  - project: 'other/project'
                    file: '/single.yml'
                  - remote: 'https://gitlab.com/example/raw/main/.gitlab-ci.yml'
                  - template: Security/SAST.gitlab-ci.yml
                  - component: $CI_SERVER_FQDN/my-org/security-components/secret-detection@1.0
                    inputs:
                      stage: test
                build: {script: make}
                """);
        assertThat(pipeline.includes()).containsExactly(
                local("/ci/lint.yml"),
                new Include(IncludeKind.PROJECT, "/templates/build.yml", "my-group/ci-templates", "v2.1.0", null),
                new Include(IncludeKind.PROJECT, "/templates/deploy.yml", "my-group/ci-templates", "v2.1.0", null),
                new Include(IncludeKind.PROJECT, "/single.yml", "other/project", null, null),
                new Include(IncludeKind.REMOTE, "https://gitlab.com/example/raw/main/.gitlab-ci.yml", null, null, null),
                new Include(IncludeKind.TEMPLATE, "Security/SAST.gitlab-ci.yml", null, null, null),
                new Include(IncludeKind.COMPONENT, "$CI_SERVER_FQDN/my-org/security-components/secret-detection", null,
                        "1.0", null));
    }

    @Test
    void readsAnIncludeGivenAsOneMapping() {
        assertThat(pipeline("include:\n  template: Auto-DevOps.gitlab-ci.yml\n").includes())
                .containsExactly(new Include(IncludeKind.TEMPLATE, "Auto-DevOps.gitlab-ci.yml", null, null, null));
    }

    // --- globals ---

    @Test
    void readsDefaultsVariablesAndWorkflow() {
        GitlabPipeline pipeline = pipeline("""
                default:
                  image: ruby:3.3
                  before_script: [bundle install]
                  interruptible: true
                variables:
                  RAILS_ENV: test
                  DOCKER_DRIVER:
                    value: overlay2
                    description: storage driver
                workflow:
                  name: 'Pipeline for $CI_COMMIT_BRANCH'
                  rules:
                    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                rspec: {script: bundle exec rspec}
                """);
        assertThat(pipeline.defaultImage()).isEqualTo("ruby:3.3");
        assertThat(pipeline.defaultKeys()).containsExactly("image", "before_script", "interruptible");
        assertThat(pipeline.variables()).containsExactly("RAILS_ENV", "DOCKER_DRIVER");
        assertThat(pipeline.workflowRules()).isTrue();
        assertThat(pipeline.workflowName()).isEqualTo("Pipeline for $CI_COMMIT_BRANCH");
    }

    @Test
    void takesTheDefaultImageFromTheOldTopLevelImage() {
        GitlabPipeline pipeline = pipeline("""
                image:
                  name: alpine:3.19
                  entrypoint: [""]
                services: [docker:dind]
                before_script: [apk add make]
                cache: {paths: [.cache]}
                build: {script: make}
                """);
        assertThat(pipeline.defaultImage()).isEqualTo("alpine:3.19");
        assertThat(pipeline.workflowRules()).isFalse();
        assertThat(pipeline.jobs()).extracting(Job::name).containsExactly("build");
    }

    // --- jobs ---

    @Test
    void listsEveryNonReservedKeyAsAJobAndHiddenKeysAsTemplates() {
        GitlabPipeline pipeline = pipeline("""
                stages: [build, deploy]
                variables: {A: b}
                .base:
                  image: node:20
                build:
                  extends: .base
                  stage: build
                  script: npm run build
                pages:
                  stage: deploy
                  script: mv dist public
                  artifacts: {paths: [public]}
                .deploy_template: &deploy
                  stage: deploy
                """);
        assertThat(pipeline.jobs()).extracting(Job::name).containsExactly("build", "pages");
        assertThat(pipeline.templates()).containsExactly(".base", ".deploy_template");
    }

    @Test
    void readsAJobNamedDefaultOrWorkflowOnlyWhenItHasAScript() {
        GitlabPipeline pipeline = pipeline("""
                default:
                  image: alpine
                workflow:
                  script: echo "a job called workflow"
                """);
        assertThat(pipeline.jobs()).extracting(Job::name).containsExactly("workflow");
        assertThat(pipeline.defaultImage()).isEqualTo("alpine");
        assertThat(pipeline.workflowRules()).isFalse();
    }

    @Test
    void readsTheFieldsOfAJob() {
        GitlabPipeline pipeline = pipeline("""
                deploy:
                  stage: deploy
                  image:
                    name: bitnami/kubectl:1.29
                    entrypoint: ['']
                  needs:
                    - build
                    - job: test
                      artifacts: false
                    - job: lint
                      optional: true
                    - project: group/other
                      job: package
                      ref: main
                    - pipeline: $PARENT_PIPELINE_ID
                      job: generate
                  dependencies: [build]
                  rules:
                    - if: $CI_COMMIT_TAG
                  when: manual
                  environment:
                    name: production/$CI_COMMIT_REF_SLUG
                    url: https://example.com
                  tags: [k8s, deploy]
                  script: kubectl apply -f k8s/
                """);
        Job deploy = pipeline.jobs().getFirst();
        assertThat(deploy.stage()).isEqualTo("deploy");
        assertThat(deploy.image()).isEqualTo("bitnami/kubectl:1.29");
        assertThat(deploy.needs()).containsExactly(
                new Need("build", null, null, null, false),
                new Need("test", null, null, null, false),
                new Need("lint", null, null, null, true),
                new Need("package", "group/other", "main", null, false),
                new Need("generate", null, null, "$PARENT_PIPELINE_ID", false));
        assertThat(deploy.dependencies()).containsExactly("build");
        assertThat(deploy.rules()).isTrue();
        assertThat(deploy.only()).isFalse();
        assertThat(deploy.except()).isFalse();
        assertThat(deploy.when()).isEqualTo("manual");
        assertThat(deploy.environment()).isEqualTo("production/$CI_COMMIT_REF_SLUG");
        assertThat(deploy.tags()).containsExactly("k8s", "deploy");
        assertThat(deploy.trigger()).isNull();
    }

    @Test
    void distinguishesNoNeedsFromAnEmptyNeedsList() {
        GitlabPipeline pipeline = pipeline("""
                early:
                  needs: []
                  dependencies: []
                  script: echo now
                late:
                  script: echo later
                """);
        assertThat(job(pipeline, "early").needs()).isEmpty();
        assertThat(job(pipeline, "early").dependencies()).isEmpty();
        assertThat(job(pipeline, "late").needs()).isNull();
        assertThat(job(pipeline, "late").dependencies()).isNull();
    }

    @Test
    void readsOnlyAndExceptAndAStringEnvironment() {
        Job job = pipeline("""
                review:
                  script: deploy
                  only: [merge_requests]
                  except:
                    variables: [$SKIP_REVIEW]
                  environment: review/$CI_COMMIT_REF_NAME
                """).jobs().getFirst();
        assertThat(job.only()).isTrue();
        assertThat(job.except()).isTrue();
        assertThat(job.rules()).isFalse();
        assertThat(job.environment()).isEqualTo("review/$CI_COMMIT_REF_NAME");
    }

    @Test
    void readsExtendsAsAStringOrAList() {
        GitlabPipeline pipeline = pipeline("""
                .a: {image: a}
                .b: {tags: [b]}
                one: {extends: .a, script: x}
                two: {extends: [.a, .b], script: x}
                """);
        assertThat(job(pipeline, "one").extendsFrom()).containsExactly(".a");
        assertThat(job(pipeline, "two").extendsFrom()).containsExactly(".a", ".b");
    }

    @Test
    void inheritsThroughExtendsWithTheJobsOwnKeysWinning() {
        GitlabPipeline pipeline = pipeline("""
                .base:
                  stage: build
                  image: gcc:13
                  tags: [linux]
                  rules:
                    - if: $CI_COMMIT_BRANCH
                .arm:
                  extends: .base
                  tags: [arm64]
                compile-arm:
                  extends: .arm
                  script: make
                compile-x86:
                  extends: .base
                  image: gcc:14
                  script: make
                """);
        Job arm = job(pipeline, "compile-arm");
        assertThat(arm.stage()).isEqualTo("build");
        assertThat(arm.image()).isEqualTo("gcc:13");
        assertThat(arm.tags()).containsExactly("arm64");
        assertThat(arm.rules()).isTrue();
        Job x86 = job(pipeline, "compile-x86");
        assertThat(x86.image()).isEqualTo("gcc:14");
        assertThat(x86.tags()).containsExactly("linux");
    }

    @Test
    void mergesMappingsDeeplyThroughExtendsAndLaterBasesWin() {
        GitlabPipeline pipeline = pipeline("""
                .env-staging:
                  environment: {name: staging, url: https://staging.example.com}
                .env-prod:
                  stage: deploy
                  environment: {name: production}
                deploy:
                  extends: [.env-staging, .env-prod]
                  script: deploy
                """);
        Job deploy = pipeline.jobs().getFirst();
        assertThat(deploy.environment()).isEqualTo("production");
        assertThat(deploy.stage()).isEqualTo("deploy");
    }

    @Test
    void notesAnExtendsTargetDefinedInAnotherFile() {
        GitlabPipeline pipeline = pipeline("""
                include: ci/templates.yml
                build:
                  extends: .from-include
                  script: make
                """);
        assertThat(pipeline.jobs().getFirst().stage()).isEqualTo("test");
        assertThat(pipeline.notes()).containsExactly("\"build\" extends \".from-include\", which this file does not define");
    }

    @Test
    void notesCircularExtendsInsteadOfLooping() {
        GitlabPipeline pipeline = pipeline("""
                .a: {extends: .b, stage: a}
                .b: {extends: .a}
                job: {extends: .a, script: x}
                """);
        assertThat(pipeline.jobs().getFirst().stage()).isEqualTo("a");
        assertThat(pipeline.notes()).anyMatch(note -> note.contains("circular"));
    }

    @Test
    void readsChildAndMultiProjectTriggers() {
        GitlabPipeline pipeline = pipeline("""
                downstream:
                  trigger: my-group/deployer
                multi:
                  trigger:
                    project: my-group/other
                    branch: stable
                    strategy: depend
                child:
                  trigger:
                    include:
                      - local: ci/child.yml
                      - artifact: generated-config.yml
                        job: generate-config
                    strategy: depend
                """);
        assertThat(job(pipeline, "downstream").trigger())
                .isEqualTo(new Trigger(TriggerKind.MULTI_PROJECT, "my-group/deployer", null, null, List.of()));
        assertThat(job(pipeline, "multi").trigger())
                .isEqualTo(new Trigger(TriggerKind.MULTI_PROJECT, "my-group/other", "stable", "depend", List.of()));
        assertThat(job(pipeline, "child").trigger()).isEqualTo(new Trigger(TriggerKind.CHILD, null, null, "depend",
                List.of(local("ci/child.yml"),
                        new Include(IncludeKind.ARTIFACT, "generated-config.yml", null, null, "generate-config"))));
    }

    @Test
    void readsAnEmptyJobAsAJobWithDefaults() {
        Job job = pipeline("placeholder:\n").jobs().getFirst();
        assertThat(job.stage()).isEqualTo("test");
        assertThat(job.needs()).isNull();
        assertThat(job.tags()).isEmpty();
    }

    // --- YAML features GitLab files lean on ---

    @Test
    void resolvesAnchorsAliasesAndMergeKeys() {
        GitlabPipeline pipeline = pipeline("""
                .docker: &docker
                  image: docker:24
                  services: [docker:24-dind]
                  tags: [docker]
                .rules: &on-main
                  - if: $CI_COMMIT_BRANCH == "main"
                build-image:
                  <<: *docker
                  stage: build
                  rules: *on-main
                  script: docker build .
                push-image:
                  <<: *docker
                  tags: [docker, privileged]
                  script: docker push
                """);
        Job build = job(pipeline, "build-image");
        assertThat(build.image()).isEqualTo("docker:24");
        assertThat(build.stage()).isEqualTo("build");
        assertThat(build.rules()).isTrue();
        assertThat(build.tags()).containsExactly("docker");
        assertThat(job(pipeline, "push-image").tags()).containsExactly("docker", "privileged");
    }

    @Test
    void mergesAListOfMappingsWithTheFirstWinning() {
        GitlabPipeline pipeline = pipeline("""
                .a: &a {image: from-a, stage: a}
                .b: &b {image: from-b, when: manual}
                job:
                  <<: [*a, *b]
                  script: x
                """);
        Job job = pipeline.jobs().getFirst();
        assertThat(job.image()).isEqualTo("from-a");
        assertThat(job.stage()).isEqualTo("a");
        assertThat(job.when()).isEqualTo("manual");
    }

    @Test
    void letsMergedKeysOverrideKeysWrittenBeforeTheMergeAsRubyDoes() {
        GitlabPipeline pipeline = pipeline("""
                .a: &a {stage: merged}
                before:
                  stage: own
                  <<: *a
                  script: x
                after:
                  <<: *a
                  stage: own
                  script: x
                """);
        assertThat(job(pipeline, "before").stage()).isEqualTo("merged");
        assertThat(job(pipeline, "after").stage()).isEqualTo("own");
    }

    @Test
    void toleratesReferenceTagsAndKeepsThemAsText() {
        GitlabPipeline pipeline = pipeline("""
                .setup:
                  script:
                    - apt-get update
                  rules:
                    - if: $CI_MERGE_REQUEST_ID
                  image: python:3.12
                test:
                  image: !reference [.setup, image]
                  rules: !reference [.setup, rules]
                  needs:
                    - !reference [.setup, needs]
                    - lint
                  script:
                    - !reference [.setup, script]
                    - pytest
                lint:
                  script: ruff check
                """);
        Job test = job(pipeline, "test");
        assertThat(test.image()).isEqualTo("!reference [.setup, image]");
        assertThat(test.rules()).isTrue();
        assertThat(test.needs()).extracting(Need::job).containsExactly("!reference [.setup, needs]", "lint");
    }

    @Test
    void mergesJobsIntoTheRootThroughAMergeKey() {
        GitlabPipeline pipeline = pipeline("""
                .shared-jobs: &shared
                  lint: {script: make lint}
                  audit: {script: make audit}
                <<: *shared
                build: {script: make}
                """);
        assertThat(pipeline.jobs()).extracting(Job::name).containsExactly("lint", "audit", "build");
    }

    @Test
    void readsOnlyTheFirstDocumentWithoutAHeaderAndNotesTheRest() {
        GitlabPipeline pipeline = pipeline("build: {script: make}\n---\nother: {script: x}\n");
        assertThat(pipeline.jobs()).extracting(Job::name).containsExactly("build");
        assertThat(pipeline.notes()).containsExactly("1 YAML document(s) after the pipeline ignored");
    }

    @Test
    void readsThePipelineAfterASpecHeader() {
        GitlabPipeline pipeline = pipeline("""
                spec:
                  inputs:
                    environment:
                      default: staging
                    job-stage:
                      default: test
                ---
                scan:
                  stage: $[[ inputs.job-stage ]]
                  script: ./scan --env $[[ inputs.environment ]]
                """);
        assertThat(pipeline.inputs()).containsExactly("environment", "job-stage");
        assertThat(pipeline.jobs()).extracting(Job::name).containsExactly("scan");
        assertThat(pipeline.jobs().getFirst().stage()).isEqualTo("$[[ inputs.job-stage ]]");
    }

    @Test
    void readsARealisticPipeline() {
        GitlabPipeline pipeline = (GitlabPipeline) extractor.extract(PATH, GithubWorkflowTest.resource("gitlab-ci.yml"));
        assertThat(pipeline.stages()).containsExactly(".pre", "lint", "build", "test", "deploy", ".post");
        assertThat(pipeline.includes()).extracting(Include::kind)
                .containsExactly(IncludeKind.TEMPLATE, IncludeKind.LOCAL, IncludeKind.PROJECT);
        assertThat(pipeline.templates()).containsExactly(".node", ".deploy");
        assertThat(pipeline.jobs()).extracting(Job::name)
                .containsExactly("eslint", "build", "unit tests", "pages", "deploy:staging", "deploy:production");
        assertThat(pipeline.jobs()).extracting(Job::stage)
                .containsExactly("lint", "build", "test", "deploy", "deploy", "deploy");
        assertThat(job(pipeline, "unit tests").image()).isEqualTo("node:20-alpine");
        assertThat(job(pipeline, "deploy:production").when()).isEqualTo("manual");
        assertThat(job(pipeline, "deploy:production").environment()).isEqualTo("production");
        assertThat(job(pipeline, "deploy:staging").rules()).isTrue();
        assertThat(pipeline.notes()).isEmpty();
    }
}
