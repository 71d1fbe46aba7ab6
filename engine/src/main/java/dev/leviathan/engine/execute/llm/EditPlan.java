package dev.leviathan.engine.execute.llm;

import java.util.List;

/** A reply that passed every check: the edits to apply in order, and the model's summary. */
record EditPlan(List<FileEdit> edits, String summary) {

    EditPlan {
        edits = List.copyOf(edits);
    }

    long writes() {
        return edits.stream().filter(e -> e instanceof FileEdit.Write).count();
    }

    long deletes() {
        return edits.stream().filter(e -> e instanceof FileEdit.Delete).count();
    }

    /** One edit of a file, by a repository-relative path in normal form inside the allowed paths. */
    sealed interface FileEdit {

        String path();

        /** Creates the file or replaces its whole content. */
        record Write(String path, String content, long bytes) implements FileEdit {
        }

        /** Removes an existing regular file. */
        record Delete(String path) implements FileEdit {
        }
    }
}
