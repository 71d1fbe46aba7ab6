package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.Arrays;

/** Offsets to 1-based line numbers (a line ends at {@code \n}, {@code \r\n} or a lone {@code \r}). */
final class LineIndex {

    private final int[] starts;

    LineIndex(String text) {
        int[] s = new int[64];
        int n = 0;
        s[n++] = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n' || (c == '\r' && (k + 1 >= text.length() || text.charAt(k + 1) != '\n'))) {
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = k + 1;
            }
        }
        this.starts = Arrays.copyOf(s, n);
    }

    int line(int offset) {
        int k = Arrays.binarySearch(starts, offset);
        return k >= 0 ? k + 1 : -k - 1;
    }
}
