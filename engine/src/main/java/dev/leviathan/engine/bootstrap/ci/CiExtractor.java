package dev.leviathan.engine.bootstrap.ci;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Reads the CI configuration files of a commit into {@link CiFact}s: GitHub Actions workflows
 * and the GitLab CI root file. Deterministic, stateless and safe to share between threads. A
 * file's content never makes it throw: what cannot be read becomes a {@link MalformedCiFile}.
 */
public final class CiExtractor {

    /** Bumped whenever the facts for some input change; fact ids should include it. */
    public static final int VERSION = 2;

    /** Files larger than this (in UTF-8) are refused unread: no real CI file comes near it. */
    public static final int MAX_BYTES = 1 << 20;

    private static final String WORKFLOWS = ".github/workflows/";
    private static final String GITLAB = ".gitlab-ci.yml";

    public CiExtractor() {
    }

    /**
     * True for {@code .github/workflows/<name>.yml} or {@code .yaml} directly in that directory
     * (GitHub ignores subdirectories and any {@code .github} but the root's), and for
     * {@code .gitlab-ci.yml} at the root (GitLab's default configuration path).
     */
    public static boolean isCiFile(String path) {
        return systemOf(path) != null;
    }

    /** The CI system that reads {@code path}, or null when none does. */
    static CiSystem systemOf(String path) {
        if (path.equals(GITLAB)) {
            return CiSystem.GITLAB_CI;
        }
        if (path.startsWith(WORKFLOWS) && path.indexOf('/', WORKFLOWS.length()) < 0) {
            String name = path.substring(WORKFLOWS.length());
            boolean yaml = name.length() > ".yml".length() && name.endsWith(".yml")
                    || name.length() > ".yaml".length() && name.endsWith(".yaml");
            return yaml ? CiSystem.GITHUB_ACTIONS : null;
        }
        return null;
    }

    /**
     * The fact for one CI file.
     *
     * @param path repository-relative, {@code /}-separated; must satisfy {@link #isCiFile}
     * @param text the file's content, decoded from git
     * @throws IllegalArgumentException when {@code path} is not a CI file's path
     */
    public CiFact extract(String path, String text) {
        CiSystem system = systemOf(path);
        if (system == null) {
            throw new IllegalArgumentException("not a CI configuration file: " + path);
        }
        long bytes = utf8Length(text);
        if (bytes > MAX_BYTES) {
            return new MalformedCiFile(path, system, "the file is larger than 1 MiB (" + bytes + " bytes or more): not read",
                    0, 0);
        }
        try {
            List<YamlNode> documents = YamlReader.documents(text);
            return switch (system) {
                case GITHUB_ACTIONS -> GithubWorkflowReader.read(path, documents);
                case GITLAB_CI -> GitlabPipelineReader.read(path, documents);
            };
        } catch (CiFileException e) {
            return new MalformedCiFile(path, system, e.getMessage(), e.position().line(), e.position().column());
        }
    }

    /** The fact as an event payload: snake_case, every field present, members sorted, no timestamps. */
    public ObjectNode toPayload(CiFact fact) {
        return CiPayload.of(fact);
    }

    /** UTF-8 size of {@code text}, or a lower bound above the limit once past it. */
    private static long utf8Length(String text) {
        if (text.length() > MAX_BYTES) {
            return text.length();
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
