package dev.leviathan.engine.execute.scope;

import dev.leviathan.engine.target.AllowedPath;
import dev.leviathan.engine.target.Policy;
import dev.leviathan.engine.target.TargetFiles;
import dev.leviathan.engine.testkit.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * An attempt's work tree in one line per step: a real repository with a base commit, then what an
 * executor does to the files, then the changes and the verdict.
 */
final class Workspace implements AutoCloseable {

    /** A policy in the shape real targets use: scopes with globs, secrets and CI forbidden. */
    static final String POLICY = """
            allowed_paths:
              docs: ["docs/**", "README.md"]
              core: ["src/**", "docs/**"]
            forbidden_paths:
              - ".github/**"
              - "docs/private/**"
              - "**/*.pem"
            """;

    private final TestRepo repo;
    private ObjectId base;

    private Workspace(TestRepo repo) {
        this.repo = repo;
    }

    /** A repository whose base commit holds a small documented project. */
    static Workspace project(Path dir) {
        Workspace workspace = new Workspace(TestRepo.init(dir));
        workspace.repo.file("README.md", "# Demo\n\nA demo service.\n")
                .file("docs/guide.md", "# Guide\n\nInstall with `make install`.\n")
                .file("docs/api/routes.md", "# Routes\n\n- GET /health\n")
                .file("src/app.py", "from fastapi import FastAPI\n\napp = FastAPI()\n")
                .file("src/run.sh", "#!/bin/sh\nexec python -m app\n")
                .file(".github/workflows/ci.yml", "on: push\njobs: {}\n");
        return workspace.commit();
    }

    /** An empty repository; add files and call {@link #commit()}. */
    static Workspace empty(Path dir) {
        return new Workspace(TestRepo.init(dir));
    }

    Workspace commit() {
        base = ObjectId.fromString(repo.commit("base"));
        return this;
    }

    Path dir() {
        return repo.dir();
    }

    Repository repository() {
        return repo.git().getRepository();
    }

    ObjectId base() {
        return base;
    }

    Workspace write(String path, String content) {
        repo.file(path, content);
        return this;
    }

    Workspace bytes(String path, byte[] content) {
        repo.binary(path, content);
        return this;
    }

    Workspace delete(String path) {
        repo.delete(path);
        return this;
    }

    Workspace deleteTree(String path) {
        try (var walk = Files.walk(dir().resolve(path))) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Workspace move(String from, String to) {
        try {
            Path target = dir().resolve(to);
            Files.createDirectories(target.getParent());
            Files.move(dir().resolve(from), target);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Workspace symlink(String path, String target) {
        try {
            Path link = dir().resolve(path);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Workspace executable(String path, boolean executable) {
        try {
            Path file = dir().resolve(path);
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            if (executable) {
                permissions.add(PosixFilePermission.OWNER_EXECUTE);
            } else {
                permissions.remove(PosixFilePermission.OWNER_EXECUTE);
            }
            Files.setPosixFilePermissions(file, permissions);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Workspace directory(String path) {
        try {
            Files.createDirectories(dir().resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Commits a submodule (gitlink) at {@code path} on top of the base, as the new base, with the
     * empty directory a clone leaves for it.
     */
    Workspace submodule(String path, ObjectId commit) {
        try {
            DirCache index = repository().lockDirCache();
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.GITLINK);
                    entry.setObjectId(commit);
                }
            });
            editor.commit();
            Files.createDirectories(dir().resolve(path));
            base = repo.git().commit().setMessage("add submodule").setSign(false).call();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    WorkTreeChanges changes() {
        return WorkTreeChanges.compute(repository(), base, dir());
    }

    /** The verdict for a task of scope {@code docs} allowed to write {@code allowed}, under {@link #POLICY}. */
    ScopeVerdict check(String... allowed) {
        return checkUnder(POLICY, "docs", allowed);
    }

    ScopeVerdict checkUnder(String policy, String scope, String... allowed) {
        WorkTreeChanges changes = changes();
        return ScopeGuard.check(changes.changes(), rules(changes.base(), policy, scope, allowed));
    }

    static ScopeRules rules(BaseTree base, String policy, String scope, String... allowed) {
        List<AllowedPath> paths = Arrays.stream(allowed).map(AllowedPath::new).toList();
        return new ScopeRules(paths, Optional.ofNullable(scope), policy(policy), base);
    }

    static Policy policy(String yaml) {
        return TargetFiles.loadPolicy("policy.yaml", yaml);
    }

    @Override
    public void close() {
        repo.close();
    }
}
