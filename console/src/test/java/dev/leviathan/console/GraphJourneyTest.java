package dev.leviathan.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.console.graph.GraphCanvas;
import dev.leviathan.engine.Engine;
import dev.leviathan.engine.bootstrap.BootstrapRequest;
import dev.leviathan.engine.event.EventQuery;
import dev.leviathan.engine.graph.NodeType;
import dev.leviathan.engine.target.RegisterTargetRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Graph screen on a real bootstrapped repository: load, search, details, filter, fit. */
class GraphJourneyTest {

    @TempDir
    Path temp;

    private ConsoleDriver console;

    @BeforeEach
    void startConsole() throws Exception {
        console = ConsoleDriver.start(temp.resolve("home"));
    }

    @AfterEach
    void stopConsole() throws Exception {
        console.close();
    }

    /** A small service with code, docs, a workflow and a route, registered and bootstrapped. */
    static Path bootstrapShop(Engine engine, Path dir) throws Exception {
        Files.createDirectories(dir);
        write(dir, "README.md", "# shop\n\nOrders and payments.\n");
        write(dir, "docs/guide.md", "# Guide\n\nHow to run the shop.\n");
        write(dir, "docs/api.md", "# API\n\nGET /orders\n");
        write(dir, "src/shop/app.py", "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/orders')\n"
                + "def orders():\n    return []\n\n@app.route('/orders/<id>', methods=['POST'])\ndef order(id):\n"
                + "    return {}\n");
        write(dir, "src/shop/payments.py", "def charge(amount):\n    return amount * 100\n".repeat(20));
        write(dir, "src/shop/util/strings.py", "def slug(text):\n    return text.lower()\n".repeat(8));
        write(dir, "src/shop/util/money.py", "ROUND = 2\n".repeat(30));
        write(dir, "tests/test_app.py", "def test_orders():\n    assert True\n".repeat(5));
        write(dir, "web/index.html", "<html><body><div id=app></div></body></html>\n".repeat(6));
        write(dir, "web/app.js", "export function start() { return 1; }\n".repeat(40));
        write(dir, "web/style.css", "body { margin: 0; }\n".repeat(12));
        write(dir, ".github/workflows/ci.yml", "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
                + "    steps:\n      - run: pytest\n");
        write(dir, "pyproject.toml", "[project]\nname = \"shop\"\n");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent ada = new PersonIdent("Ada Operator", "ada@example.com");
            git.commit().setMessage("Shop service").setAuthor(ada).setCommitter(ada).setSign(false).call();
        }
        engine.targets().register(new RegisterTargetRequest("shop", dir.toString(), "", "ada"));
        engine.bootstrapper().bootstrap(BootstrapRequest.of("shop", null, "ada"));
        return dir;
    }

    private static void write(Path dir, String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aSearchFindsAFileLeftOutOfATruncatedViewAndBringsItIn() throws Exception {
        console.close();
        System.setProperty("leviathan.graph.max-nodes", "6");
        try {
            console = ConsoleDriver.start(temp.resolve("home-truncated"));
            bootstrapShop(console.engine(), temp.resolve("repos/shop"));
            console.shortcut(KeyCode.DIGIT2);
            GraphCanvas canvas = console.node("#graph-canvas");
            console.await("the graph laid out", () -> console.text("#graph-status").contains("layout in"));
            assertThat(console.text("#graph-status")).startsWith("first 6 of ");
            String id = "file:shop:web/style.css";
            assertThat(console.onFx(() -> canvas.scene().indexOf(id))).isNegative();

            console.robot.clickOn("#graph-search").write("style.css").type(KeyCode.ENTER);
            console.await("the file brought into the view", () -> console.shown("#graph-detail-title")
                    && console.text("#graph-detail-title").equals("web/style.css"));
            assertThat(console.text("#graph-search-result")).isEqualTo("1 of 1 beyond the view, brought in");
            assertThat(console.onFx(() -> canvas.scene().indexOf(id))).isNotNegative();
            console.robot.clickOn("#graph-search").eraseText(9).write("no-such-file").type(KeyCode.ENTER);
            console.await("no match", () -> console.text("#graph-search-result").equals("no match"));
        } finally {
            System.clearProperty("leviathan.graph.max-nodes");
        }
    }

    @Test
    void showsTheBootstrappedGraphFindsAFileFiltersATypeAndFits() throws Exception {
        bootstrapShop(console.engine(), temp.resolve("repos/shop"));
        var store = console.engine().store();
        int filesDiscovered = store.read(EventQuery.after(0, 10_000).withTypes(Set.of("file.discovered"))).size();
        long head = store.head().seq();

        console.shortcut(KeyCode.DIGIT2);
        assertThat(console.shown("#graph-screen")).isTrue();
        GraphCanvas canvas = console.node("#graph-canvas");
        console.await("the graph laid out", () -> console.text("#graph-status").contains("layout in"));
        console.await("nodes drawn", () -> canvas.frames() > 0 && canvas.lastVisible() > 0);
        // Every file the bootstrap discovered is a node of the view.
        int fileNodes = console.onFx(() -> {
            int count = 0;
            for (int i = 0; i < canvas.scene().nodeCount(); i++) {
                count += canvas.scene().type(i) == NodeType.FILE ? 1 : 0;
            }
            return count;
        });
        assertThat(fileNodes).isEqualTo(filesDiscovered).isGreaterThan(10);
        console.await("files drawn", () -> canvas.drawnOfType(NodeType.FILE) == fileNodes);

        console.robot.clickOn("#graph-search").write("strings.py").type(KeyCode.ENTER);
        console.await("the details of the file", () -> console.shown("#graph-detail-title")
                && console.text("#graph-detail-title").equals("src/shop/util/strings.py"));
        assertThat(console.text("#graph-search-result")).isEqualTo("1 of 1");
        String properties = console.onFx(() -> ((javafx.scene.layout.GridPane) console.scene()
                .lookup("#graph-detail-properties")).getChildren().stream().map(n -> ((Label) n).getText())
                .toList().toString());
        assertThat(properties).contains("size_bytes", "file_type", "path", "src/shop/util/strings.py");
        VBox events = console.node("#graph-detail-events");
        String eventText = console.onFx(() -> events.getChildren().stream().map(n -> ((Label) n).getText())
                .toList().toString());
        // The events listed are the store's events behind the node: the bootstrap's file.discovered.
        var discovered = store.readSeqs(console.engine().graph().projection()
                .node("file:shop:src/shop/util/strings.py").orElseThrow().eventSeqs());
        assertThat(discovered).extracting(e -> e.eventType()).containsExactly("file.discovered");
        assertThat(eventText).contains("#" + discovered.getFirst().seq() + "  file.discovered",
                discovered.getFirst().envelope().actorId());

        CheckBox files = console.node("#graph-type-File");
        console.robot.clickOn(files);
        console.await("files hidden", () -> canvas.frames() > 0 && canvas.drawnOfType(NodeType.FILE) == 0
                && canvas.lastVisible() > 0);

        console.robot.clickOn("#graph-fit");
        int shownNodes = console.onFx(() -> {
            int count = 0;
            for (int i = 0; i < canvas.scene().nodeCount(); i++) {
                count += canvas.scene().type(i) == NodeType.FILE ? 0 : 1;
            }
            return count;
        });
        console.await("every shown node in view", () -> canvas.lastVisible() == shownNodes);

        // Double-clicking the commit adds what it produced outside the target's facts: the
        // bootstrap's artifacts.
        String commitId = console.onFx(() -> {
            for (int i = 0; i < canvas.scene().nodeCount(); i++) {
                if (canvas.scene().type(i) == NodeType.COMMIT) {
                    return canvas.scene().id(i);
                }
            }
            return null;
        });
        long artifacts = console.engine().graph().projection().edgesOf(commitId).stream()
                .filter(e -> e.type() == dev.leviathan.engine.graph.EdgeType.PRODUCED).count();
        assertThat(artifacts).isPositive();
        int before = console.onFx(() -> canvas.scene().nodeCount());
        javafx.geometry.Point2D at = console.onFx(() -> canvas.localToScreen(canvas.screenOf(commitId)));
        console.robot.moveTo(at).doubleClickOn(javafx.scene.input.MouseButton.PRIMARY);
        console.await("the neighbourhood added", () -> canvas.scene().nodeCount() == before + artifacts
                && console.text("#graph-status").contains("expanded"));
        assertThat(console.onFx(() -> canvas.scene().type(canvas.scene().nodeCount() - 1)))
                .isEqualTo(NodeType.ARTIFACT);

        // Viewing is reading: the screen recorded nothing.
        assertThat(store.head().seq()).isEqualTo(head);
    }

    @Test
    void explainsWhatToDoWhenNoTargetIsBootstrapped() {
        console.shortcut(KeyCode.DIGIT2);
        console.await("the empty state", () -> console.shown("#graph-screen #empty-state-title"));
        assertThat(console.text("#graph-screen #empty-state-title")).isEqualTo("No bootstrapped target");
    }
}
