package dev.leviathan.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortValueTest {

    @Test
    void aShortOneLineValueIsShownWhole() {
        assertThat(GraphView.shortValue("main")).isEqualTo("main");
    }

    @Test
    void aManyLineValueShowsItsFirstLineAndHowManyMore() {
        assertThat(GraphView.shortValue("Task add-faq\n\nApproved content: 408b\nDiff: 07c2"))
                .isEqualTo("Task add-faq (+3 lines)");
        assertThat(GraphView.shortValue("one\ntwo")).isEqualTo("one (+1 line)");
    }

    @Test
    void aLongLineIsCutAt160Characters() {
        String line = "x".repeat(200);
        assertThat(GraphView.shortValue(line)).isEqualTo("x".repeat(160) + " …");
        assertThat(GraphView.shortValue(line + "\nmore")).isEqualTo("x".repeat(160) + " … (+1 line)");
    }
}
