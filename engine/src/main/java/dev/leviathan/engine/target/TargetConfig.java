package dev.leviathan.engine.target;

import java.util.List;
import java.util.Optional;

/**
 * A target file ({@code ~/.leviathan/targets/<name>.yaml} in the Python Leviathan): which
 * repository, which branch, and where its three target files are inside it.
 *
 * @param localCacheDir where the Python tool kept its clone; kept as written
 */
public record TargetConfig(String name, String repoUrl, String defaultBranch, Optional<String> localCacheDir,
        String contractPath, String backlogPath, String policyPath, List<Problem> warnings) {

    public static final String DEFAULT_BRANCH = "main";
    public static final String DEFAULT_CONTRACT_PATH = ".leviathan/contract.yaml";
    public static final String DEFAULT_BACKLOG_PATH = ".leviathan/backlog.yaml";
    public static final String DEFAULT_POLICY_PATH = ".leviathan/policy.yaml";

    public TargetConfig {
        warnings = List.copyOf(warnings);
    }
}
