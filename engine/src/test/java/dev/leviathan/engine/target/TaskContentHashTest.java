package dev.leviathan.engine.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TaskContentHashTest {

    private static final String BASE = """
            - id: add-faq
              title: Add FAQ
              description: Answer the three most asked questions.
              scope: docs
              priority: high
              ready: false
              allowed_paths: [docs/FAQ.md]
              acceptance_criteria: [Has 3 Qs]
              dependencies: [setup]
              estimated_size: small
              labels: [docs]
              executor: {type: command, run: make faq, timeout_s: 60}
              budget: {max_tokens: 1000}
            - id: setup
              title: Set up
            """;

    private static String hash(String yaml) {
        return TargetFiles.loadBacklog("backlog.yaml", yaml).tasks().get(0).contentHash();
    }

    @Test
    void isLowercaseHexSha256() {
        assertThat(hash(BASE)).matches("[0-9a-f]{64}");
    }

    @Test
    void isTheSameForTheSameTask() {
        assertThat(hash(BASE)).isEqualTo(hash(BASE));
    }

    @Test
    void ignoresReady() {
        assertThat(hash(BASE.replace("ready: false", "ready: true"))).isEqualTo(hash(BASE));
    }

    @Test
    void ignoresStatus() {
        assertThat(hash(BASE.replace("  ready: false\n", "  ready: false\n  status: completed\n")))
                .isEqualTo(hash(BASE));
    }

    @Test
    void ignoresTheWorkersWriteBackFields() {
        String written = BASE.replace("  ready: false\n", """
                  ready: false
                  last_attempt_id: attempt-1
                  branch_name: agent/task-exec-attempt-1
                  pr_number: 12
                  completed_at: "2026-01-31T10:00:00"
                """);

        assertThat(hash(written)).isEqualTo(hash(BASE));
    }

    @Test
    void ignoresComments() {
        assertThat(hash(BASE.replace("title: Add FAQ", "title: Add FAQ  # short"))).isEqualTo(hash(BASE));
    }

    @Test
    void treatsAnOmittedDefaultAndAnExplicitDefaultAlike() {
        String omitted = "- {id: a, title: A}";
        String explicit = "- {id: a, title: A, priority: medium, description: '', allowed_paths: [], labels: [],"
                + " dependencies: [], acceptance_criteria: [], budget: {}}";

        assertThat(hash(explicit)).isEqualTo(hash(omitted));
    }

    @Test
    void treatsTaskIdAndIdAlike() {
        assertThat(hash(BASE.replace("- id: add-faq", "- task_id: add-faq"))).isEqualTo(hash(BASE));
    }

    @Test
    void treatsSizeSpellingsAlike() {
        assertThat(hash(BASE.replace("estimated_size: small", "estimated_size: s"))).isEqualTo(hash(BASE));
    }

    @Test
    void treatsTheDefaultCommandTimeoutAlikeWrittenOrNot() {
        String written = BASE.replace("timeout_s: 60", "timeout_s: 600");
        String omitted = BASE.replace(", timeout_s: 60", "");

        assertThat(hash(omitted)).isEqualTo(hash(written));
    }

    static Stream<Arguments> definitionEdits() {
        return Stream.of(
                Arguments.of("title", "title: Add FAQ", "title: Add the FAQ"),
                Arguments.of("description", "three most", "four most"),
                Arguments.of("scope", "scope: docs", "scope: tests"),
                Arguments.of("priority", "priority: high", "priority: low"),
                Arguments.of("allowed_paths", "[docs/FAQ.md]", "[docs/FAQ.md, README.md]"),
                Arguments.of("acceptance_criteria", "[Has 3 Qs]", "[Has 4 Qs]"),
                Arguments.of("dependencies", "dependencies: [setup]", "dependencies: []"),
                Arguments.of("estimated_size", "estimated_size: small", "estimated_size: large"),
                Arguments.of("labels", "labels: [docs]", "labels: [docs, faq]"),
                Arguments.of("executor", "run: make faq", "run: make all"),
                Arguments.of("executor timeout", "timeout_s: 60", "timeout_s: 61"),
                Arguments.of("budget", "max_tokens: 1000", "max_tokens: 1001"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitionEdits")
    void changesWhenTheDefinitionChanges(String field, String before, String after) {
        assertThat(BASE).contains(before);

        assertThat(hash(BASE.replace(before, after))).isNotEqualTo(hash(BASE));
    }

    @Test
    void isComputedOverTheCanonicalDefinition() {
        Task task = TargetFiles.loadBacklog("b.yaml", "- {id: a, title: A, ready: true, scope: docs}").tasks().get(0);

        assertThat(task.canonicalDefinition()).isEqualTo("{\"acceptance_criteria\":[],\"allowed_paths\":[],"
                + "\"dependencies\":[],\"description\":\"\",\"id\":\"a\",\"labels\":[],\"priority\":\"medium\","
                + "\"scope\":\"docs\",\"title\":\"A\"}");
    }
}
