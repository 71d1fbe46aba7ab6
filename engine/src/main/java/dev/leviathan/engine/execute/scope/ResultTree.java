package dev.leviathan.engine.execute.scope;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tree the commit would have: the base tree with the changes applied. Symlink chains and
 * collisions are judged against it, so a new link through an existing link is followed, and a
 * path freed by a rename no longer collides.
 */
final class ResultTree {

    private final Map<String, EntryMode> entries;
    private final Map<String, String> linkTargets;
    private final Set<String> directories = new HashSet<>();

    private ResultTree(Map<String, EntryMode> entries, Map<String, String> linkTargets) {
        this.entries = entries;
        this.linkTargets = linkTargets;
        for (String path : entries.keySet()) {
            int slash = path.lastIndexOf('/');
            while (slash > 0 && directories.add(path.substring(0, slash))) {
                slash = path.lastIndexOf('/', slash - 1);
            }
        }
    }

    static ResultTree of(BaseTree base, List<Change> changes) {
        Map<String, EntryMode> entries = new HashMap<>(base.size() * 2);
        base.entries().forEach((path, entry) -> entries.put(path, entry.mode()));
        Map<String, String> links = new HashMap<>(base.linkTargets());
        // Every removal before any addition, so that a → b with b → c leaves b in place.
        for (Change change : changes) {
            change.before().ifPresent(before -> {
                entries.remove(before.path());
                links.remove(before.path());
            });
        }
        for (Change change : changes) {
            change.after().ifPresent(after -> {
                entries.put(after.path(), after.mode());
                after.linkTarget().ifPresent(target -> links.put(after.path(), target));
            });
        }
        return new ResultTree(entries, links);
    }

    Optional<EntryMode> mode(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    Optional<String> linkTarget(String path) {
        return Optional.ofNullable(linkTargets.get(path));
    }

    boolean isDirectory(String path) {
        return directories.contains(path);
    }

    /** Every file, symlink and submodule path, then every directory: what a new path can collide with. */
    Set<String> paths() {
        return entries.keySet();
    }

    Set<String> directories() {
        return directories;
    }
}
