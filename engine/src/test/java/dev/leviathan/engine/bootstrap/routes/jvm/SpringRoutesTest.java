package dev.leviathan.engine.bootstrap.routes.jvm;

import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.described;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.endpoints;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpringRoutesTest {

    private static final String USERS = "src/main/java/com/acme/web/UserController.java";

    @Test
    void joinsClassPathWithEveryShortcutMapping() {
        List<Route> routes = routes(USERS, """
                package com.acme.web;

                import org.springframework.http.ResponseEntity;
                import org.springframework.web.bind.annotation.*;

                @RestController
                @RequestMapping("/api/users")
                public class UserController {

                    @GetMapping
                    public List<User> list() { return service.list(); }

                    @GetMapping("/{id}")
                    public User get(@PathVariable Long id) { return service.get(id); }

                    @PostMapping(consumes = "application/json")
                    public User create(@RequestBody User user) { return service.save(user); }

                    @PutMapping(value = "/{id}")
                    public User update(@PathVariable Long id, @RequestBody User user) { return user; }

                    @DeleteMapping(path = "/{id}")
                    public void delete(@PathVariable("id") Long id) { }

                    @PatchMapping("{id}")
                    public User patch(@PathVariable Long id, @RequestBody Map<String, Object> changes) { return null; }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/users list " + USERS + ":10",
                "GET /api/users/{id} get " + USERS + ":13",
                "POST /api/users create " + USERS + ":16",
                "PUT /api/users/{id} update " + USERS + ":19",
                "DELETE /api/users/{id} delete " + USERS + ":22",
                "PATCH /api/users/{id} patch " + USERS + ":25");
        assertThat(routes).allSatisfy(route -> {
            assertThat(route.framework()).isEqualTo("spring");
            assertThat(route.resolved()).isTrue();
            assertThat(route.rawExpression()).isNull();
        });
    }

    @Test
    void givesOneRoutePerPathOfAMapping() {
        List<Route> routes = routes(USERS, """
                @RestController
                class UserController {
                    @GetMapping({"/users", "/people"})
                    List<User> list() { return List.of(); }

                    @GetMapping(value = {"/users/{id}"}, produces = MediaType.APPLICATION_JSON_VALUE)
                    User get(@PathVariable long id) { return null; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /people", "GET /users", "GET /users/{id}");
    }

    @Test
    void crossesClassPathsWithMethodPaths() {
        List<Route> routes = routes(USERS, """
                @RestController
                @RequestMapping(path = {"/v1/users", "/v2/users"})
                class UserController {
                    @GetMapping({"", "/all"})
                    List<User> list() { return List.of(); }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /v1/users", "GET /v1/users/all", "GET /v2/users",
                "GET /v2/users/all");
    }

    @Test
    void requestMappingGivesOneRoutePerMethodAndAnyWithoutMethod() {
        List<Route> routes = routes(USERS, """
                import static org.springframework.web.bind.annotation.RequestMethod.POST;

                import org.springframework.web.bind.annotation.RequestMapping;
                import org.springframework.web.bind.annotation.RequestMethod;
                import org.springframework.web.bind.annotation.RestController;

                @RestController
                public class UserController {
                    @RequestMapping(value = "/one", method = RequestMethod.GET)
                    public String one() { return "1"; }

                    @RequestMapping(value = "/two", method = {RequestMethod.GET, RequestMethod.POST})
                    public String two() { return "2"; }

                    @RequestMapping(value = "/three", method = POST)
                    public String three() { return "3"; }

                    @RequestMapping("/any")
                    public String any() { return "*"; }

                    @RequestMapping(value = "/fq", method = org.springframework.web.bind.annotation.RequestMethod.DELETE)
                    public String fq() { return "-"; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /one", "GET /two", "POST /two", "POST /three", "ANY /any",
                "DELETE /fq");
    }

    @Test
    void unreadableRequestMethodIsAnyAndUnresolved() {
        List<Route> routes = routes(USERS, """
                @RestController
                class UserController {
                    @RequestMapping(value = "/x", method = Methods.pick())
                    String x() { return ""; }
                }
                """);

        assertThat(described(routes)).containsExactly("ANY /x x " + USERS + ":3 unresolved(Methods.pick())");
    }

    @Test
    void classWithOnlyRequestMappingIsAController() {
        List<Route> routes = routes(USERS, """
                import org.springframework.web.bind.annotation.GetMapping;
                import org.springframework.web.bind.annotation.RequestMapping;

                @RequestMapping("/legacy")
                public class LegacyController {
                    @GetMapping("/ping")
                    public String ping() { return "pong"; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /legacy/ping");
    }

    @Test
    void controllerStereotypeServesViews() {
        List<Route> routes = routes(USERS, """
                import org.springframework.stereotype.Controller;
                import org.springframework.web.bind.annotation.GetMapping;

                @Controller
                public class HomeController {
                    @GetMapping("/")
                    public String home(Model model) { return "home"; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /");
    }

    @Test
    void readsFullyQualifiedAnnotations() {
        List<Route> routes = routes(USERS, """
                @org.springframework.web.bind.annotation.RestController
                @org.springframework.web.bind.annotation.RequestMapping("/fq")
                public class FqController {
                    @org.springframework.web.bind.annotation.GetMapping("/x")
                    public String x() { return "x"; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /fq/x");
    }

    @Test
    void lineIsTheMappingAnnotationEvenWhenItSpansLinesOrSharesTheMethodLine() {
        List<Route> routes = routes(USERS, """
                @RestController
                @RequestMapping("/api")
                public class ReportController {

                    @Operation(summary = "Export",
                               description = "Exports (everything)")
                    // the export endpoint
                    @GetMapping(
                        value = "/export",   // comment inside the arguments
                        produces = { "text/csv", "application/json" }
                    )
                    /* between the annotation and the method */
                    @PreAuthorize("hasRole('ADMIN')")
                    public ResponseEntity<byte[]> export() { return null; }

                    @GetMapping("/inline") public String inline() { return "i"; }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/export export " + USERS + ":8",
                "GET /api/inline inline " + USERS + ":16");
    }

    @Test
    void joinsSlashesTheWaySpringCombinesPatterns() {
        List<Route> routes = routes(USERS, """
                @RestController
                @RequestMapping("api/")
                class SlashController {
                    @GetMapping("/users") String users() { return ""; }
                    @GetMapping("items") String items() { return ""; }
                    @GetMapping("/") String root() { return ""; }
                    @GetMapping("/trailing/") String trailing() { return ""; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /api/users", "GET /api/items", "GET /api/",
                "GET /api/trailing/");
    }

    @Test
    void mappingWithoutAnyPathIsTheRoot() {
        List<Route> routes = routes(USERS, """
                @RestController
                class RootController {
                    @GetMapping
                    String index() { return "index"; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /");
    }

    @Test
    void propertyPlaceholderUsesItsDefaultAndIsUnresolved() {
        List<Route> routes = routes(USERS, """
                @RestController
                @RequestMapping("${api.base-path:/v1}")
                class PlaceholderController {
                    @GetMapping("/users") String users() { return ""; }
                    @GetMapping("${admin.path}/stats") String stats() { return ""; }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /v1/users users " + USERS + ":4 unresolved(${api.base-path:/v1})",
                "GET /v1/stats stats " + USERS + ":5 unresolved(${api.base-path:/v1}, ${admin.path})");
    }

    @Test
    void aPlaceholderTheModulesOwnApplicationPropertiesSetTakesItsValue() {
        String pdf = "export/src/main/java/com/acme/BookPdf.java";
        String other = "billing/src/main/java/com/acme/Invoices.java";
        List<Route> routes = routes(pdf, """
                package com.acme;
                @RestController
                @RequestMapping("${export.pdf.url}/books")
                class BookPdf {
                    @GetMapping("/{id}") String one() { return ""; }
                    @GetMapping("${export.missing:/fallback}") String other() { return ""; }
                }
                """, "export/src/main/resources/application.properties", """
                export.pdf.url=${export.base}/pdf
                export.base=/export
                """, "export/src/test/resources/application.properties", "export.pdf.url=/test-only\n",
                "export/src/main/resources/application-prod.yml", "export:\n  pdf:\n    url: /prod\n",
                other, """
                package com.acme;
                @RestController
                @RequestMapping("${billing.api}")
                class Invoices {
                    @GetMapping("/invoices") String list() { return ""; }
                }
                """, "billing/src/main/resources/application.yml", """
                billing:
                  api: /billing/v2
                ---
                spring.config.activate.on-profile: local
                billing:
                  api: /local
                """);

        assertThat(described(routes)).containsExactly(
                "GET /billing/v2/invoices list " + other + ":5",
                "GET /export/pdf/books/{id} one " + pdf + ":5",
                "GET /export/pdf/books/fallback other " + pdf + ":6 unresolved(${export.missing:/fallback})");
    }

    @Test
    void placeholderDefaultNamingAConstantThroughSpelTakesTheConstant() {
        // springdoc: @GetMapping(API_DOCS_URL) with
        // API_DOCS_URL = "${springdoc.api-docs.path:#{T(org.springdoc.core.utils.Constants).DEFAULT_API_DOCS_URL}}"
        String constants = "src/main/java/org/acme/docs/Constants.java";
        String resource = "src/main/java/org/acme/docs/DocsResource.java";
        List<Route> routes = routes(constants, """
                package org.acme.docs;
                public final class Constants {
                    public static final String DEFAULT_DOCS_URL = "/v3/api-docs";
                    public static final String DOCS_URL = "${acme.docs.path:#{T(org.acme.docs.Constants).DEFAULT_DOCS_URL}}";
                    public static final String UI_PATH = "#{T(org.acme.docs.Constants).DEFAULT_DOCS_URL}/ui";
                    public static final String DEFAULT_HOME = AntPathMatcher.DEFAULT_PATH_SEPARATOR + "home.html";
                    public static final String HOME = "#{T(org.acme.docs.Constants).DEFAULT_HOME}";
                }
                """, resource, """
                package org.acme.docs;
                import static org.acme.docs.Constants.*;
                @RestController
                class DocsResource {
                    @GetMapping(DOCS_URL + "/{group}") String group() { return ""; }
                    @GetMapping(UI_PATH) String ui() { return ""; }
                    @GetMapping("#{T(org.acme.docs.Missing).PATH}/x") String missing() { return ""; }
                    @GetMapping(HOME) String home() { return ""; }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /v3/api-docs/{group} group " + resource + ":5 unresolved(${acme.docs.path:#{T(org.acme.docs.Constants).DEFAULT_DOCS_URL}})",
                "GET /v3/api-docs/ui ui " + resource + ":6",
                "GET /x missing " + resource + ":7 unresolved(#{T(org.acme.docs.Missing).PATH})",
                "GET /home.html home " + resource + ":8 unresolved(#{T(org.acme.docs.Constants).DEFAULT_HOME})");
    }

    @Test
    void actuatorControllerEndpointsServeUnderTheManagementBasePath() {
        // springdoc's OpenApiActuatorResource: @RestControllerEndpoint(id = "openapi") with
        // @GetMapping("/") and "/yaml"; version 4 took it for a plain controller at "/" and "/yaml".
        String api = "api/src/main/java/org/acme/ops/OpenApiEndpoint.java";
        String ui = "ui/src/main/java/org/acme/ops/UiEndpoint.java";
        List<Route> routes = routes(api, """
                package org.acme.ops;
                import org.springframework.boot.actuate.endpoint.web.annotation.RestControllerEndpoint;
                @RestControllerEndpoint(id = OpenApiEndpoint.ID)
                public class OpenApiEndpoint {
                    static final String ID = "openapi";
                    @GetMapping("/") String json() { return ""; }
                    @GetMapping("yaml") String yaml() { return ""; }
                    @PostMapping String refresh() { return ""; }
                }
                """, ui, """
                package org.acme.ops;
                import org.springframework.boot.actuate.endpoint.web.annotation.ControllerEndpoint;
                @ControllerEndpoint(id = "swagger-ui")
                public class UiEndpoint {
                    @GetMapping("/{page}") String page() { return ""; }
                }
                """, "ui/src/main/resources/application.properties", """
                management.endpoints.web.base-path=/manage
                management.endpoints.web.path-mapping.swagger-ui=docs
                """);

        assertThat(described(routes)).containsExactly(
                "GET /actuator/openapi/ json " + api + ":6",
                "GET /actuator/openapi/yaml yaml " + api + ":7",
                "POST /actuator/openapi refresh " + api + ":8",
                "GET /manage/docs/{page} page " + ui + ":5");
    }

    @Test
    void nestedControllerClassesAreFound() {
        List<Route> routes = routes("src/test/java/com/acme/WebTest.java", """
                class WebTest {
                    @RestController
                    @RequestMapping("/test")
                    static class TestController {
                        @GetMapping("/echo") String echo() { return "echo"; }
                    }

                    @Test
                    void echoes() throws Exception {
                        mockMvc.perform(get("/test/echo")).andExpect(status().isOk());
                    }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /test/echo");
    }

    @Test
    void overloadsWithTheSameArityAreSeparateRoutes() {
        List<Route> routes = routes(USERS, """
                @RestController
                class SearchController {
                    @GetMapping(value = "/search", params = "name")
                    List<User> search(@RequestParam String name) { return List.of(); }

                    @GetMapping(value = "/search", params = "email")
                    List<User> search(@RequestParam Email email) { return List.of(); }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /search search " + USERS + ":3",
                "GET /search search " + USERS + ":6");
    }

    @Test
    void classLevelMethodIsAddedToEveryHandler() {
        List<Route> routes = routes(USERS, """
                @RestController
                @RequestMapping(value = "/hooks", method = RequestMethod.POST)
                class HookController {
                    @RequestMapping("/github") void github() { }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("POST /hooks/github");
    }

    @Test
    void metaAnnotatedStereotypeCarriesItsPrefix() {
        List<Route> routes = routes(
                "src/main/java/com/acme/web/ApiController.java", """
                        package com.acme.web;

                        import java.lang.annotation.*;
                        import org.springframework.web.bind.annotation.RequestMapping;
                        import org.springframework.web.bind.annotation.RestController;

                        @Target(ElementType.TYPE)
                        @Retention(RetentionPolicy.RUNTIME)
                        @RestController
                        @RequestMapping("/api/v3")
                        public @interface ApiController {
                        }
                        """,
                "src/main/java/com/acme/web/OrderController.java", """
                        package com.acme.web;

                        @ApiController
                        public class OrderController {
                            @GetMapping("/orders") public List<Order> orders() { return List.of(); }
                        }
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /api/v3/orders");
    }

    @Test
    void webfluxHandlersReturningMonoAreRoutes() {
        List<Route> routes = routes(USERS, """
                @RestController
                @RequestMapping("/reactive")
                class ReactiveController {
                    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
                    public Flux<Event> stream() { return Flux.interval(Duration.ofSeconds(1)).map(Event::new); }

                    @PostMapping("/items")
                    public Mono<ResponseEntity<Item>> create(@RequestBody Mono<Item> item) {
                        return item.map(i -> ResponseEntity.ok().body(i));
                    }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /reactive/stream", "POST /reactive/items");
    }

    @Test
    void composedMappingAnnotationsOfTheRepositoryMapLikeTheirMetaAnnotation() {
        // Version 6 read only Spring's own mapping annotations: a method carrying @GetJson was no route.
        String getJson = "src/main/java/com/acme/web/GetJson.java";
        String postForm = "src/main/java/com/acme/web/PostForm.java";
        List<Route> routes = routes(getJson, """
                package com.acme.web;
                import org.springframework.core.annotation.AliasFor;
                import org.springframework.web.bind.annotation.GetMapping;
                @Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME)
                @GetMapping(produces = "application/json")
                public @interface GetJson {
                    @AliasFor(annotation = GetMapping.class) String[] value() default {};
                }
                """, postForm, """
                package com.acme.web;
                import org.springframework.web.bind.annotation.*;
                @RequestMapping(path = "/submit", method = RequestMethod.POST, consumes = "application/x-www-form-urlencoded")
                public @interface PostForm {
                }
                """, USERS, """
                package com.acme.web;
                import org.springframework.web.bind.annotation.*;
                @RestController
                @RequestMapping("/api/users")
                public class UserController {
                    @GetJson("/{id}") public User get(@PathVariable Long id) { return null; }
                    @GetJson public List<User> list() { return List.of(); }
                    @PostForm public void submit() { }
                    @Deprecated public void notMapped() { }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/users/{id} get " + USERS + ":6",
                "GET /api/users list " + USERS + ":7",
                "POST /api/users/submit submit " + USERS + ":8");
    }

    @Test
    void pathsThatJoinToOnePathGiveOneRoute() {
        // spring-data-rest's RepositoryController, mapped at the root with no type path
        List<Route> routes = routes(USERS, """
                package com.acme.web;

                import org.springframework.web.bind.annotation.*;

                @RestController
                public class RootController {

                    @RequestMapping(value = { "/", "" }, method = RequestMethod.GET)
                    public Object root() { return null; }

                    @GetMapping({ "", "/" })
                    public Object home() { return null; }
                }
                """);

        assertThat(described(routes)).containsExactly("GET / root " + USERS + ":8", "GET / home " + USERS + ":11");
    }
}
