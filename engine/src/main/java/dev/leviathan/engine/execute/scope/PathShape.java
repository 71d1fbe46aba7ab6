package dev.leviathan.engine.execute.scope;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks on the shape of any path a change writes, old or new: relative, forward slashes,
 * no empty, {@code .} or {@code ..} segment, no control character, and nothing git itself owns
 * ({@code .git} at any depth, {@code .gitmodules}) in any spelling some file system reads as that
 * name. Paths from a real work tree rarely fail these; changes built another way (from a model's
 * answer, from a patch) can, and the guard judges those too.
 */
final class PathShape {

    private PathShape() {
    }

    static List<Finding> check(String path) {
        List<Finding> findings = new ArrayList<>();
        if (path.isEmpty()) {
            findings.add(new Finding(ScopeRule.EMPTY_SEGMENT, "the path is empty"));
            return findings;
        }
        boolean absolute = path.startsWith("/") || isDrive(path);
        if (absolute) {
            findings.add(new Finding(ScopeRule.ABSOLUTE_PATH, "the path is absolute, outside the repository"));
        }
        if (path.indexOf('\\') >= 0) {
            findings.add(new Finding(ScopeRule.BACKSLASH, "the path has a backslash, a path separator on Windows"));
        }
        path.codePoints().filter(UnicodeForm::isControl).findFirst().ifPresent(cp -> findings.add(new Finding(
                ScopeRule.CONTROL_CHARACTER, "the path has the control character " + DisplayText.character(cp))));
        Set<ScopeRule> seen = EnumSet.noneOf(ScopeRule.class);
        String[] segments = path.split("/", -1);
        for (int i = path.startsWith("/") ? 1 : 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.isEmpty()) {
                add(findings, seen, ScopeRule.EMPTY_SEGMENT, last ? "the path ends with '/', it names no file"
                        : "the path has an empty segment ('//')");
            } else if (segment.equals(".")) {
                add(findings, seen, ScopeRule.DOT_SEGMENT, "the path has a '.' segment");
            } else if (segment.equals("..")) {
                add(findings, seen, ScopeRule.PARENT_SEGMENT, "the path has a '..' segment, which leads out of its directory"
                        + " and can lead out of the repository");
            } else if (isDotGit(segment)) {
                add(findings, seen, ScopeRule.GIT_DIRECTORY, last
                        ? "the path is a .git file (" + DisplayText.quote(segment) + "), which points git at another repository"
                        : "the path is inside a .git directory (" + DisplayText.quote(segment)
                                + "), git's own metadata: hooks, config, objects");
            } else if (last && isGitmodules(segment)) {
                add(findings, seen, ScopeRule.GITMODULES, "the path is .gitmodules (" + DisplayText.quote(segment)
                        + "), which declares submodules and where git fetches them from");
            }
        }
        return findings;
    }

    private static void add(List<Finding> findings, Set<ScopeRule> seen, ScopeRule rule, String reason) {
        if (seen.add(rule)) {
            findings.add(new Finding(rule, reason));
        }
    }

    private static boolean isDrive(String path) {
        return path.length() >= 2 && path.charAt(1) == ':' && path.charAt(0) < 0x80 && Character.isLetter(path.charAt(0));
    }

    /**
     * {@code .git} as some file system reads it: any case (macOS, Windows), trailing dots and
     * spaces dropped (Windows), the 8.3 short name {@code git~1}, an NTFS stream
     * ({@code .git::$INDEX_ALLOCATION}), invisible characters ignored (HFS+).
     */
    static boolean isDotGit(String segment) {
        String name = asFileSystemsRead(segment);
        return name.equals(".git") || name.equals("git~1") || name.startsWith(".git:");
    }

    static boolean isGitmodules(String segment) {
        String name = asFileSystemsRead(segment);
        return name.equals(".gitmodules") || name.equals("gitmod~1") || name.startsWith(".gitmodules:");
    }

    private static String asFileSystemsRead(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        segment.codePoints().filter(cp -> !UnicodeForm.isInvisible(cp)).forEach(out::appendCodePoint);
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == '.' || out.charAt(end - 1) == ' ')) {
            end--;
        }
        return out.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
