package dev.leviathan.engine.target;

import dev.leviathan.engine.config.LeviathanHome;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;

/**
 * Reads a registered target's files from its git object database at a commit, never from a work
 * tree: what Leviathan acts on is always a commit someone can name.
 */
public final class TargetRepository implements AutoCloseable {

    /** A file read at a commit. */
    public record FileAtCommit(String path, String commit, byte[] content) {
    }

    private final RegisteredTarget target;
    private final Repository repository;

    private TargetRepository(RegisteredTarget target, Repository repository) {
        this.target = target;
        this.repository = repository;
    }

    /**
     * Opens the target's repository: the local path it was registered with, or the clone kept in
     * the workspace for a remote target.
     */
    public static TargetRepository open(RegisteredTarget target, LeviathanHome home) {
        Path location = target.kind() == RepoLocation.Kind.LOCAL ? Path.of(target.repo())
                : home.workspacesDir().resolve(target.id()).resolve("repo.git");
        File gitDir = RepositoryCache.FileKey.resolve(location.toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw new TargetRepositoryException(target.kind() == RepoLocation.Kind.LOCAL
                    ? "target " + target.id() + ": " + location + " is no longer a git repository"
                    : "target " + target.id() + " has no clone in " + location + " yet: bootstrap it first"
                            + " (leviathanctl bootstrap " + target.id() + ")");
        }
        try {
            return new TargetRepository(target, new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true)
                    .build());
        } catch (IOException e) {
            throw new TargetRepositoryException("cannot open the repository of target " + target.id() + " at "
                    + location + ": " + e.getMessage());
        }
    }

    /** A branch, tag or (abbreviated) SHA; blank means the target's default branch. */
    public String resolve(String ref) {
        String wanted = ref == null || ref.isBlank() ? target.defaultBranch() : ref.strip();
        try {
            ObjectId id = repository.resolve(wanted + "^{commit}");
            if (id == null) {
                throw new UnknownRefException("target " + target.id() + ": '" + wanted
                        + "' is not a branch, tag or commit of " + target.repo());
            }
            return id.name();
        } catch (IOException e) {
            throw new TargetRepositoryException("cannot resolve '" + wanted + "' in " + target.repo() + ": "
                    + e.getMessage());
        }
    }

    /** The file at {@code path} in the commit {@code ref} resolves to, if the commit has it. */
    public Optional<FileAtCommit> read(String ref, String path) {
        String commitId = resolve(ref);
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
            try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
                if (tree == null) {
                    return Optional.empty();
                }
                ObjectLoader loader = repository.open(tree.getObjectId(0));
                return Optional.of(new FileAtCommit(path, commitId, loader.getBytes()));
            }
        } catch (IOException e) {
            throw new TargetRepositoryException("cannot read " + path + " at " + commitId + " of target "
                    + target.id() + ": " + e.getMessage());
        }
    }

    /** The JGit repository itself, for code that reads or writes refs (the local forge). */
    public Repository repository() {
        return repository;
    }

    public RegisteredTarget target() {
        return target;
    }

    @Override
    public void close() {
        repository.close();
    }
}
