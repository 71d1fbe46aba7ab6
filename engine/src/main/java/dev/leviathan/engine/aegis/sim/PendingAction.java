package dev.leviathan.engine.aegis.sim;

/** An action accepted at one tick that takes effect at {@code effectTick}. */
record PendingAction(int effectTick, long sequence, Action action) {
}
