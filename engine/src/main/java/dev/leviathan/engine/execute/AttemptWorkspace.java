package dev.leviathan.engine.execute;

import dev.leviathan.engine.config.LeviathanHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.util.FileUtils;

/**
 * An attempt's own clone of the target, checked out at the base commit: the work tree under
 * {@code workspaces/<target>/attempts/<attempt>/tree}, its git directory beside it in
 * {@code …/git} (not inside the tree, where an executor that writes files could reach hooks,
 * config or objects), and its HOME in {@code …/home}. Nothing an executor does reaches the target
 * until the worker pushes a checked branch.
 */
public final class AttemptWorkspace implements AutoCloseable {

    private final Path root;
    private final Git git;
    private final String baseCommit;

    private AttemptWorkspace(Path root, Git git, String baseCommit) {
        this.root = root;
        this.git = git;
        this.baseCommit = baseCommit;
    }

    public static Path rootOf(LeviathanHome home, String targetId, String attemptId) {
        return home.workspacesDir().resolve(targetId).resolve("attempts").resolve(attemptId);
    }

    /** Clones {@code source} (a git directory or work tree on this machine) and checks out {@code baseCommit}. */
    public static AttemptWorkspace create(LeviathanHome home, String targetId, String attemptId, Path source,
            String baseCommit) {
        Path root = rootOf(home, targetId, attemptId);
        Path tree = root.resolve("tree");
        try {
            FileUtils.delete(root.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            Files.createDirectories(root);
            Git git = Git.cloneRepository().setURI(source.toUri().toString()).setDirectory(tree.toFile())
                    .setGitDir(root.resolve("git").toFile()).setNoCheckout(true).setCloneAllBranches(false).call();
            git.checkout().setName(baseCommit).call();
            return new AttemptWorkspace(root, git, baseCommit);
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot check out " + baseCommit + " of " + source + " for attempt "
                    + attemptId + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the workspace " + root + ": " + e.getMessage(), e);
        }
    }

    public Path workTree() {
        return git.getRepository().getWorkTree().toPath();
    }

    public Git git() {
        return git;
    }

    public String baseCommit() {
        return baseCommit;
    }

    /** Removes the workspace once its branch is pushed (or the attempt is over). */
    public void delete() {
        git.close();
        try {
            FileUtils.delete(root.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.RETRY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the workspace " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
