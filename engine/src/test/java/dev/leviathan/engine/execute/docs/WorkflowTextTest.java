package dev.leviathan.engine.execute.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkflowTextTest {

    private static final WorkflowText TEXT = WorkflowText.of("""
            # jobs: is mentioned in this comment
            "on":
              pull_request_target:   # pull_request_target in a comment too
            jobs:
              build:
                steps:
                  - uses: 'actions/checkout@v4'
                  - name: build
                    run: echo "jobs: # not a comment"
              'deploy':
                concurrency: prod
            """);

    @Test
    void findsTopLevelKeysQuotedOrNot() {
        assertThat(TEXT.topLevelKey("on")).isEqualTo(2);
        assertThat(TEXT.topLevelKey("jobs")).isEqualTo(4);
        assertThat(TEXT.topLevelKey("permissions")).isZero();
    }

    @Test
    void findsJobsOnlyAtTheJobLevel() {
        assertThat(TEXT.job("build")).isEqualTo(5);
        assertThat(TEXT.job("deploy")).isEqualTo(10);
        assertThat(TEXT.job("steps")).isZero();
    }

    @Test
    void findsTheLineOfAUses() {
        assertThat(TEXT.uses("actions/checkout@v4")).isEqualTo(7);
        assertThat(TEXT.uses("actions/checkout@v3")).isZero();
    }

    @Test
    void mentionsIgnoreComments() {
        assertThat(TEXT.mentions("pull_request_target")).containsExactly(3);
        assertThat(TEXT.hasKeyAnywhere("concurrency")).isTrue();
    }
}
