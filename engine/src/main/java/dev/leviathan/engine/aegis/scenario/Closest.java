package dev.leviathan.engine.aegis.scenario;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for misspelt field names, types and references. */
final class Closest {

    /** How many names a hint lists before it says how many more there are. */
    static final int LISTED = 10;

    private Closest() {
    }

    /**
     * The candidate nearest to {@code word} (ignoring case) when it is at most two edits away, and fewer
     * edits than {@code word} has characters (so {@code x} suggests nothing). Ties go to the first candidate.
     */
    static Optional<String> to(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.min(2, word.length() - 1) ? Optional.of(best) : Optional.empty();
    }

    /** "did you mean 'web'? Known workloads: web, api" or, with nothing close, "known workloads: web, api". */
    static String hint(String word, List<String> candidates, String lead) {
        String listed = lead + ": " + list(candidates);
        return to(word, candidates)
                .map(best -> "did you mean '" + best + "'? " + capitalised(listed))
                .orElse(listed);
    }

    /** As {@link #hint} but listing every candidate: for a fixed vocabulary (fields, chaos types, diagnoses). */
    static String hintAll(String word, List<String> candidates, String lead) {
        String listed = lead + ": " + String.join(", ", candidates);
        return to(word, candidates)
                .map(best -> "did you mean '" + best + "'? " + capitalised(listed))
                .orElse(listed);
    }

    /** The first {@link #LISTED} names, then how many more; "none" for no names. */
    static String list(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", names.subList(0, Math.min(LISTED, names.size())));
        return names.size() > LISTED ? shown + " (and " + (names.size() - LISTED) + " more)" : shown;
    }

    /**
     * Optimal string alignment distance: an insertion, deletion, substitution or swap of two neighbours
     * costs one, so {@code lables} is one edit from {@code labels}.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
