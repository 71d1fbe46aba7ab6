package dev.leviathan.engine.execute.forge;

import static dev.leviathan.engine.execute.forge.ForgeException.Kind.CONFLICT;
import static dev.leviathan.engine.execute.forge.ForgeException.Kind.NOT_FOUND;
import static dev.leviathan.engine.execute.forge.ForgeException.Kind.UNAVAILABLE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.event.EventEnvelope;
import dev.leviathan.engine.event.EventStore;
import dev.leviathan.engine.event.EventType;
import dev.leviathan.engine.event.Json;
import dev.leviathan.engine.event.Payload;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.target.TargetRegistry;
import dev.leviathan.engine.target.TargetRepository;
import dev.leviathan.engine.target.TargetRepositoryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The default forge (DESIGN.md §Delivery): the target is a git repository on this machine; a pull
 * request is a branch in it plus its {@code pr.*} events. Leviathan never merges on its own: a
 * merge is a real git merge into the base branch, done only when an operator asks, and recorded
 * as {@code pr.merged}, which completes the task.
 */
public final class LocalForge {

    public static final String NAME = "local";

    private final EventStore store;
    private final TargetRegistry targets;
    private final LeviathanHome home;
    private final Clock clock;

    public LocalForge(EventStore store, TargetRegistry targets, LeviathanHome home, Clock clock) {
        this.store = store;
        this.targets = targets;
        this.home = home;
        this.clock = clock;
    }

    /** A branch already pushed into the target's repository, proposed for merging. */
    public record Draft(String targetId, String taskId, String attemptId, String title, String body, String branch,
            String baseBranch, String baseCommit, String headCommit) {
    }

    /** Records a pull request for a branch the worker pushed; returns it. */
    public PullRequest open(Draft draft, String actor) {
        String id = "local-" + draft.attemptId();
        ObjectNode payload = Json.object();
        payload.put("target_id", draft.targetId());
        payload.put("pr_id", id);
        payload.put("forge", NAME);
        payload.put("task_id", draft.taskId());
        payload.put("attempt_id", draft.attemptId());
        payload.put("title", draft.title());
        payload.put("body", draft.body());
        payload.put("branch", draft.branch());
        payload.put("base_branch", draft.baseBranch());
        payload.put("base_commit", draft.baseCommit());
        payload.put("head_commit", draft.headCommit());
        store.append(EventEnvelope.of(EventType.PR_CREATED.wire() + ":" + id, EventType.PR_CREATED.wire(),
                clock.instant(), actor, draft.targetId(), Payload.of(payload)));
        return find(id);
    }

    public List<PullRequest> list(String targetId) {
        return PullRequests.read(store, targetId);
    }

    public PullRequest find(String prId) {
        return PullRequests.find(store, prId).orElseThrow(() -> new ForgeException(NOT_FOUND, "no pull request '"
                + prId + "'; see: leviathanctl prs list"));
    }

    /**
     * Open pull requests of the target, counted from the forge's state: recorded as open and their
     * branch still present in the repository. Throws when the repository cannot be read, so a
     * caller that limits open pull requests stops rather than counting zero.
     */
    public int countOpen(String targetId) {
        List<PullRequest> open = list(targetId).stream().filter(pr -> pr.state() == PullRequest.State.OPEN).toList();
        if (open.isEmpty()) {
            return 0;
        }
        try (TargetRepository repository = openRepository(targetId)) {
            int count = 0;
            for (PullRequest pr : open) {
                if (repository.repository().exactRef(Constants.R_HEADS + pr.branch()) != null) {
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new ForgeException(UNAVAILABLE, "cannot read the branches of target " + targetId + ": "
                    + e.getMessage(), e);
        }
    }

    /** The pull request's change as a unified diff (base commit to head commit). */
    public String diff(String prId) {
        PullRequest pr = find(prId);
        try (TargetRepository repository = openRepository(pr.targetId());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                DiffFormatter formatter = new DiffFormatter(out)) {
            Repository repo = repository.repository();
            formatter.setRepository(repo);
            formatter.setDiffComparator(RawTextComparator.DEFAULT);
            formatter.setDetectRenames(true);
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit base = walk.parseCommit(ObjectId.fromString(pr.baseCommit()));
                RevCommit head = walk.parseCommit(ObjectId.fromString(pr.headCommit()));
                for (DiffEntry entry : formatter.scan(base.getTree(), head.getTree())) {
                    formatter.format(entry);
                }
            }
            formatter.flush();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ForgeException(UNAVAILABLE, "cannot read the commits of " + prId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Merges the pull request's branch into its base branch with a merge commit, as the operator;
     * refuses when the branch moved since the pull request was opened, when it no longer merges
     * cleanly, or when the base branch is checked out in a work tree with uncommitted changes.
     */
    public PullRequest merge(String prId, String operator) {
        PullRequest pr = open(prId, "merge");
        ObjectId merge;
        try (TargetRepository repository = openRepository(pr.targetId())) {
            merge = mergeInto(repository.repository(), pr, operator);
        } catch (IOException | GitAPIException e) {
            throw new ForgeException(UNAVAILABLE, "cannot merge " + prId + ": " + e.getMessage(), e);
        }
        ObjectNode payload = Json.object();
        payload.put("target_id", pr.targetId());
        payload.put("pr_id", pr.id());
        payload.put("forge", NAME);
        payload.put("task_id", pr.taskId());
        payload.put("attempt_id", pr.attemptId());
        payload.put("base_branch", pr.baseBranch());
        payload.put("merge_commit", merge.name());
        store.append(EventEnvelope.of(EventType.PR_MERGED.wire() + ":" + pr.id(), EventType.PR_MERGED.wire(),
                clock.instant(), operator, pr.targetId(), Payload.of(payload)));
        return find(prId);
    }

    /** Closes the pull request without merging; its branch is kept as evidence. */
    public PullRequest close(String prId, String operator, String reason) {
        PullRequest pr = open(prId, "close");
        ObjectNode payload = Json.object();
        payload.put("target_id", pr.targetId());
        payload.put("pr_id", pr.id());
        payload.put("forge", NAME);
        payload.put("task_id", pr.taskId());
        payload.put("attempt_id", pr.attemptId());
        payload.put("reason", reason == null || reason.isBlank() ? "closed by " + operator : reason);
        store.append(EventEnvelope.of(EventType.PR_CLOSED.wire() + ":" + pr.id(), EventType.PR_CLOSED.wire(),
                clock.instant(), operator, pr.targetId(), Payload.of(payload)));
        return find(prId);
    }

    private PullRequest open(String prId, String action) {
        PullRequest pr = find(prId);
        if (pr.state() != PullRequest.State.OPEN) {
            throw new ForgeException(CONFLICT, "cannot " + action + " " + prId + ": it is already "
                    + pr.state().wire());
        }
        return pr;
    }

    private ObjectId mergeInto(Repository repo, PullRequest pr, String operator) throws IOException, GitAPIException {
        Ref head = repo.exactRef(Constants.R_HEADS + pr.branch());
        if (head == null) {
            throw new ForgeException(CONFLICT, "the branch " + pr.branch() + " of " + pr.id()
                    + " is gone from the repository; close the pull request");
        }
        if (!head.getObjectId().name().equals(pr.headCommit())) {
            throw new ForgeException(CONFLICT, "the branch " + pr.branch() + " moved since " + pr.id() + " was opened"
                    + " (now " + head.getObjectId().name().substring(0, 12) + "); nothing was merged");
        }
        Ref base = repo.exactRef(Constants.R_HEADS + pr.baseBranch());
        if (base == null) {
            throw new ForgeException(CONFLICT, "the base branch " + pr.baseBranch() + " does not exist any more");
        }
        PersonIdent who = new PersonIdent(operator, operator + "@leviathan.local", clock.instant(),
                java.time.ZoneOffset.UTC);
        String message = "Merge " + pr.branch() + ": " + pr.title() + "\n\nLeviathan-Task: " + pr.taskId()
                + "\nLeviathan-Attempt: " + pr.attemptId() + "\nLeviathan-Pull-Request: " + pr.id() + "\n";
        boolean checkedOut = !repo.isBare() && (Constants.R_HEADS + pr.baseBranch()).equals(repo.getFullBranch());
        if (checkedOut) {
            return mergeInWorkTree(repo, pr, head, base, who, message);
        }
        return mergeInCore(repo, pr, head, base, who, message);
    }

    /** The base branch is checked out: merge there, so the operator's work tree follows. */
    private static ObjectId mergeInWorkTree(Repository repo, PullRequest pr, Ref head, Ref base, PersonIdent who,
            String message) throws GitAPIException {
        try (Git git = new Git(repo)) {
            if (!git.status().call().isClean()) {
                throw new ForgeException(CONFLICT, "the work tree of " + repo.getWorkTree() + " has uncommitted changes"
                        + " on " + pr.baseBranch() + "; commit or stash them, then merge again");
            }
            MergeResult result = git.merge().include(head.getObjectId())
                    .setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setCommit(false).call();
            if (!result.getMergeStatus().isSuccessful()) {
                git.reset().setMode(ResetCommand.ResetType.HARD).setRef(base.getObjectId().name()).call();
                throw new ForgeException(CONFLICT, pr.branch() + " no longer merges cleanly into " + pr.baseBranch()
                        + " (" + result.getMergeStatus() + "); nothing was merged: close it and retry the task");
            }
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().getId();
        }
    }

    /** The base branch is not checked out (or the repository is bare): merge without a work tree. */
    private static ObjectId mergeInCore(Repository repo, PullRequest pr, Ref head, Ref base, PersonIdent who,
            String message) throws IOException {
        ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
        if (!merger.merge(base.getObjectId(), head.getObjectId())) {
            throw new ForgeException(CONFLICT, pr.branch() + " no longer merges cleanly into " + pr.baseBranch()
                    + " (" + merger.getUnmergedPaths() + "); nothing was merged: close it and retry the task");
        }
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(merger.getResultTreeId());
            commit.setParentIds(base.getObjectId(), head.getObjectId());
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId merge = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef(Constants.R_HEADS + pr.baseBranch());
            update.setExpectedOldObjectId(base.getObjectId());
            update.setNewObjectId(merge);
            update.setRefLogMessage("leviathan: merge " + pr.id(), false);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.NEW) {
                throw new ForgeException(CONFLICT, pr.baseBranch() + " moved while merging " + pr.id() + " (" + result
                        + "); nothing was merged: merge again");
            }
            return merge;
        }
    }

    private TargetRepository openRepository(String targetId) {
        RegisteredTarget target = targets.find(targetId).orElseThrow(() -> new ForgeException(NOT_FOUND,
                "no target named '" + targetId + "'"));
        try {
            return TargetRepository.open(target, home);
        } catch (TargetRepositoryException e) {
            throw new ForgeException(UNAVAILABLE, e.getMessage(), e);
        }
    }
}
