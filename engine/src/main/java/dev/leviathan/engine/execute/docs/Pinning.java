package dev.leviathan.engine.execute.docs;

import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.ActionKind;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.ActionUse;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.WorkflowCall;
import java.util.regex.Pattern;

/**
 * What a {@code uses:} reference is pinned to. Static analysis cannot ask the action's
 * repository whether a ref is a branch or a tag, so a ref is a version when it looks like one
 * ({@code v4}, {@code 1.2.3}, {@code v2.0.0-rc.1}) and a branch otherwise ({@code main},
 * {@code stable}, {@code releases/v1}, {@code v1.x}): the reviewer decides.
 */
enum Pinning {
    COMMIT("commit SHA", false),
    VERSION("version tag", false),
    BRANCH("branch, or a ref that is not a version", true),
    NONE("no version", true),
    LOCAL("this repository", false),
    DOCKER_DIGEST("image digest", false),
    DOCKER_TAG("image tag", false),
    DOCKER_LATEST("image tag `latest`", true),
    DOCKER_NONE("no image tag", true);

    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
    private static final Pattern VERSION_REF = Pattern.compile("v?[0-9]+(\\.[0-9]+)*([-+][0-9A-Za-z.-]+)?");

    private final String description;
    private final boolean loose;

    Pinning(String description, boolean loose) {
        this.description = description;
        this.loose = loose;
    }

    /** How a reader of the overview sees it. */
    String description() {
        return description;
    }

    /** True when the code it runs can change without a change in this repository. */
    boolean loose() {
        return loose;
    }

    static Pinning of(ActionUse use) {
        return switch (use.kind()) {
            case LOCAL -> LOCAL;
            case DOCKER -> docker(use.ref());
            case REPOSITORY -> ref(use.ref());
        };
    }

    static Pinning of(WorkflowCall call) {
        return call.local() ? LOCAL : ref(call.ref());
    }

    private static Pinning ref(String ref) {
        if (ref == null || ref.isEmpty()) {
            return NONE;
        }
        if (SHA.matcher(ref).matches()) {
            return COMMIT;
        }
        return VERSION_REF.matcher(ref).matches() ? VERSION : BRANCH;
    }

    private static Pinning docker(String ref) {
        if (ref == null || ref.isEmpty()) {
            return DOCKER_NONE;
        }
        if (ref.startsWith("sha256:")) {
            return DOCKER_DIGEST;
        }
        return ref.equals("latest") ? DOCKER_LATEST : DOCKER_TAG;
    }

    /** The reference as a workflow writes it: {@code owner/repo@ref}, {@code docker://image:tag}. */
    static String written(ActionUse use) {
        return switch (use.kind()) {
            case LOCAL -> use.name();
            case DOCKER -> "docker://" + use.name() + (use.ref() == null ? ""
                    : (use.ref().startsWith("sha256:") ? "@" : ":") + use.ref());
            case REPOSITORY -> use.ref() == null ? use.name() : use.name() + "@" + use.ref();
        };
    }

    static boolean isRepository(ActionUse use) {
        return use.kind() == ActionKind.REPOSITORY;
    }
}
