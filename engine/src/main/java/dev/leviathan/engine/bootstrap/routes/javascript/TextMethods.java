package dev.leviathan.engine.bootstrap.routes.javascript;

import dev.leviathan.engine.bootstrap.routes.javascript.Value.Unknown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;

/**
 * String methods on strings the analysis knows, as route loaders use them on file names
 * ({@code file.replace(/\.js$/, '')}, {@code name.split('.')[0]}, {@code f.endsWith('.js')}).
 * Regular expressions run through {@link java.util.regex}, on short inputs and with a bounded
 * number of character reads, so no pattern can make the analysis hang.
 */
final class TextMethods {

    private static final int MAX_INPUT = 2_000;
    private static final int MAX_PATTERN = 200;
    /** Character reads a regular expression may make on one input before it is given up. */
    private static final int MAX_READS = 200_000;
    private static final int MAX_PARTS = Builtins.MAX_ITERATIONS * 4;

    /** Thrown by {@link BoundedText} when a pattern reads too much. */
    private static final class TooCostly extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TooCostly() {
            super(null, null, false, false);
        }
    }

    /** The input of a regular expression, counting reads: backtracking cannot run away. */
    private static final class BoundedText implements CharSequence {

        private final String text;
        private final int[] reads;

        BoundedText(String text, int[] reads) {
            this.text = text;
            this.reads = reads;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (++reads[0] > MAX_READS) {
                throw new TooCostly();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BoundedText(text.substring(start, end), reads);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private TextMethods() {
    }

    /** {@code s.key(args)}, or null when {@code key} is no string method handled here. */
    static Value call(String s, String key, List<CallArg> args) {
        if (s.length() > MAX_INPUT) {
            return null;
        }
        List<Value> values = new ArrayList<>();
        for (CallArg a : args) {
            values.add(a.value());
        }
        String a0 = values.isEmpty() ? null : Value.staticText(values.get(0));
        switch (key) {
            case "toLowerCase", "toLocaleLowerCase" -> {
                return text(s.toLowerCase(Locale.ROOT));
            }
            case "toUpperCase", "toLocaleUpperCase" -> {
                return text(s.toUpperCase(Locale.ROOT));
            }
            case "trim" -> {
                return text(s.strip());
            }
            case "trimStart", "trimLeft" -> {
                return text(s.stripLeading());
            }
            case "trimEnd", "trimRight" -> {
                return text(s.stripTrailing());
            }
            case "toString", "valueOf" -> {
                return text(s);
            }
            case "startsWith", "endsWith", "includes" -> {
                if (a0 == null || values.size() > 1) {
                    return Unknown.OPAQUE;
                }
                boolean r = key.equals("startsWith") ? s.startsWith(a0) : key.equals("endsWith") ? s.endsWith(a0)
                        : s.contains(a0);
                return new Value.Scalar(Boolean.toString(r));
            }
            case "indexOf", "lastIndexOf" -> {
                if (a0 == null || values.size() > 1) {
                    return Unknown.OPAQUE;
                }
                return new Value.Scalar(Integer.toString(key.equals("indexOf") ? s.indexOf(a0) : s.lastIndexOf(a0)));
            }
            case "slice", "substring", "substr" -> {
                return slice(s, key, values);
            }
            case "charAt" -> {
                Long k = values.isEmpty() ? Long.valueOf(0) : Truth.integer(values.get(0));
                if (k == null) {
                    return Unknown.OPAQUE;
                }
                return text(k >= 0 && k < s.length() ? String.valueOf(s.charAt(k.intValue())) : "");
            }
            case "concat" -> {
                StringBuilder sb = new StringBuilder(s);
                for (Value v : values) {
                    String t = Value.staticText(v);
                    if (t == null) {
                        return new Value.Text(sb.toString(), false);
                    }
                    sb.append(t);
                }
                return text(sb.toString());
            }
            case "split" -> {
                return split(s, values);
            }
            case "replace", "replaceAll" -> {
                return replace(s, key.equals("replaceAll"), values);
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code /re/.test(s)}. */
    static Value test(Value.Pattern p, List<CallArg> args) {
        String s = args.isEmpty() ? null : Value.staticText(args.get(0).value());
        java.util.regex.Pattern re = s == null || s.length() > MAX_INPUT ? null : compile(p.literal());
        if (re == null) {
            return Unknown.OPAQUE;
        }
        try {
            return new Value.Scalar(Boolean.toString(re.matcher(new BoundedText(s, new int[1])).find()));
        } catch (TooCostly | StackOverflowError e) {
            return Unknown.OPAQUE;
        }
    }

    private static Value slice(String s, String key, List<Value> values) {
        Long from = values.isEmpty() ? Long.valueOf(0) : Truth.integer(values.get(0));
        Long to = values.size() < 2 || values.get(1) == Unknown.UNDEFINED ? null : Truth.integer(values.get(1));
        if (from == null || (values.size() >= 2 && values.get(1) != Unknown.UNDEFINED && to == null)) {
            return Unknown.OPAQUE;
        }
        int n = s.length();
        int start;
        int end;
        switch (key) {
            case "slice" -> {
                start = (int) (from < 0 ? Math.max(0, n + from) : Math.min(from, n));
                end = to == null ? n : (int) (to < 0 ? Math.max(0, n + to) : Math.min(to, n));
            }
            case "substring" -> {
                int a = (int) Math.max(0, Math.min(from, n));
                int b = to == null ? n : (int) Math.max(0, Math.min(to, n));
                start = Math.min(a, b);
                end = Math.max(a, b);
            }
            default -> { // substr(start, length)
                start = (int) (from < 0 ? Math.max(0, n + from) : Math.min(from, n));
                end = to == null ? n : (int) Math.min(n, start + Math.max(0, to));
            }
        }
        return text(start >= end ? "" : s.substring(start, end));
    }

    private static Value split(String s, List<Value> values) {
        if (values.isEmpty() || values.get(0) == Unknown.UNDEFINED) {
            return new Value.Arr(List.of(text(s)));
        }
        List<String> parts = new ArrayList<>();
        if (values.get(0) instanceof Value.Pattern p) {
            java.util.regex.Pattern re = compile(p.literal());
            if (re == null) {
                return Unknown.OPAQUE;
            }
            try {
                Matcher m = re.matcher(new BoundedText(s, new int[1]));
                int last = 0;
                while (m.find() && parts.size() < MAX_PARTS) {
                    if (m.end() == m.start()) {
                        continue; // empty matches (`split(/x*/)`) are not followed
                    }
                    parts.add(s.substring(last, m.start()));
                    last = m.end();
                }
                parts.add(s.substring(last));
            } catch (TooCostly | StackOverflowError e) {
                return Unknown.OPAQUE;
            }
        } else {
            String separator = Value.staticText(values.get(0));
            if (separator == null) {
                return Unknown.OPAQUE;
            }
            if (separator.isEmpty()) {
                for (int k = 0; k < s.length() && parts.size() < MAX_PARTS; k++) {
                    parts.add(String.valueOf(s.charAt(k)));
                }
            } else {
                int from = 0;
                for (int at = s.indexOf(separator); at >= 0 && parts.size() < MAX_PARTS;
                        at = s.indexOf(separator, from)) {
                    parts.add(s.substring(from, at));
                    from = at + separator.length();
                }
                parts.add(s.substring(from));
            }
        }
        List<Value> out = new ArrayList<>();
        for (String part : parts) {
            out.add(text(part));
        }
        return new Value.Arr(out);
    }

    private static Value replace(String s, boolean all, List<Value> values) {
        if (values.size() < 2) {
            return Unknown.OPAQUE;
        }
        String replacement = Value.staticText(values.get(1));
        if (replacement == null || replacement.indexOf('$') >= 0) {
            return Unknown.OPAQUE; // a callback, or `$1`-style substitutions
        }
        if (values.get(0) instanceof Value.Pattern p) {
            java.util.regex.Pattern re = compile(p.literal());
            if (re == null) {
                return Unknown.OPAQUE;
            }
            boolean global = all || flags(p.literal()).indexOf('g') >= 0;
            try {
                Matcher m = re.matcher(new BoundedText(s, new int[1]));
                String quoted = Matcher.quoteReplacement(replacement);
                return text(global ? m.replaceAll(quoted) : m.replaceFirst(quoted));
            } catch (TooCostly | StackOverflowError e) {
                return Unknown.OPAQUE;
            }
        }
        String target = Value.staticText(values.get(0));
        if (target == null) {
            return Unknown.OPAQUE;
        }
        if (all) {
            return text(target.isEmpty() ? s : s.replace(target, replacement));
        }
        int at = s.indexOf(target);
        return text(at < 0 ? s : s.substring(0, at) + replacement + s.substring(at + target.length()));
    }

    /** A JavaScript regular expression literal ({@code /body/flags}) as a Java pattern, or null. */
    private static java.util.regex.Pattern compile(String literal) {
        int close = literal.lastIndexOf('/');
        if (!literal.startsWith("/") || close <= 0 || literal.length() > MAX_PATTERN) {
            return null;
        }
        String body = literal.substring(1, close);
        String flags = flags(literal);
        int options = 0;
        if (flags.indexOf('i') >= 0) {
            options |= java.util.regex.Pattern.CASE_INSENSITIVE;
        }
        if (flags.indexOf('m') >= 0) {
            options |= java.util.regex.Pattern.MULTILINE;
        }
        if (flags.indexOf('s') >= 0) {
            options |= java.util.regex.Pattern.DOTALL;
        }
        try {
            return java.util.regex.Pattern.compile(body, options);
        } catch (PatternSyntaxException | StackOverflowError e) {
            return null;
        }
    }

    private static String flags(String literal) {
        return literal.substring(literal.lastIndexOf('/') + 1);
    }

    private static Value text(String s) {
        return new Value.Text(s, true);
    }
}
