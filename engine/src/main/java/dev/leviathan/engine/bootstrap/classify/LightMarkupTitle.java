package dev.leviathan.engine.bootstrap.classify;

import java.util.Locale;

/**
 * Titles of the lesser documentation formats: Org ({@code #+TITLE:}, else the first
 * {@code * heading}), Perl POD (the paragraph under {@code =head1 NAME}, else the first
 * {@code =headN}), RDoc (the first {@code = heading}) and Textile (the first {@code hN.}).
 */
final class LightMarkupTitle {

    private LightMarkupTitle() {
    }

    static String org(TextLines lines) {
        boolean inBlock = false;
        for (String raw : lines) {
            String line = TextLines.stripTrailing(raw);
            String lower = TextLines.stripLeading(line).toLowerCase(Locale.ROOT);
            if (inBlock) {
                inBlock = !lower.startsWith("#+end_");
                continue;
            }
            if (lower.startsWith("#+begin_")) {
                inBlock = true;
                continue;
            }
            if (lower.startsWith("#+title:")) {
                String title = InlineMarkup.org(TextLines.stripLeading(line).substring(8));
                if (!title.isEmpty()) {
                    return title;
                }
                continue;
            }
            int stars = 0;
            while (stars < line.length() && line.charAt(stars) == '*') {
                stars++;
            }
            if (stars > 0 && stars < line.length() && line.charAt(stars) == ' ') {
                String text = line.substring(stars + 1).trim();
                if (text.startsWith("[#") && text.length() > 4 && text.charAt(3) == ']') {
                    text = text.substring(4).trim();
                }
                String title = InlineMarkup.org(text);
                if (!title.isEmpty()) {
                    return title;
                }
            }
        }
        return null;
    }

    static String pod(TextLines lines) {
        for (int i = 0; lines.has(i); i++) {
            String line = TextLines.stripTrailing(lines.get(i));
            if (!line.startsWith("=head")) {
                continue;
            }
            String text = line.length() > 6 ? line.substring(6).trim() : "";
            if (text.equalsIgnoreCase("NAME")) {
                for (int j = i + 1; lines.has(j); j++) {
                    String next = lines.get(j).trim();
                    if (next.startsWith("=")) {
                        break;
                    }
                    if (!next.isEmpty()) {
                        return InlineMarkup.finish(withoutPodCodes(next));
                    }
                }
                continue;
            }
            String title = InlineMarkup.finish(withoutPodCodes(text));
            if (!title.isEmpty()) {
                return title;
            }
        }
        return null;
    }

    static String rdoc(TextLines lines) {
        for (String raw : lines) {
            String line = TextLines.stripTrailing(raw);
            int level = 0;
            while (level < line.length() && line.charAt(level) == '=') {
                level++;
            }
            if (level > 0 && level <= 6 && level < line.length()) {
                String title = InlineMarkup.markdown(line.substring(level));
                if (!title.isEmpty()) {
                    return title;
                }
            }
        }
        return null;
    }

    static String textile(TextLines lines) {
        for (String raw : lines) {
            String line = TextLines.stripTrailing(raw);
            if (line.length() < 4 || line.charAt(0) != 'h' || line.charAt(1) < '1' || line.charAt(1) > '6') {
                continue;
            }
            int dot = line.indexOf(". ", 2);
            if (dot < 0 || dot > 40) {
                continue;
            }
            String title = InlineMarkup.finish(line.substring(dot + 2));
            if (!title.isEmpty()) {
                return title;
            }
        }
        return null;
    }

    /** {@code B<bold>}, {@code C<code>}, {@code L<text|link>}, {@code C<< a->b >>} show their text. */
    private static String withoutPodCodes(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' && i + 1 < s.length() && s.charAt(i + 1) == '<') {
                int open = i + 1;
                int angles = 0;
                while (open + angles < s.length() && s.charAt(open + angles) == '<') {
                    angles++;
                }
                String closing = ">".repeat(angles);
                int close = angles == 1 ? matchingAngle(s, open) : s.indexOf(closing, open + angles);
                if (close < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                String inner = withoutPodCodes(s.substring(open + angles, close).trim());
                if (c == 'L' && inner.indexOf('|') >= 0) {
                    inner = inner.substring(0, inner.indexOf('|'));
                }
                if (c != 'X' && c != 'Z') {
                    out.append(inner);
                }
                i = close + angles;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int matchingAngle(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '<') {
                depth++;
            } else if (s.charAt(i) == '>') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
