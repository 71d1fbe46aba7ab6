package dev.leviathan.console.planned;

import dev.leviathan.console.ui.Glyph;

/**
 * The screens whose engine features have not landed yet, and what each says meanwhile: what it
 * will show, and what the operator can do today. No screen shows invented data.
 */
public enum PlannedScreen {
    GRAPH(Glyph.GRAPH, "Graph",
            "The knowledge graph projected from the event store: targets, commits, files, docs, workflows,"
                    + " API routes, tasks, attempts and pull requests, with zoom, search and type filters.",
            "Nothing is projected yet: bootstrap, which indexes a registered target into graph facts, is not"
                    + " in this build. Register targets now on the Targets screen (Ctrl+1); once bootstrap"
                    + " lands, this is the command that fills the graph:",
            "leviathanctl bootstrap TARGET"),
    BACKLOG(Glyph.BACKLOG, "Backlog",
            "The tasks of each target's .leviathan/backlog.yaml: which are ready, why each one waits"
                    + " (approval, dependencies, limits), with approve, revoke and dispatch.",
            "Backlogs are not read in this build yet. Today you can register targets (Ctrl+1) and watch"
                    + " every recorded event (Ctrl+5).",
            null),
    ATTEMPTS(Glyph.ATTEMPT, "Attempts",
            "Every attempt a worker makes on a task: its timeline of events, logs, artifacts and the pull"
                    + " request diff, with merge, close, invalidate and retry.",
            "No attempt can be recorded yet: dispatching workers is not in this build. When it is, attempt"
                    + " events also appear live on the Events screen (Ctrl+5).",
            null),
    CLUSTER(Glyph.CLUSTER, "Cluster",
            "The Kubernetes Jobs that run workers in the leviathan namespace, live: phase, pod, and the"
                    + " reason a job failed (image pull, out of memory, deadline).",
            "No cluster is configured: this build runs no workers, locally or on Kubernetes.",
            null);

    private final Glyph glyph;
    private final String title;
    private final String what;
    private final String now;
    private final String command;

    PlannedScreen(Glyph glyph, String title, String what, String now, String command) {
        this.glyph = glyph;
        this.title = title;
        this.what = what;
        this.now = now;
        this.command = command;
    }

    public Glyph glyph() {
        return glyph;
    }

    public String title() {
        return title;
    }

    public String what() {
        return what;
    }

    public String now() {
        return now;
    }

    /** A command to show under {@link #now()}; null if none. */
    public String command() {
        return command;
    }
}
