package dev.leviathan.engine.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.event.Json;
import java.util.SortedMap;
import java.util.TreeMap;

/** What a commit holds, counted: the summary a bootstrap prints and {@code repo.indexed} records. */
public record BootstrapCounts(int files, long sizeBytes, int binary, int symlinks, int submodules, int excluded,
        SortedMap<String, Integer> byType, SortedMap<String, Integer> byCategory,
        SortedMap<String, Integer> byLanguage, int docs, int workflows, int malformedWorkflows, int routes,
        int unresolvedRoutes, SortedMap<String, Integer> routesByFramework) {

    static BootstrapCounts of(CommitState state) {
        SortedMap<String, Integer> byType = new TreeMap<>();
        SortedMap<String, Integer> byCategory = new TreeMap<>();
        SortedMap<String, Integer> byLanguage = new TreeMap<>();
        long size = 0;
        int binary = 0;
        int symlinks = 0;
        int submodules = 0;
        int docs = 0;
        for (ManifestFile file : state.files().values()) {
            byType.merge(file.fileType(), 1, Integer::sum);
            byCategory.merge(file.category(), 1, Integer::sum);
            if (file.language() != null) {
                byLanguage.merge(file.language(), 1, Integer::sum);
            }
            size += file.size();
            binary += file.binary() ? 1 : 0;
            symlinks += file.mode().equals(CommitEntry.Mode.SYMLINK.wire()) ? 1 : 0;
            submodules += file.mode().equals(CommitEntry.Mode.SUBMODULE.wire()) ? 1 : 0;
            docs += file.isDoc() ? 1 : 0;
        }
        int malformed = (int) state.workflows().values().stream()
                .filter(w -> "malformed_ci_file".equals(w.path("fact").asText())).count();
        SortedMap<String, Integer> byFramework = new TreeMap<>();
        int unresolved = 0;
        for (RouteFact route : state.routes()) {
            byFramework.merge(route.route().framework(), 1, Integer::sum);
            unresolved += route.route().resolved() ? 0 : 1;
        }
        return new BootstrapCounts(state.files().size(), size, binary, symlinks, submodules, state.excluded(), byType,
                byCategory, byLanguage, docs, state.workflows().size(), malformed, state.routes().size(), unresolved,
                byFramework);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("total_files", files);
        node.put("size_bytes", sizeBytes);
        node.put("binary", binary);
        node.put("symlinks", symlinks);
        node.put("submodules", submodules);
        node.put("excluded", excluded);
        node.set("by_type", Json.MAPPER.valueToTree(byType));
        node.set("by_category", Json.MAPPER.valueToTree(byCategory));
        node.set("by_language", Json.MAPPER.valueToTree(byLanguage));
        node.put("docs", docs);
        node.put("workflows", workflows);
        node.put("malformed_workflows", malformedWorkflows);
        node.put("api_routes", routes);
        node.put("unresolved_routes", unresolvedRoutes);
        node.set("routes_by_framework", Json.MAPPER.valueToTree(routesByFramework));
        return node;
    }

    public static BootstrapCounts fromJson(JsonNode node) {
        return new BootstrapCounts(node.path("total_files").asInt(), node.path("size_bytes").asLong(),
                node.path("binary").asInt(), node.path("symlinks").asInt(), node.path("submodules").asInt(),
                node.path("excluded").asInt(), counts(node.path("by_type")), counts(node.path("by_category")),
                counts(node.path("by_language")), node.path("docs").asInt(), node.path("workflows").asInt(),
                node.path("malformed_workflows").asInt(), node.path("api_routes").asInt(),
                node.path("unresolved_routes").asInt(), counts(node.path("routes_by_framework")));
    }

    private static SortedMap<String, Integer> counts(JsonNode node) {
        SortedMap<String, Integer> out = new TreeMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }
}
