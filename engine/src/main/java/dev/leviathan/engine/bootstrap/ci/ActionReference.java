package dev.leviathan.engine.bootstrap.ci;

import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.ActionKind;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.ActionUse;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.WorkflowCall;
import java.util.List;

/** The {@code uses:} text of a step or a job, taken apart as GitHub reads it. */
final class ActionReference {

    private static final String DOCKER = "docker://";

    private ActionReference() {
    }

    /**
     * {@code owner/repo[/path]@ref}, {@code ./local/path} or {@code docker://image[:tag|@digest]}.
     * Anything else is read as a repository action, so odd text is kept rather than dropped.
     */
    static ActionUse parse(String uses) {
        if (uses.startsWith(DOCKER)) {
            return docker(uses.substring(DOCKER.length()));
        }
        if (isLocal(uses)) {
            return new ActionUse(ActionKind.LOCAL, uses, null);
        }
        int at = uses.indexOf('@');
        return at < 0
                ? new ActionUse(ActionKind.REPOSITORY, uses, null)
                : new ActionUse(ActionKind.REPOSITORY, uses.substring(0, at), uses.substring(at + 1));
    }

    /**
     * A docker image's tag follows the last {@code :} after the last {@code /} (a registry may have
     * a port). {@code image:tag@digest} is pinned by the digest, the tag only a label: the name is
     * the image without either, the ref the digest.
     */
    private static ActionUse docker(String image) {
        int at = image.indexOf('@');
        String digest = at < 0 ? null : image.substring(at + 1);
        String named = at < 0 ? image : image.substring(0, at);
        int colon = named.lastIndexOf(':');
        if (colon > named.lastIndexOf('/')) {
            return new ActionUse(ActionKind.DOCKER, named.substring(0, colon),
                    digest != null ? digest : named.substring(colon + 1));
        }
        return new ActionUse(ActionKind.DOCKER, named, digest);
    }

    /** {@code org/repo/.github/workflows/x.yml@ref} or {@code ./.github/workflows/x.yml}. */
    static WorkflowCall call(String uses, List<String> with, List<String> secrets, boolean secretsInherit) {
        if (isLocal(uses)) {
            String path = uses.startsWith("./") ? uses.substring(2) : uses;
            return new WorkflowCall(uses, true, null, path, null, with, secrets, secretsInherit);
        }
        int at = uses.indexOf('@');
        String target = at < 0 ? uses : uses.substring(0, at);
        String ref = at < 0 ? null : uses.substring(at + 1);
        int first = target.indexOf('/');
        int second = first < 0 ? -1 : target.indexOf('/', first + 1);
        String repository = second < 0 ? target : target.substring(0, second);
        String path = second < 0 ? null : target.substring(second + 1);
        return new WorkflowCall(uses, false, repository, path, ref, with, secrets, secretsInherit);
    }

    private static boolean isLocal(String uses) {
        return uses.startsWith("./") || uses.startsWith("../") || uses.equals(".");
    }
}
