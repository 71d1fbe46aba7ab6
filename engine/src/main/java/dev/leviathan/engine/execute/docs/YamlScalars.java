package dev.leviathan.engine.execute.docs;

import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Writes text values as YAML scalars that read back as exactly that text: plain when that is
 * unambiguous (and reads as a string under the Core schema, so {@code yes}, {@code 1.10} and
 * {@code null} are quoted), double-quoted otherwise.
 */
final class YamlScalars {

    private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();
    /** Plain in block context: no indicator first, no {@code ": "} or {@code " #"} inside (checked apart). */
    private static final Pattern BLOCK_PLAIN = Pattern.compile("[A-Za-z0-9._/][A-Za-z0-9 ._/()',`@+=-]*");
    /** Plain in flow context: also no commas, brackets, braces or spaces. */
    private static final Pattern FLOW_PLAIN = Pattern.compile("[A-Za-z0-9._/][A-Za-z0-9._/@+=-]*");

    private YamlScalars() {
    }

    /** Text a YAML document may hold: characters YAML cannot print are replaced, line breaks kept only if asked. */
    static String printable(String value, boolean keepNewlines) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' && keepNewlines) {
                out.append(c);
            } else if (c == '\t' && keepNewlines) {
                out.append(c);
            } else if (c < 0x20 || c == 0x7F || c >= 0x80 && c <= 0x9F || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if (c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF') {
                out.append('\uFFFD');
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String block(String value) {
        String text = printable(value, false);
        boolean plain = BLOCK_PLAIN.matcher(text).matches() && !text.contains(": ") && !text.contains(" #")
                && !text.endsWith(" ") && !text.endsWith(":") && isString(text);
        return plain ? text : quoted(text);
    }

    static String flow(String value) {
        String text = printable(value, false);
        return FLOW_PLAIN.matcher(text).matches() && isString(text) ? text : quoted(text);
    }

    private static boolean isString(String text) {
        return CORE.resolve(text, true).equals(Tag.STR);
    }

    /** A double-quoted scalar; line breaks and tabs are escapes, so it stays on one line. */
    static String quoted(String value) {
        String text = printable(value, true);
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
