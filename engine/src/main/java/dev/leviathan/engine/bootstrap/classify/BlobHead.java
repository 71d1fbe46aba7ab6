package dev.leviathan.engine.bootstrap.classify;

import java.nio.charset.StandardCharsets;

/**
 * The first bytes of a blob and what they show. Only the first {@link #LIMIT} bytes count, as in
 * git's own binary heuristic ({@code buffer_is_binary}: a NUL byte among the first 8000 bytes).
 * Every question asked of it scans at most those bytes once.
 */
final class BlobHead {

    /** How many leading bytes git looks at to decide that a blob is binary. */
    static final int LIMIT = 8000;

    private static final byte[] LFS_POINTER = "version https://git-lfs.github.com/spec/".getBytes(StandardCharsets.US_ASCII);

    private final byte[] bytes;
    private final int length;

    private BlobHead(byte[] bytes) {
        this.bytes = bytes;
        this.length = Math.min(bytes.length, LIMIT);
    }

    static BlobHead of(byte[] bytes) {
        return new BlobHead(bytes);
    }

    /** True when a NUL byte occurs among the first {@link #LIMIT} bytes. UTF-16 text counts, as in git. */
    boolean hasNul() {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** True when the blob is a Git LFS pointer: a few text lines standing for an object stored elsewhere. */
    boolean isLfsPointer() {
        return startsWith(0, LFS_POINTER);
    }

    /** The first line when the blob starts with {@code #!}, without the {@code #!}; null otherwise. */
    String shebangLine() {
        int start = startsWithBom() ? 3 : 0;
        if (length < start + 2 || bytes[start] != '#' || bytes[start + 1] != '!') {
            return null;
        }
        int end = start + 2;
        int max = Math.min(length, start + 512);
        while (end < max && bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        return new String(bytes, start + 2, end - start - 2, StandardCharsets.ISO_8859_1);
    }

    /** True when some line starts with {@code key} (a top-level YAML key such as {@code apiVersion:}). */
    boolean hasLineStartingWith(String key) {
        byte[] wanted = key.getBytes(StandardCharsets.US_ASCII);
        int lineStart = startsWithBom() ? 3 : 0;
        while (lineStart < length) {
            if (startsWith(lineStart, wanted)) {
                return true;
            }
            int next = lineStart;
            while (next < length && bytes[next] != '\n') {
                next++;
            }
            lineStart = next + 1;
        }
        return false;
    }

    /** True when {@code text} occurs anywhere in the head (ASCII only). */
    boolean contains(String text) {
        byte[] wanted = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + wanted.length <= length; i++) {
            if (bytes[i] == wanted[0] && startsWith(i, wanted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For {@code .m} files: true when the first telling line reads as MATLAB ({@code %} comments,
     * {@code function}, {@code classdef}) rather than Objective-C ({@code #import}, {@code @interface},
     * {@code //} comments). Objective-C wins when nothing tells.
     */
    boolean readsAsMatlab() {
        int lineStart = startsWithBom() ? 3 : 0;
        while (lineStart < length) {
            int i = lineStart;
            while (i < length && (bytes[i] == ' ' || bytes[i] == '\t')) {
                i++;
            }
            if (i < length && bytes[i] != '\n' && bytes[i] != '\r') {
                if (bytes[i] == '%' || startsWithWord(i, "function") || startsWithWord(i, "classdef")) {
                    return true;
                }
                if (bytes[i] == '#' || bytes[i] == '@' || bytes[i] == '/' || startsWithWord(i, "NS_")) {
                    return false;
                }
            }
            int next = i;
            while (next < length && bytes[next] != '\n') {
                next++;
            }
            lineStart = next + 1;
        }
        return false;
    }

    private boolean startsWithWord(int at, String word) {
        byte[] wanted = word.getBytes(StandardCharsets.US_ASCII);
        if (!startsWith(at, wanted)) {
            return false;
        }
        int after = at + wanted.length;
        return after >= length || !Character.isLetterOrDigit(bytes[after]) || word.endsWith("_");
    }

    private boolean startsWithBom() {
        return length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
    }

    private boolean startsWith(int at, byte[] wanted) {
        if (at + wanted.length > length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (bytes[at + i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }
}
