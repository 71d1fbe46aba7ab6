package dev.leviathan.engine.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.Json;

/**
 * One indexed file of a commit as {@code repo_manifest.json} lists it: enough to count the
 * commit's files and to diff it against a later commit without reading its blobs again.
 *
 * @param docTitle the title when the file is documentation, else null
 */
record ManifestFile(String path, String mode, String gitObject, String sha256, long size, String fileType,
        String language, String category, boolean binary, String docTitle) {

    static ManifestFile of(ScannedFile file) {
        return new ManifestFile(file.path(), file.entry().mode().wire(), file.entry().objectId().name(), file.sha256(),
                file.size(), file.fileType(), file.language(), file.category(), file.binary(), file.docTitle());
    }

    boolean isDoc() {
        return docTitle != null;
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("path", path);
        node.put("mode", mode);
        node.put("git_object", gitObject);
        if (sha256 != null) {
            node.put("sha256", sha256);
        }
        node.put("size_bytes", size);
        node.put("file_type", fileType);
        if (language != null) {
            node.put("language", language);
        }
        node.put("category", category);
        node.put("binary", binary);
        if (docTitle != null) {
            node.put("doc_title", docTitle);
        }
        return node;
    }

    static ManifestFile fromJson(JsonNode node) {
        return new ManifestFile(node.path("path").asText(), node.path("mode").asText("file"),
                node.path("git_object").asText(), text(node, "sha256"), node.path("size_bytes").asLong(),
                node.path("file_type").asText("unknown"), text(node, "language"), node.path("category").asText("other"),
                node.path("binary").asBoolean(false), text(node, "doc_title"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
