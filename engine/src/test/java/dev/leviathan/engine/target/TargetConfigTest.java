package dev.leviathan.engine.target;

import static dev.leviathan.engine.target.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetConfigTest {

    @Test
    void loadsAPythonLeviathanTargetFile() {
        TargetConfig target = TargetFiles.loadTargetConfig(Fixtures.path(Fixtures.PYTHON + "targets/leviathan.yaml"));

        assertThat(target.name()).isEqualTo("leviathan");
        assertThat(target.repoUrl()).isEqualTo("https://github.com/iangreen74/leviathan.git");
        assertThat(target.defaultBranch()).isEqualTo("main");
        assertThat(target.localCacheDir()).contains("~/.leviathan/cache/leviathan");
        assertThat(target.backlogPath()).isEqualTo(".leviathan/backlog.yaml");
    }

    @Test
    void fillsInTheDefaultBranchAndFilePaths() {
        TargetConfig target = TargetFiles.loadTargetConfig("t.yaml", "name: radix\nrepo_url: /srv/git/radix\n");

        assertThat(target.defaultBranch()).isEqualTo(TargetConfig.DEFAULT_BRANCH);
        assertThat(target.contractPath()).isEqualTo(".leviathan/contract.yaml");
        assertThat(target.backlogPath()).isEqualTo(".leviathan/backlog.yaml");
        assertThat(target.policyPath()).isEqualTo(".leviathan/policy.yaml");
        assertThat(target.localCacheDir()).isEmpty();
    }

    @Test
    void rejectsAFilePathOutsideTheRepository() {
        Problem problem = only(TargetFiles.validateTargetConfig("t.yaml",
                "name: radix\nrepo_url: x\nbacklog_path: /etc/backlog.yaml\n"));

        assertThat(problem.fieldPath()).isEqualTo("backlog_path");
        assertThat(problem.message()).contains("is absolute");
    }

    @Test
    void rejectsANameThatIsNotSafeAsAFileName() {
        Problem problem = only(TargetFiles.validateTargetConfig("t.yaml", "name: my target/x\nrepo_url: x\n"));

        assertThat(problem.hint()).isEqualTo("use a name such as my-target-x");
    }
}
