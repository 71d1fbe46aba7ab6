package dev.leviathan.engine.bootstrap.routes.javascript;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The directories of the commit as far as its files show them: what {@code fs.readdirSync} of a
 * directory of the repository lists. Only the files the extractor was given are known (sources
 * and manifests), so a directory's other files (templates, images) are missing from its listing.
 */
final class FileTree {

    static final FileTree EMPTY = new FileTree(List.of());

    private final Map<String, Set<String>> children = new HashMap<>();
    private final Set<String> files = new java.util.HashSet<>();

    FileTree(Collection<String> paths) {
        for (String path : paths) {
            if (path == null || path.isEmpty()) {
                continue;
            }
            files.add(path);
            String child = path;
            for (int slash = child.lastIndexOf('/'); ; slash = child.lastIndexOf('/')) {
                String dir = slash < 0 ? "" : child.substring(0, slash);
                boolean known = children.containsKey(dir);
                children.computeIfAbsent(dir, d -> new TreeSet<>()).add(child.substring(slash + 1));
                if (known || slash < 0) {
                    break; // the ancestors of a directory already seen are already listed
                }
                child = dir;
            }
        }
    }

    /** The names in a repository-relative directory, sorted; empty when no known file is under it. */
    List<String> list(String dir) {
        Set<String> names = children.get(dir);
        return names == null ? List.of() : List.copyOf(names);
    }

    boolean isDirectory(String path) {
        return children.containsKey(path);
    }

    boolean exists(String path) {
        return files.contains(path) || children.containsKey(path);
    }
}
