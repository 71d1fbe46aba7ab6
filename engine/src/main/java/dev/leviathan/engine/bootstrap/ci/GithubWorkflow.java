package dev.leviathan.engine.bootstrap.ci;

import java.util.List;

/**
 * A GitHub Actions workflow ({@code .github/workflows/*.yml}). Values are the file's text:
 * expressions ({@code ${{ matrix.os }}}) are kept as written, never evaluated. Lists keep the
 * file's order, except {@link #actions()}.
 *
 * @param name the {@code name:} value, or null when the file has none
 * @param displayName what GitHub shows for the workflow: {@code name}, or the file's path when
 *     there is no name
 * @param runName the {@code run-name:} value, or null
 * @param triggers the events of {@code on:} in the file's order, whichever of its three shapes
 *     (one event, a list of events, a mapping of events to filters) the file uses
 * @param permissions top-level {@code permissions}, or null when absent
 * @param env names of the top-level {@code env} variables (values are not kept)
 * @param concurrency top-level {@code concurrency}, or null when absent
 * @param defaults top-level {@code defaults.run}, or null when absent
 * @param jobs in the file's order
 * @param actions every distinct action the steps use, sorted by name, then ref, then kind
 * @param notes what the reader tolerated, in the order it met it (e.g. a {@code true:} key read as
 *     {@code on:})
 */
public record GithubWorkflow(String path, String name, String displayName, String runName, List<Trigger> triggers,
        Permissions permissions, List<String> env, Concurrency concurrency, RunDefaults defaults, List<Job> jobs,
        List<ActionUse> actions, List<String> notes) implements CiFact {

    public GithubWorkflow {
        triggers = List.copyOf(triggers);
        env = List.copyOf(env);
        jobs = List.copyOf(jobs);
        actions = List.copyOf(actions);
        notes = List.copyOf(notes);
    }

    @Override
    public CiSystem system() {
        return CiSystem.GITHUB_ACTIONS;
    }

    /**
     * One event of {@code on:} with its filters; a filter the file does not give is empty.
     *
     * @param crons the {@code cron} of each {@code schedule} entry
     * @param workflows {@code workflow_run.workflows}
     * @param inputs input names of {@code workflow_dispatch} or {@code workflow_call}
     * @param secrets secret names of {@code workflow_call}
     * @param outputs output names of {@code workflow_call}
     */
    public record Trigger(String event, List<String> branches, List<String> branchesIgnore, List<String> tags,
            List<String> tagsIgnore, List<String> paths, List<String> pathsIgnore, List<String> types,
            List<String> crons, List<String> workflows, List<String> inputs, List<String> secrets,
            List<String> outputs) {

        public Trigger {
            branches = List.copyOf(branches);
            branchesIgnore = List.copyOf(branchesIgnore);
            tags = List.copyOf(tags);
            tagsIgnore = List.copyOf(tagsIgnore);
            paths = List.copyOf(paths);
            pathsIgnore = List.copyOf(pathsIgnore);
            types = List.copyOf(types);
            crons = List.copyOf(crons);
            workflows = List.copyOf(workflows);
            inputs = List.copyOf(inputs);
            secrets = List.copyOf(secrets);
            outputs = List.copyOf(outputs);
        }

        /** An event without filters ({@code on: push}, {@code on: [push]}, {@code push:}). */
        public static Trigger of(String event) {
            List<String> none = List.of();
            return new Trigger(event, none, none, none, none, none, none, none, none, none, none, none, none);
        }
    }

    /**
     * {@code permissions}: either a preset ({@code read-all}, {@code write-all}, as written) or a
     * mapping of scopes to levels ({@code permissions: {}} is no scope at all).
     *
     * @param preset the string form's value, or null for the mapping form
     * @param scopes the mapping form's scopes in the file's order; empty for the string form
     */
    public record Permissions(String preset, List<Permission> scopes) {

        public Permissions {
            scopes = List.copyOf(scopes);
        }
    }

    /** One scope of a {@code permissions} mapping: {@code contents: read}. */
    public record Permission(String scope, String level) {
    }

    /** {@code concurrency}: the string form is a group alone; {@code cancelInProgress} is text, as written. */
    public record Concurrency(String group, String cancelInProgress) {
    }

    /** {@code defaults.run}. */
    public record RunDefaults(String shell, String workingDirectory) {
    }

    /**
     * One job of {@code jobs}.
     *
     * @param id the job's key
     * @param name {@code name}, or null
     * @param runsOn {@code runs-on}, or null (a job that calls a reusable workflow has none)
     * @param needs the job ids it needs, in the file's order
     * @param permissions the job's {@code permissions}, or null
     * @param condition {@code if}, as written, or null
     * @param environment {@code environment}, or null
     * @param matrix {@code strategy.matrix}, or null
     * @param container the image of {@code container}, or null
     * @param services {@code services} in the file's order
     * @param steps how many steps the job has
     * @param actions the action each step {@code uses}, in step order (one per step that uses one)
     * @param call the reusable workflow the job calls ({@code jobs.<id>.uses}), or null
     */
    public record Job(String id, String name, RunsOn runsOn, List<String> needs, Permissions permissions,
            String condition, Environment environment, Matrix matrix, String container, List<Service> services,
            int steps, List<ActionUse> actions, WorkflowCall call) {

        public Job {
            needs = List.copyOf(needs);
            services = List.copyOf(services);
            actions = List.copyOf(actions);
        }
    }

    /**
     * {@code runs-on}: a label, a list of labels, or a {@code group}/{@code labels} mapping.
     *
     * @param labels the labels in the file's order (the string form is one label)
     * @param group the runner group, or null
     */
    public record RunsOn(List<String> labels, String group) {

        public RunsOn {
            labels = List.copyOf(labels);
        }
    }

    /** {@code environment}: its name, and its url when the mapping form gives one. */
    public record Environment(String name, String url) {
    }

    /**
     * {@code strategy.matrix}.
     *
     * @param dimensions the matrix keys other than {@code include} and {@code exclude}, in order
     * @param expression the text of a matrix given as one expression ({@code ${{ fromJSON(...) }}}), or null
     */
    public record Matrix(List<String> dimensions, boolean include, boolean exclude, String expression) {

        public Matrix {
            dimensions = List.copyOf(dimensions);
        }
    }

    /** One service container: its id and image (null when the file gives none). */
    public record Service(String id, String image) {
    }

    /** How a step's {@code uses} names its action. */
    public enum ActionKind {
        /** {@code owner/repo[/path]@ref}. */
        REPOSITORY,
        /** {@code ./path/in/this/repository}. */
        LOCAL,
        /** {@code docker://image[:tag|@digest]}. */
        DOCKER
    }

    /**
     * An action a step uses.
     *
     * @param name {@code owner/repo[/path]} for a repository action, the path as written for a
     *     local one ({@code ./.github/actions/setup}), the image without tag or digest for a docker one
     * @param ref the git ref after {@code @}, the docker tag or digest ({@code sha256:…}), or null
     */
    public record ActionUse(ActionKind kind, String name, String ref) {

        /** {@code owner/repo} of a repository action; null for the other kinds. */
        public String repository() {
            if (kind != ActionKind.REPOSITORY) {
                return null;
            }
            int first = name.indexOf('/');
            int second = first < 0 ? -1 : name.indexOf('/', first + 1);
            return second < 0 ? name : name.substring(0, second);
        }
    }

    /**
     * A reusable workflow a job calls ({@code uses: org/repo/.github/workflows/x.yml@v1} or
     * {@code uses: ./.github/workflows/x.yml}).
     *
     * @param uses the text as written
     * @param local true for a workflow of the same repository ({@code ./…})
     * @param repository {@code owner/repo}, or null for a local workflow
     * @param path the workflow file's path in its repository ({@code .github/workflows/x.yml})
     * @param ref the ref after {@code @}, or null
     * @param with the {@code with} input names, in the file's order
     * @param secrets the {@code secrets} names, in the file's order; empty for {@code secrets: inherit}
     * @param secretsInherit true for {@code secrets: inherit}
     */
    public record WorkflowCall(String uses, boolean local, String repository, String path, String ref,
            List<String> with, List<String> secrets, boolean secretsInherit) {

        public WorkflowCall {
            with = List.copyOf(with);
            secrets = List.copyOf(secrets);
        }
    }
}
