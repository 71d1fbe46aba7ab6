package dev.leviathan.engine.bootstrap.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language of a script named by its {@code #!} line: {@code #!/bin/bash},
 * {@code #!/usr/bin/env python3}, {@code #!/usr/bin/env -S deno run --allow-net},
 * {@code #!/usr/bin/env -S uv run --script}, {@code #!/usr/bin/env -S npx tsx}. Version suffixes
 * are dropped ({@code python3.12}, {@code ruby2.7}, {@code perl5}).
 */
final class Shebang {

    private static final FileKind MAKE = FileKind.text("makefile", Category.BUILD);

    /** Interpreter (its file name without version digits) to the language it runs. */
    private static final Map<String, String> INTERPRETERS = Map.ofEntries(
            Map.entry("sh", "shell"), Map.entry("bash", "shell"), Map.entry("zsh", "shell"), Map.entry("ksh", "shell"),
            Map.entry("mksh", "shell"), Map.entry("dash", "shell"), Map.entry("ash", "shell"),
            Map.entry("csh", "shell"), Map.entry("tcsh", "shell"), Map.entry("busybox", "shell"),
            Map.entry("fish", "fish"),
            Map.entry("python", "python"), Map.entry("pypy", "python"), Map.entry("uv", "python"),
            Map.entry("poetry", "python"), Map.entry("pipenv", "python"),
            Map.entry("node", "javascript"), Map.entry("nodejs", "javascript"), Map.entry("bun", "javascript"),
            Map.entry("zx", "javascript"),
            Map.entry("deno", "typescript"), Map.entry("ts-node", "typescript"), Map.entry("tsx", "typescript"),
            Map.entry("ruby", "ruby"), Map.entry("jruby", "ruby"),
            Map.entry("perl", "perl"), Map.entry("php", "php"), Map.entry("lua", "lua"), Map.entry("luajit", "lua"),
            Map.entry("rscript", "r"), Map.entry("pwsh", "powershell"), Map.entry("powershell", "powershell"),
            Map.entry("groovy", "groovy"), Map.entry("kotlin", "kotlin"), Map.entry("kscript", "kotlin"),
            Map.entry("scala", "scala"), Map.entry("swift", "swift"), Map.entry("julia", "julia"),
            Map.entry("elixir", "elixir"), Map.entry("escript", "erlang"), Map.entry("runghc", "haskell"),
            Map.entry("runhaskell", "haskell"), Map.entry("tclsh", "tcl"), Map.entry("wish", "tcl"),
            Map.entry("awk", "awk"), Map.entry("gawk", "awk"), Map.entry("mawk", "awk"), Map.entry("nawk", "awk"),
            Map.entry("osascript", "applescript"), Map.entry("crystal", "crystal"), Map.entry("dart", "dart"),
            Map.entry("java", "java"), Map.entry("nix-shell", "shell"), Map.entry("make", "make"));

    /** Runners that take the real interpreter as their next word. */
    private static final Map<String, String> RUNNERS = Map.of("npx", "javascript", "pnpx", "javascript",
            "bunx", "javascript");

    private Shebang() {
    }

    /** The kind of a script with this {@code #!} line (without the {@code #!}), or null. */
    static FileKind kindOf(String line) {
        String[] words = words(line);
        if (words.length == 0) {
            return null;
        }
        int at = 0;
        String interpreter = baseName(words[0]);
        if (interpreter.equals("env")) {
            at = 1;
            while (at < words.length && (words[at].startsWith("-") || words[at].indexOf('=') > 0)) {
                at++;
            }
            if (at >= words.length) {
                return null;
            }
            interpreter = baseName(words[at]);
        }
        String runner = RUNNERS.get(interpreter);
        if (runner != null) {
            String language = runner;
            for (int i = at + 1; i < words.length; i++) {
                if (!words[i].startsWith("-")) {
                    String inner = INTERPRETERS.get(withoutVersion(baseName(words[i])));
                    language = inner != null ? inner : runner;
                    break;
                }
            }
            return kindOfLanguage(language);
        }
        String language = INTERPRETERS.get(withoutVersion(interpreter));
        return language == null ? null : kindOfLanguage(language);
    }

    /** The line split at spaces and tabs, at most 12 words; no regular expression. */
    private static String[] words(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < line.length() && words.size() < 12) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                i++;
            }
            if (i > start) {
                words.add(line.substring(start, i));
            }
        }
        return words.toArray(String[]::new);
    }

    private static FileKind kindOfLanguage(String language) {
        if (language.equals("make")) {
            return MAKE;
        }
        return FileKind.code(language, language);
    }

    private static String baseName(String word) {
        return word.substring(word.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    /** {@code python3.12} is {@code python}, {@code perl5} is {@code perl}; {@code ts-node} stays. */
    private static String withoutVersion(String name) {
        int end = name.length();
        while (end > 0 && (Character.isDigit(name.charAt(end - 1)) || name.charAt(end - 1) == '.')) {
            end--;
        }
        return end == 0 ? name : name.substring(0, end);
    }
}
