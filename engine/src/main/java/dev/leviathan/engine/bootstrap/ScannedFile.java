package dev.leviathan.engine.bootstrap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.bootstrap.ci.CiFact;

/**
 * What the bootstrap learned of one path of a commit, read from its blob.
 *
 * @param sha256 of the blob's content; null for a submodule (it has no blob here)
 * @param language the programming language of a code file, else null
 * @param docTitle the title of a documentation file, null when the file is not documentation
 * @param workflow the CI fact's payload when the file is a CI definition, else null
 * @param ci the CI fact itself (a workflow, a pipeline, or a malformed file), else null
 * @param source the text route extractors read (code files up to a size limit), else null
 */
record ScannedFile(CommitEntry entry, long size, String sha256, String fileType, String language, String category,
        boolean binary, String docTitle, ObjectNode workflow, CiFact ci, String source) {

    String path() {
        return entry.path();
    }

    boolean isDoc() {
        return docTitle != null;
    }

    boolean isWorkflow() {
        return workflow != null;
    }

    /** The same file without the text kept for route extraction, once routes are extracted. */
    ScannedFile withoutSource() {
        return source == null ? this : new ScannedFile(entry, size, sha256, fileType, language, category, binary,
                docTitle, workflow, ci, null);
    }
}
