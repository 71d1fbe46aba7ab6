package dev.leviathan.engine.bootstrap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.bootstrap.ci.CiExtractor;
import dev.leviathan.engine.bootstrap.ci.CiFact;
import dev.leviathan.engine.bootstrap.ci.CiSystem;
import dev.leviathan.engine.bootstrap.ci.MalformedCiFile;
import dev.leviathan.engine.bootstrap.classify.DocDetector;
import dev.leviathan.engine.bootstrap.classify.DocTitleReader;
import dev.leviathan.engine.bootstrap.classify.FileClassifier;
import dev.leviathan.engine.bootstrap.classify.FileKind;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the bootstrap learns from one blob: its kind, whether it is documentation and its title,
 * its CI definition, and the text route extractors read. Files that may hold credentials
 * ({@code .env}, keys) are classified by name and hashed, never read further.
 */
final class FileAnalyzer {

    /** Titles come from the head of a document; nobody's first heading is 64 KiB in. */
    static final int TITLE_BYTES = 64 * 1024;

    private final FileClassifier classifier = new FileClassifier();
    private final DocDetector docs = new DocDetector();
    private final DocTitleReader titles = new DocTitleReader();
    private final CiExtractor ci = new CiExtractor();

    static SortedMap<String, Integer> versions() {
        SortedMap<String, Integer> versions = new TreeMap<>();
        versions.put(FactEvents.CLASSIFY, FileClassifier.VERSION);
        versions.put(FactEvents.CI, CiExtractor.VERSION);
        return versions;
    }

    /**
     * @param content the whole blob, or null when it was too large to hold (then only its head
     *     is known: it is classified, not parsed)
     * @param keepSource whether a route extractor reads this file
     */
    ScannedFile analyse(CommitEntry entry, long size, String sha256, byte[] content, byte[] head, boolean keepSource) {
        String path = entry.path();
        if (entry.mode() == CommitEntry.Mode.SYMLINK) {
            // The blob of a symlink is the path it points to, not content of the repository's.
            return new ScannedFile(entry, size, sha256, "symlink", null, "other", false, null, null, null, null);
        }
        FileKind kind = classifier.classify(path, head);
        String category = kind.category().name().toLowerCase(Locale.ROOT);
        if (classifier.mayHoldSecrets(path) || kind.binary()) {
            return new ScannedFile(entry, size, sha256, kind.fileType(), kind.language(), category, kind.binary(), null,
                    null, null, null);
        }
        String docTitle = null;
        if (docs.isDoc(path, kind)) {
            byte[] start = content != null ? content : head;
            int length = Math.min(start.length, TITLE_BYTES);
            docTitle = titles.title(path, text(start, length));
        }
        ObjectNode workflow = null;
        CiFact ciFact = null;
        if (CiExtractor.isCiFile(path)) {
            CiFact fact = content != null ? ci.extract(path, text(content, content.length))
                    : new MalformedCiFile(path, path.startsWith(".github/") ? CiSystem.GITHUB_ACTIONS
                            : CiSystem.GITLAB_CI, "the file is larger than " + BlobScanner.WHOLE_LIMIT / (1024 * 1024)
                            + " MiB and was not read", 0, 0);
            workflow = ci.toPayload(fact);
            ciFact = fact;
        }
        String source = keepSource && content != null && content.length <= RouteExtraction.MAX_SOURCE_BYTES
                ? text(content, content.length) : null;
        return new ScannedFile(entry, size, sha256, kind.fileType(), kind.language(), category, false, docTitle,
                workflow, ciFact, source);
    }

    ScannedFile submodule(CommitEntry entry) {
        return new ScannedFile(entry, 0, null, "submodule", null, "other", false, null, null, null, null);
    }

    /** UTF-8 with a byte order mark dropped; malformed bytes become U+FFFD, never an error. */
    private static String text(byte[] bytes, int length) {
        int offset = length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3 : 0;
        return new String(bytes, offset, length - offset, StandardCharsets.UTF_8);
    }
}
