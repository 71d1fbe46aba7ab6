package dev.leviathan.engine.govern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.target.AllowedPath;
import dev.leviathan.engine.target.Glob;
import dev.leviathan.engine.target.Policy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PathRulesTest {

    private static final Policy POLICY = Targets.policy("""
            allowed_paths:
              docs: ["docs/**", "README.md", "guides/"]
              tests: ["tests/**/*.py"]
            forbidden_paths: [".github/**", "docs/private/**", "**/*.pem", "config/prod.yml"]
            """);

    private static boolean permits(String scope, String entry) {
        return PathRules.permits(POLICY, Optional.ofNullable(scope), new AllowedPath(entry));
    }

    private static Optional<String> forbidding(String entry) {
        return PathRules.forbidding(POLICY, new AllowedPath(entry)).map(Glob::pattern);
    }

    @Test
    void permitsAFileAGlobOfTheScopeMatches() {
        assertThat(permits("docs", "docs/a/b.md")).isTrue();
        assertThat(permits("docs", "README.md")).isTrue();
        assertThat(permits("tests", "README.md")).isFalse();
    }

    @Test
    void permitsADirectoryOnlyWhenOneGlobCoversAllOfIt() {
        assertThat(permits("docs", "docs/")).isTrue();
        assertThat(permits("docs", "docs/api/")).isTrue();
        assertThat(permits("docs", "guides/intro/")).isTrue();
        assertThat(permits("tests", "tests/")).isFalse();
    }

    @Test
    void doesNotTakeAPrefixForADirectory() {
        assertThat(permits("docs", "docs2/")).isFalse();
        assertThat(permits("docs", "doc/")).isFalse();
    }

    @Test
    void forbidsAFileAForbiddenGlobMatches() {
        assertThat(forbidding("ops/tls/server.pem")).contains("**/*.pem");
        assertThat(forbidding("config/prod.yml")).contains("config/prod.yml");
        assertThat(forbidding("config/dev.yml")).isEmpty();
    }

    @Test
    void forbidsADirectoryAForbiddenGlobCoversOrIsRootedIn() {
        assertThat(forbidding(".github/")).contains(".github/**");
        assertThat(forbidding(".github/workflows/")).contains(".github/**");
        assertThat(forbidding("docs/")).contains("docs/private/**");
        assertThat(forbidding("config/")).contains("config/prod.yml");
    }

    @Test
    void leavesPatternsWithoutAFixedDirectoryToTheScopeGuard() {
        assertThat(forbidding("docs/public/")).isEmpty();
        assertThat(forbidding("ops/")).isEmpty();
    }
}
