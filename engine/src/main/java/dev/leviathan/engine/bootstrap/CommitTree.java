package dev.leviathan.engine.bootstrap;

import static dev.leviathan.engine.bootstrap.BootstrapException.Kind.NOT_FOUND;
import static dev.leviathan.engine.bootstrap.BootstrapException.Kind.UNAVAILABLE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * One commit of a repository as the bootstrap reads it: its id, time and the entries of its
 * tree, in git's path order (byte order of the UTF-8 paths), read from the object database.
 */
record CommitTree(String commit, ObjectId treeId, Instant committedAt, List<CommitEntry> entries) {

    CommitTree {
        entries = List.copyOf(entries);
    }

    /** Resolves a branch, tag or (abbreviated) SHA; blank means {@code defaultRef}. */
    static ObjectId resolve(Repository repository, String ref, String defaultRef, String targetId) {
        String wanted = ref == null || ref.isBlank() ? defaultRef : ref.strip();
        try {
            ObjectId id = repository.resolve(wanted + "^{commit}");
            if (id == null) {
                throw new BootstrapException(NOT_FOUND, "target " + targetId + ": '" + wanted
                        + "' is not a branch, tag or"
                        + " commit of the repository" + branchesHint(repository));
            }
            return id;
        } catch (IOException e) {
            throw new BootstrapException(UNAVAILABLE, "target " + targetId + ": cannot resolve '" + wanted + "': "
                    + e.getMessage(),
                    e);
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
            throw new BootstrapException(NOT_FOUND, "target " + targetId + ": '" + wanted + "' is not a valid revision",
                    e);
        }
    }

    private static String branchesHint(Repository repository) throws IOException {
        List<String> branches = repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream()
                .map(r -> Repository.shortenRefName(r.getName())).sorted().limit(10).toList();
        return branches.isEmpty() ? " (it has no branches)" : "; branches: " + String.join(", ", branches);
    }

    static CommitTree read(Repository repository, ObjectId commitId) {
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            RevCommit commit = walk.parseCommit(commitId);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            List<CommitEntry> entries = new ArrayList<>();
            while (tree.next()) {
                entries.add(new CommitEntry(tree.getPathString(), CommitEntry.Mode.of(tree.getFileMode(0)),
                        tree.getObjectId(0)));
            }
            return new CommitTree(commit.getName(), commit.getTree().getId(),
                    commit.getCommitterIdent().getWhenAsInstant(), entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tree of " + commitId.name() + ": " + e.getMessage(), e);
        }
    }

    Optional<CommitEntry> entry(String path) {
        return entries.stream().filter(e -> e.path().equals(path)).findFirst();
    }
}
