package dev.leviathan.engine.execute.docs;

import dev.leviathan.engine.bootstrap.ci.CiFact;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline;
import dev.leviathan.engine.bootstrap.ci.MalformedCiFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds the {@link CiConcern}s of CI facts: in path order, and within a file most serious first. */
final class CiConcerns {

    private static final List<String> DEPLOY_WORDS = List.of("deploy", "publish", "release");

    private CiConcerns() {
    }

    static List<CiFact> sorted(List<CiFact> facts) {
        return facts.stream().sorted(Comparator.comparing(CiFact::path)).toList();
    }

    static List<CiConcern> of(List<CiFact> facts) {
        List<CiConcern> out = new ArrayList<>();
        for (CiFact fact : sorted(facts)) {
            out.addAll(of(fact));
        }
        return out;
    }

    static List<CiConcern> of(CiFact fact) {
        return switch (fact) {
            case MalformedCiFile bad -> List.of(new CiConcern.Unreadable(bad.path(), bad.system(), bad.message(),
                    bad.line(), bad.column()));
            case GithubWorkflow workflow -> github(workflow);
            case GitlabPipeline pipeline -> gitlab(pipeline);
        };
    }

    private static List<CiConcern> github(GithubWorkflow workflow) {
        List<CiConcern> out = new ArrayList<>();
        String path = workflow.path();
        if (workflow.triggers().stream().anyMatch(t -> "pull_request_target".equals(t.event()))) {
            out.add(new CiConcern.PullRequestTarget(path));
        }
        if (workflow.permissions() == null) {
            List<String> without = workflow.jobs().stream().filter(job -> job.permissions() == null)
                    .map(GithubWorkflow.Job::id).toList();
            if (workflow.jobs().isEmpty() || !without.isEmpty()) {
                out.add(new CiConcern.NoPermissions(path, without));
            }
        } else if (writeAll(workflow.permissions())) {
            out.add(new CiConcern.WriteAll(path, null));
        }
        for (GithubWorkflow.Job job : workflow.jobs()) {
            if (job.permissions() != null && writeAll(job.permissions())) {
                out.add(new CiConcern.WriteAll(path, job.id()));
            }
        }
        out.addAll(looseReferences(workflow));
        if (workflow.concurrency() == null) {
            List<String> deploying = workflow.jobs().stream().filter(CiConcerns::deploys).map(GithubWorkflow.Job::id)
                    .toList();
            if (!deploying.isEmpty()) {
                out.add(new CiConcern.DeployWithoutConcurrency(path, deploying));
            }
        }
        return out;
    }

    private static boolean writeAll(GithubWorkflow.Permissions permissions) {
        return "write-all".equals(permissions.preset());
    }

    /** One concern per distinct loose reference, sorted by the reference, with every job using it. */
    private static List<CiConcern> looseReferences(GithubWorkflow workflow) {
        Map<String, List<String>> jobsByReference = new LinkedHashMap<>();
        Map<String, CiConcern.LooseReference> first = new LinkedHashMap<>();
        for (GithubWorkflow.Job job : workflow.jobs()) {
            for (GithubWorkflow.ActionUse use : job.actions()) {
                Pinning pinning = Pinning.of(use);
                if (pinning.loose()) {
                    String written = Pinning.written(use);
                    first.putIfAbsent(written, new CiConcern.LooseReference(workflow.path(), written, pinning, false,
                            List.of()));
                    addJob(jobsByReference, written, job.id());
                }
            }
            if (job.call() != null && Pinning.of(job.call()).loose()) {
                String written = job.call().uses();
                first.putIfAbsent(written, new CiConcern.LooseReference(workflow.path(), written,
                        Pinning.of(job.call()), true, List.of()));
                addJob(jobsByReference, written, job.id());
            }
        }
        // Actions listed on the workflow but not on any job (should not happen) still count.
        for (GithubWorkflow.ActionUse use : workflow.actions()) {
            Pinning pinning = Pinning.of(use);
            String written = Pinning.written(use);
            if (pinning.loose() && !first.containsKey(written)) {
                first.put(written, new CiConcern.LooseReference(workflow.path(), written, pinning, false, List.of()));
            }
        }
        return first.values().stream()
                .sorted(Comparator.comparing(CiConcern.LooseReference::reference))
                .map(c -> (CiConcern) new CiConcern.LooseReference(c.path(), c.reference(), c.pinning(),
                        c.reusableWorkflow(), jobsByReference.getOrDefault(c.reference(), List.of())))
                .toList();
    }

    private static void addJob(Map<String, List<String>> jobsByReference, String reference, String job) {
        List<String> jobs = jobsByReference.computeIfAbsent(reference, k -> new ArrayList<>());
        if (!jobs.contains(job)) {
            jobs.add(job);
        }
    }

    static boolean deploys(GithubWorkflow.Job job) {
        if (job.environment() != null) {
            return true;
        }
        String words = (job.id() + " " + (job.name() == null ? "" : job.name())).toLowerCase(Locale.ROOT);
        return DEPLOY_WORDS.stream().anyMatch(words::contains);
    }

    private static List<CiConcern> gitlab(GitlabPipeline pipeline) {
        List<CiConcern> out = new ArrayList<>();
        for (GitlabPipeline.Include include : pipeline.includes()) {
            String reason = switch (include.kind()) {
                case PROJECT -> include.ref() == null ? "follows the default branch of the project" : null;
                case REMOTE -> "a remote file: its content can change without a change here";
                case COMPONENT -> include.ref() == null || include.ref().equals("~latest")
                        ? "a component without a pinned version" : null;
                case LOCAL, TEMPLATE, ARTIFACT -> null;
            };
            if (reason != null) {
                out.add(new CiConcern.LooseInclude(pipeline.path(), include, reason));
            }
        }
        return out;
    }
}
