package dev.leviathan.engine.execute.scope;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Follows a symlink textually through the {@link ResultTree}, segment by segment as the kernel
 * does: a segment that is itself a symlink is replaced by that link's target, relative to the
 * link's directory, before the next segment ({@code ..} after a link climbs from where the link
 * points, not from where it sits). Backslashes count as separators, since a checkout on Windows
 * may read them so. At most {@value #MAX_HOPS} links are followed, as in Linux.
 */
final class SymlinkResolution {

    static final int MAX_HOPS = 40;

    sealed interface Outcome {
    }

    /** The link resolves to {@code path} inside the repository ({@code ""} is the root). */
    record Resolved(String path, List<String> through) implements Outcome {
    }

    record Escapes(String reason) implements Outcome {
    }

    record Invalid(String reason) implements Outcome {
    }

    record Loop(String reason) implements Outcome {
    }

    private SymlinkResolution() {
    }

    static Outcome resolve(String linkPath, String target, ResultTree tree) {
        String problem = targetProblem(target);
        if (problem != null) {
            return new Invalid("its target " + problem);
        }
        String text = target.replace('\\', '/');
        if (isAbsolute(text)) {
            return new Escapes("its target " + DisplayText.quote(target) + " is absolute, outside the repository");
        }
        Deque<String> resolved = new ArrayDeque<>();
        int slash = linkPath.lastIndexOf('/');
        if (slash > 0) {
            for (String segment : linkPath.substring(0, slash).split("/")) {
                resolved.addLast(segment);
            }
        }
        Deque<String> pending = new ArrayDeque<>();
        prepend(pending, text);
        List<String> through = new ArrayList<>();
        int hops = 0;
        while (!pending.isEmpty()) {
            String segment = pending.removeFirst();
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (resolved.isEmpty()) {
                    return new Escapes("its target " + DisplayText.quote(target) + " climbs out of the repository"
                            + via(through));
                }
                resolved.removeLast();
                continue;
            }
            resolved.addLast(segment);
            String current = String.join("/", resolved);
            String next = tree.linkTarget(current).orElse(null);
            if (next == null) {
                continue;
            }
            if (++hops > MAX_HOPS) {
                return new Loop("following it goes through more than " + MAX_HOPS + " symlinks" + via(through));
            }
            through.add(current);
            String nextProblem = targetProblem(next);
            if (nextProblem != null) {
                return new Invalid("it resolves through " + DisplayText.quote(current) + ", whose target " + nextProblem);
            }
            String nextText = next.replace('\\', '/');
            if (isAbsolute(nextText)) {
                return new Escapes("it resolves through " + DisplayText.quote(current) + ", whose target "
                        + DisplayText.quote(next) + " is absolute, outside the repository");
            }
            resolved.removeLast();
            prepend(pending, nextText);
        }
        return new Resolved(String.join("/", resolved), List.copyOf(through));
    }

    /** ", through 'a', 'b'" when the chain went through other links. */
    static String via(List<String> through) {
        if (through.isEmpty()) {
            return "";
        }
        List<String> quoted = through.stream().map(DisplayText::quote).toList();
        return " (through " + String.join(", ", quoted) + ")";
    }

    private static String targetProblem(String target) {
        if (target.isEmpty()) {
            return "is empty";
        }
        if (target.getBytes(StandardCharsets.UTF_8).length > BaseTree.MAX_LINK_TARGET_BYTES) {
            return "is longer than " + BaseTree.MAX_LINK_TARGET_BYTES + " bytes";
        }
        int control = target.codePoints().filter(UnicodeForm::isControl).findFirst().orElse(-1);
        if (control >= 0) {
            return "has the control character " + DisplayText.character(control);
        }
        if (UnicodeForm.firstInvalid(target) >= 0) {
            return "is not valid UTF-8";
        }
        return null;
    }

    private static boolean isAbsolute(String text) {
        return text.startsWith("/") || (text.length() >= 2 && text.charAt(1) == ':' && text.charAt(0) < 0x80
                && Character.isLetter(text.charAt(0)));
    }

    private static void prepend(Deque<String> pending, String text) {
        String[] segments = text.split("/", -1);
        for (int i = segments.length - 1; i >= 0; i--) {
            pending.addFirst(segments[i]);
        }
    }
}
