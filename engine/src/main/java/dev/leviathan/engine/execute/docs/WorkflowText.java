package dev.leviathan.engine.execute.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a workflow file, to cite evidence by line. The facts say what a workflow does;
 * this says where: a top-level key, a job, a {@code uses:}, a word. It reads lines, not YAML,
 * so it also works on a file the CI reader refused; a line it cannot find is 0.
 */
final class WorkflowText {

    private final List<String> code;

    private WorkflowText(List<String> code) {
        this.code = code;
    }

    static WorkflowText of(String text) {
        List<String> code = new ArrayList<>();
        text.lines().forEach(line -> code.add(withoutComment(line)));
        return new WorkflowText(code);
    }

    static WorkflowText empty() {
        return new WorkflowText(List.of());
    }

    /** The line without a trailing comment: a {@code #} at the start or after a space, outside quotes. */
    static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** 1-based line of {@code key:} at the start of a line (also quoted: {@code "on":}), or 0. */
    int topLevelKey(String key) {
        for (int i = 0; i < code.size(); i++) {
            if (isKey(code.get(i), key, 0)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** 1-based line of the job {@code id} under {@code jobs:}, or 0. */
    int job(String id) {
        int jobs = topLevelKey("jobs");
        if (jobs == 0) {
            return 0;
        }
        int indent = -1;
        for (int i = jobs; i < code.size(); i++) {
            String line = code.get(i);
            if (line.isBlank()) {
                continue;
            }
            int lead = indent(line);
            if (lead == 0) {
                return 0;
            }
            if (indent < 0) {
                indent = lead;
            }
            if (lead == indent && isKey(line, id, indent)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** 1-based line of the first {@code uses:} whose value is {@code reference}, or 0. */
    int uses(String reference) {
        for (int i = 0; i < code.size(); i++) {
            String line = code.get(i).strip();
            if (line.startsWith("- ")) {
                line = line.substring(2).strip();
            }
            if (!line.startsWith("uses:")) {
                continue;
            }
            String value = line.substring("uses:".length()).strip();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            if (value.equals(reference)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** 1-based lines where {@code word} appears as a whole word outside comments. */
    List<Integer> mentions(String word) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            String line = code.get(i);
            int at = line.indexOf(word);
            while (at >= 0) {
                boolean before = at == 0 || !wordChar(line.charAt(at - 1));
                int end = at + word.length();
                boolean after = end >= line.length() || !wordChar(line.charAt(end));
                if (before && after) {
                    out.add(i + 1);
                    break;
                }
                at = line.indexOf(word, at + 1);
            }
        }
        return out;
    }

    /** True when some line sets {@code key:} at any depth. */
    boolean hasKeyAnywhere(String key) {
        for (String line : code) {
            String stripped = line.strip();
            if (stripped.startsWith("- ")) {
                stripped = stripped.substring(2).strip();
            }
            if (isKey(stripped, key, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKey(String line, String key, int indent) {
        if (indent(line) != indent) {
            return false;
        }
        String rest = line.substring(indent);
        for (String written : List.of(key, "\"" + key + "\"", "'" + key + "'")) {
            if (rest.startsWith(written + ":")) {
                String after = rest.substring(written.length() + 1);
                return after.isEmpty() || after.charAt(0) == ' ' || after.charAt(0) == '\t';
            }
        }
        return false;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
