package dev.leviathan.engine.bootstrap.ci;

import static dev.leviathan.engine.bootstrap.ci.Expect.absent;
import static dev.leviathan.engine.bootstrap.ci.Expect.fail;
import static dev.leviathan.engine.bootstrap.ci.Expect.flag;
import static dev.leviathan.engine.bootstrap.ci.Expect.flatStrings;
import static dev.leviathan.engine.bootstrap.ci.Expect.keys;
import static dev.leviathan.engine.bootstrap.ci.Expect.mapping;
import static dev.leviathan.engine.bootstrap.ci.Expect.strings;
import static dev.leviathan.engine.bootstrap.ci.Expect.text;

import dev.leviathan.engine.bootstrap.ci.GitlabPipeline.Job;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline.Need;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline.Trigger;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline.TriggerKind;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Entry;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Mapping;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Position;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Scalar;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads a {@code .gitlab-ci.yml}'s composed YAML into a {@link GitlabPipeline}; one instance per file. */
final class GitlabPipelineReader {

    /** Top-level keys that are never jobs (GitLab's reserved global keywords, and the old {@code types}). */
    private static final Set<String> RESERVED = Set.of("image", "services", "stages", "types", "before_script",
            "after_script", "variables", "cache", "include");
    /** Global keywords GitLab still reads as a job when they hold a job's {@code script}, {@code run} or {@code trigger}. */
    private static final Set<String> GLOBAL_UNLESS_JOB = Set.of("default", "workflow");
    private static final Set<String> JOB_BODY = Set.of("script", "run", "trigger");

    private final String path;
    private final LinkedHashSet<String> notes = new LinkedHashSet<>();

    private GitlabPipelineReader(String path) {
        this.path = path;
    }

    static GitlabPipeline read(String path, List<YamlNode> documents) {
        return new GitlabPipelineReader(path).pipeline(documents);
    }

    private GitlabPipeline pipeline(List<YamlNode> documents) {
        if (documents.isEmpty()) {
            throw new CiFileException("the file holds no YAML document: a pipeline must be a mapping", Position.NONE);
        }
        List<String> inputs = List.of();
        YamlNode root = documents.getFirst();
        int used = 1;
        // A header document (spec: inputs: ...) before "---" configures the file; the pipeline follows it.
        if (documents.size() > 1 && root instanceof Mapping header && header.has("spec")) {
            Mapping spec = mapping(header.get("spec"), "spec");
            inputs = spec == null ? List.of() : keys(spec.get("inputs"), "spec.inputs");
            root = documents.get(1);
            used = 2;
        }
        if (documents.size() > used) {
            notes.add((documents.size() - used) + " YAML document(s) after the pipeline ignored");
        }
        if (!(root instanceof Mapping config)) {
            throw new CiFileException("a pipeline must be a mapping, found " + root.describe(), root.position());
        }

        List<String> declaredStages = flatStrings(config.get("stages"), "stages");
        boolean stagesGiven = !absent(config.get("stages"));
        if (!stagesGiven && !absent(config.get("types"))) {
            declaredStages = flatStrings(config.get("types"), "types");
            stagesGiven = true;
            notes.add("\"types\" read as \"stages\" (its name before GitLab 15.0)");
        }

        Mapping defaults = isJob("default", config.get("default")) ? null : mapping(config.get("default"), "default");
        String defaultImage = defaults == null ? null : named(defaults.get("image"), "default.image");
        if (defaultImage == null) {
            defaultImage = named(config.get("image"), "image");
        }
        Mapping workflow = isJob("workflow", config.get("workflow")) ? null : mapping(config.get("workflow"), "workflow");

        List<Job> jobs = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        GitlabExtends inheritance = new GitlabExtends(config, notes);
        for (Entry entry : config.entries()) {
            String name = entry.key().value();
            if (RESERVED.contains(name) || GLOBAL_UNLESS_JOB.contains(name) && !isJob(name, entry.value())) {
                continue;
            }
            if (name.startsWith(".")) {
                templates.add(name);
                continue;
            }
            Mapping own = absent(entry.value())
                    ? new Mapping(List.of(), null, entry.key().position(), 1)
                    : asJob(name, entry.value());
            jobs.add(job(name, own, inheritance.resolve(name, own)));
        }

        return new GitlabPipeline(path, effectiveStages(stagesGiven, declaredStages), declaredStages,
                GitlabIncludes.read(config.get("include"), "include"), defaultImage,
                defaults == null ? List.of() : keys(defaults),
                keys(config.get("variables"), "variables"),
                workflow != null && !absent(workflow.get("rules")),
                workflow == null ? null : text(workflow.get("name"), "workflow.name"),
                inputs, jobs, templates, List.copyOf(notes));
    }

    /** GitLab always runs {@code .pre} first and {@code .post} last, declared or not. */
    private static List<String> effectiveStages(boolean given, List<String> declared) {
        if (!given) {
            return GitlabPipeline.DEFAULT_STAGES;
        }
        List<String> stages = new ArrayList<>(declared.size() + 2);
        if (!declared.contains(".pre")) {
            stages.add(".pre");
        }
        stages.addAll(declared);
        if (!declared.contains(".post")) {
            stages.add(".post");
        }
        return stages;
    }

    private static boolean isJob(String name, YamlNode value) {
        if (!(value instanceof Mapping mapping) || name.startsWith(".")) {
            return false;
        }
        for (String key : JOB_BODY) {
            if (mapping.has(key)) {
                return true;
            }
        }
        return false;
    }

    private static Mapping asJob(String name, YamlNode value) {
        if (value instanceof Mapping mapping) {
            return mapping;
        }
        throw fail(name, "a mapping (a job)", value);
    }

    private static Job job(String name, Mapping own, Mapping job) {
        String stage = text(job.get("stage"), name + ".stage");
        YamlNode dependencies = job.get("dependencies");
        return new Job(name,
                stage == null ? GitlabPipeline.DEFAULT_STAGE : stage,
                named(job.get("image"), name + ".image"),
                needs(job.get("needs"), name + ".needs"),
                absent(dependencies) ? null : flatStrings(dependencies, name + ".dependencies"),
                strings(own.get("extends"), name + ".extends"),
                !absent(job.get("rules")),
                !absent(job.get("only")),
                !absent(job.get("except")),
                text(job.get("when"), name + ".when"),
                named(job.get("environment"), name + ".environment"),
                trigger(job.get("trigger"), name + ".trigger"),
                flatStrings(job.get("tags"), name + ".tags"));
    }

    /**
     * A string, or the {@code name} of the mapping form: {@code image: {name: ..., entrypoint: ...}},
     * {@code environment: {name: ..., url: ...}}.
     */
    private static String named(YamlNode node, String field) {
        if (node instanceof Mapping mapping) {
            return text(mapping.get("name"), field + ".name");
        }
        return text(node, field);
    }

    private static List<Need> needs(YamlNode node, String field) {
        if (absent(node)) {
            return null;
        }
        List<Need> out = new ArrayList<>();
        needs(node, field, out);
        return out;
    }

    /** Lists nested in {@code needs} (from a {@code !reference}) are flattened, as GitLab does. */
    private static void needs(YamlNode node, String field, List<Need> out) {
        if (absent(node)) {
            return;
        }
        if (node.isReference()) {
            out.add(new Need(Expect.render(node), null, null, null, false));
            return;
        }
        switch (node) {
            case Scalar scalar -> out.add(new Need(scalar.value(), null, null, null, false));
            case Sequence sequence -> {
                for (int i = 0; i < sequence.items().size(); i++) {
                    needs(sequence.items().get(i), field + "[" + i + "]", out);
                }
            }
            case Mapping need -> out.add(new Need(text(need.get("job"), field + ".job"),
                    text(need.get("project"), field + ".project"),
                    text(need.get("ref"), field + ".ref"),
                    text(need.get("pipeline"), field + ".pipeline"),
                    flag(need.get("optional"), field + ".optional")));
        }
    }

    private static Trigger trigger(YamlNode node, String field) {
        if (absent(node) || node.isReference()) {
            return null;
        }
        if (node instanceof Scalar scalar) {
            return new Trigger(TriggerKind.MULTI_PROJECT, scalar.value(), null, null, List.of());
        }
        Mapping trigger = mapping(node, field);
        String strategy = text(trigger.get("strategy"), field + ".strategy");
        if (trigger.has("include")) {
            return new Trigger(TriggerKind.CHILD, null, null, strategy,
                    GitlabIncludes.read(trigger.get("include"), field + ".include"));
        }
        return new Trigger(TriggerKind.MULTI_PROJECT, text(trigger.get("project"), field + ".project"),
                text(trigger.get("branch"), field + ".branch"), strategy, List.of());
    }
}
