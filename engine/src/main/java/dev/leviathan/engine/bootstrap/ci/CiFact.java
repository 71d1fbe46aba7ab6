package dev.leviathan.engine.bootstrap.ci;

/**
 * What the bootstrap knows about one CI configuration file of a commit: a GitHub Actions
 * workflow, a GitLab CI pipeline, or a file its CI system could not read.
 */
public sealed interface CiFact permits GithubWorkflow, GitlabPipeline, MalformedCiFile {

    /** Repository-relative path with {@code /} separators. */
    String path();

    CiSystem system();
}
