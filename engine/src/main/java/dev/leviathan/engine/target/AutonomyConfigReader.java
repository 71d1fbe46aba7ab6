package dev.leviathan.engine.target;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads an autonomy configuration ({@code ops/autonomy/dev.yaml} shape). */
final class AutonomyConfigReader {

    static final String EMPTY_HINT = "write autonomy_enabled: false and the limits you want";

    private static final List<String> FIELDS = List.of("autonomy_enabled", "target_id", "target_repo_url",
            "target_branch", "allowed_path_prefixes", "max_open_prs", "max_running_attempts", "max_attempts_per_task",
            "circuit_breaker_failures", "schedule_cron", "attempt_timeout_seconds", "control_plane_url",
            "worker_image", "worker_namespace", "workspace_dir", "max_prs_per_hour", "backoff_seconds",
            "schedule_interval_seconds");

    private static final long MAX_SECONDS = 7 * 24 * 3600;

    private AutonomyConfigReader() {
    }

    static Optional<AutonomyConfig> read(Node root, Problems problems) {
        Optional<YamlMap> mapping = YamlValues.mapping(root, FieldPath.root(), problems);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = mapping.get();
        map.allowOnly(FIELDS);
        AutonomyConfig config = new AutonomyConfig(
                map.bool("autonomy_enabled", false),
                map.text("target_id"),
                map.text("target_repo_url"),
                map.text("target_branch").orElse(AutonomyConfig.DEFAULT_TARGET_BRANCH),
                prefixes(map),
                count(map, "max_open_prs", AutonomyConfig.DEFAULT_MAX_OPEN_PRS),
                count(map, "max_running_attempts", AutonomyConfig.DEFAULT_MAX_RUNNING_ATTEMPTS),
                count(map, "max_attempts_per_task", AutonomyConfig.DEFAULT_MAX_ATTEMPTS_PER_TASK),
                count(map, "circuit_breaker_failures", AutonomyConfig.DEFAULT_CIRCUIT_BREAKER_FAILURES),
                map.text("schedule_cron"),
                seconds(map, "attempt_timeout_seconds", AutonomyConfig.DEFAULT_ATTEMPT_TIMEOUT),
                controlPlaneUrl(map),
                workerImage(map),
                map.text("worker_namespace").orElse(AutonomyConfig.DEFAULT_WORKER_NAMESPACE),
                map.text("workspace_dir").orElse(AutonomyConfig.DEFAULT_WORKSPACE_DIR),
                count(map, "max_prs_per_hour", AutonomyConfig.DEFAULT_MAX_PRS_PER_HOUR),
                seconds(map, "backoff_seconds", AutonomyConfig.DEFAULT_BACKOFF),
                seconds(map, "schedule_interval_seconds", AutonomyConfig.DEFAULT_SCHEDULE_INTERVAL),
                List.of());
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(withWarnings(config, problems.warnings()));
    }

    static AutonomyConfig withWarnings(AutonomyConfig c, List<Problem> warnings) {
        return new AutonomyConfig(c.autonomyEnabled(), c.targetId(), c.targetRepoUrl(), c.targetBranch(),
                c.allowedPathPrefixes(), c.maxOpenPrs(), c.maxRunningAttempts(), c.maxAttemptsPerTask(),
                c.circuitBreakerFailures(), c.scheduleCron(), c.attemptTimeout(), c.controlPlaneUrl(), c.workerImage(),
                c.workerNamespace(), c.workspaceDir(), c.maxPrsPerHour(), c.backoff(), c.scheduleInterval(), warnings);
    }

    private static int count(YamlMap map, String key, int fallback) {
        return map.smallInteger(key, 1).orElse(fallback);
    }

    private static Duration seconds(YamlMap map, String key, Duration fallback) {
        return map.integer(key, 1, MAX_SECONDS).map(Duration::ofSeconds).orElse(fallback);
    }

    private static List<AllowedPath> prefixes(YamlMap map) {
        List<AllowedPath> out = new ArrayList<>();
        List<Node> items = map.list("allowed_path_prefixes").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            FieldPath path = map.pathOf("allowed_path_prefixes").index(i);
            YamlValues.text(item, path, map.problems()).ifPresent(value -> {
                Optional<RepoPaths.Refusal> refusal = RepoPaths.check(value);
                if (refusal.isPresent()) {
                    map.problems().error(item, path, refusal.get().message(), refusal.get().hint());
                } else {
                    out.add(new AllowedPath(value));
                }
            });
        }
        return out;
    }

    private static Optional<URI> controlPlaneUrl(YamlMap map) {
        return map.text("control_plane_url").flatMap(text -> {
            try {
                URI uri = new URI(text);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            map.problems().error(map.get("control_plane_url").orElseThrow(), map.pathOf("control_plane_url"),
                    "'" + text + "' is not an http or https URL", "write it like http://leviathan-control-plane:8000");
            return Optional.empty();
        });
    }

    /** An image without a tag is {@code :latest}, which changes under a running system. */
    private static Optional<String> workerImage(YamlMap map) {
        return map.text("worker_image").flatMap(image -> {
            String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
            int colon = name.lastIndexOf(':');
            boolean tagged = image.contains("@") || colon > name.lastIndexOf('/');
            String tag = colon > name.lastIndexOf('/') ? name.substring(colon + 1) : "";
            if (tagged && !tag.equals("latest")) {
                return Optional.of(image);
            }
            map.problems().error(map.get("worker_image").orElseThrow(), map.pathOf("worker_image"),
                    tagged ? "worker_image '" + image + "' uses the tag latest" : "worker_image '" + image + "' has no tag",
                    "pin a version, such as " + (colon > name.lastIndexOf('/') ? name.substring(0, colon) : name) + ":0.1.0");
            return Optional.empty();
        });
    }
}
