package dev.leviathan.engine.execute.scope;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The paths of the base commit an attempt started from, with their modes and objects, and the
 * target text of every symlink. The scope guard judges changes against it: a new path that
 * collides with an existing one, a symlink that resolves through an existing symlink, a symlink
 * that replaces a directory. Immutable and safe to share between threads.
 */
public final class BaseTree {

    /** Longer symlink targets cannot be followed by any file system (PATH_MAX); they are kept cut. */
    static final int MAX_LINK_TARGET_BYTES = 4096;

    private static final BaseTree EMPTY = new BaseTree(new TreeMap<>(PathOrder.CODE_POINTS), Map.of());

    record Entry(EntryMode mode, ObjectId objectId) {
    }

    private final NavigableMap<String, Entry> entries;
    private final Map<String, String> linkTargets;
    private final Set<String> directories;

    private BaseTree(NavigableMap<String, Entry> entries, Map<String, String> linkTargets) {
        this.entries = Collections.unmodifiableNavigableMap(entries);
        this.linkTargets = Map.copyOf(linkTargets);
        Set<String> dirs = new HashSet<>();
        for (String path : entries.keySet()) {
            int slash = path.lastIndexOf('/');
            while (slash > 0 && dirs.add(path.substring(0, slash))) {
                slash = path.lastIndexOf('/', slash - 1);
            }
        }
        this.directories = Set.copyOf(dirs);
    }

    /** A tree with no paths, for changes judged without a base (a first commit). */
    public static BaseTree empty() {
        return EMPTY;
    }

    /** The tree of {@code commit} in {@code repository}. */
    public static BaseTree read(Repository repository, ObjectId commit) {
        try (ObjectReader reader = repository.newObjectReader()) {
            return read(reader, commit);
        }
    }

    static BaseTree read(ObjectReader reader, ObjectId commit) {
        NavigableMap<String, Entry> entries = new TreeMap<>(PathOrder.CODE_POINTS);
        Map<String, String> targets = new TreeMap<>(PathOrder.CODE_POINTS);
        try (RevWalk revWalk = new RevWalk(reader); TreeWalk walk = new TreeWalk(reader)) {
            RevCommit parsed = revWalk.parseCommit(commit);
            walk.addTree(parsed.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if ((mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_TREE || mode == FileMode.MISSING) {
                    continue;
                }
                EntryMode entryMode = EntryMode.of(mode);
                ObjectId id = walk.getObjectId(0);
                entries.put(walk.getPathString(), new Entry(entryMode, id));
                if (entryMode == EntryMode.SYMLINK) {
                    targets.put(walk.getPathString(), linkTarget(reader, id));
                }
            }
        } catch (MissingObjectException e) {
            throw new WorkTreeException("the base commit " + commit.name() + " or an object of its tree is missing"
                    + " from the repository: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new WorkTreeException("cannot read the tree of the base commit " + commit.name() + ": "
                    + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new WorkTreeException("the base commit " + commit.name() + " has an entry git cannot check out: "
                    + e.getMessage(), e);
        }
        return new BaseTree(entries, targets);
    }

    private static String linkTarget(ObjectReader reader, ObjectId id) throws IOException {
        ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
        try (InputStream in = loader.openStream()) {
            return new String(in.readNBytes(MAX_LINK_TARGET_BYTES + 1), StandardCharsets.UTF_8);
        }
    }

    /** How many files, symlinks and submodules the tree has. */
    public int size() {
        return entries.size();
    }

    /** True if {@code path} is a file, symlink or submodule of the tree. */
    public boolean contains(String path) {
        return entries.containsKey(path);
    }

    public Optional<EntryMode> mode(String path) {
        return Optional.ofNullable(entries.get(path)).map(Entry::mode);
    }

    /** True if {@code path} (without a trailing slash) is a directory of the tree. */
    public boolean isDirectory(String path) {
        return directories.contains(path);
    }

    /** The target of the symlink at {@code path}, if there is one. */
    public Optional<String> linkTarget(String path) {
        return Optional.ofNullable(linkTargets.get(path));
    }

    Optional<Entry> entry(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    /** Every path in code point order. */
    NavigableMap<String, Entry> entries() {
        return entries;
    }

    Set<String> directories() {
        return directories;
    }

    Map<String, String> linkTargets() {
        return linkTargets;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BaseTree tree && tree.entries.equals(entries) && tree.linkTargets.equals(linkTargets);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "BaseTree[" + entries.size() + " paths]";
    }
}
