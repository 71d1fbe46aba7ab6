package dev.leviathan.engine.execute;

import dev.leviathan.engine.target.ExecutorSpec;
import dev.leviathan.engine.target.RepoPaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.ApplyResult;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.Patch;

/**
 * {@code executor: {type: patch, diff: "…"}}: applies the unified diff the task carries to the
 * work tree with JGit. Every path the patch names is checked before anything is written, so a
 * patch that reaches outside the repository is refused rather than applied and caught later.
 */
public final class PatchExecutor implements TaskExecutor {

    @Override
    public String type() {
        return ExecutorSpec.Patch.TYPE;
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
        long started = System.nanoTime();
        ExecutorSpec.Patch spec = (ExecutorSpec.Patch) request.task().executor().orElseThrow();
        byte[] diff = spec.diff().getBytes(StandardCharsets.UTF_8);
        Patch patch = new Patch();
        try {
            patch.parse(new ByteArrayInputStream(diff));
        } catch (IOException e) {
            return failed(ExecutionResult.FailureKind.INVALID_OUTPUT, "the patch cannot be read: " + e.getMessage(),
                    started);
        }
        if (!patch.getErrors().isEmpty()) {
            return failed(ExecutionResult.FailureKind.INVALID_OUTPUT, "the patch is malformed: "
                    + patch.getErrors().getFirst().getMessage(), started);
        }
        if (patch.getFiles().isEmpty()) {
            return failed(ExecutionResult.FailureKind.INVALID_OUTPUT, "the patch changes no file", started);
        }
        List<String> unsafe = new ArrayList<>();
        for (FileHeader file : patch.getFiles()) {
            for (String path : List.of(file.getOldPath(), file.getNewPath())) {
                if (!path.equals(DiffEntry.DEV_NULL) && !RepoPaths.isSafeFile(path)) {
                    unsafe.add(path);
                }
            }
        }
        if (!unsafe.isEmpty()) {
            return failed(ExecutionResult.FailureKind.INVALID_OUTPUT, "the patch names paths outside the repository"
                    + " or in git's own files, nothing was applied: " + String.join(", ", unsafe), started);
        }
        try (Git git = Git.open(request.workTree().toFile())) {
            ApplyResult result = git.apply().setPatch(new ByteArrayInputStream(diff)).call();
            result.getUpdatedFiles().forEach(file -> request.log().line("patched " + file));
            return new ExecutionResult.Completed("applied the patch to " + result.getUpdatedFiles().size()
                    + " file(s)", BudgetUse.timeOnly(Duration.ofNanos(System.nanoTime() - started)));
        } catch (GitAPIException e) {
            return failed(ExecutionResult.FailureKind.TASK_FAILED, "the patch does not apply at "
                    + request.baseCommit().substring(0, 12) + ": " + e.getMessage(), started);
        } catch (IOException e) {
            return failed(ExecutionResult.FailureKind.TASK_FAILED, "cannot open the work tree: " + e.getMessage(),
                    started);
        }
    }

    private static ExecutionResult failed(ExecutionResult.FailureKind kind, String reason, long started) {
        return new ExecutionResult.Failed(kind, reason, BudgetUse.timeOnly(Duration.ofNanos(System.nanoTime()
                - started)));
    }
}
