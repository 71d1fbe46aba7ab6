package dev.leviathan.engine.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllowedPathTest {

    @Test
    void directoryCoversFilesBelowIt() {
        AllowedPath docs = new AllowedPath("docs/");

        assertThat(docs.covers("docs/x.md")).isTrue();
        assertThat(docs.covers("docs/a/b.md")).isTrue();
    }

    @Test
    void directoryDoesNotCoverASiblingWithTheSamePrefix() {
        assertThat(new AllowedPath("docs/").covers("docs2/x.md")).isFalse();
    }

    @Test
    void fileCoversOnlyItself() {
        AllowedPath readme = new AllowedPath("README.md");

        assertThat(readme.covers("README.md")).isTrue();
        assertThat(readme.covers("README.md.bak")).isFalse();
        assertThat(readme.covers("docs/README.md")).isFalse();
    }

    @Test
    void neverCoversAPathThatLeavesTheRepository() {
        assertThat(new AllowedPath("docs/").covers("docs/../../etc/passwd")).isFalse();
        assertThat(new AllowedPath("docs/").covers("docs/../secrets.txt")).isFalse();
    }

    @Test
    void directoryContainsDirectoriesAndFilesBelowIt() {
        AllowedPath docs = new AllowedPath("docs/");

        assertThat(docs.contains(new AllowedPath("docs/api/"))).isTrue();
        assertThat(docs.contains(new AllowedPath("docs/FAQ.md"))).isTrue();
        assertThat(docs.contains(new AllowedPath("docs2/"))).isFalse();
    }
}
