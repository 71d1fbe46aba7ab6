package dev.leviathan.engine.execute.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.ActionKind;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.ActionUse;
import org.junit.jupiter.api.Test;

class PinningTest {

    private static Pinning repository(String ref) {
        return Pinning.of(new ActionUse(ActionKind.REPOSITORY, "owner/action", ref));
    }

    @Test
    void versionLikeRefsAreTags() {
        assertThat(repository("v4")).isEqualTo(Pinning.VERSION);
        assertThat(repository("v4.1.7")).isEqualTo(Pinning.VERSION);
        assertThat(repository("1.2.3")).isEqualTo(Pinning.VERSION);
        assertThat(repository("v2.0.0-rc.1")).isEqualTo(Pinning.VERSION);
    }

    @Test
    void aFullShaIsACommit() {
        assertThat(repository("8558fd74291d67161a8a78ce36a881fa63b766a9")).isEqualTo(Pinning.COMMIT);
    }

    @Test
    void otherRefsAreTreatedAsBranches() {
        assertThat(repository("main")).isEqualTo(Pinning.BRANCH);
        assertThat(repository("stable")).isEqualTo(Pinning.BRANCH);
        assertThat(repository("release/v1")).isEqualTo(Pinning.BRANCH);
        assertThat(repository("v1.x")).isEqualTo(Pinning.BRANCH);
        assertThat(repository("8558fd7")).isEqualTo(Pinning.BRANCH);
        assertThat(repository("main").loose()).isTrue();
    }

    @Test
    void noRefIsNoVersion() {
        assertThat(repository(null)).isEqualTo(Pinning.NONE);
    }

    @Test
    void dockerImagesAreJudgedByTheirTag() {
        assertThat(Pinning.of(new ActionUse(ActionKind.DOCKER, "alpine", "3.20"))).isEqualTo(Pinning.DOCKER_TAG);
        assertThat(Pinning.of(new ActionUse(ActionKind.DOCKER, "alpine", "latest"))).isEqualTo(Pinning.DOCKER_LATEST);
        assertThat(Pinning.of(new ActionUse(ActionKind.DOCKER, "alpine", null))).isEqualTo(Pinning.DOCKER_NONE);
        assertThat(Pinning.of(new ActionUse(ActionKind.DOCKER, "alpine", "sha256:abc"))).isEqualTo(Pinning.DOCKER_DIGEST);
        assertThat(Pinning.written(new ActionUse(ActionKind.DOCKER, "ghcr.io/o/i", "sha256:abc")))
                .isEqualTo("docker://ghcr.io/o/i@sha256:abc");
    }

    @Test
    void localActionsAreNotLoose() {
        assertThat(Pinning.of(new ActionUse(ActionKind.LOCAL, "./.github/actions/setup", null)).loose()).isFalse();
    }
}
