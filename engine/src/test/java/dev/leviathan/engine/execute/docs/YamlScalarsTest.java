package dev.leviathan.engine.execute.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlScalarsTest {

    @Test
    void plainTextStaysPlain() {
        assertThat(YamlScalars.block("Pin the actions of .github/workflows/ci.yml to versions"))
                .isEqualTo("Pin the actions of .github/workflows/ci.yml to versions");
        assertThat(YamlScalars.flow(".github/workflows/ci.yml")).isEqualTo(".github/workflows/ci.yml");
    }

    @Test
    void textThatWouldReadAsAnotherTypeIsQuoted() {
        assertThat(YamlScalars.block("yes")).isEqualTo("yes");
        assertThat(YamlScalars.block("true")).isEqualTo("\"true\"");
        assertThat(YamlScalars.block("null")).isEqualTo("\"null\"");
        assertThat(YamlScalars.block("1.10")).isEqualTo("\"1.10\"");
        assertThat(YamlScalars.block("0x1F")).isEqualTo("\"0x1F\"");
    }

    @Test
    void indicatorsAreQuoted() {
        assertThat(YamlScalars.block("a: b")).isEqualTo("\"a: b\"");
        assertThat(YamlScalars.block("note #1")).isEqualTo("\"note #1\"");
        assertThat(YamlScalars.block("- item")).isEqualTo("\"- item\"");
        assertThat(YamlScalars.flow("a, b")).isEqualTo("\"a, b\"");
        assertThat(YamlScalars.flow("Add a README")).isEqualTo("\"Add a README\"");
    }

    @Test
    void quotingEscapesWhatYamlCannotHoldPlainly() {
        assertThat(YamlScalars.quoted("say \"hi\"\\\n\tdone")).isEqualTo("\"say \\\"hi\\\"\\\\\\n\\tdone\"");
        assertThat(YamlScalars.quoted("bell\u0007 nel\u0085 bom\uFEFF")).isEqualTo("\"bell  nel  bom\uFFFD\"");
    }
}
