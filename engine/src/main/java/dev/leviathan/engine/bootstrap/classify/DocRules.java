package dev.leviathan.engine.bootstrap.classify;

import java.util.Set;

/**
 * Which files are documentation. Shared by {@link FileClassifier} (which gives such files
 * {@link Category#DOC}) and {@link DocDetector}, so the category and the detector never disagree.
 */
final class DocRules {

    /** File types that are documentation wherever they are (unless they are test input). */
    static final Set<String> DOC_FORMATS = Set.of("markdown", "mdx", "rmarkdown", "quarto", "rst", "asciidoc",
            "org", "pod", "rdoc", "textile");

    /** Names (the part before the first dot, any case) of the documents every project keeps at hand. */
    private static final Set<String> DOC_STEMS = Set.of("readme", "changelog", "changes", "change_log", "change-log",
            "contributing", "contributors", "code_of_conduct", "code-of-conduct", "codeofconduct", "security",
            "authors", "history", "news", "upgrading", "upgrade", "migrating", "migration", "install",
            "installation", "support", "governance", "roadmap", "release_notes", "release-notes", "releasenotes",
            "releases", "maintainers", "thanks", "credits", "acknowledgments", "acknowledgements", "faq", "todo",
            "hacking");

    /** Stems that keep their meaning with a suffix: {@code README_zh}, {@code README-ja}, {@code CHANGELOG-1.x}. */
    private static final String[] DOC_STEM_PREFIXES = {"readme", "changelog", "changes", "release_notes",
            "release-notes", "history", "news"};

    private DocRules() {
    }

    /** True when a file of this type at this path is documentation (its content being text). */
    static boolean isDoc(PathParts p, String fileType) {
        if (p.lowerName().startsWith(".")) {
            return false;
        }
        boolean docFormat = DOC_FORMATS.contains(fileType);
        boolean plain = fileType.equals("text") || fileType.equals("unknown");
        if (!docFormat && !plain) {
            return false;
        }
        if (isWellKnownDocName(p)) {
            return true;
        }
        if (p.dirs().fixtures()) {
            return false;
        }
        if (docFormat || p.dirs().docs()) {
            return true;
        }
        boolean txt = p.ext().equals("txt") || p.ext().equals("text");
        return txt && !p.dirs().textData() && !p.dirs().data();
    }

    /** {@code README}, {@code CHANGELOG.md}, {@code README.zh-CN.md}, {@code Changes}, {@code NEWS}… */
    static boolean isWellKnownDocName(PathParts p) {
        String stem = p.lowerStem();
        if (DOC_STEMS.contains(stem)) {
            return true;
        }
        for (String prefix : DOC_STEM_PREFIXES) {
            if (stem.length() > prefix.length() + 1 && stem.startsWith(prefix)) {
                char separator = stem.charAt(prefix.length());
                if (separator == '_' || separator == '-') {
                    return true;
                }
            }
        }
        return false;
    }
}
