package dev.leviathan.console.attempts;

import dev.leviathan.engine.Engine;
import dev.leviathan.engine.execute.forge.PullRequest;
import dev.leviathan.engine.govern.DecisionText;
import java.util.Locale;

/**
 * The operator's actions on an attempt, through the same engine calls {@code leviathanctl} makes:
 * {@code prs merge|close} through the engine's forge, {@code attempts invalidate|retry} through its
 * {@code AttemptActions}. Each method returns the line the CLI
 * prints and throws with the CLI's message when the action does not apply. Background threads only.
 */
final class AttemptCommands {

    private final Engine engine;
    private final String operator;

    AttemptCommands(Engine engine, String operator) {
        this.engine = engine;
        this.operator = operator;
    }

    String merge(String prId) {
        PullRequest pr = engine.forge().merge(prId, operator);
        return "merged " + pr.id() + " into " + pr.baseBranch() + " as " + pr.mergeCommit().substring(0, 12)
                + "; task " + pr.taskId() + " is completed";
    }

    String close(String prId, String reason) {
        PullRequest pr = engine.forge().close(prId, operator, reason);
        return "closed " + pr.id() + ": " + pr.closedReason();
    }

    /** {@code leviathanctl attempts invalidate ATTEMPT --reason TEXT}. */
    String invalidate(String attemptId, String reason) {
        var done = engine.attemptActions().invalidate(attemptId, reason, operator);
        return "invalidated " + done.attemptId() + " of " + done.taskId() + ": " + done.reason();
    }

    /** {@code leviathanctl attempts retry ATTEMPT}: invalidate the failed attempt, dispatch its task. */
    String retry(String attemptId) {
        var result = engine.attemptActions().retry(attemptId, operator).dispatch();
        if (result.attempt().isEmpty()) {
            throw new IllegalStateException("invalidated " + attemptId + ", but the task was not dispatched again:\n"
                    + DecisionText.render(result.decision()).strip());
        }
        var attempt = result.attempt().get();
        return "attempt " + attempt.attemptId() + " of " + attempt.taskId() + " " + attempt.status() + " in "
                + String.format(Locale.ROOT, "%.1f", attempt.elapsed().toMillis() / 1000.0) + " s"
                + (attempt.prId() != null ? ": pull request " + attempt.prId()
                        : attempt.reason() != null ? ": " + attempt.reason() : "");
    }
}
