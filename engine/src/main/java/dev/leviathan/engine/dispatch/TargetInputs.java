package dev.leviathan.engine.dispatch;

import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.target.AutonomyConfig;
import dev.leviathan.engine.target.Backlog;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.target.TargetFiles;
import dev.leviathan.engine.target.TargetRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What governing a target reads: its backlog and policy at the head of its branch (from the git
 * object database, never a work tree), and the operator's autonomy file for it. The limits of
 * autonomy belong to the operator, not to the repository: they live in the data directory
 * ({@code targets/<target>/autonomy.yaml}), where a commit to the target cannot loosen them.
 *
 * @param commit the commit the backlog and policy were read at
 * @param autonomyFile the operator's autonomy file, when there is one
 */
public record TargetInputs(RegisteredTarget target, String commit, Backlog backlog, Policy policy,
        AutonomyConfig autonomy, Optional<Path> autonomyFile) {

    /** Where the operator's autonomy limits for a target live. */
    public static Path autonomyFile(LeviathanHome home, String targetId) {
        return home.root().resolve("targets").resolve(targetId).resolve("autonomy.yaml");
    }

    /**
     * Reads the inputs. A missing backlog is an empty one; a missing policy permits nothing (every
     * task then says so); a missing autonomy file is the defaults (autonomy off).
     */
    public static TargetInputs read(RegisteredTarget target, LeviathanHome home) {
        try (TargetRepository repository = TargetRepository.open(target, home)) {
            String commit = repository.resolve(null);
            Backlog backlog = repository.read(commit, TargetFiles.BACKLOG_FILE)
                    .map(file -> TargetFiles.loadBacklog(TargetFiles.BACKLOG_FILE + " at " + commit.substring(0, 12),
                            file.content()))
                    .orElseGet(() -> TargetFiles.loadBacklog(TargetFiles.BACKLOG_FILE, "tasks: []\n"));
            Policy policy = repository.read(commit, TargetFiles.POLICY_FILE)
                    .map(file -> TargetFiles.loadPolicy(TargetFiles.POLICY_FILE + " at " + commit.substring(0, 12),
                            file.content()))
                    .orElseGet(() -> TargetFiles.loadPolicy(TargetFiles.POLICY_FILE, "allowed_paths: []\n"));
            Path file = autonomyFile(home, target.id());
            Optional<Path> present = Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
            AutonomyConfig autonomy = present.map(TargetFiles::loadAutonomyConfig).orElse(AutonomyConfig.defaults());
            return new TargetInputs(target, commit, backlog, policy, autonomy, present);
        }
    }
}
