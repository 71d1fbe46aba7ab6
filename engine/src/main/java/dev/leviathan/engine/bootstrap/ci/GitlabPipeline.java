package dev.leviathan.engine.bootstrap.ci;

import java.util.List;

/**
 * A GitLab CI pipeline ({@code .gitlab-ci.yml} at the repository root), as this one file defines
 * it: included files are listed, not read. YAML anchors, aliases and merge keys are resolved;
 * {@code extends} is resolved between the jobs and templates of this file; {@code !reference}
 * tags are kept as text. Lists keep the file's order.
 *
 * @param stages the stages as GitLab runs them: {@code .pre, build, test, deploy, .post} when the
 *     file declares none, else the declared ones with {@code .pre} first and {@code .post} last
 * @param declaredStages {@code stages} as written (or the deprecated {@code types}); empty when absent
 * @param includes every file {@code include} names, one entry per file
 * @param defaultImage the image of {@code default}, else of the deprecated top-level {@code image}; or null
 * @param defaultKeys the keywords {@code default} sets, in the file's order
 * @param variables names of the top-level {@code variables} (values are not kept)
 * @param workflowRules true when {@code workflow:rules} is present
 * @param workflowName {@code workflow:name}, or null
 * @param inputs names of {@code spec:inputs} in the file's header document
 * @param jobs every visible job, in the file's order
 * @param templates the hidden jobs ({@code .name}: keys starting with a dot), in the file's order
 * @param notes what the reader tolerated or could not resolve, in the order it met it
 */
public record GitlabPipeline(String path, List<String> stages, List<String> declaredStages, List<Include> includes,
        String defaultImage, List<String> defaultKeys, List<String> variables, boolean workflowRules,
        String workflowName, List<String> inputs, List<Job> jobs, List<String> templates, List<String> notes)
        implements CiFact {

    /** What GitLab runs when the file declares no stages. */
    public static final List<String> DEFAULT_STAGES = List.of(".pre", "build", "test", "deploy", ".post");

    /** The stage of a job that names none. */
    public static final String DEFAULT_STAGE = "test";

    public GitlabPipeline {
        stages = List.copyOf(stages);
        declaredStages = List.copyOf(declaredStages);
        includes = List.copyOf(includes);
        defaultKeys = List.copyOf(defaultKeys);
        variables = List.copyOf(variables);
        inputs = List.copyOf(inputs);
        jobs = List.copyOf(jobs);
        templates = List.copyOf(templates);
        notes = List.copyOf(notes);
    }

    @Override
    public CiSystem system() {
        return CiSystem.GITLAB_CI;
    }

    /** How an {@code include} entry names its file. */
    public enum IncludeKind {
        /** {@code local:}, or a string that is not a URL. */
        LOCAL,
        /** {@code project:} with {@code file:} (and {@code ref:}). */
        PROJECT,
        /** {@code remote:}, or a string that is an http(s) URL. */
        REMOTE,
        /** {@code template:}, a template GitLab ships. */
        TEMPLATE,
        /** {@code component:}, a CI/CD catalog component. */
        COMPONENT,
        /** {@code artifact:} with {@code job:}, a file a job of the parent pipeline made (child pipelines). */
        ARTIFACT
    }

    /**
     * One included file.
     *
     * @param target the path, URL, template name, component path (without its {@code @version})
     *     or artifact path, as written
     * @param project {@code project:} of a {@link IncludeKind#PROJECT} include, else null
     * @param ref {@code ref:} of a project include, or the version after {@code @} of a component; else null
     * @param job {@code job:} of an {@link IncludeKind#ARTIFACT} include, else null
     */
    public record Include(IncludeKind kind, String target, String project, String ref, String job) {
    }

    /**
     * One visible job, with what it inherits through {@code extends} (from this file) applied.
     *
     * @param name the job's key
     * @param stage its stage; {@link #DEFAULT_STAGE} when neither it nor what it extends names one
     * @param image its {@code image} (the name of the mapping form), or null; {@code default}'s image is not filled in
     * @param needs its {@code needs}, or null when it declares none ({@code needs: []} is an empty list)
     * @param dependencies its {@code dependencies}, or null when it declares none
     * @param extendsFrom its own {@code extends}, as written, in order
     * @param rules true when it has {@code rules}
     * @param only true when it has {@code only}
     * @param except true when it has {@code except}
     * @param when {@code when}, or null
     * @param environment the environment's name, or null
     * @param trigger its {@code trigger} (a child or multi-project pipeline), or null
     * @param tags its runner {@code tags}
     */
    public record Job(String name, String stage, String image, List<Need> needs, List<String> dependencies,
            List<String> extendsFrom, boolean rules, boolean only, boolean except, String when, String environment,
            Trigger trigger, List<String> tags) {

        public Job {
            needs = needs == null ? null : List.copyOf(needs);
            dependencies = dependencies == null ? null : List.copyOf(dependencies);
            extendsFrom = List.copyOf(extendsFrom);
            tags = List.copyOf(tags);
        }
    }

    /**
     * One entry of {@code needs}.
     *
     * @param job the job needed (for a {@code !reference} entry, the reference's text)
     * @param project {@code project:} of a cross-project need, else null
     * @param ref {@code ref:} of a cross-project need, else null
     * @param pipeline {@code pipeline:} of a need on another pipeline (e.g. {@code $PARENT_PIPELINE_ID}), else null
     * @param optional {@code optional: true}
     */
    public record Need(String job, String project, String ref, String pipeline, boolean optional) {
    }

    /** Whether a trigger job starts a pipeline of this project's files or of another project. */
    public enum TriggerKind {
        /** {@code trigger: include:}. */
        CHILD,
        /** {@code trigger: group/project} or {@code trigger: project:}. */
        MULTI_PROJECT
    }

    /**
     * {@code trigger} of a bridge job.
     *
     * @param project the downstream project of a multi-project trigger, else null
     * @param branch {@code branch:} of a multi-project trigger, or null
     * @param strategy {@code strategy:} ({@code depend}), or null
     * @param includes the child pipeline's configuration files
     */
    public record Trigger(TriggerKind kind, String project, String branch, String strategy, List<Include> includes) {

        public Trigger {
            includes = List.copyOf(includes);
        }
    }
}
