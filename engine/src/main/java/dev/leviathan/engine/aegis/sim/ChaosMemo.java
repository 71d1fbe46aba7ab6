package dev.leviathan.engine.aegis.sim;

/**
 * What a chaos event changed, kept so that its end can undo exactly that and nothing an operator did
 * since: the value it replaced and the value it set.
 */
record ChaosMemo(long before, long set, long before2, long set2, long before3, long set3) {

    static ChaosMemo of(long before, long set) {
        return new ChaosMemo(before, set, 0, 0, 0, 0);
    }
}
