package dev.leviathan.engine.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.artifact.ArtifactStore;
import dev.leviathan.engine.event.CanonicalJson;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.target.BootstrapConfig;
import dev.leviathan.engine.target.Glob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The four artifacts of a bootstrapped commit. Each is canonical JSON (RFC 8785: sorted keys, no
 * whitespace) or sorted text with nothing machine- or time-dependent inside, so the same commit
 * and extractor versions give the same bytes, hence the same digests, on any machine.
 */
final class BootstrapArtifacts {

    static final String TREE = "repo_tree.txt";
    static final String MANIFEST = "repo_manifest.json";
    static final String WORKFLOWS = "workflows_manifest.json";
    static final String ROUTES = "api_routes.json";

    /** An artifact's name, bytes and media type, in the order they are recorded. */
    record Artifact(String name, byte[] content, String mediaType) {
    }

    private BootstrapArtifacts() {
    }

    static List<Artifact> of(FactContext context, BootstrapConfig config, CommitState state, BootstrapCounts counts) {
        List<Artifact> out = new ArrayList<>(4);
        StringBuilder tree = new StringBuilder(state.files().size() * 40);
        for (String path : state.files().keySet()) {
            tree.append(path).append('\n');
        }
        out.add(new Artifact(TREE, tree.toString().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8"));

        ObjectNode manifest = header(context);
        manifest.set("extractors", Json.MAPPER.valueToTree(context.extractors()));
        manifest.set("config", configJson(config));
        manifest.set("counts", counts.toJson());
        ArrayNode files = manifest.putArray("files");
        state.files().values().forEach(file -> files.add(file.toJson()));
        out.add(json(MANIFEST, manifest));

        ObjectNode workflows = header(context);
        ArrayNode list = workflows.putArray("workflows");
        state.workflows().forEach((path, payload) -> list.add(payload));
        out.add(json(WORKFLOWS, workflows));

        ObjectNode routes = header(context);
        ArrayNode routeList = routes.putArray("routes");
        state.routes().forEach(route -> routeList.add(route.toJson()));
        out.add(json(ROUTES, routes));
        return out;
    }

    /**
     * The state of an earlier bootstrapped commit, rebuilt from its artifacts; empty when an
     * artifact is missing from the store (then the bootstrap reads the whole commit instead).
     */
    static Optional<CommitState> readState(ArtifactStore store, String commit, Map<String, String> digests) {
        String manifestDigest = digests.get(MANIFEST);
        String workflowsDigest = digests.get(WORKFLOWS);
        String routesDigest = digests.get(ROUTES);
        if (manifestDigest == null || workflowsDigest == null || routesDigest == null
                || !store.contains(manifestDigest) || !store.contains(workflowsDigest)
                || !store.contains(routesDigest)) {
            return Optional.empty();
        }
        try {
            JsonNode manifest = Json.MAPPER.readTree(store.read(manifestDigest));
            SortedMap<String, ManifestFile> files = new TreeMap<>();
            for (JsonNode file : manifest.path("files")) {
                ManifestFile entry = ManifestFile.fromJson(file);
                files.put(entry.path(), entry);
            }
            SortedMap<String, ObjectNode> workflows = new TreeMap<>();
            for (JsonNode workflow : Json.MAPPER.readTree(store.read(workflowsDigest)).path("workflows")) {
                workflows.put(workflow.path("path").asText(), (ObjectNode) workflow);
            }
            List<RouteFact> routes = new ArrayList<>();
            for (JsonNode route : Json.MAPPER.readTree(store.read(routesDigest)).path("routes")) {
                routes.add(RouteFact.fromJson(route));
            }
            return Optional.of(new CommitState(commit, files, workflows, routes,
                    manifest.path("counts").path("excluded").asInt(), CanonicalJson.write(manifest.path("config"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the artifacts of commit " + commit + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode configJson(BootstrapConfig config) {
        ObjectNode node = Json.object();
        node.set("include", Json.MAPPER.valueToTree(config.include().stream().map(Glob::pattern).toList()));
        node.set("exclude", Json.MAPPER.valueToTree(config.exclude().stream().map(Glob::pattern).toList()));
        node.put("default_excludes", config.defaultExcludes());
        node.put("api_routes", config.apiRoutes());
        return node;
    }

    static String configKey(BootstrapConfig config) {
        return CanonicalJson.write(configJson(config));
    }

    private static ObjectNode header(FactContext context) {
        ObjectNode node = Json.object();
        node.put("target_id", context.targetId());
        node.put("commit", context.commit());
        return node;
    }

    private static Artifact json(String name, ObjectNode node) {
        return new Artifact(name, CanonicalJson.write(node).getBytes(StandardCharsets.UTF_8), "application/json");
    }
}
