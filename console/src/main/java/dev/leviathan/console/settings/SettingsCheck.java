package dev.leviathan.console.settings;

import dev.leviathan.engine.settings.SettingsEnvironment;
import dev.leviathan.engine.settings.SavedSettings;
import dev.leviathan.engine.settings.SavedSettings.Llm;
import dev.leviathan.engine.settings.SavedSettings.SecretSource;
import dev.leviathan.engine.settings.SavedSettings.Store;
import dev.leviathan.engine.execute.llm.LlmSettings;
import dev.leviathan.engine.execute.llm.LlmSettingsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks settings before they are saved: URL shapes, that a named file exists and is readable,
 * whether a named environment variable is set. It looks at files, so it runs off the FX thread.
 * No finding ever contains a secret's value: variables are reported as set or not set.
 */
public final class SettingsCheck {

    public enum Field { STORE_URL, STORE_PASSWORD, LLM_BASE_URL, LLM_MODEL, LLM_KEY, LLM }

    public enum Severity { INFO, WARNING, ERROR }

    public record Finding(Field field, Severity severity, String message) {
    }

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)[?&;]password=");

    private SettingsCheck() {
    }

    public static List<Finding> check(SavedSettings settings, Map<String, String> env) {
        List<Finding> findings = new ArrayList<>();
        if (settings.store() instanceof Store.Postgres pg) {
            checkStoreUrl(pg.url(), findings);
            checkSource(Field.STORE_PASSWORD, "password", pg.password(), false, env, findings);
        }
        Llm llm = settings.llm();
        if (llm.configured()) {
            checkLlm(llm, env, findings);
        }
        return List.copyOf(findings);
    }

    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    private static void checkStoreUrl(String url, List<Finding> findings) {
        if (url.isEmpty()) {
            findings.add(error(Field.STORE_URL, "Enter the server's JDBC URL, such as"
                    + " jdbc:postgresql://db.example.org:5432/leviathan"));
            return;
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            findings.add(error(Field.STORE_URL, "A PostgreSQL URL has the form"
                    + " jdbc:postgresql://HOST:PORT/DATABASE"));
            return;
        }
        if (PASSWORD_PARAM.matcher(url).find()) {
            findings.add(error(Field.STORE_URL, "The URL carries a password, which would be saved as typed:"
                    + " remove it and name an environment variable or a file below instead"));
            return;
        }
        URI uri;
        try {
            uri = new URI(url.substring("jdbc:".length()));
        } catch (URISyntaxException e) {
            findings.add(error(Field.STORE_URL, "Not a URL: " + e.getReason()));
            return;
        }
        if (uri.getRawUserInfo() != null) {
            findings.add(error(Field.STORE_URL, "Put the user in the User field and the password in a variable or"
                    + " a file, not in the URL"));
        } else if (uri.getHost() == null || uri.getHost().isBlank()) {
            findings.add(error(Field.STORE_URL, "The URL names no host: jdbc:postgresql://HOST:PORT/DATABASE"));
        } else if (uri.getPath() == null || uri.getPath().length() < 2) {
            findings.add(error(Field.STORE_URL, "The URL names no database: jdbc:postgresql://HOST:PORT/DATABASE"));
        }
    }

    private static void checkLlm(Llm llm, Map<String, String> env, List<Finding> findings) {
        int before = findings.size();
        if (llm.baseUrl().isEmpty()) {
            findings.add(error(Field.LLM_BASE_URL, "Enter the API root, such as https://api.openai.com/v1"));
        } else {
            try {
                URI uri = new URI(llm.baseUrl());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (uri.getRawUserInfo() != null) {
                    findings.add(error(Field.LLM_BASE_URL, "The URL carries user info; the credential belongs in"
                            + " the key"));
                } else if (!scheme.equals("http") && !scheme.equals("https")) {
                    findings.add(error(Field.LLM_BASE_URL, "Must be an http:// or https:// URL"));
                } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                    findings.add(error(Field.LLM_BASE_URL, "The URL names no host"));
                } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    findings.add(error(Field.LLM_BASE_URL, "No query or fragment: the client appends"
                            + " /chat/completions to it"));
                }
            } catch (URISyntaxException e) {
                findings.add(error(Field.LLM_BASE_URL, "Not a URL: " + e.getReason()));
            }
        }
        if (llm.model().isEmpty()) {
            findings.add(error(Field.LLM_MODEL, "Enter the model name, such as gpt-4o-mini"));
        }
        checkSource(Field.LLM_KEY, "API key", llm.key(), true, env, findings);
        boolean clean = findings.subList(before, findings.size()).stream()
                .noneMatch(f -> f.severity() != Severity.INFO);
        if (clean) {
            // The engine's own reading of these settings, as an attempt would read them.
            try {
                LlmSettings.fromEnvironment(SettingsEnvironment.apply(
                        new SavedSettings(new Store.Embedded(), llm, SavedSettings.Theme.LIGHT),
                        withoutLlmVariables(env)));
            } catch (LlmSettingsException e) {
                findings.add(error(Field.LLM, e.getMessage()));
            }
        }
    }

    private static Map<String, String> withoutLlmVariables(Map<String, String> env) {
        Map<String, String> copy = new java.util.HashMap<>(env);
        SettingsEnvironment.LLM_VARIABLES.forEach(copy::remove);
        return copy;
    }

    private static void checkSource(Field field, String what, SecretSource source, boolean required,
            Map<String, String> env, List<Finding> findings) {
        switch (source) {
            case SecretSource.None none -> {
                if (required) {
                    findings.add(error(field, "Name the environment variable or the file that holds the " + what
                            + " (a local server that needs no key accepts any value)"));
                }
            }
            case SecretSource.EnvironmentVariable variable -> {
                String name = variable.name();
                if (name.isEmpty()) {
                    findings.add(error(field, "Name the environment variable that holds the " + what));
                } else if (!VARIABLE.matcher(name).matches()) {
                    findings.add(error(field, name + " is not an environment variable name (letters, digits, _)"));
                } else if (SettingsEnvironment.isSet(env, name)) {
                    findings.add(new Finding(field, Severity.INFO, name + " is set in this console's environment"
                            + " (its value is not shown)"));
                } else {
                    findings.add(new Finding(field, Severity.WARNING, name + " is not set in this console's"
                            + " environment: set it before the console starts"));
                }
            }
            case SecretSource.File file -> {
                String text = file.path();
                if (text.isEmpty()) {
                    findings.add(error(field, "Enter the path of the file that holds the " + what));
                    return;
                }
                Path path;
                try {
                    path = Path.of(text);
                } catch (InvalidPathException e) {
                    findings.add(error(field, "Not a usable path: " + e.getReason()));
                    return;
                }
                if (!path.isAbsolute()) {
                    findings.add(error(field, "Give an absolute path, so it means the same wherever the console"
                            + " starts"));
                } else if (!Files.isRegularFile(path)) {
                    findings.add(error(field, text + " does not exist or is not a file"));
                } else if (!Files.isReadable(path)) {
                    findings.add(error(field, text + " is not readable by this user"));
                } else {
                    findings.add(new Finding(field, Severity.INFO, "The file exists and is readable (its content"
                            + " is not shown)"));
                }
            }
        }
    }

    private static Finding error(Field field, String message) {
        return new Finding(field, Severity.ERROR, message);
    }
}
