package dev.leviathan.engine.execute.llm;

/**
 * Text from the endpoint or the model made fit to show in a log line or a reason: no control or
 * format characters (which could forge lines or hide text), no broken surrogates, bounded length.
 */
final class Printable {

    private Printable() {
    }

    /** One line: every run of whitespace and control characters becomes one space; at most {@code max} chars. */
    static String oneLine(String text, int max) {
        return clean(text, max, false);
    }

    /** Line breaks kept, tabs as spaces, other control and format characters dropped; at most {@code max} chars. */
    static String text(String text, int max) {
        return clean(text, max, true);
    }

    private static String clean(String text, int max, boolean keepLines) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 1);
        boolean space = false;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (keepLines && cp == '\n') {
                out.append('\n');
                space = false;
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                space = out.length() > 0 && out.charAt(out.length() - 1) != '\n';
                continue;
            }
            if (Character.getType(cp) == Character.FORMAT || (cp >= 0xD800 && cp <= 0xDFFF)) {
                continue;
            }
            if (out.length() >= max) {
                return out.toString().strip() + "…";
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString().strip();
    }
}
