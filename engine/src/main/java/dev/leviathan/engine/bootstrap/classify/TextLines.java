package dev.leviathan.engine.bootstrap.classify;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/**
 * The lines of the start of a document: at most the first {@link #MAX_CHARS} characters, a
 * leading byte-order mark dropped, split at {@code \n}, {@code \r\n} and {@code \r}.
 *
 * <p>Split as far as asked, no further: a title is nearly always in a document's first lines, and
 * splitting all 64 KiB of every page up front was most of what reading titles cost (a bootstrap of
 * 1,300 Markdown pages spent more time there than in every other part of classifying files). So
 * readers test {@link #has} instead of comparing with {@link #size}, which splits everything.
 */
final class TextLines extends AbstractList<String> implements RandomAccess {

    /** Titles are looked for in the first 64 KiB only: a title further in is no title. */
    static final int MAX_CHARS = 64 * 1024;

    private final String text;
    private final int end;
    private final boolean carriageReturns;
    private final List<String> split = new ArrayList<>();
    /** Where the first line not yet split starts. */
    private int next;

    private TextLines(String text) {
        this.text = text == null ? "" : text;
        this.end = Math.min(this.text.length(), MAX_CHARS);
        this.next = !this.text.isEmpty() && this.text.charAt(0) == '\uFEFF' ? 1 : 0;
        this.carriageReturns = next < end && this.text.indexOf('\r', next, end) >= 0;
    }

    static TextLines of(String text) {
        return new TextLines(text);
    }

    /** True when the document has a line {@code index} (0-based); splits only as far as it. */
    boolean has(int index) {
        while (split.size() <= index && splitNext()) {
            // splitting
        }
        return index < split.size();
    }

    @Override
    public String get(int index) {
        if (index < 0 || !has(index)) {
            throw new IndexOutOfBoundsException("line " + index + " of " + size());
        }
        return split.get(index);
    }

    @Override
    public int size() {
        while (splitNext()) {
            // splitting
        }
        return split.size();
    }

    @Override
    public boolean isEmpty() {
        return !has(0);
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return has(index);
            }

            @Override
            public String next() {
                if (!has(index)) {
                    throw new NoSuchElementException();
                }
                return split.get(index++);
            }
        };
    }

    /** Lines {@code from} (inclusive) to {@code to} (exclusive), both already known to exist. */
    List<String> range(int from, int to) {
        if (from > to || to > 0 && !has(to - 1)) {
            throw new IndexOutOfBoundsException("lines " + from + " to " + to);
        }
        return List.copyOf(split.subList(from, to));
    }

    private boolean splitNext() {
        if (next >= end) {
            return false;
        }
        int stop = lineEnd(next);
        split.add(text.substring(next, stop));
        next = stop + 1;
        if (stop < end && text.charAt(stop) == '\r' && next < end && text.charAt(next) == '\n') {
            next++;
        }
        return true;
    }

    /** Where the line starting at {@code from} ends: its line break, or the end of what is read. */
    private int lineEnd(int from) {
        if (!carriageReturns) {
            int newline = text.indexOf('\n', from, end);
            return newline < 0 ? end : newline;
        }
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return end;
    }

    static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Columns of leading indentation, a tab counting to the next multiple of four. */
    static int indent(String line) {
        int columns = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                columns++;
            } else if (c == '\t') {
                columns += 4 - columns % 4;
            } else {
                return columns;
            }
        }
        return columns;
    }

    /** The line without its leading spaces and tabs. */
    static String stripLeading(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(i);
    }

    /** The line without trailing whitespace. */
    static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }

    /** True when the line (trailing whitespace aside) is {@code c} repeated at least {@code min} times. */
    static boolean isRunOf(String line, char c, int min) {
        String s = stripTrailing(line);
        if (s.length() < min) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }
}
