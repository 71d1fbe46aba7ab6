package dev.leviathan.engine.execute.scope;

import java.util.Comparator;

/**
 * Paths in Unicode code point order, which is the byte order of their UTF-8 form and so the order
 * of a git index. {@link String#compareTo} differs from it for characters above U+FFFF.
 */
final class PathOrder {

    static final Comparator<String> CODE_POINTS = PathOrder::compare;

    private PathOrder() {
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
