package dev.leviathan.engine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
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

/**
 * A generated repository for benchmarks: {@code files} files of a polyglot service monorepo
 * (Python with FastAPI routes, JavaScript with Express routes, Go, Java, Markdown, YAML, JSON),
 * written straight into the object database as one commit on {@code main}. The same size and
 * seed give the same repository, byte for byte.
 */
final class SyntheticRepository {

    private static final PersonIdent AUTHOR = new PersonIdent("Bench", "bench@example.com",
            Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);

    private SyntheticRepository() {
    }

    static Path create(Path dir, int files, long seed) {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
                ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            Repository repository = git.getRepository();
            SplittableRandom random = new SplittableRandom(seed);
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (int i = 0; i < files; i++) {
                String service = "services/svc" + (i / 2000);
                String module = service + "/pkg" + (i / 100 % 20);
                String path;
                String text;
                switch (i % 20) {
                    case 0, 1, 2, 3, 4, 5, 6, 7 -> {
                        path = module + "/module_" + i + ".py";
                        text = python(i, random);
                    }
                    case 8, 9, 10, 11 -> {
                        path = module + "/handler" + i + ".js";
                        text = javascript(i, random);
                    }
                    case 12, 13 -> {
                        path = module + "/server" + i + ".go";
                        text = go(i, random);
                    }
                    case 14, 15 -> {
                        path = module + "/Resource" + i + ".java";
                        text = java(i, random);
                    }
                    case 16, 17 -> {
                        path = service + "/docs/page-" + i + ".md";
                        text = markdown(i, random);
                    }
                    case 18 -> {
                        path = module + "/config-" + i + ".yaml";
                        text = "name: config-" + i + "\nreplicas: " + (1 + random.nextInt(9)) + "\nport: 80" + (i % 10)
                                + "\n";
                    }
                    default -> {
                        path = module + "/data-" + i + ".json";
                        text = "{\"id\": " + i + ", \"values\": [" + random.nextInt(1000) + ", " + random.nextInt(1000)
                                + "]}\n";
                    }
                }
                DirCacheEntry entry = new DirCacheEntry(path);
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8)));
                builder.add(entry);
            }
            // The builder puts entries in git's path order itself.
            builder.finish();
            ObjectId tree = index.writeTree(inserter);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            commit.setAuthor(AUTHOR);
            commit.setCommitter(AUTHOR);
            commit.setMessage("synthetic repository of " + files + " files\n");
            ObjectId commitId = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repository.updateRef(Constants.R_HEADS + "main");
            update.setNewObjectId(commitId);
            update.forceUpdate();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a synthetic repository in " + dir, e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create a synthetic repository in " + dir, e);
        }
    }

    private static String python(int i, SplittableRandom random) {
        StringBuilder text = new StringBuilder("\"\"\"Module " + i + ".\"\"\"\nfrom fastapi import APIRouter\n\n"
                + "router = APIRouter(prefix=\"/m" + i + "\")\n\n");
        int routes = random.nextInt(4);
        for (int r = 0; r < routes; r++) {
            text.append("\n@router.get(\"/items/{item_id}/r").append(r).append("\")\nasync def read_").append(r)
                    .append("(item_id: int):\n    return {\"item\": item_id, \"r\": ").append(r).append("}\n");
        }
        filler(text, "# ", random);
        return text.toString();
    }

    private static String javascript(int i, SplittableRandom random) {
        StringBuilder text = new StringBuilder("const express = require('express');\n"
                + "const router = express.Router();\n");
        int routes = random.nextInt(3);
        for (int r = 0; r < routes; r++) {
            text.append("router.get('/h").append(i).append("/r").append(r).append("', (req, res) => res.json({}));\n");
        }
        text.append("module.exports = router;\n");
        filler(text, "// ", random);
        return text.toString();
    }

    private static String go(int i, SplittableRandom random) {
        StringBuilder text = new StringBuilder("package pkg\n\nimport \"net/http\"\n\nfunc Register" + i
                + "(mux *http.ServeMux) {\n\tmux.HandleFunc(\"GET /g" + i + "\", handle" + i + ")\n}\n\nfunc handle" + i
                + "(w http.ResponseWriter, r *http.Request) {}\n");
        filler(text, "// ", random);
        return text.toString();
    }

    private static String java(int i, SplittableRandom random) {
        StringBuilder text = new StringBuilder("package pkg;\n\nimport jakarta.ws.rs.GET;\n"
                + "import jakarta.ws.rs.Path;\n\n"
                + "@Path(\"/res" + i + "\")\npublic class Resource" + i + " {\n    @GET\n    public String get() {\n"
                + "        return \"ok\";\n    }\n}\n");
        filler(text, "// ", random);
        return text.toString();
    }

    private static String markdown(int i, SplittableRandom random) {
        StringBuilder text = new StringBuilder("# Page " + i + "\n\nSome documentation.\n\n");
        filler(text, "", random);
        return text.toString();
    }

    /** Lines of prose so files have the sizes real sources have (a few hundred bytes to a few KiB). */
    private static void filler(StringBuilder text, String prefix, SplittableRandom random) {
        int lines = 5 + random.nextInt(60);
        for (int l = 0; l < lines; l++) {
            text.append(prefix).append("line ").append(l).append(": the quick brown fox jumps over the lazy dog ")
                    .append(random.nextInt(1_000_000)).append('\n');
        }
    }
}
