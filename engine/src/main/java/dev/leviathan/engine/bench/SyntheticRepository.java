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

    /** The kind of repository generated. */
    enum Profile {
        /** A service monorepo: Python, JavaScript, Go and Java sources with routes, docs, config. */
        POLYGLOT,
        /**
         * The shape of the FastAPI repository: a third small example apps with routes, a sixth tests
         * that import them, most of the rest Markdown pages in many languages, some images.
         */
        FASTAPI
    }

    static Path create(Path dir, int files, long seed) {
        return create(dir, files, seed, Profile.POLYGLOT);
    }

    static Path create(Path dir, int files, long seed, Profile profile) {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
                ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            Repository repository = git.getRepository();
            SplittableRandom random = new SplittableRandom(seed);
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (int i = 0; i < files; i++) {
                Generated file = profile == Profile.FASTAPI ? fastapi(i, files, random) : polyglot(i, random);
                DirCacheEntry entry = new DirCacheEntry(file.path());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.content()));
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

    private record Generated(String path, byte[] content) {
        Generated(String path, String text) {
            this(path, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Generated polyglot(int i, SplittableRandom random) {
        String service = "services/svc" + (i / 2000);
        String module = service + "/pkg" + (i / 100 % 20);
        return switch (i % 20) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> new Generated(module + "/module_" + i + ".py", python(i, random));
            case 8, 9, 10, 11 -> new Generated(module + "/handler" + i + ".js", javascript(i, random));
            case 12, 13 -> new Generated(module + "/server" + i + ".go", go(i, random));
            case 14, 15 -> new Generated(module + "/Resource" + i + ".java", java(i, random));
            case 16, 17 -> new Generated(service + "/docs/page-" + i + ".md", markdown(i, random));
            case 18 -> new Generated(module + "/config-" + i + ".yaml", "name: config-" + i + "\nreplicas: "
                    + (1 + random.nextInt(9)) + "\nport: 80" + (i % 10) + "\n");
            default -> new Generated(module + "/data-" + i + ".json", "{\"id\": " + i + ", \"values\": ["
                    + random.nextInt(1000) + ", " + random.nextInt(1000) + "]}\n");
        };
    }

    private static final String[] LANGUAGES = {"en", "es", "pt", "ru", "zh", "ja", "ko", "de", "fr", "tr", "uk",
        "fa", "id"};

    /** File {@code i} of {@code total} in FastAPI's proportions (per 3,000: 1,000 apps, 500 tests, 1,300 pages…). */
    private static Generated fastapi(int i, int total, SplittableRandom random) {
        int slot = (int) ((long) i * 3000 / total);
        if (slot < 1000) {
            StringBuilder app = new StringBuilder("from fastapi import FastAPI\n\napp = FastAPI()\n");
            int routes = 1 + random.nextInt(3);
            String[] verbs = {"get", "post", "put", "delete"};
            for (int r = 0; r < routes; r++) {
                app.append("\n\n@app.").append(verbs[random.nextInt(4)]).append("(\"/items").append(i)
                        .append("/{item_id}/r").append(r).append("\")\nasync def handler_").append(r)
                        .append("(item_id: int):\n    return {\"item_id\": item_id}\n");
            }
            return new Generated("docs_src/sec" + (i / 20) + "/tutorial" + i + ".py", app.toString());
        }
        if (slot < 1500) {
            return new Generated("tests/test_tutorial/test_" + i + ".py",
                    "from fastapi.testclient import TestClient\n\nfrom docs_src.sec" + (i / 40) + ".tutorial"
                    + (i / 2) + " import app\n\nclient = TestClient(app)\n\n\n"
                    + "def test_read():\n    response = client.get(\"/items" + i + "/1/r0\")\n"
                    + "    assert response.status_code == 200\n");
        }
        if (slot < 2800) {
            StringBuilder page = new StringBuilder("# Page " + i + "\n\n");
            int paragraphs = 5 + random.nextInt(8);
            for (int p = 0; p < paragraphs; p++) {
                filler(page, "", random);
                page.append('\n');
            }
            return new Generated("docs/" + LANGUAGES[i % LANGUAGES.length] + "/docs/page" + i + ".md", page.toString());
        }
        if (slot < 2860) {
            byte[] image = new byte[60_000 + random.nextInt(100_000)];
            random.nextBytes(image);
            System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, image, 0, 8);
            return new Generated("docs/en/docs/img/shot" + i + ".png", image);
        }
        if (slot < 2950) {
            return new Generated("fastapi/module" + i + ".py", python(i, random));
        }
        if (slot < 2958) {
            return new Generated(".github/workflows/wf" + i + ".yml", "name: WF " + i + "\non:\n  push:\n"
                    + "    branches: [master]\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
                    + "    steps:\n      - uses: actions/checkout@v4\n      - run: pytest\n");
        }
        return new Generated("docs/en/docs/img/diagram" + i + ".svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<rect x=\"" + i + "\" y=\"1\" width=\"10\" height=\"10\"/></svg>\n");
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
