package dev.leviathan.engine.bootstrap.routes.javascript;

import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.endpoints;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.files;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.SourceFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Broken, huge and hostile input: never an exception, never a hang, and what can be found is found. */
class JavaScriptRobustnessTest {

    private static final String HEADER = "const express = require('express');\nconst app = express();\n";

    @Test
    void survivesManifestsOfEveryOddShape() {
        String deep = "{\"exports\": " + "{\"a\": ".repeat(5_000) + "\"./x.js\"" + "}".repeat(5_000) + "}";
        List<Route> routes = routes(
                "package.json", "[\"not\", \"an\", \"object\"]",
                "a/package.json", "{ \"name\": 42, \"main\": { \"nested\": true } }",
                "b/package.json", "{ \"name\": \"b\", \"main\": \"../../../../outside.js\" }",
                "c/package.json", "{ \"name\": \"c\", \"main\": \".\" }",
                "d/package.json", "{ \"name\": \"d\", \"main\": \"../e\" }",
                "e/package.json", "{ \"name\": \"e\", \"main\": \"../d\" }",
                "f/package.json", deep,
                "g/package.json", "\0\0\0",
                "h/package.json", "{ \"name\": \"h\", \"exports\": { \"./*\": \"./*/*.js\" } }",
                "app.js", HEADER + """
                        for (const dep of ['b', 'c', 'd', 'e', 'f', 'h', 'h/x', './a', './d']) {
                          app.use(require(dep));
                        }
                        app.get('/still-here', h);
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /still-here");
    }

    @Test
    void keepsTheRoutesAroundUnbalancedBrackets() {
        List<Route> routes = routes("app.js", HEADER + """
                app.get('/before', before);
                function broken( {
                  if (x] { return [1, 2;
                }}}) ]
                app.get('/after', after);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /before", "GET /after");
    }

    @Test
    void keepsTheRoutesAfterAnUnterminatedString() {
        List<Route> routes = routes("app.js", HEADER + "const s = 'never closed\napp.get('/after', after);\n");

        assertThat(endpoints(routes)).containsExactly("GET /after");
    }

    @Test
    void survivesNestingDeeperThanAnyParserCouldRecurse() {
        String deep = "(\n".repeat(20_000) + "1" + ")\n".repeat(20_000) + ";\n" + "[\n".repeat(20_000)
                + "]\n".repeat(20_000) + "{\n".repeat(20_000) + "}\n".repeat(20_000)
                + "f(() => {\n".repeat(3_000) + "})\n".repeat(3_000) + "a.b\n".repeat(20_000) + ";\n";

        List<Route> routes = routes("app.js", HEADER + "app.get('/before', h);\n" + deep + "app.get('/after', h);\n");

        assertThat(endpoints(routes)).containsExactly("GET /before", "GET /after");
    }

    @Test
    void survivesAConcatenationOfAHundredThousandTerms() {
        String chain = "const s = " + "'/a' +\n".repeat(100_000) + "'/z';\n";

        List<Route> routes = routes("app.js", HEADER + chain + "app.get('/after', h);\n");

        assertThat(endpoints(routes)).containsExactly("GET /after");
    }

    @Test
    void readsAMegabyteOfRoutes() {
        StringBuilder source = new StringBuilder(HEADER);
        int count = 0;
        while (source.length() < 1_000_000) {
            source.append("app.get('/items/").append(count).append("/:id', async (req, res) => {\n")
                    .append("  const { id } = req.params; // app.post('/no', x)\n")
                    .append("  res.json({ id, label: `item ${id} of ").append(count).append("`, ok: /\\d+/.test(id) });\n")
                    .append("});\n");
            count++;
        }

        List<Route> routes = routes("app.js", source.toString());

        assertThat(routes).hasSize(count);
        assertThat(routes.get(count - 1).path()).isEqualTo("/items/" + (count - 1) + "/:id");
    }

    @Test
    void survivesRandomText() {
        Random random = new Random(42);
        String alphabet = "abcxyz(){}[]<>/\\*'\"`$;:,.=+-!?&|#@ \n\tapp.get router.use express require import";
        List<SourceFile> garbage = new ArrayList<>();
        for (int file = 0; file < 40; file++) {
            StringBuilder text = new StringBuilder(HEADER);
            for (int k = 0; k < 5_000; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            garbage.add(new SourceFile("junk/" + file + (file % 2 == 0 ? ".js" : ".tsx"), text.toString()));
        }
        garbage.addAll(files("app.js", HEADER + "app.get('/fine', fine);\n"));

        List<Route> routes = new JavaScriptRouteExtractor().extract(garbage);

        assertThat(routes).extracting(Route::path).contains("/fine");
    }

    @Test
    void survivesRecursionAndMutualRecursionInTheAnalysedCode() {
        List<Route> routes = routes("app.js", HEADER + """
                function a(n) { return b(n + 1); }
                function b(n) { return a(n * 2); }
                function loop(r) { loop(r); r.get('/in-loop', h); }
                a(1);
                loop(app);
                const router = express.Router();
                for (;;) { router.use(router); }
                app.use('/r', router);
                router.get('/x', x);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /in-loop", "GET /r/x");
    }

    @Test
    void readsNothingFromEmptyOrNullInput() {
        assertThat(new JavaScriptRouteExtractor().extract(List.of())).isEmpty();
        assertThat(new JavaScriptRouteExtractor().extract(null)).isEmpty();
        assertThat(routes("empty.js", "", "blank.ts", "\n\n", "bom.js", "\uFEFF")).isEmpty();
    }

    @Test
    void givesTheSameOutputEveryTime() {
        List<SourceFile> input = files(
                "app.js", HEADER + "const r = require('./r');\napp.use(['/a', '/b'], r);\napp.use('/c', r);",
                "r.js", "const r = require('express').Router();\nr.get('/x', x);\nr.post('/y', y);\nmodule.exports = r;");

        List<Route> first = new JavaScriptRouteExtractor().extract(input);
        List<Route> second = new JavaScriptRouteExtractor().extract(input);

        assertThat(second).isEqualTo(first);
        assertThat(endpoints(first)).containsExactly("GET /a/x", "GET /b/x", "GET /c/x", "POST /a/y", "POST /b/y",
                "POST /c/y");
    }
}
