package dev.leviathan.engine.bootstrap.classify;

import java.util.Objects;
import java.util.Set;

/**
 * Says what each file of a repository is, from its path and the first bytes of its blob.
 *
 * <p>Order of evidence: names of secret-bearing files first (their content is never looked at),
 * then exact names, places, name patterns and extensions; only when the path says nothing does
 * the content decide ({@code #!} line, else text or binary). Content then refines what the name
 * said: a NUL byte among the first 8000 bytes or a Git LFS pointer marks the blob binary, a YAML
 * file with top-level {@code apiVersion:} and {@code kind:} is a Kubernetes manifest, a
 * {@code .m} file with {@code %} comments is MATLAB. Last, documentation and data roles are given
 * by {@link DocRules} and by the directories the file sits in.
 *
 * <p>Stateless and safe to share between threads. Each call is linear in the path's length plus at
 * most one pass over the first 8000 bytes; there are no regular expressions.
 */
public final class FileClassifier {

    /**
     * Bumped whenever the output of {@link #classify}, {@link DocDetector#isDoc} or
     * {@link DocTitleReader#title} changes for some input; fact ids include it.
     */
    public static final int VERSION = 1;

    private static final FileKind UNKNOWN = FileKind.text("unknown", Category.OTHER);
    private static final FileKind TEXT = FileKind.text("text", Category.OTHER);
    private static final FileKind BINARY = FileKind.binaryOf("binary", Category.BINARY);
    private static final FileKind LFS_POINTER = FileKind.binaryOf("lfs-pointer", Category.BINARY);

    /** Generic formats whose files are data, not configuration, when they sit among fixtures or data. */
    private static final Set<String> DATA_CAPABLE = Set.of("json", "yaml", "xml", "toml");

    /**
     * The kind of the file at {@code path}.
     *
     * @param path repository-relative, {@code /}-separated
     * @param headBytes the blob's first bytes (up to 8000 are looked at), or null when they were not
     *     read; a null head gives {@code unknown} for files the path says nothing about
     */
    public FileKind classify(String path, byte[] headBytes) {
        Objects.requireNonNull(path, "path");
        PathParts p = PathParts.of(path);
        FileKind secret = SecretNames.match(p);
        if (secret != null) {
            return secret;
        }
        BlobHead head = headBytes == null ? null : BlobHead.of(headBytes);
        FileKind named = NameRules.match(p);
        FileKind kind = named != null ? refine(named, p, head) : fromContent(p, head);
        return withRole(kind, p);
    }

    /**
     * True when the file at {@code path} may hold credentials, so that its content should not be
     * read at all; decided by the path alone ({@code .env}, {@code id_rsa}, {@code *.pem}…).
     */
    public boolean mayHoldSecrets(String path) {
        Objects.requireNonNull(path, "path");
        FileKind secret = SecretNames.match(PathParts.of(path));
        return secret != null && secret.category() == Category.SECRET;
    }

    private static FileKind refine(FileKind named, PathParts p, BlobHead head) {
        if (head == null) {
            return named;
        }
        FileKind kind = named;
        if (kind.fileType().equals("yaml") && kind.category() == Category.CONFIG) {
            if (head.hasLineStartingWith("apiVersion:") && head.hasLineStartingWith("kind:")) {
                kind = FileKind.text("kubernetes", Category.INFRA);
            } else if (head.contains("AWSTemplateFormatVersion") || head.contains("AWS::Serverless")) {
                kind = FileKind.text("cloudformation", Category.INFRA);
            }
        } else if (kind.fileType().equals("json") && kind.category() == Category.CONFIG
                && head.contains("\"AWSTemplateFormatVersion\"")) {
            kind = FileKind.text("cloudformation", Category.INFRA);
        } else if (kind.fileType().equals("objective-c") && p.ext().equals("m") && head.readsAsMatlab()) {
            kind = FileKind.code("matlab", "matlab");
        }
        if (!kind.binary() && (head.hasNul() || head.isLfsPointer())) {
            kind = kind.asBinary();
        }
        return kind;
    }

    private static FileKind fromContent(PathParts p, BlobHead head) {
        boolean dotfile = p.lowerName().startsWith(".");
        if (head == null) {
            return dotfile ? UNKNOWN.withCategory(Category.CONFIG) : UNKNOWN;
        }
        if (head.isLfsPointer()) {
            return LFS_POINTER;
        }
        if (head.hasNul()) {
            return BINARY;
        }
        String shebang = head.shebangLine();
        if (shebang != null) {
            FileKind script = Shebang.kindOf(shebang);
            if (script != null) {
                return script;
            }
        }
        return dotfile ? TEXT.withCategory(Category.CONFIG) : TEXT;
    }

    /** Documentation, test input and data are roles the place of a file gives its format. */
    private static FileKind withRole(FileKind kind, PathParts p) {
        String type = kind.fileType();
        boolean docFormat = DocRules.DOC_FORMATS.contains(type);
        boolean plain = type.equals("text") || type.equals("unknown");
        if (docFormat || plain) {
            if (kind.binary()) {
                return kind.withCategory(Category.BINARY);
            }
            if (kind.category() != Category.DOC && kind.category() != Category.OTHER) {
                // A name rule gave this text a role of its own (runtime.txt, .bazelversion).
                return kind;
            }
            if (DocRules.isDoc(p, type)) {
                return kind.withCategory(Category.DOC);
            }
            if (docFormat || kind.category() == Category.DOC) {
                return kind.withCategory(Category.DATA);
            }
            return kind;
        }
        if (DATA_CAPABLE.contains(type) && kind.category() == Category.CONFIG
                && (p.dirs().fixtures() || p.dirs().data())) {
            return kind.withCategory(Category.DATA);
        }
        return kind;
    }
}
