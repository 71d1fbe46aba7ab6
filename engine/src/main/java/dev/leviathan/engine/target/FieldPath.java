package dev.leviathan.engine.target;

import java.util.regex.Pattern;

/** The path of a value inside a file, in the style {@link Problem} documents. */
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
