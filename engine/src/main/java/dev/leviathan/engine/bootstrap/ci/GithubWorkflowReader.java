package dev.leviathan.engine.bootstrap.ci;

import static dev.leviathan.engine.bootstrap.ci.Expect.absent;
import static dev.leviathan.engine.bootstrap.ci.Expect.fail;
import static dev.leviathan.engine.bootstrap.ci.Expect.keys;
import static dev.leviathan.engine.bootstrap.ci.Expect.mapping;
import static dev.leviathan.engine.bootstrap.ci.Expect.strings;
import static dev.leviathan.engine.bootstrap.ci.Expect.text;

import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.ActionUse;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Concurrency;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Environment;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Job;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Matrix;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Permission;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Permissions;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.RunDefaults;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.RunsOn;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Service;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Trigger;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.WorkflowCall;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Entry;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Mapping;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Position;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Scalar;
import dev.leviathan.engine.bootstrap.ci.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Reads a workflow's composed YAML into a {@link GithubWorkflow}; one instance per file. */
final class GithubWorkflowReader {

    private static final Comparator<ActionUse> ACTION_ORDER = Comparator.comparing(ActionUse::name)
            .thenComparing(ActionUse::ref, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ActionUse::kind);

    private final String path;
    private final List<String> notes = new ArrayList<>();

    private GithubWorkflowReader(String path) {
        this.path = path;
    }

    static GithubWorkflow read(String path, List<YamlNode> documents) {
        if (documents.isEmpty()) {
            throw new CiFileException("the file holds no YAML document: a workflow must be a mapping", Position.NONE);
        }
        if (documents.size() > 1) {
            // GitHub's parser rejects a stream of several documents.
            throw new CiFileException("a workflow must be one YAML document, found " + documents.size(),
                    documents.get(1).position());
        }
        return new GithubWorkflowReader(path).workflow(documents.getFirst());
    }

    private GithubWorkflow workflow(YamlNode root) {
        if (!(root instanceof Mapping workflow)) {
            throw new CiFileException("a workflow must be a mapping, found " + root.describe(), root.position());
        }
        String name = text(workflow.get("name"), "name");
        String runName = text(workflow.get("run-name"), "run-name");
        List<Trigger> triggers = triggers(onNode(workflow));
        Permissions permissions = permissions(workflow.get("permissions"), "permissions");
        List<String> env = envNames(workflow.get("env"), "env");
        Concurrency concurrency = concurrency(workflow.get("concurrency"), "concurrency");
        RunDefaults defaults = defaults(workflow.get("defaults"));
        List<Job> jobs = jobs(workflow.get("jobs"));
        TreeSet<ActionUse> actions = new TreeSet<>(ACTION_ORDER);
        for (Job job : jobs) {
            actions.addAll(job.actions());
        }
        return new GithubWorkflow(path, name, name != null ? name : path, runName, triggers, permissions, env,
                concurrency, defaults, jobs, List.copyOf(actions), notes);
    }

    /**
     * The {@code on:} value. YAML 1.2 keeps an unquoted {@code on} a string, but a file written
     * by a YAML 1.1 tool may carry the key as {@code true} (what {@code on} means in YAML 1.1);
     * we read such a key as {@code on}, as its author meant, and say so in the notes.
     */
    private YamlNode onNode(Mapping workflow) {
        Entry on = null;
        Entry asTrue = null;
        for (Entry entry : workflow.entries()) {
            Scalar key = entry.key();
            if (key.value().equals("on")) {
                on = entry;
            } else if (asTrue == null && (key.isTrue() || key.value().equals("true"))) {
                asTrue = entry;
            }
        }
        if (on != null) {
            if (asTrue != null) {
                notes.add("key \"" + asTrue.key().value() + "\" at line " + asTrue.key().position().line()
                        + " ignored: the workflow has an \"on\" key");
            }
            return on.value();
        }
        if (asTrue != null) {
            notes.add("key \"" + asTrue.key().value() + "\" at line " + asTrue.key().position().line()
                    + " read as \"on\" (a YAML 1.1 tool wrote the key on as the boolean true)");
            return asTrue.value();
        }
        notes.add("no \"on\" key: the workflow has no trigger");
        return null;
    }

    private List<Trigger> triggers(YamlNode on) {
        if (absent(on)) {
            return List.of();
        }
        List<Trigger> out = new ArrayList<>();
        switch (on) {
            case Scalar scalar -> out.add(Trigger.of(scalar.value()));
            case Sequence sequence -> {
                for (int i = 0; i < sequence.items().size(); i++) {
                    String event = text(sequence.items().get(i), "on[" + i + "]");
                    if (event != null) {
                        out.add(Trigger.of(event));
                    }
                }
            }
            case Mapping events -> {
                for (Entry entry : events.entries()) {
                    out.add(trigger(entry.key().value(), entry.value()));
                }
            }
        }
        return out;
    }

    private Trigger trigger(String event, YamlNode value) {
        String field = "on." + event;
        if (absent(value)) {
            return Trigger.of(event);
        }
        if (event.equals("schedule")) {
            return schedule(value, field);
        }
        Mapping filters = mapping(value, field);
        if (filters == null) {
            return Trigger.of(event);
        }
        List<String> none = List.of();
        return new Trigger(event,
                strings(filters.get("branches"), field + ".branches"),
                strings(filters.get("branches-ignore"), field + ".branches-ignore"),
                strings(filters.get("tags"), field + ".tags"),
                strings(filters.get("tags-ignore"), field + ".tags-ignore"),
                strings(filters.get("paths"), field + ".paths"),
                strings(filters.get("paths-ignore"), field + ".paths-ignore"),
                strings(filters.get("types"), field + ".types"),
                none,
                strings(filters.get("workflows"), field + ".workflows"),
                keys(filters.get("inputs"), field + ".inputs"),
                keys(filters.get("secrets"), field + ".secrets"),
                keys(filters.get("outputs"), field + ".outputs"));
    }

    /** {@code schedule: [{cron: ...}, ...]}; a lone mapping is read as a list of one. */
    private static Trigger schedule(YamlNode value, String field) {
        List<YamlNode> entries = value instanceof Sequence sequence ? sequence.items() : List.of(value);
        List<String> crons = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entryField = value instanceof Sequence ? field + "[" + i + "]" : field;
            Mapping entry = mapping(entries.get(i), entryField);
            if (entry != null) {
                String cron = text(entry.get("cron"), entryField + ".cron");
                if (cron != null) {
                    crons.add(cron);
                }
            }
        }
        List<String> none = List.of();
        return new Trigger("schedule", none, none, none, none, none, none, none, crons, none, none, none, none);
    }

    private static Permissions permissions(YamlNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (node instanceof Scalar scalar) {
            return new Permissions(scalar.value(), List.of());
        }
        if (!(node instanceof Mapping scopes)) {
            throw fail(field, "a string or a mapping", node);
        }
        List<Permission> out = new ArrayList<>(scopes.entries().size());
        for (Entry entry : scopes.entries()) {
            String scope = entry.key().value();
            out.add(new Permission(scope, text(entry.value(), field + "." + scope)));
        }
        return new Permissions(null, out);
    }

    /** Names of an {@code env} mapping; a whole {@code env} given as one expression has none we can know. */
    private static List<String> envNames(YamlNode node, String field) {
        if (node instanceof Scalar) {
            return List.of();
        }
        return keys(node, field);
    }

    private static Concurrency concurrency(YamlNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (node instanceof Scalar scalar) {
            return new Concurrency(scalar.value(), null);
        }
        Mapping concurrency = mapping(node, field);
        if (concurrency == null) {
            return null;
        }
        return new Concurrency(text(concurrency.get("group"), field + ".group"),
                text(concurrency.get("cancel-in-progress"), field + ".cancel-in-progress"));
    }

    private static RunDefaults defaults(YamlNode node) {
        Mapping defaults = mapping(node, "defaults");
        if (defaults == null) {
            return null;
        }
        Mapping run = mapping(defaults.get("run"), "defaults.run");
        if (run == null) {
            return new RunDefaults(null, null);
        }
        return new RunDefaults(text(run.get("shell"), "defaults.run.shell"),
                text(run.get("working-directory"), "defaults.run.working-directory"));
    }

    private List<Job> jobs(YamlNode node) {
        Mapping jobs = mapping(node, "jobs");
        if (jobs == null) {
            notes.add("no \"jobs\" key: the workflow has no job");
            return List.of();
        }
        List<Job> out = new ArrayList<>(jobs.entries().size());
        for (Entry entry : jobs.entries()) {
            String id = entry.key().value();
            String field = "jobs." + id;
            if (!(entry.value() instanceof Mapping job)) {
                throw fail(field, "a mapping", entry.value());
            }
            out.add(job(id, job, field));
        }
        return out;
    }

    private static Job job(String id, Mapping job, String field) {
        List<ActionUse> actions = new ArrayList<>();
        int steps = steps(job.get("steps"), field + ".steps", actions);
        return new Job(id,
                text(job.get("name"), field + ".name"),
                runsOn(job.get("runs-on"), field + ".runs-on"),
                strings(job.get("needs"), field + ".needs"),
                permissions(job.get("permissions"), field + ".permissions"),
                text(job.get("if"), field + ".if"),
                environment(job.get("environment"), field + ".environment"),
                matrix(job.get("strategy"), field + ".strategy"),
                container(job.get("container"), field + ".container"),
                services(job.get("services"), field + ".services"),
                steps,
                actions,
                call(job, field));
    }

    private static RunsOn runsOn(YamlNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (node instanceof Mapping runner) {
            return new RunsOn(strings(runner.get("labels"), field + ".labels"), text(runner.get("group"), field + ".group"));
        }
        return new RunsOn(strings(node, field), null);
    }

    private static Environment environment(YamlNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (node instanceof Scalar scalar) {
            return new Environment(scalar.value(), null);
        }
        Mapping environment = mapping(node, field);
        if (environment == null) {
            return null;
        }
        return new Environment(text(environment.get("name"), field + ".name"), text(environment.get("url"), field + ".url"));
    }

    private static Matrix matrix(YamlNode strategyNode, String field) {
        if (absent(strategyNode)) {
            return null;
        }
        if (strategyNode instanceof Scalar scalar) {
            return new Matrix(List.of(), false, false, scalar.value());
        }
        Mapping strategy = mapping(strategyNode, field);
        YamlNode node = strategy == null ? null : strategy.get("matrix");
        if (absent(node)) {
            return null;
        }
        if (node instanceof Scalar scalar) {
            return new Matrix(List.of(), false, false, scalar.value());
        }
        Mapping matrix = mapping(node, field + ".matrix");
        if (matrix == null) {
            return null;
        }
        List<String> dimensions = new ArrayList<>();
        for (String key : keys(matrix)) {
            if (!key.equals("include") && !key.equals("exclude")) {
                dimensions.add(key);
            }
        }
        return new Matrix(dimensions, matrix.has("include"), matrix.has("exclude"), null);
    }

    private static String container(YamlNode node, String field) {
        if (node instanceof Mapping container) {
            return text(container.get("image"), field + ".image");
        }
        return text(node, field);
    }

    private static List<Service> services(YamlNode node, String field) {
        Mapping services = mapping(node, field);
        if (services == null) {
            return List.of();
        }
        List<Service> out = new ArrayList<>(services.entries().size());
        for (Entry entry : services.entries()) {
            String id = entry.key().value();
            out.add(new Service(id, container(entry.value(), field + "." + id)));
        }
        return out;
    }

    private static int steps(YamlNode node, String field, List<ActionUse> actions) {
        if (absent(node)) {
            return 0;
        }
        if (!(node instanceof Sequence steps)) {
            throw fail(field, "a list", node);
        }
        for (int i = 0; i < steps.items().size(); i++) {
            String stepField = field + "[" + i + "]";
            YamlNode item = steps.items().get(i);
            if (!(item instanceof Mapping step)) {
                throw fail(stepField, "a mapping", item);
            }
            String uses = text(step.get("uses"), stepField + ".uses");
            if (uses != null) {
                actions.add(ActionReference.parse(uses));
            }
        }
        return steps.items().size();
    }

    private static WorkflowCall call(Mapping job, String field) {
        String uses = text(job.get("uses"), field + ".uses");
        if (uses == null) {
            return null;
        }
        YamlNode secretsNode = job.get("secrets");
        boolean inherit = secretsNode instanceof Scalar scalar && scalar.value().equals("inherit");
        List<String> secrets = secretsNode instanceof Scalar ? List.of() : keys(secretsNode, field + ".secrets");
        YamlNode withNode = job.get("with");
        List<String> with = withNode instanceof Scalar ? List.of() : keys(withNode, field + ".with");
        return ActionReference.call(uses, with, secrets, inherit);
    }
}
