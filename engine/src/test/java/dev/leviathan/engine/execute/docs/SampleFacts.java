package dev.leviathan.engine.execute.docs;

import dev.leviathan.engine.bootstrap.RepositoryFacts;
import dev.leviathan.engine.bootstrap.ci.CiFact;
import dev.leviathan.engine.bootstrap.ci.CiSystem;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.ActionKind;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.ActionUse;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Job;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Permission;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Permissions;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.RunsOn;
import dev.leviathan.engine.bootstrap.ci.GithubWorkflow.Trigger;
import dev.leviathan.engine.bootstrap.ci.GitlabPipeline;
import dev.leviathan.engine.bootstrap.ci.MalformedCiFile;
import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;

/** A small, hand-made fact set whose documents are the golden files. */
final class SampleFacts {

    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final List<String> NONE = List.of();

    private SampleFacts() {
    }

    static RepositoryFacts facts() {
        return new RepositoryFacts(COMMIT, List.of(), List.of(), workflows(), routes());
    }

    static List<Route> routes() {
        return List.of(
                new Route("fastapi", "GET", "/api/v1/items", true, null, "app/api/items.py", 14, "list_items"),
                new Route("fastapi", "POST", "/api/v1/items", true, null, "app/api/items.py", 22, "create_item"),
                new Route("fastapi", "GET", "/api/v1/items/{item_id}", true, null, "app/api/items.py", 31, "read_item"),
                new Route("fastapi", "DELETE", "/api/v1/items/{item_id}", true, null, "app/api/items.py", 40,
                        "delete_item"),
                new Route("fastapi", "GET", "/health", true, null, "app/main.py", 9, "health"),
                new Route("fastapi", "GET", "/reports", false, "settings.REPORTS_PREFIX + \"/daily\"", "app/reports.py",
                        7, "daily_report"),
                new Route("express", "GET", "/", true, null, "web/server.js", 5, "<anonymous>"),
                new Route("express", "ANY", "/legacy|old", true, null, "web/legacy routes.js", 3, "legacy"),
                new Route("express", "POST", "", false, "`/hooks/${name}`", "web/server.js", 18, "hook"));
    }

    static List<CiFact> workflows() {
        GithubWorkflow ci = new GithubWorkflow(".github/workflows/ci.yml", "CI", "CI", null,
                List.of(new Trigger("push", List.of("main", "release/**"), NONE, NONE, NONE, NONE, List.of("docs/**"),
                                NONE, NONE, NONE, NONE, NONE, NONE),
                        new Trigger("pull_request", NONE, NONE, NONE, NONE, NONE, NONE, List.of("opened", "synchronize"),
                                NONE, NONE, NONE, NONE, NONE),
                        new Trigger("schedule", NONE, NONE, NONE, NONE, NONE, NONE, NONE, List.of("0 3 * * 1"), NONE,
                                NONE, NONE, NONE)),
                null, List.of("CI"), null, null,
                List.of(new Job("build", "Build and test", new RunsOn(List.of("ubuntu-latest"), null), NONE, null, null,
                                null, new GithubWorkflow.Matrix(List.of("python"), false, false, null), null, List.of(),
                                4, List.of(new ActionUse(ActionKind.REPOSITORY, "actions/checkout", "v4"),
                                        new ActionUse(ActionKind.REPOSITORY, "actions/setup-python", "main"),
                                        new ActionUse(ActionKind.REPOSITORY, "codecov/codecov-action", null)),
                                null),
                        new Job("deploy", null, new RunsOn(List.of("ubuntu-latest"), null), List.of("build"),
                                new Permissions(null, List.of(new Permission("contents", "read"),
                                        new Permission("id-token", "write"))),
                                "github.ref == 'refs/heads/main'", new GithubWorkflow.Environment("production", null),
                                null, null, List.of(), 2,
                                List.of(new ActionUse(ActionKind.REPOSITORY, "actions/checkout", "v4"),
                                        new ActionUse(ActionKind.DOCKER, "alpine", null)),
                                null)),
                List.of(new ActionUse(ActionKind.REPOSITORY, "actions/checkout", "v4"),
                        new ActionUse(ActionKind.REPOSITORY, "actions/setup-python", "main"),
                        new ActionUse(ActionKind.DOCKER, "alpine", null),
                        new ActionUse(ActionKind.REPOSITORY, "codecov/codecov-action", null)),
                List.of());
        GithubWorkflow labeler = new GithubWorkflow(".github/workflows/labeler.yml", null,
                ".github/workflows/labeler.yml", null,
                List.of(new Trigger("pull_request_target", NONE, NONE, NONE, NONE, NONE, NONE, List.of("opened"), NONE,
                        NONE, NONE, NONE, NONE)),
                new Permissions(null, List.of(new Permission("pull-requests", "write"))), List.of(),
                new GithubWorkflow.Concurrency("labeler-${{ github.ref }}", "true"), null,
                List.of(new Job("label", null, new RunsOn(List.of("ubuntu-latest"), null), NONE, null, null, null, null,
                        null, List.of(), 1,
                        List.of(new ActionUse(ActionKind.REPOSITORY, "actions/labeler",
                                "8558fd74291d67161a8a78ce36a881fa63b766a9")),
                        null)),
                List.of(new ActionUse(ActionKind.REPOSITORY, "actions/labeler",
                        "8558fd74291d67161a8a78ce36a881fa63b766a9")),
                List.of("a 'true:' key was read as 'on:'"));
        MalformedCiFile broken = new MalformedCiFile(".github/workflows/nightly.yaml", CiSystem.GITHUB_ACTIONS,
                "jobs.nightly.steps: expected a list, found a mapping", 12, 7);
        GitlabPipeline gitlab = new GitlabPipeline(".gitlab-ci.yml", List.of(".pre", "build", "test", ".post"),
                List.of("build", "test"),
                List.of(new GitlabPipeline.Include(GitlabPipeline.IncludeKind.LOCAL, "ci/common.yml", null, null, null),
                        new GitlabPipeline.Include(GitlabPipeline.IncludeKind.PROJECT, "templates/build.yml",
                                "platform/ci-templates", null, null)),
                "python:3.12", List.of("image"), List.of("PIP_CACHE_DIR"), true, null, List.of(),
                List.of(new GitlabPipeline.Job("compile", "build", null, null, null, List.of(".base"), false, false,
                                false, null, null, null, List.of("docker")),
                        new GitlabPipeline.Job("unit", "test", "python:3.12-slim",
                                List.of(new GitlabPipeline.Need("compile", null, null, null, false)), null, List.of(),
                                true, false, false, null, null, null, List.of())),
                List.of(".base"), List.of());
        return List.of(labeler, gitlab, ci, broken);
    }
}
