package dev.leviathan.console;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

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

    /**
     * A repository on {@code main} whose one commit holds a valid contract and a policy with two
     * errors: a glob with braces (line 3) and a forbidden path that escapes the repository (line 4).
     */
    static Path withInvalidPolicy(Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".leviathan"));
        Files.writeString(dir.resolve(".leviathan/contract.yaml"), """
                name: billing
                purpose: Bill customers monthly
                safety:
                  output_mode: pr_only
                  human_approval_required: true
                scope:
                  in_scope: [docs, tests]
                  out_of_scope: [payments]
                definition_of_done: [tests pass, docs updated]
                """);
        Files.writeString(dir.resolve(".leviathan/policy.yaml"), """
                allowed_paths:
                  docs:
                    - "docs/{a,b}.md"
                forbidden_paths: ["../secrets"]
                """);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("README.md"), "# " + dir.getFileName() + "\n");
            git.add().addFilepattern(".").call();
            PersonIdent ada = new PersonIdent("Ada Operator", "ada@example.com");
            git.commit().setMessage("Contract and a broken policy").setAuthor(ada).setCommitter(ada).setSign(false)
                    .call();
        }
        return dir;
    }

    /**
     * A bare-bones repository on {@code main} with one commit of {@code files} small Java files
     * (each with a route), written straight into the object database: big enough that a
     * bootstrap takes a while, quick to make.
     */
    static Path generated(Path dir, int files) throws Exception {
        Files.createDirectories(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Repository repository = git.getRepository();
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                DirCache index = DirCache.newInCore();
                DirCacheBuilder builder = index.builder();
                for (int i = 0; i < files; i++) {
                    String path = String.format("src/main/java/acme/m%03d/Handler%05d.java", i / 500, i);
                    String source = "package acme.m%03d;\n\n@RestController\npublic class Handler%05d {\n"
                            .formatted(i / 500, i) + "    @GetMapping(\"/items/%d\")\n".formatted(i)
                            + "    public String get() {\n        return \"item %d\";\n    }\n}\n".formatted(i);
                    DirCacheEntry entry = new DirCacheEntry(path);
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, source.getBytes(StandardCharsets.UTF_8)));
                    builder.add(entry);
                }
                builder.finish();
                ObjectId tree = index.writeTree(inserter);
                PersonIdent ada = new PersonIdent("Ada Operator", "ada@example.com");
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(tree);
                commit.setAuthor(ada);
                commit.setCommitter(ada);
                commit.setMessage(files + " generated handlers");
                ObjectId id = inserter.insert(commit);
                inserter.flush();
                RefUpdate update = repository.updateRef("refs/heads/main");
                update.setNewObjectId(id);
                update.forceUpdate();
            }
        }
        return dir;
    }
}
