package dev.leviathan.engine.bootstrap.ci;

import static dev.leviathan.engine.bootstrap.ci.Expect.absent;
import static dev.leviathan.engine.bootstrap.ci.Expect.fail;
import static dev.leviathan.engine.bootstrap.ci.Expect.flatStrings;
import static dev.leviathan.engine.bootstrap.ci.Expect.text;

import dev.leviathan.engine.bootstrap.ci.GitlabPipeline.Include;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline.IncludeKind;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Mapping;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Scalar;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The files an {@code include} (top-level, or of a child pipeline's {@code trigger}) names. */
final class GitlabIncludes {

    private GitlabIncludes() {
    }

    /** One string, one mapping, or a list of both; one {@link Include} per file named. */
    static List<Include> read(YamlNode node, String field) {
        List<Include> out = new ArrayList<>();
        if (absent(node) || node.isReference()) {
            return out;
        }
        if (node instanceof Sequence sequence) {
            for (int i = 0; i < sequence.items().size(); i++) {
                YamlNode item = sequence.items().get(i);
                if (!absent(item) && !item.isReference()) {
                    entry(item, field + "[" + i + "]", out);
                }
            }
        } else {
            entry(node, field, out);
        }
        return out;
    }

    private static void entry(YamlNode node, String field, List<Include> out) {
        switch (node) {
            case Scalar scalar -> out.add(fromString(scalar.value()));
            case Mapping mapping -> fromMapping(mapping, field, out);
            case Sequence sequence -> throw fail(field, "a string or a mapping", sequence);
        }
    }

    /** GitLab reads a bare string as a remote include when it is an http(s) URL, else as a local one. */
    private static Include fromString(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        IncludeKind kind = lower.startsWith("https://") || lower.startsWith("http://")
                ? IncludeKind.REMOTE : IncludeKind.LOCAL;
        return new Include(kind, value, null, null, null);
    }

    private static void fromMapping(Mapping include, String field, List<Include> out) {
        if (include.has("local")) {
            out.add(new Include(IncludeKind.LOCAL, text(include.get("local"), field + ".local"), null, null, null));
        } else if (include.has("project")) {
            String project = text(include.get("project"), field + ".project");
            String ref = text(include.get("ref"), field + ".ref");
            List<String> files = flatStrings(include.get("file"), field + ".file");
            if (files.isEmpty()) {
                out.add(new Include(IncludeKind.PROJECT, null, project, ref, null));
            }
            for (String file : files) {
                out.add(new Include(IncludeKind.PROJECT, file, project, ref, null));
            }
        } else if (include.has("remote")) {
            out.add(new Include(IncludeKind.REMOTE, text(include.get("remote"), field + ".remote"), null, null, null));
        } else if (include.has("template")) {
            out.add(new Include(IncludeKind.TEMPLATE, text(include.get("template"), field + ".template"), null, null,
                    null));
        } else if (include.has("component")) {
            String component = text(include.get("component"), field + ".component");
            int at = component == null ? -1 : component.lastIndexOf('@');
            out.add(at < 0
                    ? new Include(IncludeKind.COMPONENT, component, null, null, null)
                    : new Include(IncludeKind.COMPONENT, component.substring(0, at), null, component.substring(at + 1),
                            null));
        } else if (include.has("artifact")) {
            out.add(new Include(IncludeKind.ARTIFACT, text(include.get("artifact"), field + ".artifact"), null, null,
                    text(include.get("job"), field + ".job")));
        } else {
            throw new CiFileException(field + ": an include must name a local, project, remote, template, component"
                    + " or artifact file", include.position());
        }
    }
}
