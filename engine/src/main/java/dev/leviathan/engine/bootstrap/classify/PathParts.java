package dev.leviathan.engine.bootstrap.classify;

import java.util.Locale;
import java.util.Set;

/**
 * A repository path taken apart once, in one pass, so that every rule after it is a map lookup
 * or a prefix test.
 *
 * @param path the repository-relative path as given ({@code /} separators)
 * @param name the last segment, case kept
 * @param lowerName {@link #name} in lower case
 * @param ext the lower-case text after the last dot of the name, empty when there is none or the
 *     only dot starts the name ({@code .gitignore} has no extension)
 * @param ext2 the lower-case last two dot-separated parts ({@code d.ts} of {@code x.d.ts}), empty
 *     when the name has fewer than two extensions
 * @param lowerStem the lower-case name up to its first dot that is not its first character
 * @param parent the lower-case name of the directory holding the file, empty at the root
 * @param dirs flags about the directories on the way to the file
 */
record PathParts(String path, String name, String lowerName, String ext, String ext2, String lowerStem,
        String parent, DirFlags dirs) {

    /** Directories whose files are documentation. */
    private static final Set<String> DOC_DIRS = Set.of("doc", "docs", "documentation");

    /** Directories that hold input for tests: nothing in them documents the project. */
    private static final Set<String> FIXTURE_DIRS = Set.of("fixtures", "fixture", "__fixtures__", "testdata",
            "test-data", "test_data", "__snapshots__", "test-fixtures", "test_fixtures", "testfixtures");

    /** Directories whose generic data formats (JSON, YAML, XML, TOML) are data rather than configuration. */
    private static final Set<String> DATA_DIRS = Set.of("data", "datasets", "dataset", "locales", "locale", "i18n",
            "l10n", "translations");

    /** Directories whose plain {@code .txt} files are inputs, resources or served assets, not documents. */
    private static final Set<String> TEXT_DATA_DIRS = Set.of("test", "tests", "__tests__", "resources", "assets",
            "static", "public", "corpus", "samples", "sample");

    /**
     * @param docs some directory is {@code doc}, {@code docs} or {@code documentation}
     * @param fixtures some directory holds test fixtures ({@code fixtures}, {@code testdata},
     *     {@code __snapshots__}…); {@code src/test/resources} is not one: it holds configuration
     *     and notes as well as inputs
     * @param data some directory holds data or translations
     * @param textData some directory holds tests, resources or assets
     * @param licenses some directory is {@code LICENSES} (the REUSE layout) or {@code licenses}
     */
    record DirFlags(boolean docs, boolean fixtures, boolean data, boolean textData, boolean licenses) {
    }

    static PathParts of(String path) {
        String p = path;
        int slash = p.lastIndexOf('/');
        String name = p.substring(slash + 1);
        String lowerName = name.toLowerCase(Locale.ROOT);
        int lastDot = lowerName.lastIndexOf('.');
        String ext = lastDot > 0 ? lowerName.substring(lastDot + 1) : "";
        String ext2 = "";
        if (lastDot > 0) {
            int before = lowerName.lastIndexOf('.', lastDot - 1);
            if (before > 0) {
                ext2 = lowerName.substring(before + 1);
            }
        }
        int firstDot = lowerName.indexOf('.', 1);
        String lowerStem = firstDot > 0 ? lowerName.substring(0, firstDot) : lowerName;

        boolean docs = false;
        boolean fixtures = false;
        boolean data = false;
        boolean textData = false;
        boolean licenses = false;
        String parent = "";
        int start = 0;
        while (slash >= 0 && start <= slash) {
            int end = p.indexOf('/', start);
            String segment = p.substring(start, end).toLowerCase(Locale.ROOT);
            docs |= DOC_DIRS.contains(segment);
            fixtures |= FIXTURE_DIRS.contains(segment);
            data |= DATA_DIRS.contains(segment);
            textData |= TEXT_DATA_DIRS.contains(segment);
            licenses |= segment.equals("licenses");
            parent = segment;
            start = end + 1;
        }
        return new PathParts(p, name, lowerName, ext, ext2, lowerStem, parent,
                new DirFlags(docs, fixtures, data, textData, licenses));
    }

    /** True when the path is {@code dir/name} with {@code dir} given from the repository root. */
    boolean directlyUnder(String dir) {
        return path.length() > dir.length() + 1 && path.startsWith(dir) && path.charAt(dir.length()) == '/'
                && path.indexOf('/', dir.length() + 1) < 0;
    }

    /** True when the path lies somewhere below {@code dir}, given from the repository root. */
    boolean below(String dir) {
        return path.length() > dir.length() + 1 && path.startsWith(dir) && path.charAt(dir.length()) == '/';
    }
}
