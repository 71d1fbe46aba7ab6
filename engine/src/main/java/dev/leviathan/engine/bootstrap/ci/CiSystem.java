package dev.leviathan.engine.bootstrap.ci;

/** The CI system a file configures, known from its path alone. */
public enum CiSystem {
    /** {@code .github/workflows/*.yml} and {@code *.yaml}. */
    GITHUB_ACTIONS,
    /** {@code .gitlab-ci.yml} at the repository root. */
    GITLAB_CI
}
