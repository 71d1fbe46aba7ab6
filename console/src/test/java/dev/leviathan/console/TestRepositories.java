package dev.leviathan.console;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** Real git repositories for registration tests, one line each. */
final class TestRepositories {

    private TestRepositories() {
    }

    /** A repository at {@code dir} on branch {@code main} with one commit. */
    static Path withOneCommit(Path dir) throws Exception {
        Files.createDirectories(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("README.md"), "# " + dir.getFileName() + "\n");
            git.add().addFilepattern("README.md").call();
            PersonIdent ada = new PersonIdent("Ada Operator", "ada@example.com");
            git.commit().setMessage("Initial commit").setAuthor(ada).setCommitter(ada).setSign(false).call();
        }
        return dir;
    }

    /**
     * A repository on {@code main} whose one commit holds a backlog of four tasks and a policy:
     * {@code add-faq} can run once approved, {@code write-guide} waits for approval, {@code fix-ci}
     * asks for a forbidden path, {@code tidy-readme} is not ready.
     */
    static Path withBacklog(Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".leviathan"));
        Files.writeString(dir.resolve(".leviathan/backlog.yaml"), """
                tasks:
                  - id: add-faq
                    title: Add an FAQ
                    scope: docs
                    priority: high
                    ready: true
                    allowed_paths: [docs/FAQ.md]
                    executor: {type: command, run: make faq}
                  - id: write-guide
                    title: Write the getting-started guide
                    scope: docs
                    ready: true
                    allowed_paths: [docs/guide.md]
                    executor: {type: command, run: make guide}
                  - id: fix-ci
                    title: Fix the CI workflow
                    scope: docs
                    ready: true
                    allowed_paths: [.github/workflows/ci.yml]
                    executor: {type: command, run: make ci}
                  - id: tidy-readme
                    title: Tidy the README
                    scope: docs
                    allowed_paths: [docs/README.md]
                """);
        Files.writeString(dir.resolve(".leviathan/policy.yaml"), """
                allowed_paths:
                  docs: ["docs/**", ".github/**"]
                forbidden_paths: [".github/**"]
                safety_rules:
                  max_tasks_per_day: 5
                """);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("README.md"), "# " + dir.getFileName() + "\n");
            git.add().addFilepattern(".").call();
            PersonIdent ada = new PersonIdent("Ada Operator", "ada@example.com");
            git.commit().setMessage("Backlog and policy").setAuthor(ada).setCommitter(ada).setSign(false).call();
        }
        return dir;
    }
}
