package dev.leviathan.engine.execute.docs;

import dev.leviathan.engine.bootstrap.ci.CiSystem;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline;
import java.util.List;

/**
 * Something in a CI file worth a reviewer's eye. The workflow overview lists them as review
 * notes and the backlog proposals turn them into tasks, so both say the same thing.
 */
sealed interface CiConcern {

    /** The CI file the concern is about. */
    String path();

    /** The file could not be read; {@code line} 0 means the whole file. */
    record Unreadable(String path, CiSystem system, String message, int line, int column) implements CiConcern {
    }

    /** {@code on: pull_request_target}: a write token and secrets on pull requests from forks. */
    record PullRequestTarget(String path) implements CiConcern {
    }

    /**
     * No top-level {@code permissions}, and {@code jobs} (the jobs without their own block) get
     * the repository's default token permissions. Empty jobs: the workflow has none.
     */
    record NoPermissions(String path, List<String> jobs) implements CiConcern {
        public NoPermissions {
            jobs = List.copyOf(jobs);
        }
    }

    /** {@code permissions: write-all} at the top level ({@code job} null) or on a job. */
    record WriteAll(String path, String job) implements CiConcern {
    }

    /**
     * A step's action or a job's reusable workflow that is not pinned to a version or a commit.
     *
     * @param reference as the workflow writes it ({@code actions/checkout@main})
     * @param jobs the jobs that use it, in the file's order
     */
    record LooseReference(String path, String reference, Pinning pinning, boolean reusableWorkflow, List<String> jobs)
            implements CiConcern {
        public LooseReference {
            jobs = List.copyOf(jobs);
        }
    }

    /** Jobs that deploy or publish, in a workflow with no workflow-level {@code concurrency}. */
    record DeployWithoutConcurrency(String path, List<String> jobs) implements CiConcern {
        public DeployWithoutConcurrency {
            jobs = List.copyOf(jobs);
        }
    }

    /** A GitLab {@code include} whose content can change without a change in this repository. */
    record LooseInclude(String path, GitlabPipeline.Include include, String reason) implements CiConcern {
    }
}
