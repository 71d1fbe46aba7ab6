package dev.leviathan.engine.target;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A path pattern from {@code policy.yaml}, matched against repository-relative paths with
 * forward slashes, case-sensitively:
 * <ul>
 *   <li>{@code *} matches any characters except {@code /}; {@code ?} matches one such character;</li>
 *   <li>{@code **} matches any characters including {@code /}; as a whole segment ({@code a/**},
 *       {@code **}{@code /b}, {@code a/**}{@code /b}) it matches zero or more directories, so
 *       {@code docs/**} matches {@code docs/x.md} and {@code docs/a/b.md}, and
 *       {@code **}{@code /*.key} matches {@code a.key} and {@code x/y/a.key};</li>
 *   <li>a pattern ending in {@code /} means everything below that directory ({@code docs/} is
 *       {@code docs/**});</li>
 *   <li>everything else, dots included, matches itself. {@code [...]} and {@code {a,b}} are not
 *       supported and are refused when the policy is loaded.</li>
 * </ul>
 */
public final class Glob {

    private final String pattern;
    private final Pattern regex;

    private Glob(String pattern) {
        this.pattern = pattern;
        this.regex = Pattern.compile(toRegex(pattern.endsWith("/") ? pattern + "**" : pattern));
    }

    /** A glob, or an exception if {@link #problem(String)} finds the pattern unusable. */
    public static Glob of(String pattern) {
        problem(pattern).ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal.message());
        });
        return new Glob(pattern);
    }

    /** Why {@code pattern} cannot be used as a policy glob, if it cannot. */
    static Optional<RepoPaths.Refusal> problem(String pattern) {
        Optional<RepoPaths.Refusal> shape = RepoPaths.checkShape(pattern);
        if (shape.isPresent()) {
            return shape;
        }
        for (String segment : pattern.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.of(new RepoPaths.Refusal("pattern '" + pattern + "' has a '" + segment + "' segment",
                        "write the path from the repository root without . or .."));
            }
        }
        if (pattern.matches(".*[\\[\\]{}].*")) {
            return Optional.of(new RepoPaths.Refusal("pattern '" + pattern + "' uses [...] or {...}, which are not supported",
                    "only *, ** and ? are special; list each alternative as its own entry"));
        }
        return Optional.empty();
    }

    public String pattern() {
        return pattern;
    }

    /** True if the repository-relative {@code path} matches the whole pattern. */
    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    private static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
            if (glob.startsWith("**/", i) && segmentStart) {
                out.append("(?:.*/)?");
                i += 3;
            } else if (glob.startsWith("**", i)) {
                out.append(".*");
                i += 2;
            } else if (c == '*') {
                out.append("[^/]*");
                i++;
            } else if (c == '?') {
                out.append("[^/]");
                i++;
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Glob glob && glob.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
