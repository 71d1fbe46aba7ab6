package dev.leviathan.engine.bootstrap;

import dev.leviathan.engine.config.Secret;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The token an https clone or fetch authenticates with, from the environment only: it is never
 * stored, logged, or put into an event. {@code LEVIATHAN_GIT_TOKEN_<TARGET>} (the target id in
 * upper case, dashes as underscores) wins over {@code LEVIATHAN_GIT_TOKEN}; the user name is
 * {@code LEVIATHAN_GIT_USERNAME}, by default {@code x-access-token} (what GitHub expects with a
 * token; GitLab and Gitea accept any name with a token).
 */
record GitCredentials(String username, Secret token) {

    static final String TOKEN = "LEVIATHAN_GIT_TOKEN";
    static final String USERNAME = "LEVIATHAN_GIT_USERNAME";

    static Optional<GitCredentials> fromEnvironment(Map<String, String> env, String targetId) {
        String specific = TOKEN + "_" + targetId.toUpperCase(Locale.ROOT).replace('-', '_');
        String token = firstNonBlank(env.get(specific), env.get(TOKEN));
        if (token == null) {
            return Optional.empty();
        }
        String user = firstNonBlank(env.get(USERNAME), "x-access-token");
        return Optional.of(new GitCredentials(user, Secret.of(token)));
    }

    CredentialsProvider provider() {
        return new UsernamePasswordCredentialsProvider(username, token.reveal());
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first.strip();
        }
        return second == null || second.isBlank() ? null : second.strip();
    }
}
