package dev.leviathan.engine.target;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code .leviathan/bootstrap.yaml}. */
final class BootstrapConfigReader {

    static final String EMPTY_HINT = "start with bootstrap: {exclude: [\"**/testdata/**\"]}, or delete the file";

    private BootstrapConfigReader() {
    }

    static Optional<BootstrapConfig> read(Node root, Problems problems) {
        Optional<YamlMap> mapping = YamlValues.mapping(root, FieldPath.root(), problems);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = mapping.get();
        map.allowOnly(List.of("bootstrap", "api_routes", "version"));
        List<Glob> include = List.of();
        List<Glob> exclude = List.of();
        boolean defaults = true;
        Optional<YamlMap> bootstrap = map.map("bootstrap");
        if (bootstrap.isPresent()) {
            YamlMap section = bootstrap.get();
            section.allowOnly(List.of("include", "exclude", "default_excludes"));
            include = section.get("include").map(node -> PolicyReader.globs(node, section.pathOf("include"), problems))
                    .orElse(List.of());
            exclude = section.get("exclude").map(node -> PolicyReader.globs(node, section.pathOf("exclude"), problems))
                    .orElse(List.of());
            defaults = section.bool("default_excludes", true);
        }
        boolean routes = true;
        Optional<YamlMap> apiRoutes = map.map("api_routes");
        if (apiRoutes.isPresent()) {
            apiRoutes.get().allowOnly(List.of("enabled"));
            routes = apiRoutes.get().bool("enabled", true);
        }
        map.text("version");
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new BootstrapConfig(include, exclude, defaults, routes, problems.warnings()));
    }
}
