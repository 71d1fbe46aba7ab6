package dev.leviathan.engine.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void doubleStarAtTheEndMatchesFilesAtAnyDepth() {
        Glob docs = Glob.of("docs/**");

        assertThat(docs.matches("docs/x.md")).isTrue();
        assertThat(docs.matches("docs/a/b.md")).isTrue();
        assertThat(docs.matches("docs2/x.md")).isFalse();
        assertThat(docs.matches("README.md")).isFalse();
    }

    @Test
    void leadingDoubleStarMatchesZeroOrMoreDirectories() {
        Glob keys = Glob.of("**/*.key");

        assertThat(keys.matches("a.key")).isTrue();
        assertThat(keys.matches("x/y/a.key")).isTrue();
        assertThat(keys.matches("a.keys")).isFalse();
    }

    @Test
    void doubleStarInTheMiddleMatchesZeroOrMoreDirectories() {
        Glob python = Glob.of("leviathan/**/*.py");

        assertThat(python.matches("leviathan/a.py")).isTrue();
        assertThat(python.matches("leviathan/x/y/a.py")).isTrue();
        assertThat(python.matches("tests/a.py")).isFalse();
    }

    @Test
    void singleStarStaysInsideOneDirectory() {
        Glob markdown = Glob.of("*.md");

        assertThat(markdown.matches("README.md")).isTrue();
        assertThat(markdown.matches("docs/README.md")).isFalse();
    }

    @Test
    void questionMarkMatchesOneCharacterButNotASlash() {
        Glob glob = Glob.of("v?.txt");

        assertThat(glob.matches("v1.txt")).isTrue();
        assertThat(glob.matches("v10.txt")).isFalse();
        assertThat(Glob.of("a?b").matches("a/b")).isFalse();
    }

    @Test
    void dotsAndOtherCharactersMatchThemselves() {
        Glob glob = Glob.of(".github/workflows/ci+cd.yml");

        assertThat(glob.matches(".github/workflows/ci+cd.yml")).isTrue();
        assertThat(glob.matches(".github/workflows/cixcd.yml")).isFalse();
    }

    @Test
    void trailingSlashMeansEverythingBelow() {
        assertThat(Glob.of("docs/").matches("docs/a/b.md")).isTrue();
    }

    @Test
    void matchesCaseSensitively() {
        assertThat(Glob.of("docs/**").matches("Docs/x.md")).isFalse();
    }

    @Test
    void refusesBracesAndBrackets() {
        assertThatThrownBy(() -> Glob.of("docs/{a,b}.md")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Glob.of("docs/[ab].md")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesPatternsThatLeaveTheRepository() {
        assertThatThrownBy(() -> Glob.of("../x/**")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Glob.of("/etc/**")).isInstanceOf(IllegalArgumentException.class);
    }
}
