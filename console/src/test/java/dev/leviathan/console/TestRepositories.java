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
}
