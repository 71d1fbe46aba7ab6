package dev.leviathan.engine.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository in a temp directory, built in one line per step. */
public final class TestRepo implements AutoCloseable {

    private static final PersonIdent AUTHOR = new PersonIdent("Test Author", "author@example.com",
            TestEvents.T0, java.time.ZoneOffset.UTC);

    private final Git git;
    private final Path dir;

    private TestRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    /** {@code git init -b main} in {@code dir}. */
    public static TestRepo init(Path dir) {
        try {
            Files.createDirectories(dir);
            return new TestRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot init a test repository in " + dir, e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Git git() {
        return git;
    }

    /** Writes a file in the work tree (not yet committed). */
    public TestRepo file(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file of raw bytes in the work tree (not yet committed). */
    public TestRepo binary(String path, byte[] content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file from the work tree (the next commit removes it). */
    public TestRepo delete(String path) {
        try {
            Files.delete(dir.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages everything and commits; returns the commit id. */
    public String commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            RevCommit commit = git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR)
                    .setSign(false).call();
            return commit.getName();
        } catch (GitAPIException e) {
            throw new IllegalStateException("commit failed in " + dir, e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
