package dev.leviathan.engine.event;

/** The last link of the chain: seq 0 with a null hash is the empty store. */
public record ChainHead(long seq, String hash) {

    public static final ChainHead EMPTY = new ChainHead(0, null);

    public boolean isEmpty() {
        return seq == 0;
    }

    /** First twelve hex digits, the way the console and the CLI show a hash. */
    public String shortHash() {
        return hash == null ? "-" : hash.substring(0, Math.min(12, hash.length()));
    }
}
