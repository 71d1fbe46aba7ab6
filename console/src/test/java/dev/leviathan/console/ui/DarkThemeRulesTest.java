package dev.leviathan.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DarkThemeRulesTest {

    private static final String LIGHT = """
            .root {
              -a: #ffffff;
              -b: #000000;
            }

            /* a comment
            .button { -x: -b; } */
            .button {
              -x: -a;
              -fx-padding: 4px;
            }
            .button.flat,
            .toggle-button.flat {
              -x: -b;
            }
            .label {
              -x: -a;
            }
            """;

    @Test
    void theVariablesOnTheRootAndTheDifferingRulesWithTheRulesTheyCompeteWith() {
        String dark = LIGHT.replace("-a: #ffffff;", "-a: #111111;").replace("""
                .button {
                  -x: -a;""", """
                .button {
                  -x: -b;""");

        String rules = DarkThemeRules.derive(LIGHT, dark, "dark");

        // .button.flat is carried over although it does not differ: otherwise the prefixed .button rule
        // would outrank it. .label styles other nodes and stays as it is; so does the padding.
        assertThat(rules).isEqualTo("""
                .root:dark {
                  -a: #111111;
                }
                .root:dark .button {
                  -x: -b;
                }
                .root:dark .button.flat,
                .root:dark .toggle-button.flat {
                  -x: -b;
                }
                """);
    }

    @Test
    void nothingWhenTheSheetsAreAlike() {
        assertThat(DarkThemeRules.derive(LIGHT, LIGHT, "dark")).isEmpty();
    }

    @Test
    void sheetsThatDoNotLineUpAreRefusedWithTheRule() {
        assertThatThrownBy(() -> DarkThemeRules.derive(LIGHT, LIGHT + ".extra {\n  -x: -a;\n}\n", "dark"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not have the same rules (4 against 5)");
        assertThatThrownBy(() -> DarkThemeRules.derive(LIGHT, LIGHT.replace(".label {", ".text {"), "dark"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule 4 (.label) is not written alike");
        assertThatThrownBy(() -> DarkThemeRules.derive(LIGHT, LIGHT.replace("-fx-padding: 4px;", "-fx-padding 4px;"),
                "dark"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a declaration: -fx-padding 4px;");
    }

    @Test
    void theRootsOwnSelectorsTakeThePseudoClassOnTheRoot() {
        assertThat(DarkThemeRules.prefix(".root:dark", ".root")).isEqualTo(".root:dark");
        assertThat(DarkThemeRules.prefix(".root:dark", ".root.popup > .x")).isEqualTo(".root.popup:dark > .x");
        assertThat(DarkThemeRules.prefix(".root:dark", ".a > .b:hover")).isEqualTo(".root:dark .a > .b:hover");
        assertThat(DarkThemeRules.prefix(".root:dark", ".rooted")).isEqualTo(".root:dark .rooted");
    }

    @Test
    void atlantaFxPrimerLightAndDarkLineUp() throws IOException {
        String rules = DarkThemeRules.derive(read(new PrimerLight().getUserAgentStylesheet()),
                read(new PrimerDark().getUserAgentStylesheet()), "dark");

        assertThat(rules).startsWith(".root:dark {\n").contains("  -color-bg-default: #0d1117;\n")
                .contains(".root:dark .table-view {\n");
        assertThat(rules.lines().filter(line -> line.endsWith("{")).count()).isBetween(40L, 200L);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = PrimerLight.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
