package dev.leviathan.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelPlacementTest {

    @Test
    void aLabelThatWouldCoverOneKeptBeforeItIsLeftOut() {
        // 0 and 1 overlap; 2 is on a line of its own.
        double[] left = {10, 40, 10};
        double[] top = {10, 15, 40};
        double[] width = {60, 60, 60};

        assertThat(LabelPlacement.uncrowded(left, top, width, 13, new int[] {0, 1, 2})).containsExactly(true, false, true);
        assertThat(LabelPlacement.uncrowded(left, top, width, 13, new int[] {1, 0, 2})).containsExactly(false, true, true);
    }

    @Test
    void labelsThatOnlyTouchAreAllKept() {
        double[] left = {0, 50, 0};
        double[] top = {0, 0, 13};
        double[] width = {50, 50, 100};

        assertThat(LabelPlacement.uncrowded(left, top, width, 13, new int[] {0, 1, 2})).containsExactly(true, true, true);
    }
}
