package dev.leviathan.engine.target;

import static dev.leviathan.engine.target.Fixtures.assertProblem;
import static dev.leviathan.engine.target.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyTest {

    private static Policy pythonPolicy() {
        return TargetFiles.loadPolicy(Fixtures.path(Fixtures.PYTHON + ".leviathan/policy.yaml"));
    }

    private static Policy load(String yaml) {
        return TargetFiles.loadPolicy("policy.yaml", yaml);
    }

    @Test
    void loadsThePythonLeviathanPolicy() {
        Policy policy = pythonPolicy();

        assertThat(policy.allowedPaths().keySet()).containsExactly("docs", "tests", "core", "ops");
        assertThat(policy.forbiddenPaths()).hasSize(10);
        assertThat(policy.version()).contains("0.1.0");
        assertThat(policy.warnings()).isEmpty();
    }

    @Test
    void permitsAPathMatchingAGlobOfTheTasksScope() {
        Policy policy = pythonPolicy();

        assertThat(policy.permits("docs", "docs/guide/setup.md")).isTrue();
        assertThat(policy.permits("docs", "CHANGELOG.md")).isTrue();
        assertThat(policy.permits("core", "leviathan/graph/store.py")).isTrue();
    }

    @Test
    void doesNotPermitAPathOfAnotherScope() {
        assertThat(pythonPolicy().permits("docs", "leviathan/graph/store.py")).isFalse();
        assertThat(pythonPolicy().permits("infra", "docs/x.md")).isFalse();
    }

    @Test
    void forbiddenPathsWinOverAllowedOnes() {
        Policy policy = pythonPolicy();

        assertThat(policy.forbids("ops/k8s/secret.yaml")).isTrue();
        assertThat(policy.permits("ops", "ops/k8s/secret.yaml")).isFalse();
        assertThat(policy.permits("ops", "ops/k8s/deployment.yaml")).isTrue();
    }

    @Test
    void forbidsSecretsAtAnyDepth() {
        assertThat(pythonPolicy().forbids("server.pem")).isTrue();
        assertThat(pythonPolicy().forbids("ops/tls/server.pem")).isTrue();
    }

    @Test
    void forbidsPathsThatAreNotSafeRepositoryPaths() {
        Policy policy = load("allowed_paths: ['**']");

        assertThat(policy.forbids("../outside.md")).isTrue();
        assertThat(policy.forbids("/etc/passwd")).isTrue();
        assertThat(policy.forbids(".git/config")).isTrue();
        assertThat(policy.permits("docs", "docs/../../x")).isFalse();
    }

    @Test
    void aPlainListOfAllowedPathsAppliesToAnyScope() {
        Policy policy = load("allowed_paths: ['docs/**']");

        assertThat(policy.allowedPaths()).containsOnlyKeys(Policy.ANY_SCOPE);
        assertThat(policy.permits("docs", "docs/a.md")).isTrue();
        assertThat(policy.permits("tests", "docs/a.md")).isTrue();
        assertThat(policy.permits("tests", "tests/a.py")).isFalse();
    }

    @Test
    void aPolicyWithoutAllowedPathsPermitsNothing() {
        assertThat(load("forbidden_paths: ['.github/**']").permits("docs", "docs/a.md")).isFalse();
    }

    @Test
    void readsScopeConstraints() {
        ScopeConstraint core = pythonPolicy().scopeConstraints().get("core");

        assertThat(core.allowedOperations()).containsExactlyInAnyOrder(FileOperation.CREATE, FileOperation.UPDATE);
        assertThat(core.maxFilesPerTask()).contains(5);
        assertThat(core.requiresTests()).isTrue();
        assertThat(core.requiresDocumentation()).isTrue();
        assertThat(core.description()).contains("The leviathan package");
    }

    @Test
    void allowsEveryOperationWhenNoneAreListed() {
        ScopeConstraint docs = load("scope_constraints: {docs: {max_files_per_task: 3}}").scopeConstraints().get("docs");

        assertThat(docs.allowedOperations()).isEqualTo(EnumSet.allOf(FileOperation.class));
        assertThat(docs.requiresTests()).isFalse();
    }

    @Test
    void readsSafetyRulesIncludingEveryRequireFlag() {
        SafetyRules rules = pythonPolicy().safetyRules();

        assertThat(rules.maxAttemptsPerTask()).contains(3);
        assertThat(rules.backoff()).contains(Duration.ofSeconds(60));
        assertThat(rules.maxConcurrentAttempts()).contains(1);
        assertThat(rules.maxTasksPerDay()).contains(10);
        assertThat(rules.maxArtifactSizeMb()).contains(100);
        assertThat(rules.maxArtifactsPerAttempt()).contains(50);
        assertThat(rules.requirements()).containsExactly(
                java.util.Map.entry("require_passing_tests", true), java.util.Map.entry("require_lint_pass", true),
                java.util.Map.entry("require_pr_description", true),
                java.util.Map.entry("require_conventional_commit", false));
        assertThat(rules.requires("passing_tests")).isTrue();
        assertThat(rules.requires("conventional_commit")).isFalse();
    }

    @Test
    void rejectsARequireFlagThatIsNotABoolean() {
        Problem problem = only(TargetFiles.validatePolicy("p.yaml", "safety_rules:\n  require_lint_pass: yes\n"));

        assertProblem(problem, 2, 22, "safety_rules.require_lint_pass", "use true or false");
    }

    @Test
    void rejectsAnUnknownSafetyRuleSuggestingTheClosest() {
        Problem problem = only(TargetFiles.validatePolicy("p.yaml", "safety_rules:\n  max_attempt_per_task: 3\n"));

        assertProblem(problem, 2, 3, "safety_rules.max_attempt_per_task", "did you mean 'max_attempts_per_task'?");
    }

    @Test
    void readsFileSizeLimitsByGlob() {
        Policy policy = pythonPolicy();

        assertThat(policy.maxFileKilobytes("leviathan/a.py")).isEmpty();
        assertThat(policy.maxFileKilobytes("setup.py")).hasValue(2000);
        assertThat(policy.fileSizeLimits()).extracting(limit -> limit.glob().pattern())
                .containsExactly("*.py", "*.md", "*.yaml");
    }

    @Test
    void namesAGlobKeyInQuotesInTheFieldPath() {
        Problem problem = only(TargetFiles.validatePolicy("p.yaml",
                "file_size_limits:\n  max_file_size_kb:\n    \"*.md\": big\n"));

        assertThat(problem.fieldPath()).isEqualTo("file_size_limits.max_file_size_kb[\"*.md\"]");
    }

    @Test
    void keepsCodeStyleAsWritten() {
        assertThat(pythonPolicy().codeStyle()).containsKeys("python", "yaml", "markdown");
    }

    @Test
    void warnsAboutAnUnknownScope() {
        Policy policy = load("allowed_paths:\n  dcos: ['docs/**']\n");

        assertProblem(only(policy.warnings()), 2, 3, "allowed_paths.dcos", "did you mean 'docs'?");
    }

    @Test
    void rejectsAllowedPathsThatAreNeitherListNorMapping() {
        Problem problem = only(TargetFiles.validatePolicy("p.yaml", "allowed_paths: docs/**\n"));

        assertThat(problem.message()).startsWith("expected a mapping of scope to globs, or a list of globs");
    }

    @Test
    void rejectsAnUnknownOperation() {
        Problem problem = only(TargetFiles.validatePolicy("p.yaml",
                "scope_constraints:\n  docs:\n    allowed_operations: [create, updat]\n"));

        assertProblem(problem, 3, 34, "scope_constraints.docs.allowed_operations[1]", "did you mean 'update'?");
    }

    @Test
    void leavesAbsentSafetyRulesEmpty() {
        assertThat(load("version: '1'").safetyRules()).isEqualTo(SafetyRules.none());
        assertThat(load("version: '1'").safetyRules().maxAttemptsPerTask()).isEqualTo(Optional.empty());
    }
}
