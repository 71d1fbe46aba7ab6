package dev.leviathan.engine.bootstrap;

import static dev.leviathan.engine.bootstrap.BootstrapException.Kind.UNAVAILABLE;

import dev.leviathan.engine.config.LeviathanHome;
import dev.leviathan.engine.target.RegisteredTarget;
import dev.leviathan.engine.target.RepoLocation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FileUtils;

/**
 * The git object database a bootstrap reads: a local target's own repository, or for a remote
 * target a bare clone under {@code workspaces/<target>/repo.git}, cloned on first use and
 * fetched on every later one. Nothing here reads or writes a work tree.
 */
final class TargetCheckout {

    private final LeviathanHome home;
    private final Map<String, String> env;

    TargetCheckout(LeviathanHome home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    /** Where a remote target's clone lives. */
    static Path clonePath(LeviathanHome home, String targetId) {
        return home.workspacesDir().resolve(targetId).resolve("repo.git");
    }

    Repository open(RegisteredTarget target, BootstrapProgress progress) {
        if (target.kind() == RepoLocation.Kind.LOCAL) {
            return openLocal(target);
        }
        Path clone = clonePath(home, target.id());
        Optional<GitCredentials> credentials = GitCredentials.fromEnvironment(env, target.id());
        if (Files.isDirectory(clone.resolve("objects"))) {
            progress.phase("fetching " + target.repo());
            return fetch(target, clone, credentials);
        }
        progress.phase("cloning " + target.repo());
        return cloneBare(target, clone, credentials);
    }

    private static Repository openLocal(RegisteredTarget target) {
        Path path = Path.of(target.repo());
        File gitDir = RepositoryCache.FileKey.resolve(path.toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw new BootstrapException(UNAVAILABLE, "target " + target.id() + ": " + path
                    + " is no longer a git repository;"
                    + " restore it, or register the target again with its new location");
        }
        try {
            return new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
        } catch (IOException e) {
            throw new BootstrapException(UNAVAILABLE, "cannot open the repository of target " + target.id() + " at "
                    + path + ": "
                    + e.getMessage(), e);
        }
    }

    private static Repository cloneBare(RegisteredTarget target, Path clone, Optional<GitCredentials> credentials) {
        // Cloned next to the final place and moved in whole, so a failed clone leaves nothing behind.
        Path partial = clone.resolveSibling("repo.git.partial");
        try {
            Files.createDirectories(clone.getParent());
            FileUtils.delete(partial.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            var command = Git.cloneRepository().setURI(target.repo()).setDirectory(partial.toFile()).setBare(true)
                    .setCloneAllBranches(true);
            credentials.ifPresent(c -> command.setCredentialsProvider(c.provider()));
            try (Git git = command.call()) {
                // A bare clone maps the remote's branches onto refs/heads; tags come with them.
            }
            Files.move(partial, clone);
            return new FileRepositoryBuilder().setGitDir(clone.toFile()).setMustExist(true).build();
        } catch (GitAPIException | IOException e) {
            try {
                FileUtils.delete(partial.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw transportFailure("clone", target, credentials, e);
        }
    }

    private static Repository fetch(RegisteredTarget target, Path clone, Optional<GitCredentials> credentials) {
        try {
            Repository repository = new FileRepositoryBuilder().setGitDir(clone.toFile()).setMustExist(true).build();
            try (Git git = new Git(repository)) {
                var command = git.fetch().setRemote(target.repo()).setRemoveDeletedRefs(true)
                        .setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"),
                                new RefSpec("+refs/tags/*:refs/tags/*"));
                credentials.ifPresent(c -> command.setCredentialsProvider(c.provider()));
                command.call();
            } catch (GitAPIException e) {
                repository.close();
                throw e;
            }
            return repository;
        } catch (GitAPIException | IOException e) {
            throw transportFailure("fetch", target, credentials, e);
        }
    }

    /** JGit names the URL, never the token (it is only in the credentials provider). */
    private static BootstrapException transportFailure(String what, RegisteredTarget target,
            Optional<GitCredentials> credentials, Exception e) {
        String hint = e instanceof TransportException && credentials.isEmpty()
                ? "; if the repository is private, set " + GitCredentials.TOKEN + " (or " + GitCredentials.TOKEN
                        + "_" + target.id().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + ") to a token"
                : "";
        return new BootstrapException(UNAVAILABLE, "cannot " + what + " " + target.repo() + " for target "
                + target.id() + ": "
                + e.getMessage() + hint, e);
    }
}
