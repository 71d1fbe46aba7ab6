package dev.leviathan.engine.bootstrap.classify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Blob heads for tests, named the way the path tables name them. */
final class Heads {

    static final String LFS_POINTER = "version https://git-lfs.github.com/spec/v1\n"
            + "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
            + "size 12345\n";

    private Heads() {
    }

    /** {@code none}, {@code text}, {@code empty}, {@code nul}, {@code lfs}, or literal text with {@code \n}. */
    static byte[] of(String spec) {
        return switch (spec) {
            case "none" -> null;
            case "text" -> utf8("A line of ordinary prose.\n");
            case "empty" -> new byte[0];
            case "nul" -> withNulAt(64);
            case "lfs" -> utf8(LFS_POINTER);
            default -> utf8(spec.replace("\\n", "\n"));
        };
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** 200 bytes of text with one NUL at {@code at}. */
    static byte[] withNulAt(int at) {
        byte[] bytes = new byte[Math.max(200, at + 1)];
        Arrays.fill(bytes, (byte) 'a');
        bytes[at] = 0;
        return bytes;
    }
}
