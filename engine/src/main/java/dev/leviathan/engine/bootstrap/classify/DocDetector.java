package dev.leviathan.engine.bootstrap.classify;

import java.util.Objects;

/**
 * Decides which files are documentation. A file is a document when its content is text and
 * <ul>
 *   <li>it has a well-known documentation name, in any case, with or without an extension
 *       ({@code README}, {@code CHANGELOG}, {@code CHANGES}, {@code CONTRIBUTING},
 *       {@code CODE_OF_CONDUCT}, {@code SECURITY}, {@code AUTHORS}, {@code HISTORY}, {@code NEWS},
 *       {@code UPGRADING}, {@code INSTALL}, {@code SUPPORT}, {@code MAINTAINERS}…, and
 *       {@code README_zh}, {@code README-ja}) and is plain text or a documentation format; or</li>
 *   <li>it is in a documentation format (Markdown and its kin, reST, AsciiDoc, Org, POD, RDoc,
 *       Textile) and not among test fixtures ({@code fixtures/}, {@code testdata/},
 *       {@code __snapshots__/}…); or</li>
 *   <li>it is plain or unrecognised text under a {@code doc/}, {@code docs/} or
 *       {@code documentation/} directory (not among fixtures); or</li>
 *   <li>it is a {@code .txt} file outside fixture, test, resource, asset and data directories.</li>
 * </ul>
 * Never documents: license and notice texts (their own category), dependency lists
 * ({@code requirements*.txt}), build files ({@code CMakeLists.txt}), web files
 * ({@code robots.txt}), dotfiles, binaries, code, configuration and images, wherever they are.
 * {@link FileClassifier} gives exactly these files {@link Category#DOC}.
 */
public final class DocDetector {

    /** True when the file at {@code path}, of kind {@code kind}, is documentation. */
    public boolean isDoc(String path, FileKind kind) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        if (kind.binary()) {
            return false;
        }
        Category category = kind.category();
        if (category != Category.DOC && category != Category.OTHER) {
            return false;
        }
        return DocRules.isDoc(PathParts.of(path), kind.fileType());
    }
}
