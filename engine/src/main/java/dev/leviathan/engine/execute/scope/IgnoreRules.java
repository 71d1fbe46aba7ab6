package dev.leviathan.engine.execute.scope;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The {@code .gitignore} files of the work tree, one per directory, matched as git matches them:
 * the deepest file with a matching pattern decides, and within a file the last matching pattern.
 * Only files in the tree count ({@code .git/info/exclude} and the user's global excludes are not
 * read), so the result depends on the tree alone and not on the machine the worker runs on.
 */
final class IgnoreRules {

    private final Map<String, IgnoreNode> byDirectory = new HashMap<>();

    void load(String directory, byte[] content) throws IOException {
        IgnoreNode node = new IgnoreNode();
        node.parse(directory.isEmpty() ? ".gitignore" : directory + "/.gitignore", new ByteArrayInputStream(content));
        if (!node.getRules().isEmpty()) {
            byDirectory.put(directory, node);
        }
    }

    /** True if an untracked {@code path} would be left out by {@code git add -A}. */
    boolean isIgnored(String path, boolean directory) {
        int slash = path.lastIndexOf('/');
        while (true) {
            String dir = slash < 0 ? "" : path.substring(0, slash);
            IgnoreNode node = byDirectory.get(dir);
            if (node != null) {
                // JGit matches a root file's patterns against the plain path and a nested file's
                // against "/" + the path below its directory.
                String relative = dir.isEmpty() ? path : path.substring(dir.length());
                Boolean ignored = node.checkIgnored(relative, directory);
                if (ignored != null) {
                    return ignored;
                }
            }
            if (slash < 0) {
                return false;
            }
            slash = path.lastIndexOf('/', slash - 1);
        }
    }
}
