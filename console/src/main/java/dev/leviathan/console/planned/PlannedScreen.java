package dev.leviathan.console.planned;

import dev.leviathan.console.ui.Glyph;

/**
 * The screens whose engine features have not landed yet, and what each says meanwhile: what it
 * will show, and what the operator can do today. No screen shows invented data.
 */
public enum PlannedScreen {
    CLUSTER(Glyph.CLUSTER, "Cluster",
            "The Kubernetes Jobs that run workers in the leviathan namespace, live: phase, pod, and the"
                    + " reason a job failed (image pull, out of memory, deadline).",
            "Kubernetes Jobs are not in this build: workers run on this machine as child processes, and"
                    + " their attempts are on the Attempts screen (Ctrl+4).",
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
