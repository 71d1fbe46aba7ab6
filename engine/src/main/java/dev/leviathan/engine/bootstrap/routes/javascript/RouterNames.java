package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.Set;

/**
 * Names that, on an untyped parameter nobody passes an app or router to, are taken to mean one
 * ({@code module.exports = (app) => { app.get(…) }} loaded by a directory scan). Kept narrow:
 * {@code api}, {@code client} or {@code http} are as often HTTP clients.
 */
final class RouterNames {

    private static final Set<String> EXACT = Set.of("app", "application", "router", "server", "routes", "expressApp");

    private RouterNames() {
    }

    static boolean looksLikeRouter(String name) {
        // A bundler renames a second binding of a name by a suffix (rollup's `router$1`).
        int dollar = name.lastIndexOf('$');
        if (dollar > 0 && dollar < name.length() - 1 && name.substring(dollar + 1).chars().allMatch(Character::isDigit)) {
            name = name.substring(0, dollar);
        }
        if (EXACT.contains(name) || name.equals("App") || name.equals("Router")) {
            return true;
        }
        // camelCase compounds: expressApp, mainApp, apiRouter, appRouter, routerV1
        if (endsWithWord(name, "App") || endsWithWord(name, "Router")) {
            return true;
        }
        return startsWithWord(name, "app") || startsWithWord(name, "router");
    }

    private static boolean endsWithWord(String name, String word) {
        return name.length() > word.length() && name.endsWith(word)
                && Character.isLowerCase(name.charAt(name.length() - word.length() - 1));
    }

    private static boolean startsWithWord(String name, String word) {
        return name.length() > word.length() && name.startsWith(word)
                && (Character.isUpperCase(name.charAt(word.length())) || Character.isDigit(name.charAt(word.length()))
                        || name.charAt(word.length()) == '_');
    }
}
