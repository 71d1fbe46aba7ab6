package dev.leviathan.console.attempts;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a unified diff with what it is, so the view colours it without parsing. Built off
 * the FX thread: a diff of thousands of lines becomes a list a virtualised ListView shows.
 */
public record DiffLine(Kind kind, String text) {

    public enum Kind {
        /** {@code diff --git}: where a file starts. */
        FILE,
        /** index, mode, rename and {@code ---}/{@code +++} lines. */
        META,
        /** {@code @@ … @@}. */
        HUNK,
        ADDED,
        REMOVED,
        CONTEXT
    }

    /** The lines of {@code diff}, and where each file's {@code diff --git} line is. */
    public record Parsed(List<DiffLine> lines, List<FileStart> files) {
    }

    /** A file of the diff: its path (the new one, or the old one for a deletion) and its first line. */
    public record FileStart(String path, int line) {
    }

    static Parsed parse(String diff) {
        List<DiffLine> lines = new ArrayList<>();
        List<FileStart> files = new ArrayList<>();
        boolean inHunk = false;
        String pending = null;
        int pendingLine = -1;
        if (diff.isEmpty()) {
            return new Parsed(List.of(), List.of());
        }
        String[] texts = diff.split("\n", -1);
        // A diff ends with a newline: the empty string after it is not a line.
        int count = diff.endsWith("\n") ? texts.length - 1 : texts.length;
        for (int i = 0; i < count; i++) {
            String text = texts[i];
            Kind kind;
            if (text.startsWith("diff --git ")) {
                if (pending != null) {
                    files.add(new FileStart(pending, pendingLine));
                }
                kind = Kind.FILE;
                inHunk = false;
                pending = pathOfHeader(text);
                pendingLine = lines.size();
            } else if (!inHunk) {
                if (text.startsWith("@@")) {
                    kind = Kind.HUNK;
                    inHunk = true;
                } else {
                    kind = Kind.META;
                    if (text.startsWith("+++ b/")) {
                        pending = text.substring("+++ b/".length());
                    }
                }
            } else if (text.startsWith("@@")) {
                kind = Kind.HUNK;
            } else if (text.startsWith("+")) {
                kind = Kind.ADDED;
            } else if (text.startsWith("-")) {
                kind = Kind.REMOVED;
            } else {
                kind = Kind.CONTEXT;
            }
            lines.add(new DiffLine(kind, text));
        }
        if (pending != null) {
            files.add(new FileStart(pending, pendingLine));
        }
        return new Parsed(List.copyOf(lines), List.copyOf(files));
    }

    /** {@code diff --git a/x b/y} → {@code y}; quoted or odd headers are shown as written. */
    private static String pathOfHeader(String header) {
        String rest = header.substring("diff --git ".length());
        int split = rest.indexOf(" b/");
        if (rest.startsWith("a/") && split > 0) {
            return rest.substring(split + " b/".length());
        }
        return rest;
    }
}
