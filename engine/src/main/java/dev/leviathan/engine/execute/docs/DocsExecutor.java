package dev.leviathan.engine.execute.docs;

import dev.leviathan.engine.bootstrap.RepositoryFacts;
import dev.leviathan.engine.execute.BudgetUse;
import dev.leviathan.engine.execute.ExecutionRequest;
import dev.leviathan.engine.execute.ExecutionResult;
import dev.leviathan.engine.execute.ExecutionResult.FailureKind;
import dev.leviathan.engine.execute.TaskExecutor;
import dev.leviathan.engine.target.ExecutorSpec;
import dev.leviathan.engine.target.ExecutorSpec.DocsKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code docs} executor: writes an API route reference ({@code kind: routes}) or a CI
 * workflow overview ({@code kind: workflows}) generated from the base commit's facts, into the
 * one file the task names. The generated text lives between {@code <!-- leviathan:begin KIND -->}
 * and {@code <!-- leviathan:end KIND -->}; text around it is kept byte for byte, and a file
 * without the markers gets the region appended. The same facts give the same bytes, so a document
 * that is up to date is not touched and the attempt has no changes.
 *
 * <p>Stateless and safe to share between threads.
 */
public final class DocsExecutor implements TaskExecutor {

    /** Where {@code kind: routes} writes when the task names no {@code path}. */
    public static final String DEFAULT_ROUTES_PATH = "docs/api-routes.md";
    /** Where {@code kind: workflows} writes when the task names no {@code path}. */
    public static final String DEFAULT_WORKFLOWS_PATH = "docs/ci-workflows.md";

    public DocsExecutor() {
    }

    @Override
    public String type() {
        return ExecutorSpec.Docs.TYPE;
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
        Instant started = request.clock().instant();
        try {
            return run(request, started);
        } catch (RuntimeException e) {
            // Facts and files come from real repositories; nothing in them may escape as an exception.
            return new ExecutionResult.Failed(FailureKind.INVALID_OUTPUT,
                    "the docs executor could not generate the document: " + e, spent(request, started));
        }
    }

    private ExecutionResult run(ExecutionRequest request, Instant started) {
        Optional<ExecutorSpec> spec = request.task().executor();
        if (spec.isEmpty() || !(spec.get() instanceof ExecutorSpec.Docs docs)) {
            return failed(request, started, FailureKind.NOT_CONFIGURED, "task '" + request.task().id()
                    + "' has no executor of type docs; give it executor: {type: docs, kind: routes|workflows}");
        }
        String path = docs.path().orElse(defaultPath(docs.kind()));
        if (request.task().allowedPaths().stream().noneMatch(allowed -> allowed.covers(path))) {
            return failed(request, started, FailureKind.NOT_CONFIGURED, "the docs executor writes '" + path
                    + "', which is outside the task's allowed_paths; add " + path + " to allowed_paths");
        }
        if (request.cancelled().getAsBoolean()) {
            return failed(request, started, FailureKind.CANCELLED, "cancelled before the document was written");
        }
        RepositoryFacts facts;
        try {
            facts = request.facts().get();
        } catch (RuntimeException e) {
            return failed(request, started, FailureKind.TASK_FAILED, "cannot read the facts of commit "
                    + DocsExecutor.shortCommit(request.baseCommit()) + ", so nothing was written: " + e.getMessage());
        }
        GeneratedRegion region = new GeneratedRegion(docs.kind().word());
        String body;
        String title;
        String what;
        if (docs.kind() == DocsKind.ROUTES) {
            body = RouteReference.body(facts.routes(), path);
            title = RouteReference.TITLE;
            what = Markdown.count(facts.routes().size(), "route", "routes");
        } else {
            body = WorkflowOverview.body(facts.workflows(), path);
            title = WorkflowOverview.TITLE;
            what = Markdown.count(facts.workflows().size(), "CI file", "CI files");
        }
        try {
            WorkTreeFile file = WorkTreeFile.of(request.workTree(), path);
            Optional<String> existing = file.readText();
            GeneratedRegion.Outcome outcome = region.apply(existing, body, title);
            if (outcome instanceof GeneratedRegion.Outcome.Refused refused) {
                return failed(request, started, FailureKind.TASK_FAILED, path + " was not changed: " + refused.reason());
            }
            GeneratedRegion.Outcome.Text text = (GeneratedRegion.Outcome.Text) outcome;
            if (existing.isPresent() && existing.get().equals(text.text())) {
                request.log().line(path + " is already up to date (" + what + ")");
                return new ExecutionResult.Completed(path + " is already up to date (" + what + ")",
                        spent(request, started));
            }
            if (request.cancelled().getAsBoolean()) {
                return failed(request, started, FailureKind.CANCELLED, "cancelled before the document was written");
            }
            file.write(text.text());
            String summary = text.how() + " " + path + " from commit " + shortCommit(facts.commit()) + " (" + what + ")";
            request.log().line(summary);
            return new ExecutionResult.Completed(summary, spent(request, started));
        } catch (WorkTreeFile.Unusable e) {
            return failed(request, started, FailureKind.TASK_FAILED, path + " was not changed: " + e.getMessage());
        }
    }

    static String defaultPath(DocsKind kind) {
        return kind == DocsKind.ROUTES ? DEFAULT_ROUTES_PATH : DEFAULT_WORKFLOWS_PATH;
    }

    static String shortCommit(String commit) {
        return commit == null ? "?" : commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    private static ExecutionResult failed(ExecutionRequest request, Instant started, FailureKind kind, String reason) {
        request.log().line(reason);
        return new ExecutionResult.Failed(kind, reason, spent(request, started));
    }

    static BudgetUse spent(ExecutionRequest request, Instant started) {
        Duration elapsed = Duration.between(started, request.clock().instant());
        return BudgetUse.timeOnly(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }
}
