package dev.leviathan.console.attempts;

import java.util.List;

/**
 * The selected attempt in full, read off the FX thread: its events in order, its worker log, its
 * artifacts, its pull request with the diff, the scope guard's verdict for each file, and which
 * operator actions apply now.
 *
 * @param status the attempt's status as the graph knows it (created … invalidated)
 * @param log the worker's log; {@code logSource} says where it was read from
 * @param logFollowFrom where in the worker's live log to read on from while the attempt runs, or
 *                      {@code -1} when the log is complete (the attempt has ended)
 * @param pullRequest null when the attempt opened none
 * @param files the scope guard's verdict per file: allowed files of a pull request, or the
 *              violations of a refused attempt
 * @param scopeSummary one line on the verdict, e.g. "scope guard: 2 files allowed"
 */
public record AttemptDetail(String attemptId, String targetId, String taskId, String status, String reason,
        List<TimelineEntry> timeline, String logSource, List<String> log, List<ArtifactEntry> artifacts,
        PullRequestInfo pullRequest, List<FileVerdict> files, String scopeSummary, DiffLine.Parsed diff,
        Actions actions, long lastSeq, long logFollowFrom) {

    public boolean logFollowed() {
        return logFollowFrom >= 0;
    }

    /** One event of the attempt: when, what, who, and the payload fields that matter, compact. */
    public record TimelineEntry(long seq, String time, String type, String actor, String summary) {
    }

    /** An artifact the attempt produced, as its {@code artifact.created} event names it. */
    public record ArtifactEntry(String name, String mediaType, String sha256, long sizeBytes) {

        public String label() {
            return name + " · " + mediaType + " · " + sizeBytes + " bytes";
        }
    }

    /** The pull request the attempt opened, as the forge knows it now. */
    public record PullRequestInfo(String id, String state, String title, String branch, String baseBranch,
            String baseCommit, String headCommit, String mergeCommit, String closedReason) {

        public String summary() {
            String text = id + " · " + state + " · " + branch + " → " + baseBranch;
            if (mergeCommit != null) {
                text += " · merged as " + mergeCommit.substring(0, Math.min(12, mergeCommit.length()));
            }
            if (closedReason != null) {
                text += " · closed: " + closedReason;
            }
            return text;
        }
    }

    /**
     * One file and what the scope guard said about it.
     *
     * @param allowed true for a committed (allowed) change, false for a violation
     * @param verdict e.g. "allowed · modified" or "refused · forbidden_path: …"
     * @param diffLine the file's first line in the diff, or -1
     */
    public record FileVerdict(String path, boolean allowed, String verdict, int diffLine) {
    }

    /** Which actions apply, from the attempt's events and its pull request's state. */
    public record Actions(boolean merge, boolean close, boolean invalidate, boolean retry) {
    }

    public String title() {
        return attemptId + " · task " + taskId + " on " + targetId + " · " + status
                + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
    }
}
