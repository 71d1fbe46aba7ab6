package dev.leviathan.engine.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("same", "same")).isZero();
    }

    @Test
    void countsASwapOfNeighboursAsOneEdit() {
        assertThat(EditDistance.between("titel", "title")).isEqualTo(1);
    }

    @Test
    void suggestsTheClosestCandidateIgnoringCase() {
        assertThat(EditDistance.closest("Priorty", List.of("id", "priority", "ready"))).contains("priority");
    }

    @Test
    void suggestsNothingWhenNoCandidateIsClose() {
        assertThat(EditDistance.closest("owner", List.of("id", "title", "scope"))).isEmpty();
    }

    @Test
    void allowsOnlyOneEditInShortWords() {
        assertThat(EditDistance.closest("ab", List.of("id"))).isEmpty();
        assertThat(EditDistance.closest("ix", List.of("id"))).contains("id");
    }
}
