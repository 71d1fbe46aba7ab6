package dev.leviathan.engine.bootstrap.classify;

import java.util.Set;

/**
 * Names of files that may hold credentials. They are recognised by name alone, before anything
 * else, so that no rule ever needs their content: the caller can ask before reading a blob.
 * Templates of them ({@code .env.example}, {@code .env.sample}…) are ordinary configuration.
 */
final class SecretNames {

    private static final FileKind DOTENV = FileKind.text("dotenv", Category.SECRET);
    private static final FileKind DOTENV_TEMPLATE = FileKind.text("dotenv", Category.CONFIG);
    private static final FileKind ENVRC = new FileKind("envrc", "shell", Category.SECRET, false);
    private static final FileKind PRIVATE_KEY = FileKind.text("private-key", Category.SECRET);
    private static final FileKind CREDENTIALS = FileKind.text("credentials", Category.SECRET);

    /** SSH private keys by their default names (the {@code .pub} halves are public keys). */
    private static final Set<String> SSH_KEYS = Set.of("id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk",
            "id_ed25519_sk");

    /** Credential stores of common tools, by exact (lower-case) name. */
    private static final Set<String> CREDENTIAL_FILES = Set.of(".netrc", "_netrc", ".pgpass", ".git-credentials",
            ".htpasswd", ".npmrc", ".pypirc", ".dockercfg", ".s3cfg", ".boto");

    /** Words of a dotenv name that make it a committed template rather than a live file. */
    private static final Set<String> TEMPLATE_WORDS = Set.of("example", "examples", "sample", "samples",
            "template", "templates", "tmpl", "tpl", "dist", "jinja", "jinja2", "j2", "in", "default", "defaults",
            "skel", "schema");

    private SecretNames() {
    }

    /** The secret kind the name says, or null when the name says nothing of secrets. */
    static FileKind match(PathParts p) {
        String lower = p.lowerName();
        if (lower.equals(".envrc")) {
            return ENVRC;
        }
        if (isDotenvName(lower, p.ext(), p.ext2())) {
            return isTemplate(lower) ? DOTENV_TEMPLATE : DOTENV;
        }
        if (SSH_KEYS.contains(lower)) {
            return PRIVATE_KEY;
        }
        if (CREDENTIAL_FILES.contains(lower)) {
            return CREDENTIALS;
        }
        if (lower.equals("credentials") && p.parent().equals(".aws")) {
            return CREDENTIALS;
        }
        FileKind byExtension = ExtensionTable.compound(p.ext2());
        if (byExtension == null) {
            byExtension = ExtensionTable.simple(p.ext());
        }
        return byExtension != null && byExtension.category() == Category.SECRET ? byExtension : null;
    }

    /**
     * {@code .env}, {@code .env.local}, {@code .env-prod}, {@code prod.env}, {@code env.example},
     * {@code prod.env.example}.
     */
    private static boolean isDotenvName(String lower, String ext, String ext2) {
        if (lower.equals(".env") || lower.startsWith(".env.") || lower.startsWith(".env-")
                || lower.startsWith(".env_")) {
            return true;
        }
        if (ext.equals("env")) {
            return true;
        }
        if (ext2.startsWith("env.") && isTemplate(ext)) {
            return true;
        }
        return lower.startsWith("env.") && isTemplate(lower.substring(4));
    }

    /** True when a word of the name (split at dots, dashes and underscores) marks a template. */
    private static boolean isTemplate(String lower) {
        int start = 0;
        for (int i = 0; i <= lower.length(); i++) {
            if (i == lower.length() || lower.charAt(i) == '.' || lower.charAt(i) == '-' || lower.charAt(i) == '_') {
                if (i > start && TEMPLATE_WORDS.contains(lower.substring(start, i))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
