package dev.leviathan.engine.execute.scope;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;

/**
 * Lists the work tree as {@code git add -A} sees it, from the file system, never following a
 * symlink: a symlink is an entry whose content is its target text, and the walk never leaves the
 * work tree through one. The repository's own {@code .git} at the root is skipped; a {@code .git}
 * anywhere else is listed like any other directory or file, so the scope guard sees and refuses it.
 */
final class WorkTreeScan {

    /** Control files larger than this are read only this far. */
    private static final int MAX_CONTROL_FILE_BYTES = 4 * 1024 * 1024;

    enum Type { FILE, SYMLINK }

    /**
     * One file or symlink of the work tree.
     *
     * @param executable the owner's executable bit, when {@code permissionsKnown} (the file system
     *     has POSIX permissions)
     * @param insideGitDir a nested {@code .git} or below one: listed so it is refused, never read
     */
    record WorkFile(String path, Path file, Type type, boolean executable, boolean permissionsKnown, long size,
            boolean insideGitDir) {
    }

    record Result(NavigableMap<String, WorkFile> files, Set<String> submodules, List<IgnoredPath> ignored,
            CheckinAttributes attributes) {
    }

    private record Directory(Path file, String path, boolean ignored, boolean insideGitDir) {
    }

    private final BaseTree base;
    private final IgnoreRules ignoreRules = new IgnoreRules();
    private final CheckinAttributes attributes;
    private final NavigableMap<String, WorkFile> files = new TreeMap<>(PathOrder.CODE_POINTS);
    private final Set<String> submodules = new HashSet<>();
    private final List<IgnoredPath> ignored = new ArrayList<>();

    private WorkTreeScan(BaseTree base, WorkingTreeOptions options) {
        this.base = base;
        this.attributes = new CheckinAttributes(options);
    }

    static Result scan(Path root, BaseTree base, WorkingTreeOptions options) {
        WorkTreeScan scan = new WorkTreeScan(base, options);
        // Iterative: a hostile executor can nest directories deeper than the JVM stack.
        Deque<Directory> pending = new ArrayDeque<>();
        pending.push(new Directory(root, "", false, false));
        while (!pending.isEmpty()) {
            Directory directory = pending.pop();
            List<Directory> children = scan.list(directory);
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        scan.ignored.sort((a, b) -> PathOrder.compare(a.path(), b.path()));
        return new Result(scan.files, Set.copyOf(scan.submodules), List.copyOf(scan.ignored), scan.attributes);
    }

    /** Records the files of one directory and returns its subdirectories to walk. */
    private List<Directory> list(Directory directory) {
        List<Path> entries = entries(directory);
        if (!directory.insideGitDir()) {
            loadControlFiles(directory, entries);
        }
        List<Directory> subdirectories = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            String path = directory.path().isEmpty() ? name : directory.path() + "/" + name;
            if (directory.path().isEmpty() && name.equals(".git")) {
                continue;
            }
            BasicFileAttributes attributes = attributes(entry, path);
            if (attributes == null) {
                continue;
            }
            boolean gitDir = directory.insideGitDir() || name.toLowerCase(Locale.ROOT).equals(".git");
            if (attributes.isDirectory()) {
                directory(directory, entry, path, gitDir).ifPresent(subdirectories::add);
            } else if (attributes.isSymbolicLink() || attributes.isRegularFile()) {
                Type type = attributes.isSymbolicLink() ? Type.SYMLINK : Type.FILE;
                if (!gitDir && !base.contains(path) && (directory.ignored() || ignoreRules.isIgnored(path, false))) {
                    ignored.add(new IgnoredPath(path, IgnoredPath.Reason.GITIGNORED));
                    continue;
                }
                boolean posix = attributes instanceof PosixFileAttributes;
                files.put(path, new WorkFile(path, entry, type, posix && isExecutable((PosixFileAttributes) attributes),
                        posix, attributes.size(), gitDir));
            } else {
                ignored.add(new IgnoredPath(path, IgnoredPath.Reason.SPECIAL_FILE));
            }
        }
        return subdirectories;
    }

    private Optional<Directory> directory(Directory parent, Path entry, String path, boolean gitDir) {
        if (base.mode(path).filter(mode -> mode == EntryMode.SUBMODULE).isPresent()) {
            // A submodule's directory: its content belongs to the submodule; the gitlink stays.
            submodules.add(path);
            if (!isEmptyDirectory(entry, path)) {
                ignored.add(new IgnoredPath(path + "/", IgnoredPath.Reason.SUBMODULE_CONTENT));
            }
            return Optional.empty();
        }
        boolean ignoredHere = !gitDir && (parent.ignored() || ignoreRules.isIgnored(path, true));
        if (ignoredHere && !base.isDirectory(path)) {
            ignored.add(new IgnoredPath(path + "/", IgnoredPath.Reason.GITIGNORED));
            return Optional.empty();
        }
        // An ignored directory the base tracks files in is still walked: tracked files stay
        // tracked, only the untracked ones below it are ignored.
        return Optional.of(new Directory(entry, path, ignoredHere, gitDir));
    }

    private void loadControlFiles(Directory directory, List<Path> entries) {
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (!name.equals(".gitignore") && !name.equals(".gitattributes")) {
                continue;
            }
            String path = directory.path().isEmpty() ? name : directory.path() + "/" + name;
            BasicFileAttributes attributes = attributes(entry, path);
            if (attributes == null || !attributes.isRegularFile()) {
                continue; // git does not follow a symlinked .gitignore either
            }
            try {
                byte[] content = WorkFiles.readSmall(entry, MAX_CONTROL_FILE_BYTES);
                if (name.equals(".gitignore")) {
                    ignoreRules.load(directory.path(), content);
                } else {
                    this.attributes.load(directory.path(), content);
                }
            } catch (IOException e) {
                throw new WorkTreeException("cannot read " + path + " in the work tree: " + e, e);
            }
        }
    }

    private static List<Path> entries(Directory directory) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory.file())) {
            stream.forEach(entries::add);
        } catch (NoSuchFileException e) {
            return entries; // removed while we walked: nothing there to commit
        } catch (IOException e) {
            throw new WorkTreeException("cannot list " + (directory.path().isEmpty() ? "the work tree"
                    : directory.path() + "/") + ": " + e, e);
        }
        entries.sort((a, b) -> PathOrder.compare(a.getFileName().toString(), b.getFileName().toString()));
        return entries;
    }

    private static BasicFileAttributes attributes(Path entry, String path) {
        try {
            try {
                return Files.readAttributes(entry, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException e) {
                return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new WorkTreeException("cannot read " + path + " in the work tree: " + e, e);
        }
    }

    /** Git records 100755 when the owner may execute the file, whatever the other bits say. */
    private static boolean isExecutable(PosixFileAttributes attributes) {
        return attributes.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    }

    private static boolean isEmptyDirectory(Path directory, String path) {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            return !stream.iterator().hasNext();
        } catch (IOException e) {
            throw new WorkTreeException("cannot list " + path + "/: " + e, e);
        }
    }
}
