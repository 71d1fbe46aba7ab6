package dev.leviathan.engine.aegis.sim;

import java.util.Optional;

/** What became of one submitted action: accepted to take effect at {@code effectTick}, or rejected and why. */
public record ActionReceipt(Action action, boolean accepted, int effectTick, Optional<String> rejection) {
}
