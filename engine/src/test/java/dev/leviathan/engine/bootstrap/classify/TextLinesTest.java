package dev.leviathan.engine.bootstrap.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextLinesTest {

    @Test
    void splitsAtEveryKindOfLineBreak() {
        assertThat(TextLines.of("a\nb\r\nc\rd")).containsExactly("a", "b", "c", "d");
        assertThat(TextLines.of("a\n\nb\n")).containsExactly("a", "", "b");
        assertThat(TextLines.of("\r\n\r\n")).containsExactly("", "");
        assertThat(TextLines.of("one line")).containsExactly("one line");
    }

    @Test
    void dropsALeadingByteOrderMark() {
        assertThat(TextLines.of("\uFEFF# Title\nbody")).containsExactly("# Title", "body");
        assertThat(TextLines.of("\uFEFF")).isEmpty();
    }

    @Test
    void anEmptyOrMissingTextHasNoLines() {
        assertThat(TextLines.of("")).isEmpty();
        assertThat(TextLines.of(null)).isEmpty();
        assertThat(TextLines.of("").has(0)).isFalse();
    }

    @Test
    void readsOnlyTheFirst64KiB() {
        String text = "x".repeat(TextLines.MAX_CHARS - 2) + "\nabc\nlater";
        TextLines lines = TextLines.of(text);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("a");
    }

    @Test
    void aCarriageReturnAtTheLimitEndsTheLastLine() {
        String text = "y".repeat(TextLines.MAX_CHARS - 1) + "\r\nnext";
        assertThat(TextLines.of(text)).containsExactly("y".repeat(TextLines.MAX_CHARS - 1));
    }

    @Test
    void hasAndGetAgreeWithTheWholeSplitInAnyOrder() {
        String text = "t\r\n\nu\rv\n\rw";
        TextLines lazy = TextLines.of(text);
        assertThat(lazy.has(5)).isTrue();
        assertThat(lazy.has(6)).isFalse();
        assertThat(lazy.get(2)).isEqualTo("u");
        assertThat(lazy.get(0)).isEqualTo("t");
        assertThat(lazy.range(1, 3)).containsExactly("", "u");
        List<String> iterated = new ArrayList<>();
        lazy.forEach(iterated::add);
        assertThat(iterated).containsExactly("t", "", "u", "v", "", "w").isEqualTo(TextLines.of(text));
    }

    @Test
    void linesBeyondTheEndAreRefused() {
        TextLines lines = TextLines.of("a\nb");
        assertThatThrownBy(() -> lines.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> lines.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> lines.range(1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
