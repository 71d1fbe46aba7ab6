package dev.leviathan.engine.target;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a target file. */
final class TargetConfigReader {

    static final String EMPTY_HINT = "write name: and repo_url:";

    /** Safe as a file name and inside a branch name. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final List<String> FIELDS = List.of("name", "repo_url", "default_branch", "local_cache_dir",
            "contract_path", "backlog_path", "policy_path");

    private TargetConfigReader() {
    }

    static Optional<TargetConfig> read(org.snakeyaml.engine.v2.nodes.Node root, Problems problems) {
        Optional<YamlMap> mapping = YamlValues.mapping(root, FieldPath.root(), problems);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = mapping.get();
        map.allowOnly(FIELDS);
        Optional<String> name = map.requiredText("name", "add name: followed by a short name such as radix");
        name.filter(n -> !NAME.matcher(n).matches()).ifPresent(n -> problems.error(map.get("name").orElseThrow(),
                map.pathOf("name"), "target name '" + n + "' has characters other than letters, digits, '.', '_' and '-'",
                "use a name such as " + n.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "")));
        Optional<String> repoUrl = map.requiredText("repo_url", "add repo_url: followed by the clone URL or a local path");
        String branch = map.text("default_branch").orElse(TargetConfig.DEFAULT_BRANCH);
        Optional<String> cache = map.text("local_cache_dir");
        String contract = repoFile(map, "contract_path", TargetConfig.DEFAULT_CONTRACT_PATH);
        String backlog = repoFile(map, "backlog_path", TargetConfig.DEFAULT_BACKLOG_PATH);
        String policy = repoFile(map, "policy_path", TargetConfig.DEFAULT_POLICY_PATH);
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new TargetConfig(name.orElseThrow(), repoUrl.orElseThrow(), branch, cache, contract,
                backlog, policy, problems.warnings()));
    }

    private static String repoFile(YamlMap map, String key, String fallback) {
        Optional<String> value = map.text(key);
        value.ifPresent(path -> {
            Optional<RepoPaths.Refusal> refusal = path.endsWith("/")
                    ? Optional.of(new RepoPaths.Refusal("path '" + path + "' is a directory", "write it as " + fallback))
                    : RepoPaths.check(path);
            refusal.ifPresent(r -> map.problems().error(map.get(key).orElseThrow(), map.pathOf(key), r.message(), r.hint()));
        });
        return value.orElse(fallback);
    }
}
