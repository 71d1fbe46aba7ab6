package dev.leviathan.engine.bootstrap.routes.jvm;

import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.described;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.endpoints;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paths given through constants, in the places real code keeps them. */
class JvmConstantsTest {

    private static final String CONTROLLER = "src/main/java/com/acme/web/UserController.java";
    private static final String API_PATHS = """
            package com.acme.web;

            public final class ApiPaths {
                public static final String API = "/api";
                public static final String V1 = API + "/v1";
                public static final String USERS = V1 + "/users";
                public static final String BY_ID = "/{id}";

                private ApiPaths() {
                }
            }
            """;

    @Test
    void resolvesConstantsOfTheSameClass() {
        List<Route> routes = routes(CONTROLLER, """
                @RestController
                @RequestMapping(UserController.BASE)
                public class UserController {
                    public static final String BASE = "/users";
                    private static final String BY_ID = "/{id}", ROLES = BY_ID + "/roles";

                    @GetMapping(BY_ID) public User get() { return null; }
                    @GetMapping(ROLES) public List<Role> roles() { return null; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /users/{id}", "GET /users/{id}/roles");
        assertThat(routes).allMatch(Route::resolved);
    }

    @Test
    void resolvesQualifiedConstantsOfAnotherClassInTheSamePackage() {
        List<Route> routes = routes("src/main/java/com/acme/web/ApiPaths.java", API_PATHS, CONTROLLER, """
                package com.acme.web;

                @RestController
                @RequestMapping(ApiPaths.USERS)
                public class UserController {
                    @GetMapping(ApiPaths.BY_ID) public User get() { return null; }
                    @GetMapping(value = ApiPaths.BY_ID + "/avatar") public byte[] avatar() { return null; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /api/v1/users/{id}", "GET /api/v1/users/{id}/avatar");
        assertThat(routes).allMatch(Route::resolved);
    }

    @Test
    void resolvesStaticImports() {
        List<Route> routes = routes("src/main/java/com/acme/web/ApiPaths.java", API_PATHS,
                "src/main/java/com/acme/other/OneController.java", """
                        package com.acme.other;

                        import static com.acme.web.ApiPaths.USERS;

                        @RestController
                        @RequestMapping(USERS)
                        class OneController { @GetMapping String one() { return ""; } }
                        """,
                "src/main/java/com/acme/other/AllController.java", """
                        package com.acme.other;

                        import static com.acme.web.ApiPaths.*;

                        @RestController
                        class AllController { @GetMapping(V1 + "/all") String all() { return ""; } }
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /api/v1/all", "GET /api/v1/users");
    }

    @Test
    void resolvesImportedAndWildcardImportedClasses() {
        List<Route> routes = routes("src/main/java/com/acme/web/ApiPaths.java", API_PATHS,
                "src/main/java/com/acme/one/OneController.java", """
                        package com.acme.one;
                        import com.acme.web.ApiPaths;
                        @RestController
                        class OneController { @GetMapping(ApiPaths.API + "/one") String one() { return ""; } }
                        """,
                "src/main/java/com/acme/two/TwoController.java", """
                        package com.acme.two;
                        import com.acme.web.*;
                        import org.springframework.web.bind.annotation.*;
                        @RestController
                        class TwoController { @GetMapping(ApiPaths.API + "/two") String two() { return ""; } }
                        """,
                "src/main/java/com/acme/three/ThreeController.java", """
                        package com.acme.three;
                        @RestController
                        class ThreeController { @GetMapping(com.acme.web.ApiPaths.API + "/three") String three() { return ""; } }
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /api/one", "GET /api/three", "GET /api/two");
    }

    @Test
    void interfaceConstantsAreInheritedByImplementingControllers() {
        List<Route> routes = routes("src/main/java/a/Endpoints.java", """
                package a;
                public interface Endpoints {
                    String ORDERS = "/orders";
                    interface Admin {
                        String BASE = "/admin";
                    }
                }
                """, "src/main/java/a/OrderController.java", """
                package a;
                @RestController
                class OrderController implements Endpoints {
                    @GetMapping(ORDERS) String orders() { return ""; }
                    @GetMapping(Endpoints.Admin.BASE + ORDERS) String admin() { return ""; }
                    @GetMapping(Admin.BASE) String adminHome() { return ""; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /orders", "GET /admin/orders", "GET /admin");
    }

    @Test
    void kotlinObjectsAndTopLevelConstantsResolveFromJava() {
        List<Route> routes = routes("src/main/kotlin/a/Routes.kt", """
                package a

                object Routes {
                    const val ITEMS = "/items"
                }
                """, "src/main/java/a/ItemController.java", """
                package a;
                @RestController
                class ItemController { @GetMapping(Routes.ITEMS) String items() { return ""; } }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /items");
    }

    @Test
    void numbersAndCharsConcatenate() {
        List<Route> routes = routes(CONTROLLER, """
                @RestController
                class VersionController {
                    static final int VERSION = 2;
                    static final char SLASH = '/';
                    @GetMapping("/v" + VERSION + SLASH + "status") String status() { return ""; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /v2/status");
    }

    @Test
    void constantArraysGiveOneRoutePerElement() {
        List<Route> routes = routes(CONTROLLER, """
                @RestController
                class AliasController {
                    static final String[] PATHS = {"/a", "/b"};
                    @GetMapping(PATHS) String alias() { return ""; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /a", "GET /b");
    }

    @Test
    void unknownConstantIsReportedWithTheStaticRest() {
        List<Route> routes = routes(CONTROLLER, """
                import com.vendor.Paths;

                @RestController
                @RequestMapping("/api")
                class VendorController {
                    @GetMapping(Paths.PREFIX + "/items") String items() { return ""; }
                    @GetMapping(Config.path()) String computed() { return ""; }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/items items " + CONTROLLER + ":6 unresolved(Paths.PREFIX)",
                "GET /api computed " + CONTROLLER + ":7 unresolved(Config.path())");
    }

    @Test
    void cyclicConstantsAreUnresolvedNotEndless() {
        List<Route> routes = routes(CONTROLLER, """
                @RestController
                class LoopController {
                    static final String A = B + "/a";
                    static final String B = A + "/b";
                    @GetMapping(A) String loop() { return ""; }
                }
                """);

        assertThat(routes).hasSize(1);
        assertThat(routes.get(0).resolved()).isFalse();
        assertThat(routes.get(0).path()).isEqualTo("/b/a");
    }

    @Test
    void eachModuleSeesItsOwnCopyOfAClass() {
        String paths = """
                package com.acme;
                public class Paths { public static final String BASE = "%s"; }
                """;
        String controller = """
                package com.acme;
                @RestController
                class PingController { @GetMapping(Paths.BASE + "/ping") String ping() { return ""; } }
                """;
        List<Route> routes = routes(
                "alpha/src/main/java/com/acme/Paths.java", paths.formatted("/alpha"),
                "alpha/src/main/java/com/acme/PingController.java", controller,
                "beta/src/main/java/com/acme/Paths.java", paths.formatted("/beta"),
                "beta/src/main/java/com/acme/PingController.java", controller);

        assertThat(described(routes)).containsExactly(
                "GET /alpha/ping ping alpha/src/main/java/com/acme/PingController.java:3",
                "GET /beta/ping ping beta/src/main/java/com/acme/PingController.java:3");
    }

    @Test
    void kotlinImportAliasResolves() {
        List<Route> routes = routes("src/main/kotlin/a/Paths.kt", """
                package a
                const val PETS = "/pets"
                """, "src/main/kotlin/b/PetController.kt", """
                package b
                import a.PETS as PET_ROOT
                import org.springframework.web.bind.annotation.GetMapping as Get

                @RestController
                class PetController { @Get(PET_ROOT) fun pets() = listOf<String>() }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /pets");
        assertThat(routes.get(0).resolved()).isTrue();
    }

    @Test
    void springsPathSeparatorConstantIsASlash() {
        // springdoc writes @GetMapping(DEFAULT_PATH_SEPARATOR) and API_DOCS_URL + DEFAULT_PATH_SEPARATOR
        // + "swagger-config"; version 6 left the constant out (`/v3/api-docsswagger-config`).
        String file = "src/main/java/com/acme/web/DocsController.java";
        List<Route> routes = routes(file, """
                package com.acme.web;
                import static org.springframework.util.AntPathMatcher.DEFAULT_PATH_SEPARATOR;
                import org.springframework.util.AntPathMatcher;
                @RestController
                @RequestMapping("/docs")
                public class DocsController {
                    @GetMapping(DEFAULT_PATH_SEPARATOR) String home() { return ""; }
                    @GetMapping("/v3" + AntPathMatcher.DEFAULT_PATH_SEPARATOR + "config") String config() { return ""; }
                    @GetMapping("/v3" + PathMatcher.DEFAULT_PATH_SEPARATOR + "other") String other() { return ""; }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /docs/ home " + file + ":7",
                "GET /docs/v3/config config " + file + ":8",
                "GET /docs/v3other other " + file + ":9 unresolved(PathMatcher.DEFAULT_PATH_SEPARATOR)");
    }
}
