package dev.leviathan.console.attempts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Colours for code in a diff, one line at a time: keywords, strings, comments and numbers of the
 * languages a reviewer meets most, chosen by the file's name. Deliberately a line lexer: a diff
 * shows hunks, not whole files, so a string or comment that spans lines cannot be known anyway and
 * is coloured as far as the line shows it.
 */
public final class SyntaxColours {

    public enum Token { KEYWORD, STRING, COMMENT, NUMBER }

    /** {@code [start, end)} of the line is a {@code token}. */
    public record Span(int start, int end, Token token) {
    }

    /** How a language writes comments and strings, and its keywords. */
    public record Language(String name, Set<String> keywords, String lineComment, boolean blockComments,
            String quotes) {
    }

    private static final Set<String> JAVA = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "if", "implements", "import", "instanceof", "int", "interface",
            "long", "native", "new", "package", "private", "protected", "public", "record", "return", "sealed",
            "permits", "short", "static", "super", "switch", "synchronized", "this", "throw", "throws", "try",
            "var", "void", "volatile", "while", "yield", "true", "false", "null");
    private static final Set<String> KOTLIN = Set.of("as", "break", "class", "continue", "do", "else", "false",
            "for", "fun", "if", "in", "interface", "is", "null", "object", "package", "return", "super", "this",
            "throw", "true", "try", "typealias", "val", "var", "when", "while", "import", "private", "public",
            "internal", "override", "data", "sealed", "open", "companion", "suspend");
    private static final Set<String> SCRIPT = Set.of("async", "await", "break", "case", "catch", "class", "const",
            "continue", "default", "delete", "do", "else", "export", "extends", "false", "finally", "for",
            "from", "function", "if", "import", "in", "instanceof", "interface", "let", "new", "null", "of",
            "return", "static", "super", "switch", "this", "throw", "true", "try", "type", "typeof", "undefined",
            "var", "void", "while", "yield", "enum", "implements", "private", "public", "readonly");
    private static final Set<String> GO = Set.of("break", "case", "chan", "const", "continue", "default", "defer",
            "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package",
            "range", "return", "select", "struct", "switch", "type", "var", "nil", "true", "false");
    private static final Set<String> RUST = Set.of("as", "async", "await", "break", "const", "continue", "crate",
            "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod",
            "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true",
            "type", "unsafe", "use", "where", "while");
    private static final Set<String> C = Set.of("auto", "break", "case", "char", "class", "const", "continue",
            "default", "delete", "do", "double", "else", "enum", "extern", "float", "for", "goto", "if", "inline",
            "int", "long", "namespace", "new", "nullptr", "private", "protected", "public", "return", "short",
            "signed", "sizeof", "static", "struct", "switch", "template", "this", "typedef", "union", "unsigned",
            "using", "virtual", "void", "volatile", "while", "true", "false", "bool");
    private static final Set<String> CSHARP = Set.of("abstract", "as", "async", "await", "base", "bool", "break",
            "case", "catch", "class", "const", "continue", "default", "do", "else", "enum", "false", "finally",
            "for", "foreach", "if", "in", "int", "interface", "internal", "is", "namespace", "new", "null",
            "override", "private", "protected", "public", "readonly", "return", "static", "string", "struct",
            "switch", "this", "throw", "true", "try", "using", "var", "virtual", "void", "while");
    private static final Set<String> PYTHON = Set.of("and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "False", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "None", "nonlocal", "not", "or", "pass", "raise", "return", "True",
            "try", "while", "with", "yield", "match", "case");
    private static final Set<String> RUBY = Set.of("alias", "and", "begin", "break", "case", "class", "def", "do",
            "else", "elsif", "end", "ensure", "false", "for", "if", "in", "module", "next", "nil", "not", "or",
            "redo", "rescue", "retry", "return", "self", "super", "then", "true", "unless", "until", "when",
            "while", "yield", "require");
    private static final Set<String> SHELL = Set.of("if", "then", "else", "elif", "fi", "for", "while", "do",
            "done", "case", "esac", "in", "function", "return", "local", "export", "set", "echo", "exit");
    private static final Set<String> SQL = Set.of("select", "from", "where", "insert", "into", "values", "update",
            "set", "delete", "create", "table", "index", "drop", "alter", "add", "column", "primary", "key",
            "foreign", "references", "not", "null", "and", "or", "join", "left", "right", "inner", "outer", "on",
            "group", "by", "order", "having", "limit", "as", "distinct", "union", "default", "unique", "begin",
            "commit", "case", "when", "then", "else", "end");
    private static final Set<String> DOCKERFILE = Set.of("FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD",
            "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK",
            "SHELL", "AS");
    private static final Set<String> DATA = Set.of("true", "false", "null", "yes", "no", "on", "off");

    private static final Language JAVA_LANGUAGE = new Language("java", JAVA, "//", true, "\"'");
    private static final Language SCRIPT_LANGUAGE = new Language("javascript", SCRIPT, "//", true, "\"'`");
    private static final Language HASHED_DATA = new Language("yaml", DATA, "#", false, "\"'");

    private static final Map<String, Language> BY_EXTENSION = Map.ofEntries(
            Map.entry("java", JAVA_LANGUAGE),
            Map.entry("groovy", JAVA_LANGUAGE),
            Map.entry("gradle", JAVA_LANGUAGE),
            Map.entry("scala", JAVA_LANGUAGE),
            Map.entry("kt", new Language("kotlin", KOTLIN, "//", true, "\"'")),
            Map.entry("kts", new Language("kotlin", KOTLIN, "//", true, "\"'")),
            Map.entry("js", SCRIPT_LANGUAGE),
            Map.entry("mjs", SCRIPT_LANGUAGE),
            Map.entry("cjs", SCRIPT_LANGUAGE),
            Map.entry("jsx", SCRIPT_LANGUAGE),
            Map.entry("ts", SCRIPT_LANGUAGE),
            Map.entry("tsx", SCRIPT_LANGUAGE),
            Map.entry("go", new Language("go", GO, "//", true, "\"'`")),
            Map.entry("rs", new Language("rust", RUST, "//", true, "\"")),
            Map.entry("c", new Language("c", C, "//", true, "\"'")),
            Map.entry("h", new Language("c", C, "//", true, "\"'")),
            Map.entry("cc", new Language("c++", C, "//", true, "\"'")),
            Map.entry("cpp", new Language("c++", C, "//", true, "\"'")),
            Map.entry("hpp", new Language("c++", C, "//", true, "\"'")),
            Map.entry("cs", new Language("c#", CSHARP, "//", true, "\"'")),
            Map.entry("py", new Language("python", PYTHON, "#", false, "\"'")),
            Map.entry("rb", new Language("ruby", RUBY, "#", false, "\"'")),
            Map.entry("sh", new Language("shell", SHELL, "#", false, "\"'")),
            Map.entry("bash", new Language("shell", SHELL, "#", false, "\"'")),
            Map.entry("zsh", new Language("shell", SHELL, "#", false, "\"'")),
            Map.entry("yml", HASHED_DATA),
            Map.entry("yaml", HASHED_DATA),
            Map.entry("toml", new Language("toml", DATA, "#", false, "\"'")),
            Map.entry("sql", new Language("sql", SQL, "--", true, "'\"")));

    private SyntaxColours() {
    }

    /** The language of a file by its name, or empty for prose, data without comments, and the unknown. */
    public static Optional<Language> languageOf(String path) {
        if (path == null) {
            return Optional.empty();
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("Dockerfile") || name.endsWith(".Dockerfile") || name.equals("Containerfile")) {
            return Optional.of(new Language("dockerfile", DOCKERFILE, "#", false, "\"'"));
        }
        if (name.equals("Makefile") || name.equals("Jenkinsfile")) {
            return Optional.of(name.equals("Makefile") ? new Language("make", SHELL, "#", false, "\"'")
                    : JAVA_LANGUAGE);
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** The coloured stretches of one line of code, in order and never overlapping. */
    public static List<Span> spans(Language language, String line) {
        List<Span> spans = new ArrayList<>();
        boolean caseless = language.name().equals("sql");
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (line.startsWith(language.lineComment(), i)) {
                spans.add(new Span(i, n, Token.COMMENT));
                break;
            }
            if (language.blockComments() && line.startsWith("/*", i)) {
                int close = line.indexOf("*/", i + 2);
                int end = close < 0 ? n : close + 2;
                spans.add(new Span(i, end, Token.COMMENT));
                i = end;
                continue;
            }
            if (language.quotes().indexOf(c) >= 0) {
                int end = closingQuote(line, i, c);
                spans.add(new Span(i, end, Token.STRING));
                i = end;
                continue;
            }
            if (Character.isDigit(c) && (i == 0 || !isWordPart(line.charAt(i - 1)))) {
                int end = i + 1;
                while (end < n && (isWordPart(line.charAt(end)) || line.charAt(end) == '.')) {
                    end++;
                }
                spans.add(new Span(i, end, Token.NUMBER));
                i = end;
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && isWordPart(line.charAt(end))) {
                    end++;
                }
                String word = line.substring(i, end);
                if (language.keywords().contains(caseless ? word.toLowerCase(Locale.ROOT) : word)) {
                    spans.add(new Span(i, end, Token.KEYWORD));
                }
                i = end;
                continue;
            }
            i++;
        }
        return spans;
    }

    /** Just past the quote that closes the one at {@code open}, skipping escaped ones; the line's end if none. */
    private static int closingQuote(String line, int open, char quote) {
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return line.length();
    }

    private static boolean isWordPart(char c) {
        return Character.isJavaIdentifierPart(c);
    }
}
