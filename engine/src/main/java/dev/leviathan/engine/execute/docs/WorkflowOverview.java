package dev.leviathan.engine.execute.docs;

import dev.leviathan.engine.bootstrap.ci.CiFact;
import dev.leviathan.engine.bootstrap.ci.CiSystem;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline;
import dev.leviathan.engine.bootstrap.ci.MalformedCiFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CI workflow overview: review notes first (what a reviewer should look at), then each
 * GitHub Actions workflow and GitLab CI pipeline as the facts describe it. A pure function of the
 * facts and of where the document lives.
 */
final class WorkflowOverview {

    static final String TITLE = "CI workflows";

    private static final String WARN = " ⚠";
    private static final String NONE = "—";

    private WorkflowOverview() {
    }

    /** The region's body (without its markers), lines ending in {@code \n}. */
    static String body(List<CiFact> facts, String docPath) {
        StringBuilder out = new StringBuilder();
        List<CiFact> sorted = CiConcerns.sorted(facts);
        if (sorted.isEmpty()) {
            out.append("No CI configuration files were found (GitHub Actions workflows in `.github/workflows/`,")
                    .append(" GitLab CI's `.gitlab-ci.yml`).\n");
            return out.toString();
        }
        List<GithubWorkflow> workflows = sorted.stream().filter(GithubWorkflow.class::isInstance)
                .map(GithubWorkflow.class::cast).toList();
        List<GitlabPipeline> pipelines = sorted.stream().filter(GitlabPipeline.class::isInstance)
                .map(GitlabPipeline.class::cast).toList();
        List<CiConcern> concerns = CiConcerns.of(sorted);
        summary(out, sorted, workflows.size(), pipelines.size(), concerns.size());
        reviewNotes(out, concerns, docPath);
        if (!workflows.isEmpty()) {
            out.append("\n## GitHub Actions\n");
            workflows.forEach(workflow -> github(out, workflow, docPath));
        }
        if (!pipelines.isEmpty()) {
            out.append("\n## GitLab CI\n");
            pipelines.forEach(pipeline -> gitlab(out, pipeline, docPath));
        }
        return out.toString();
    }

    private static void summary(StringBuilder out, List<CiFact> facts, int workflows, int pipelines, int notes) {
        List<String> parts = new ArrayList<>();
        if (workflows > 0) {
            parts.add(Markdown.count(workflows, "GitHub Actions workflow", "GitHub Actions workflows"));
        }
        if (pipelines > 0) {
            parts.add(Markdown.count(pipelines, "GitLab CI pipeline", "GitLab CI pipelines"));
        }
        long unreadable = facts.stream().filter(MalformedCiFile.class::isInstance).count();
        if (unreadable > 0) {
            parts.add(unreadable == 1 ? "1 file that could not be read" : unreadable + " files that could not be read");
        }
        out.append("**").append(Markdown.count(facts.size(), "CI file", "CI files")).append("**: ")
                .append(String.join(", ", parts)).append(". ")
                .append(Markdown.count(notes, "review note", "review notes")).append(".\n");
    }

    private static void reviewNotes(StringBuilder out, List<CiConcern> concerns, String docPath) {
        out.append("\n## Review notes\n\n");
        if (concerns.isEmpty()) {
            out.append("Nothing stood out: every file could be read, every workflow declares its token permissions,")
                    .append(" and every action is pinned to a version or a commit.\n");
            return;
        }
        Map<String, List<CiConcern>> byFile = new LinkedHashMap<>();
        concerns.forEach(concern -> byFile.computeIfAbsent(concern.path(), k -> new ArrayList<>()).add(concern));
        for (Map.Entry<String, List<CiConcern>> file : byFile.entrySet()) {
            out.append("- ").append(Markdown.sourceLink(docPath, file.getKey(), 0, false)).append('\n');
            for (CiConcern concern : file.getValue()) {
                out.append("  - ").append(note(concern, docPath)).append('\n');
            }
        }
    }

    /** The review note for one concern, as Markdown. */
    static String note(CiConcern concern, String docPath) {
        return switch (concern) {
            case CiConcern.Unreadable bad -> "could not be read"
                    + (bad.system() == CiSystem.GITLAB_CI ? " as a GitLab CI pipeline" : " as a GitHub Actions workflow")
                    + (bad.line() > 0 ? " at [line " + bad.line() + ", column " + bad.column() + "]("
                            + Markdown.relativeUrl(docPath, bad.path()) + "#L" + bad.line() + ")" : "")
                    + ": " + Markdown.text(bad.message()) + ".";
            case CiConcern.PullRequestTarget prt -> "triggered by `pull_request_target`: it runs with a write token"
                    + " and the repository's secrets on pull requests from forks, so it must never check out or run"
                    + " the pull request's code.";
            case CiConcern.NoPermissions none -> "no `permissions` block: " + (none.jobs().isEmpty()
                    ? "the workflow's token gets"
                    : (none.jobs().size() == 1 ? "job " : "jobs ") + Markdown.codes(none.jobs(), false)
                            + (none.jobs().size() == 1 ? " gets" : " get"))
                    + " the repository's default token permissions, which may include write access.";
            case CiConcern.WriteAll all -> (all.job() == null ? "`permissions: write-all`"
                    : "job " + Markdown.code(all.job()) + " has `permissions: write-all`")
                    + ": the token can write to every scope.";
            case CiConcern.LooseReference loose -> (loose.reusableWorkflow() ? "reusable workflow " : "")
                    + Markdown.code(loose.reference()) + " " + looseness(loose.pinning())
                    + ": what it runs can change without a change here"
                    + (loose.jobs().isEmpty() ? "" : " (used by " + Markdown.codes(loose.jobs(), false) + ")") + ".";
            case CiConcern.DeployWithoutConcurrency deploy -> (deploy.jobs().size() == 1 ? "job " : "jobs ")
                    + Markdown.codes(deploy.jobs(), false) + (deploy.jobs().size() == 1 ? " deploys" : " deploy")
                    + " or publishes with no workflow-level `concurrency`: two runs can deploy at the same time.";
            case CiConcern.LooseInclude include -> "include " + include(include.include(), false) + ": "
                    + Markdown.text(include.reason()) + ".";
        };
    }

    private static String looseness(Pinning pinning) {
        return switch (pinning) {
            case BRANCH -> "is referenced by a branch (or a ref that is not a version)";
            case NONE -> "has no version";
            case DOCKER_NONE -> "has no image tag";
            case DOCKER_LATEST -> "uses the image tag `latest`";
            default -> "is pinned to a " + pinning.description();
        };
    }

    // GitHub Actions

    private static void github(StringBuilder out, GithubWorkflow workflow, String docPath) {
        out.append("\n### ").append(Markdown.text(workflow.displayName())).append("\n\n");
        out.append("File: ").append(Markdown.sourceLink(docPath, workflow.path(), 0, false));
        if (workflow.runName() != null) {
            out.append(" · run name ").append(Markdown.code(workflow.runName()));
        }
        out.append("\n\n");
        triggers(out, workflow.triggers());
        out.append("**Permissions:** ").append(workflowPermissions(workflow)).append("\n");
        if (workflow.concurrency() != null) {
            GithubWorkflow.Concurrency concurrency = workflow.concurrency();
            out.append("\n**Concurrency:** group ").append(concurrency.group() == null ? NONE
                    : Markdown.code(concurrency.group()));
            if (concurrency.cancelInProgress() != null) {
                out.append(", cancel in progress ").append(Markdown.code(concurrency.cancelInProgress()));
            }
            out.append("\n");
        }
        jobs(out, workflow.jobs());
        actions(out, workflow);
        notes(out, workflow.notes());
    }

    private static void triggers(StringBuilder out, List<GithubWorkflow.Trigger> triggers) {
        if (triggers.isEmpty()) {
            out.append("**Triggers:** none\n\n");
            return;
        }
        out.append("**Triggers**\n\n");
        for (GithubWorkflow.Trigger trigger : triggers) {
            out.append("- ").append(Markdown.code(trigger.event()));
            List<String> filters = new ArrayList<>();
            filter(filters, "branches", trigger.branches());
            filter(filters, "branches-ignore", trigger.branchesIgnore());
            filter(filters, "tags", trigger.tags());
            filter(filters, "tags-ignore", trigger.tagsIgnore());
            filter(filters, "paths", trigger.paths());
            filter(filters, "paths-ignore", trigger.pathsIgnore());
            filter(filters, "types", trigger.types());
            filter(filters, "cron", trigger.crons());
            filter(filters, "workflows", trigger.workflows());
            filter(filters, "inputs", trigger.inputs());
            filter(filters, "secrets", trigger.secrets());
            filter(filters, "outputs", trigger.outputs());
            if (!filters.isEmpty()) {
                out.append(": ").append(String.join("; ", filters));
            }
            if ("pull_request_target".equals(trigger.event())) {
                out.append(WARN);
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private static void filter(List<String> filters, String name, List<String> values) {
        if (!values.isEmpty()) {
            filters.add(name + " " + Markdown.codes(values, false));
        }
    }

    private static String workflowPermissions(GithubWorkflow workflow) {
        if (workflow.permissions() != null) {
            String text = permissions(workflow.permissions(), false);
            return "write-all".equals(workflow.permissions().preset()) ? text + WARN : text;
        }
        boolean everyJob = !workflow.jobs().isEmpty()
                && workflow.jobs().stream().allMatch(job -> job.permissions() != null);
        return everyJob ? "not declared for the workflow; every job declares its own"
                : "not declared" + WARN + " (the token gets the repository's default permissions)";
    }

    private static String permissions(GithubWorkflow.Permissions permissions, boolean inTable) {
        if (permissions.preset() != null) {
            return inTable ? Markdown.cell(permissions.preset()) : Markdown.code(permissions.preset());
        }
        if (permissions.scopes().isEmpty()) {
            return "none (`{}`)";
        }
        return Markdown.codes(permissions.scopes().stream().map(p -> p.scope() + ": " + p.level()).toList(), inTable);
    }

    private static void jobs(StringBuilder out, List<GithubWorkflow.Job> jobs) {
        if (jobs.isEmpty()) {
            out.append("\n**Jobs:** none\n");
            return;
        }
        out.append("\n**Jobs**\n\n");
        out.append("| Job | Runs on | Needs | Permissions | Details |\n");
        out.append("|---|---|---|---|---|\n");
        for (GithubWorkflow.Job job : jobs) {
            out.append("| ").append(Markdown.cell(job.id()));
            if (job.name() != null) {
                out.append(" (").append(Markdown.text(job.name())).append(')');
            }
            out.append(" | ").append(runsOn(job.runsOn()))
                    .append(" | ").append(job.needs().isEmpty() ? NONE : Markdown.codes(job.needs(), true))
                    .append(" | ").append(job.permissions() == null ? NONE : permissions(job.permissions(), true)
                            + ("write-all".equals(job.permissions().preset()) ? WARN : ""))
                    .append(" | ").append(details(job)).append(" |\n");
        }
    }

    private static String runsOn(GithubWorkflow.RunsOn runsOn) {
        if (runsOn == null) {
            return NONE;
        }
        String labels = Markdown.codes(runsOn.labels(), true);
        if (runsOn.group() == null) {
            return labels.isEmpty() ? NONE : labels;
        }
        return "group " + Markdown.cell(runsOn.group()) + (labels.isEmpty() ? "" : ", " + labels);
    }

    private static String details(GithubWorkflow.Job job) {
        List<String> parts = new ArrayList<>();
        if (job.call() != null) {
            parts.add("calls " + Markdown.cell(job.call().uses()));
        } else {
            parts.add(Markdown.count(job.steps(), "step", "steps"));
        }
        if (job.matrix() != null) {
            GithubWorkflow.Matrix matrix = job.matrix();
            parts.add("matrix " + (matrix.expression() != null ? Markdown.cell(matrix.expression())
                    : matrix.dimensions().isEmpty() ? "(include only)" : Markdown.codes(matrix.dimensions(), true)));
        }
        if (job.environment() != null) {
            parts.add("environment " + Markdown.cell(job.environment().name()));
        }
        if (job.container() != null) {
            parts.add("container " + Markdown.cell(job.container()));
        }
        if (!job.services().isEmpty()) {
            parts.add("services " + Markdown.codes(job.services().stream().map(GithubWorkflow.Service::id).toList(),
                    true));
        }
        if (job.condition() != null) {
            parts.add("if " + Markdown.cell(job.condition()));
        }
        return String.join("; ", parts);
    }

    private static void actions(StringBuilder out, GithubWorkflow workflow) {
        Map<String, List<String>> jobsByAction = new LinkedHashMap<>();
        Map<String, GithubWorkflow.WorkflowCall> calls = new LinkedHashMap<>();
        for (GithubWorkflow.Job job : workflow.jobs()) {
            for (GithubWorkflow.ActionUse use : job.actions()) {
                addJob(jobsByAction, Pinning.written(use), job.id());
            }
            if (job.call() != null) {
                calls.putIfAbsent(job.call().uses(), job.call());
                addJob(jobsByAction, job.call().uses(), job.id());
            }
        }
        if (workflow.actions().isEmpty() && calls.isEmpty()) {
            out.append("\n**Actions:** none\n");
            return;
        }
        out.append("\n**Actions**\n\n");
        out.append("| Action | Version | Pinned to | Used by |\n");
        out.append("|---|---|---|---|\n");
        for (GithubWorkflow.ActionUse use : workflow.actions()) {
            Pinning pinning = Pinning.of(use);
            String name = use.kind() == GithubWorkflow.ActionKind.DOCKER ? "docker://" + use.name() : use.name();
            actionRow(out, Markdown.cell(name), use.ref(), pinning, jobsByAction.get(Pinning.written(use)));
        }
        List<GithubWorkflow.WorkflowCall> sortedCalls = calls.values().stream()
                .sorted(java.util.Comparator.comparing(GithubWorkflow.WorkflowCall::uses)).toList();
        for (GithubWorkflow.WorkflowCall call : sortedCalls) {
            int at = call.uses().lastIndexOf('@');
            String target = call.local() || at < 0 ? call.uses() : call.uses().substring(0, at);
            actionRow(out, Markdown.cell(target) + " (reusable workflow)", call.ref(), Pinning.of(call),
                    jobsByAction.get(call.uses()));
        }
    }

    private static void actionRow(StringBuilder out, String name, String ref, Pinning pinning, List<String> jobs) {
        out.append("| ").append(name)
                .append(" | ").append(ref == null ? NONE : Markdown.cell(ref))
                .append(" | ").append(pinning.description()).append(pinning.loose() ? WARN : "")
                .append(" | ").append(jobs == null ? NONE : Markdown.codes(jobs, true)).append(" |\n");
    }

    private static void addJob(Map<String, List<String>> jobsByAction, String key, String job) {
        List<String> jobs = jobsByAction.computeIfAbsent(key, k -> new ArrayList<>());
        if (!jobs.contains(job)) {
            jobs.add(job);
        }
    }

    private static void notes(StringBuilder out, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        out.append("\n**Reader notes**\n\n");
        notes.forEach(note -> out.append("- ").append(Markdown.text(note)).append('\n'));
    }

    // GitLab CI

    private static void gitlab(StringBuilder out, GitlabPipeline pipeline, String docPath) {
        out.append("\n### ").append(Markdown.code(pipeline.path())).append("\n\n");
        out.append("File: ").append(Markdown.sourceLink(docPath, pipeline.path(), 0, false)).append("\n\n");
        out.append("**Stages:** ").append(pipeline.stages().stream().map(Markdown::code)
                .collect(Collectors.joining(" → ")));
        if (pipeline.declaredStages().isEmpty()) {
            out.append(" (GitLab's default stages)");
        }
        out.append('\n');
        if (pipeline.workflowName() != null || pipeline.workflowRules()) {
            List<String> parts = new ArrayList<>();
            if (pipeline.workflowName() != null) {
                parts.add("name " + Markdown.code(pipeline.workflowName()));
            }
            if (pipeline.workflowRules()) {
                parts.add("`rules` decide whether a pipeline runs");
            }
            out.append("\n**Workflow:** ").append(String.join("; ", parts)).append('\n');
        }
        if (pipeline.defaultImage() != null) {
            out.append("\n**Default image:** ").append(Markdown.code(pipeline.defaultImage())).append('\n');
        }
        if (!pipeline.includes().isEmpty()) {
            out.append("\n**Includes**\n\n");
            pipeline.includes().forEach(include -> out.append("- ").append(include(include, false)).append('\n'));
        }
        gitlabJobs(out, pipeline.jobs());
        if (!pipeline.templates().isEmpty()) {
            out.append("\n**Templates (hidden jobs):** ").append(Markdown.codes(pipeline.templates(), false)).append('\n');
        }
        notes(out, pipeline.notes());
    }

    static String include(GitlabPipeline.Include include, boolean inTable) {
        String target = code(include.target(), inTable);
        return switch (include.kind()) {
            case LOCAL -> "local " + target;
            case PROJECT -> "project " + code(include.project(), inTable) + " file " + target
                    + (include.ref() == null ? "" : " at " + code(include.ref(), inTable));
            case REMOTE -> "remote " + target;
            case TEMPLATE -> "template " + target;
            case COMPONENT -> "component " + target + (include.ref() == null ? "" : " at " + code(include.ref(), inTable));
            case ARTIFACT -> "artifact " + target + (include.job() == null ? "" : " of job " + code(include.job(), inTable));
        };
    }

    private static String code(String value, boolean inTable) {
        return inTable ? Markdown.cell(value) : Markdown.code(value);
    }

    private static void gitlabJobs(StringBuilder out, List<GitlabPipeline.Job> jobs) {
        if (jobs.isEmpty()) {
            out.append("\n**Jobs:** none\n");
            return;
        }
        out.append("\n**Jobs**\n\n");
        out.append("| Job | Stage | Image | Needs | Details |\n");
        out.append("|---|---|---|---|---|\n");
        for (GitlabPipeline.Job job : jobs) {
            out.append("| ").append(Markdown.cell(job.name()))
                    .append(" | ").append(Markdown.cell(job.stage()))
                    .append(" | ").append(job.image() == null ? NONE : Markdown.cell(job.image()))
                    .append(" | ").append(needs(job.needs()))
                    .append(" | ").append(gitlabDetails(job)).append(" |\n");
        }
    }

    private static String needs(List<GitlabPipeline.Need> needs) {
        if (needs == null) {
            return NONE;
        }
        if (needs.isEmpty()) {
            return "none (`needs: []`)";
        }
        return needs.stream().map(need -> Markdown.cell(need.job())
                + (need.project() != null ? " of " + Markdown.cell(need.project()) : "")
                + (need.pipeline() != null ? " of pipeline " + Markdown.cell(need.pipeline()) : "")
                + (need.optional() ? " (optional)" : "")).collect(Collectors.joining(", "));
    }

    private static String gitlabDetails(GitlabPipeline.Job job) {
        List<String> parts = new ArrayList<>();
        if (!job.extendsFrom().isEmpty()) {
            parts.add("extends " + Markdown.codes(job.extendsFrom(), true));
        }
        if (job.trigger() != null) {
            GitlabPipeline.Trigger trigger = job.trigger();
            parts.add(trigger.kind() == GitlabPipeline.TriggerKind.CHILD
                    ? "triggers a child pipeline" + (trigger.includes().isEmpty() ? "" : " from "
                            + trigger.includes().stream().map(i -> include(i, true)).collect(Collectors.joining(", ")))
                    : "triggers " + (trigger.project() == null ? "a pipeline" : Markdown.cell(trigger.project()))
                            + (trigger.branch() == null ? "" : " on " + Markdown.cell(trigger.branch())));
        }
        if (job.rules()) {
            parts.add("`rules`");
        }
        if (job.only()) {
            parts.add("`only`");
        }
        if (job.except()) {
            parts.add("`except`");
        }
        if (job.when() != null) {
            parts.add("when " + Markdown.cell(job.when()));
        }
        if (job.environment() != null) {
            parts.add("environment " + Markdown.cell(job.environment()));
        }
        if (!job.tags().isEmpty()) {
            parts.add("tags " + Markdown.codes(job.tags(), true));
        }
        return parts.isEmpty() ? NONE : String.join("; ", parts);
    }
}
