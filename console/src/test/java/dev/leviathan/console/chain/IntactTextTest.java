package dev.leviathan.console.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntactTextTest {

    @Test
    void aVerificationOfTheWholeChainSaysHowFarItReached() {
        assertThat(ChainController.intactText(0, 0)).isEqualTo("chain intact (empty store)");
        assertThat(ChainController.intactText(12, 12)).isEqualTo("chain intact up to #12");
    }

    @Test
    void eventsAppendedSinceAreCountedAsNotYetVerified() {
        assertThat(ChainController.intactText(12, 13)).isEqualTo("chain intact up to #12 · 1 newer, unverified");
        assertThat(ChainController.intactText(0, 27)).isEqualTo("chain intact up to #0 · 27 newer, unverified");
    }
}
