package dev.leviathan.engine.execute;

import dev.leviathan.engine.execute.scope.Change;
import dev.leviathan.engine.execute.scope.TreeEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Commits exactly the changes the scope guard allowed, on top of the base commit, from the blobs
 * it already stored (the work tree is not read again, so nothing written after the check can
 * slip in), and pushes the branch into the target's repository. No git hook runs.
 */
final class BranchPublisher {

    /** The identity of every commit Leviathan makes. */
    static final String NAME = "Leviathan";
    static final String EMAIL = "leviathan@leviathan.local";

    private BranchPublisher() {
    }

    static ObjectId commit(Repository repository, ObjectId base, List<Change> changes, String message,
            PersonIdent author) {
        try (RevWalk walk = new RevWalk(repository); ObjectInserter inserter = repository.newObjectInserter()) {
            RevCommit baseCommit = walk.parseCommit(base);
            Map<String, DirCacheEntry> entries = new TreeMap<>();
            try (TreeWalk tree = new TreeWalk(repository)) {
                tree.addTree(baseCommit.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    DirCacheEntry entry = new DirCacheEntry(tree.getPathString());
                    entry.setFileMode(tree.getFileMode(0));
                    entry.setObjectId(tree.getObjectId(0));
                    entries.put(tree.getPathString(), entry);
                }
            }
            for (Change change : changes) {
                change.before().ifPresent(before -> entries.remove(before.path()));
                change.after().ifPresent(after -> entries.put(after.path(), entry(after)));
            }
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            entries.values().forEach(builder::add);
            builder.finish();
            ObjectId treeId = index.writeTree(inserter);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(treeId);
            commit.setParentId(baseCommit);
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the attempt's changes: " + e.getMessage(), e);
        }
    }

    private static DirCacheEntry entry(TreeEntry after) {
        DirCacheEntry entry = new DirCacheEntry(after.path());
        FileMode mode = after.mode().fileMode();
        entry.setFileMode(mode);
        entry.setObjectId(after.objectId());
        entry.setLength(after.size());
        return entry;
    }

    /** Points {@code branch} in the workspace at {@code commit} and pushes it to {@code target}. */
    static void push(Git workspace, ObjectId commit, String branch, Path target) {
        String ref = Constants.R_HEADS + branch;
        try {
            RefUpdate update = workspace.getRepository().updateRef(ref);
            update.setNewObjectId(commit);
            update.forceUpdate();
            Iterable<PushResult> results = workspace.push().setRemote(target.toUri().toString())
                    .setRefSpecs(new RefSpec(ref + ":" + ref)).setAtomic(true).call();
            for (PushResult result : results) {
                for (RemoteRefUpdate remote : result.getRemoteUpdates()) {
                    if (remote.getStatus() != RemoteRefUpdate.Status.OK
                            && remote.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        throw new IllegalStateException("the target refused the branch " + branch + ": "
                                + remote.getStatus() + (remote.getMessage() == null ? "" : " " + remote.getMessage()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot push " + branch + ": " + e.getMessage(), e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot push " + branch + " to " + target + ": " + e.getMessage(), e);
        }
    }
}
