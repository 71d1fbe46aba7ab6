package dev.leviathan.engine.aegis.scenario;

import java.util.regex.Pattern;

/**
 * Where a value sits in a scenario file, as a user would find it: keys joined by dots, list items by
 * their 0-based index ({@code workloads[1].limits.memory}); a key that is not a plain word is quoted in
 * brackets ({@code labels["a.b/c"]}). The root is {@code ""}.
 */
record FieldPath(String text) {

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_-]+");

    static FieldPath root() {
        return new FieldPath("");
    }

    FieldPath field(String name) {
        if (!WORD.matcher(name).matches()) {
            return new FieldPath(text + "[\"" + name.replace("\"", "\\\"") + "\"]");
        }
        return new FieldPath(text.isEmpty() ? name : text + "." + name);
    }

    FieldPath index(int index) {
        return new FieldPath(text + "[" + index + "]");
    }

    @Override
    public String toString() {
        return text;
    }
}
