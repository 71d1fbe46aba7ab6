package dev.leviathan.engine.execute.scope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;

/**
 * What an executor changed in an attempt's work tree, relative to the base commit: the changes
 * {@code git add -A} would stage, in path order, and the paths it would leave out.
 *
 * @param changes every path to commit differently, renames paired by identical content
 * @param ignored what is in the work tree but will not be committed (gitignored, special files,
 *                submodule content), for the attempt's log
 * @param base    the base commit's tree, for {@link ScopeRules}
 */
public record WorkTreeChanges(List<Change> changes, List<IgnoredPath> ignored, BaseTree base) {

    /**
     * No blob above this is stored or committed (GitHub refuses files over 100 MiB, and nothing a
     * task should produce is that large); such a file is hashed and refused by the scope guard.
     */
    public static final long MAX_BLOB_BYTES = 100L * 1024 * 1024;

    public WorkTreeChanges {
        changes = List.copyOf(changes);
        ignored = List.copyOf(ignored);
        Objects.requireNonNull(base, "base");
    }

    /**
     * Reads {@code workTree} from the file system and compares it with the tree of
     * {@code baseCommit} in {@code repository}.
     *
     * <p>Nothing outside the work tree is read and no symlink is followed. Of git's configuration
     * only what the checkout followed is read ({@code core.autocrlf}, {@code core.eol},
     * {@code core.fileMode}): an executor may have rewritten {@code .git/config}, so no filter
     * driver runs and no excludes file outside the tree applies. The {@code .gitignore} files and
     * the line-ending attributes of the {@code .gitattributes} files in the tree do apply. The blobs of changed files are written to
     * {@code repository}'s object database, so the worker builds its commit from the returned ids
     * without reading the work tree again. The executor must have stopped before this is called:
     * a process still writing could change a file between two reads.
     *
     * @throws WorkTreeException if the base commit or a file cannot be read
     */
    public static WorkTreeChanges compute(Repository repository, ObjectId baseCommit, Path workTree) {
        Path root = root(workTree);
        try (ObjectReader reader = repository.newObjectReader();
                ObjectInserter inserter = repository.newObjectInserter()) {
            BaseTree base = BaseTree.read(reader, baseCommit);
            // Only the settings the checkout itself followed; never filters, hooks or excludes.
            WorkingTreeOptions options = repository.getConfig().get(WorkingTreeOptions.KEY);
            WorkTreeScan.Result scan = WorkTreeScan.scan(root, base, options);
            List<Change> changes = new ChangeCollector(base, scan, reader, inserter, options.isFileMode()).collect();
            inserter.flush();
            return new WorkTreeChanges(ExactRenames.pair(changes), scan.ignored(), base);
        } catch (IOException e) {
            throw new WorkTreeException("cannot compare the work tree " + workTree + " with " + baseCommit.name()
                    + ": " + e, e);
        }
    }

    private static Path root(Path workTree) {
        try {
            Path root = workTree.toRealPath();
            if (!Files.isDirectory(root)) {
                throw new WorkTreeException("the work tree " + workTree + " is not a directory");
            }
            return root;
        } catch (IOException e) {
            throw new WorkTreeException("the work tree " + workTree + " cannot be read: " + e, e);
        }
    }
}
