package dev.leviathan.engine.execute.scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Pairs a deleted path with an added path of identical content into one rename. Only exact
 * renames: the same blob and the same type (file or symlink). Empty files and objects that were
 * not read are never paired, since any two of them would match. Where several paths share one
 * blob, a pair with the same file name is preferred (a move between directories), then the
 * remaining paths are paired in path order, so the result never depends on iteration order.
 */
final class ExactRenames {

    private ExactRenames() {
    }

    static List<Change> pair(List<Change> changes) {
        Map<String, List<Change>> deleted = new LinkedHashMap<>();
        Map<String, List<Change>> added = new LinkedHashMap<>();
        for (Change change : changes) {
            if (change.kind() == Change.Kind.DELETED) {
                key(change.before().orElseThrow()).ifPresent(k -> deleted.computeIfAbsent(k, x -> new ArrayList<>())
                        .add(change));
            } else if (change.kind() == Change.Kind.ADDED) {
                key(change.after().orElseThrow()).ifPresent(k -> added.computeIfAbsent(k, x -> new ArrayList<>())
                        .add(change));
            }
        }
        Map<Change, Change> renames = new HashMap<>();
        Set<Change> consumed = new HashSet<>();
        for (Map.Entry<String, List<Change>> group : deleted.entrySet()) {
            List<Change> adds = added.get(group.getKey());
            if (adds != null) {
                match(new ArrayList<>(group.getValue()), new ArrayList<>(adds), renames, consumed);
            }
        }
        List<Change> out = new ArrayList<>();
        for (Change change : changes) {
            if (renames.containsKey(change)) {
                out.add(renames.get(change));
            } else if (!consumed.contains(change)) {
                out.add(change);
            }
        }
        return sorted(out);
    }

    /** Both lists are in path order; each paired deletion maps to its rename, its addition is consumed. */
    private static void match(List<Change> deletes, List<Change> adds, Map<Change, Change> renames,
            Set<Change> consumed) {
        for (int pass = 0; pass < 2; pass++) {
            for (var it = deletes.iterator(); it.hasNext(); ) {
                Change delete = it.next();
                String name = fileName(delete.before().orElseThrow().path());
                for (var candidates = adds.iterator(); candidates.hasNext(); ) {
                    Change add = candidates.next();
                    if (pass == 1 || fileName(add.after().orElseThrow().path()).equals(name)) {
                        renames.put(delete, Change.between(delete.before().orElseThrow(), add.after().orElseThrow()));
                        consumed.add(add);
                        candidates.remove();
                        it.remove();
                        break;
                    }
                }
            }
        }
    }

    private static Optional<String> key(TreeEntry entry) {
        if (entry.size() == 0 || entry.mode() == EntryMode.SUBMODULE || entry.objectId().equals(ObjectId.zeroId())) {
            return Optional.empty();
        }
        return Optional.of((entry.mode() == EntryMode.SYMLINK ? "l" : "f") + entry.objectId().name());
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static List<Change> sorted(List<Change> changes) {
        List<Change> out = new ArrayList<>(changes);
        out.sort((a, b) -> PathOrder.compare(a.path(), b.path()));
        return List.copyOf(out);
    }
}
