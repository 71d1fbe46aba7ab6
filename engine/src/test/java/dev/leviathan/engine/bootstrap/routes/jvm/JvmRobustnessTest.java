package dev.leviathan.engine.bootstrap.routes.jvm;

import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.endpoints;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Broken, huge and odd files: the extractor answers, and answers the same every time. */
class JvmRobustnessTest {

    private static final String CONTROLLER = """
            package a;
            import org.springframework.web.bind.annotation.*;
            /** Docs with {@code @GetMapping("/doc")}. */
            @RestController
            @RequestMapping(Paths.BASE + "/users")
            class UserController {
                static final String ID = "/{id}";
                @GetMapping(ID) User get(@PathVariable long id) { return repo.find(id, "}{"); }
                @PostMapping(value = {"/", "/new"}) User add(@RequestBody User u) { return u; }
            }
            """;
    private static final String KOTLIN = """
            package a
            @RestController
            class K(private val s: S) {
                companion object { const val P = "/k" }
                @GetMapping("$P/${'$'}{x}") fun k() = \"""raw ${s.v} /* not a comment \"""
            }
            """;

    @Test
    void everyTruncationOfAFileIsReadWithoutFailing() {
        for (String source : List.of(CONTROLLER, KOTLIN)) {
            String path = source == KOTLIN ? "K.kt" : "UserController.java";
            for (int end = 0; end <= source.length(); end++) {
                List<Route> routes = routes(path, source.substring(0, end));
                assertThat(routes).allSatisfy(route -> assertThat(route.path()).startsWith("/"));
            }
        }
    }

    @Test
    void randomTextIsReadWithoutFailing() {
        Random random = new Random(42);
        String alphabet = "{}()[]<>\"'`/*@$\\:;,.=+-\n abcGET@Path@GetMapping\"\"\"";
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(2000);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(routes("R.java", text.toString(), "R.kt", text.toString())).isNotNull();
        }
    }

    private static final String ROUTER = """
            package a;
            import static org.springframework.web.servlet.function.RouterFunctions.route;
            import static org.springframework.web.servlet.function.RequestPredicates.*;
            class R {
                static final String BASE = "/r";
                RouterFunction<ServerResponse> r(H h) {
                    var b = route();
                    b.GET(BASE + "/a", h::a);
                    return b.path("/p", x -> x.POST("/{id}", req -> { if (a) { return ok(); } return no("}{"); }))
                        .nest(path("/n"), () -> route(GET("/c").and(accept(JSON)), h::c)).build();
                }
            }
            """;
    private static final String KOTLIN_ROUTER = """
            package a
            import org.springframework.web.reactive.function.server.coRouter
            fun r(h: H) = coRouter {
                val p = GET("/x") or POST("/y")
                "/api".nest { p { ok().buildAndAwait() }; GET("/z", h::z) }
                (accept(JSON) and "/q").nest { DELETE("/{id}") { req -> ok().build() } }
            }
            """;

    @Test
    void everyTruncationOfRouterCodeIsReadWithoutFailing() {
        for (String source : List.of(ROUTER, KOTLIN_ROUTER)) {
            String path = source == KOTLIN_ROUTER ? "R.kt" : "R.java";
            for (int end = 0; end <= source.length(); end++) {
                List<Route> routes = routes(path, source.substring(0, end));
                assertThat(routes).allSatisfy(route -> assertThat(route.path()).startsWith("/"));
            }
        }
        assertThat(endpoints(routes("R.java", ROUTER))).containsExactly("GET /r/a", "POST /p/{id}", "GET /n/c");
        assertThat(endpoints(routes("R.kt", KOTLIN_ROUTER)))
                .containsExactly("GET /api/x", "POST /api/y", "GET /api/z", "DELETE /q/{id}");
    }

    @Test
    void randomRouterLikeTextIsReadWithoutFailing() {
        Random random = new Random(43);
        String[] words = {"route", "(", ")", "{", "}", ".", "GET", "nest", "path", "\"/a\"", "->", "::", "h", ",",
            "router", "coRouter", "and", "or", "!", "=", "val", "var", ";", "\n", "+", "\"/b\"", "<", ">", "[", "]"};
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder("import org.springframework.web.servlet.function.*;\n"
                    + "import static org.springframework.web.servlet.function.RouterFunctions.*;\n"
                    + "import org.springframework.web.servlet.function.router\n");
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            assertThat(routes("R.java", text.toString(), "R.kt", text.toString()))
                    .allSatisfy(route -> assertThat(route.path()).startsWith("/"));
        }
    }

    @Test
    void deeplyNestedRouterCodeDoesNotOverflowTheStack() {
        String imports = "import static org.springframework.web.servlet.function.RouterFunctions.*;\n";
        String lambdas = imports + "class A { Object r() { return route()" + ".path(\"/p\", b -> b".repeat(20_000)
                + ")".repeat(20_000) + ".build(); } }";
        String nots = "import org.springframework.web.servlet.function.router\nval r = router { "
                + "!".repeat(50_000) + "accept(JSON) { ok() } }";
        String chain = imports + "class C { Object r() { return route()" + ".GET(\"/x\", h::x)".repeat(20_000)
                + ".build(); } }";

        assertThat(routes("A.java", lambdas, "B.kt", nots)).isNotNull();
        assertThat(routes("C.java", chain)).hasSize(20_000);
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        String braces = "class A " + "{ class B ".repeat(50_000) + "}".repeat(10);
        String parens = "@GetMapping(" + "(".repeat(50_000) + "\"/x\"" + ")".repeat(50_000) + ") void x();";
        String templates = "val s = \"" + "${\"".repeat(10_000) + "x" + "\"}".repeat(10_000) + "\"";
        String comments = "/*".repeat(50_000) + " class C {} ";

        assertThat(routes("A.java", braces, "B.java", "@RestController class B { " + parens + " }",
                "C.kt", templates, "D.kt", comments)).isNotNull();
    }

    @Test
    void strayClosingBracesDoNotHideLaterControllers() {
        List<Route> routes = routes("A.java", """
                }
                ) ]
                @RestController
                class A {
                    @GetMapping("/a") String a() { return ""; } }
                }
                @RestController
                class B {
                    @GetMapping("/b") String b() { return ""; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /a", "GET /b");
    }

    @Test
    void longChainsOfTypesAndConstantsAreRead() {
        StringBuilder source = new StringBuilder("class C0 { static final String P0 = \"/p\"; }\n");
        for (int i = 1; i < 3000; i++) {
            source.append("class C").append(i).append(" extends C").append(i - 1).append(" { static final String P")
                    .append(i).append(" = P").append(i - 1).append("; }\n");
        }
        source.append("@RestController class Top extends C2999 { @GetMapping(P2999) String top() { return \"\"; } }\n");

        List<Route> routes = routes("Chain.java", source.toString());

        assertThat(routes).extracting(Route::handler).containsExactly("top");
    }

    @Test
    void aMegabyteControllerIsRead() {
        StringBuilder source = new StringBuilder("@RestController\n@RequestMapping(\"/big\")\nclass Big {\n");
        int methods = 0;
        while (source.length() < 1_000_000) {
            source.append("    /** Handler ").append(methods).append(" with @GetMapping(\"/doc\") in its docs. */\n")
                    .append("    @GetMapping(\"/m").append(methods).append("/{id}\")\n")
                    .append("    public Map<String, List<Integer>> m").append(methods)
                    .append("(@PathVariable Long id) { return Map.of(\"k\", List.of(1, 2, 3)); }\n");
            methods++;
        }
        source.append("}\n");

        List<Route> routes = routes("Big.java", source.toString());

        assertThat(routes).hasSize(methods);
        assertThat(routes.get(methods - 1).path()).isEqualTo("/big/m" + (methods - 1) + "/{id}");
    }

    @Test
    void outputDoesNotDependOnTheOrderFilesArriveIn() {
        List<SourceFile> files = new ArrayList<>(List.of(
                new SourceFile("b/Paths.java", "package a; class Paths { static final String BASE = \"/api\"; }"),
                new SourceFile("a/UserController.java", CONTROLLER),
                new SourceFile("c/K.kt", KOTLIN),
                new SourceFile("d/R.java", "@Path(\"/r\") class R { @GET String r() { return \"\"; } }")));
        List<Route> expected = new JvmRouteExtractor().extract(files);
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(files, random);
            assertThat(new JvmRouteExtractor().extract(files)).isEqualTo(expected);
        }
        assertThat(expected).hasSize(5);
    }
}
