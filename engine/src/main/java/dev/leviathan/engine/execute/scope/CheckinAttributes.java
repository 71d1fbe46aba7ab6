package dev.leviathan.engine.execute.scope;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.attributes.Attributes;
import org.eclipse.jgit.attributes.AttributesNode;
import org.eclipse.jgit.attributes.AttributesRule;
import org.eclipse.jgit.lib.CoreConfig.AutoCRLF;
import org.eclipse.jgit.lib.CoreConfig.EolStreamType;
import org.eclipse.jgit.treewalk.TreeWalk.OperationType;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;
import org.eclipse.jgit.util.io.EolStreamTypeUtil;

/**
 * The {@code .gitattributes} files of the work tree, for the one thing that changes what
 * {@code git add} stores: line-ending normalisation ({@code text}, {@code eol}, {@code binary}).
 * A file checked out with CRLF because of {@code *.bat eol=crlf} is stored with LF again, so it is
 * not reported as changed. {@code core.autocrlf} and {@code core.eol} apply as the checkout applied
 * them. Filter drivers ({@code filter=lfs}) are never run: their commands come from a git
 * configuration the executor could have written, and running them would run the executor's code.
 */
final class CheckinAttributes {

    private final WorkingTreeOptions options;
    private final Map<String, AttributesNode> byDirectory = new HashMap<>();

    CheckinAttributes(WorkingTreeOptions options) {
        this.options = options;
    }

    void load(String directory, byte[] content) throws IOException {
        AttributesNode node = new AttributesNode();
        node.parse(new ByteArrayInputStream(content));
        if (!node.getRules().isEmpty()) {
            byDirectory.put(directory, node);
        }
    }

    /** How {@code git add} would convert the line endings of the file at {@code path}. */
    EolStreamType checkin(String path) {
        if (byDirectory.isEmpty() && options.getAutoCRLF() == AutoCRLF.FALSE) {
            return EolStreamType.DIRECT;
        }
        List<String> directories = new ArrayList<>();
        directories.add("");
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            directories.add(path.substring(0, slash));
        }
        // Shallow files first and rules in file order, each overriding what came before: the
        // deepest file and the last line win, as in git.
        Attributes attributes = new Attributes();
        for (String dir : directories) {
            AttributesNode node = byDirectory.get(dir);
            if (node == null) {
                continue;
            }
            String relative = dir.isEmpty() ? path : path.substring(dir.length() + 1);
            for (AttributesRule rule : node.getRules()) {
                if (!rule.getPattern().startsWith("[attr]") && rule.isMatch(relative, false)) {
                    rule.getAttributes().forEach(attribute -> apply(attributes, attribute));
                }
            }
        }
        EolStreamType type = EolStreamTypeUtil.detectStreamType(OperationType.CHECKIN_OP, options, attributes);
        return type == null ? EolStreamType.DIRECT : type;
    }

    /** Applies one attribute, expanding git's built-in {@code binary} macro ({@code -diff -merge -text}). */
    private static void apply(Attributes attributes, Attribute attribute) {
        attributes.put(attribute);
        if (attribute.getKey().equals("binary") && attribute.getState() == Attribute.State.SET) {
            attributes.put(new Attribute("text", Attribute.State.UNSET));
            attributes.put(new Attribute("diff", Attribute.State.UNSET));
            attributes.put(new Attribute("merge", Attribute.State.UNSET));
        }
    }
}
