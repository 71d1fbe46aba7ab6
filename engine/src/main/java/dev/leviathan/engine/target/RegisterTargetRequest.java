package dev.leviathan.engine.target;

/**
 * An operator's request to register a repository.
 *
 * @param id the target's name (kebab-case); blank means "derive it from the repository's name"
 * @param repo a local path or a git URL
 * @param defaultBranch blank means "the repository's current branch" (local) or {@code main}
 * @param operator who asks; becomes the event's actor
 */
public record RegisterTargetRequest(String id, String repo, String defaultBranch, String operator) {
}
