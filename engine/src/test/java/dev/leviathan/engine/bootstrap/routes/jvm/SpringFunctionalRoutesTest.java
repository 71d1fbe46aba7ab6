package dev.leviathan.engine.bootstrap.routes.jvm;

import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.described;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.endpoints;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spring functional endpoints written in Java: the RouterFunctions builder and the older route/nest style. */
class SpringFunctionalRoutesTest {

    private static final String FILE = "src/main/java/com/acme/web/RoutesConfig.java";

    private static final String MVC_IMPORTS = """
            package com.acme.web;

            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            import org.springframework.web.servlet.function.RouterFunction;
            import org.springframework.web.servlet.function.RouterFunctions;
            import org.springframework.web.servlet.function.ServerResponse;
            import static org.springframework.web.servlet.function.RequestPredicates.*;
            import static org.springframework.web.servlet.function.RouterFunctions.route;
            import static org.springframework.http.MediaType.APPLICATION_JSON;
            """;

    private static final String FLUX_IMPORTS = """
            package com.acme.web;

            import org.springframework.context.annotation.Bean;
            import org.springframework.http.HttpMethod;
            import org.springframework.web.reactive.function.server.*;
            import static org.springframework.web.reactive.function.server.RequestPredicates.*;
            import static org.springframework.web.reactive.function.server.RouterFunctions.*;
            """;

    @Test
    void readsTheBuilderWithEveryVerb() {
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                @Configuration
                class RoutesConfig {
                    @Bean
                    RouterFunction<ServerResponse> users(UserHandler h) {
                        return RouterFunctions.route()
                                .GET("/users", h::list)
                                .HEAD("/users", h::head)
                                .POST("/users", h::create)
                                .PUT("/users/{id}", h::replace)
                                .PATCH("/users/{id}", h::update)
                                .DELETE("/users/{id}", h::delete)
                                .OPTIONS("/users", h::options)
                                .build();
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /users list " + FILE + ":16",
                "HEAD /users head " + FILE + ":17",
                "POST /users create " + FILE + ":18",
                "PUT /users/{id} replace " + FILE + ":19",
                "PATCH /users/{id} update " + FILE + ":20",
                "DELETE /users/{id} delete " + FILE + ":21",
                "OPTIONS /users options " + FILE + ":22");
        assertThat(routes).allSatisfy(r -> {
            assertThat(r.framework()).isEqualTo("spring");
            assertThat(r.resolved()).isTrue();
        });
    }

    @Test
    void readsTheStaticallyImportedBuilderWithPredicatesLambdasAndVariables() {
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                class RoutesConfig {
                    RouterFunction<ServerResponse> routes(UserHandler h, HandlerFunction<ServerResponse> health) {
                        return route()
                            .GET("/a", accept(APPLICATION_JSON), h::list)
                            .GET("/b", req -> ServerResponse.ok().build())
                            .GET("/c", (ServerRequest req) -> { return ServerResponse.ok().build(); })
                            .GET("/health", health)
                            .GET(accept(APPLICATION_JSON), h::any)
                            .route(POST("/d"), h::post)
                            .build();
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /a list " + FILE + ":14",
                "GET /b <anonymous> " + FILE + ":15",
                "GET /c <anonymous> " + FILE + ":16",
                "GET /health health " + FILE + ":17",
                "GET / any " + FILE + ":18",
                "POST /d post " + FILE + ":19");
    }

    @Test
    void concatenatesNestedPrefixesLikeSpring() {
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                class RoutesConfig {
                    RouterFunction<ServerResponse> routes(UserHandler h) {
                        return route()
                            .path("/api", b -> b
                                .nest(path("/v1"), v1 -> v1
                                    .GET("/users", h::list)
                                    .GET("", h::root))
                                .nest(RequestPredicates.path("/v2"), () -> route()
                                    .GET("/users/{id}", h::get)
                                    .build())
                                .path("/v3", b3 -> {
                                    b3.GET("/", h::slash);
                                    b3.POST("/items", h::post);
                                }))
                            .nest(accept(APPLICATION_JSON), b -> b.DELETE("/x", h::delete))
                            .build();
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/v1/users list " + FILE + ":16",
                "GET /api/v1 root " + FILE + ":17",
                "GET /api/v2/users/{id} get " + FILE + ":19",
                "GET /api/v3/ slash " + FILE + ":22",
                "POST /api/v3/items post " + FILE + ":23",
                "DELETE /x delete " + FILE + ":25");
    }

    @Test
    void readsTheOlderRouteAndNestStyle() {
        List<Route> routes = routes(FILE, FLUX_IMPORTS + """
                class RoutesConfig {
                    @Bean
                    public RouterFunction<ServerResponse> routes(PetHandler h) {
                        return RouterFunctions.route(GET("/pets"), h::list)
                            .andRoute(POST("/pets").and(accept(MediaType.APPLICATION_JSON)), h::create)
                            .andRoute(RequestPredicates.method(HttpMethod.PUT).and(RequestPredicates.path("/pets/{id}")), h::put)
                            .and(route(DELETE("/pets/{id}"), h::delete))
                            .andNest(path("/owners"), route(GET("/{id}"), h::owner)
                                .andRoute(methods(HttpMethod.GET, HttpMethod.HEAD).and(path("/all")), h::owners))
                            .and(nest(path("/vets"), route(GET(""), h::vets)))
                            .andRoute(path("/anything"), h::anything)
                            .andRoute(all(), h::fallback)
                            .andRoute(GET("/x").or(GET("/y")), h::xy);
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /pets list " + FILE + ":11",
                "POST /pets create " + FILE + ":12",
                "PUT /pets/{id} put " + FILE + ":13",
                "DELETE /pets/{id} delete " + FILE + ":14",
                "GET /owners/{id} owner " + FILE + ":15",
                "GET /owners/all owners " + FILE + ":16",
                "HEAD /owners/all owners " + FILE + ":16",
                "GET /vets vets " + FILE + ":17",
                "ANY /anything anything " + FILE + ":18",
                "ANY / fallback " + FILE + ":19",
                "GET /x xy " + FILE + ":20",
                "GET /y xy " + FILE + ":20");
    }

    @Test
    void evaluatesConstantsAndReportsWhatItCannotEvaluate() {
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                class RoutesConfig {
                    static final String API = "/api";
                    private final Props props;

                    RouterFunction<ServerResponse> routes(UserHandler h) {
                        return route()
                            .GET(API + Paths.USERS, h::list)
                            .GET(props.base() + "/x", h::x)
                            .path(prefix(), b -> b.GET("/y", h::y))
                            .nest(isAdmin(), () -> adminRoutes())
                            .route(custom(), h::custom)
                            .build();
                    }
                }
                """, "src/main/java/com/acme/web/Paths.java", """
                package com.acme.web;
                public final class Paths { public static final String USERS = "/users"; }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/users list " + FILE + ":17",
                "GET /x x " + FILE + ":18 unresolved(props.base())",
                "GET /y y " + FILE + ":19 unresolved(prefix())",
                "ANY / <anonymous> " + FILE + ":20 unresolved(isAdmin(), () -> adminRoutes())",
                "ANY / custom " + FILE + ":21 unresolved(custom())");
    }

    @Test
    void followsRouterFunctionsBuiltInAnotherMethodOfTheClass() {
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                class RoutesConfig {
                    RouterFunction<ServerResponse> routes() {
                        return route()
                            .nest(path("/api"), this::apiRoutes)
                            .add(otherRoutes())
                            .path("/v2", () -> this.apiRoutes())
                            .GET("/${not.a.placeholder}", h::x)
                            .build();
                    }

                    RouterFunction<ServerResponse> apiRoutes() {
                        return route().GET("/users", h::list).build();
                    }

                    private RouterFunction<ServerResponse> otherRoutes() {
                        RouterFunctions.Builder b = RouterFunctions.route();
                        b.POST("/other", h::other);
                        return b.build();
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /${not.a.placeholder} x " + FILE + ":17",
                "GET /api/users list " + FILE + ":22",
                "GET /v2/users list " + FILE + ":22",
                "POST /other other " + FILE + ":27");
    }

    @Test
    void fillsTheBuilderAConsumerMethodIsGiven() {
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                class RoutesConfig {
                    @Bean
                    RouterFunction<ServerResponse> routes() {
                        return route().path("/api", this::apiRoutes).build();
                    }

                    @Bean
                    RouterFunction<ServerResponse> admin() {
                        RouterFunctions.Builder builder = route();
                        adminRoutes(builder);
                        return builder.nest(path("/nested"), b -> adminRoutes(b)).build();
                    }

                    private void apiRoutes(RouterFunctions.Builder builder) {
                        builder.GET("/users", h::list)
                               .POST("/users", h::create);
                    }

                    private void adminRoutes(RouterFunctions.Builder b) {
                        b.DELETE("/cache", h::evict);
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/users list " + FILE + ":25",
                "POST /api/users create " + FILE + ":26",
                "DELETE /cache evict " + FILE + ":30",
                "DELETE /nested/cache evict " + FILE + ":30");
    }

    @Test
    void reportsABuilderMethodNobodyIsSeenToFillWithoutItsPrefix() {
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                class RoutesConfig {
                    void register(RouterFunctions.Builder builder) {
                        builder.GET("/health", h::health);
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /health health " + FILE + ":13 unresolved(builder)");
    }

    @Test
    void followsABeanComposingOtherMethodsAndStaticMethodsOfOtherFiles() {
        String admin = "src/main/java/com/acme/web/AdminRoutes.java";
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                @Configuration
                class RoutesConfig {
                    @Bean
                    RouterFunction<ServerResponse> all() {
                        return RouterFunctions.nest(path("/v1"), users().and(AdminRoutes.routes()));
                    }

                    @Bean
                    RouterFunction<ServerResponse> same() {
                        return users();
                    }

                    @Bean
                    RouterFunction<ServerResponse> byReference() {
                        return route().nest(path("/ref"), AdminRoutes::routes).build();
                    }

                    RouterFunction<ServerResponse> users() {
                        return route(GET("/users"), h::list);
                    }
                }
                """, admin, MVC_IMPORTS + """
                final class AdminRoutes {
                    static RouterFunction<ServerResponse> routes() {
                        return route().GET("/admin", h::admin).build();
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /ref/admin admin " + admin + ":13",
                "GET /v1/admin admin " + admin + ":13",
                "GET /users list " + FILE + ":29",
                "GET /v1/users list " + FILE + ":29");
    }

    @Test
    void aBeanIncludedInAnotherStillServesItsOwnRoutes() {
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                @Configuration
                class RoutesConfig {
                    @Bean
                    RouterFunction<ServerResponse> users() {
                        return route(GET("/users"), h::list);
                    }

                    @Bean
                    RouterFunction<ServerResponse> versioned() {
                        return RouterFunctions.nest(path("/v1"), users());
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /users list " + FILE + ":15",
                "GET /v1/users list " + FILE + ":15");
    }

    @Test
    void keepsThePrefixMarkerForARecursiveOrUnknownMethod() {
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                class RoutesConfig {
                    RouterFunction<ServerResponse> routes() {
                        return route()
                            .nest(path("/loop"), this::routes)
                            .add(props.routes())
                            .nest(path("/none"), this::noRouterCode)
                            .GET("/a", h::a)
                            .build();
                    }

                    RouterFunction<ServerResponse> noRouterCode() {
                        return props.other();
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "ANY /loop routes " + FILE + ":14 unresolved(this::routes)",
                "ANY /none noRouterCode " + FILE + ":16 unresolved(this::noRouterCode)",
                "GET /a a " + FILE + ":17");
    }

    @Test
    void addsKnownRouterFunctionsToABuilderOnce() {
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                class RoutesConfig {
                    RouterFunction<ServerResponse> routes(UserHandler h) {
                        RouterFunction<ServerResponse> extra = route(GET("/extra"), h::extra);
                        return route()
                            .add(extra)
                            .path("/api", b -> b.add(route(DELETE("/{id}"), h::delete)))
                            .build();
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /extra extra " + FILE + ":13",
                "DELETE /api/{id} delete " + FILE + ":16");
    }

    @Test
    void followsABuilderHeldInALocal() {
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                class RoutesConfig {
                    RouterFunction<ServerResponse> routes(UserHandler h, boolean admin) {
                        RouterFunctions.Builder builder = RouterFunctions.route();
                        builder.GET("/a", h::a);
                        if (admin) {
                            builder.POST("/admin", h::admin);
                        }
                        return builder.build();
                    }

                    RouterFunction<ServerResponse> nested(UserHandler h) {
                        RouterFunction<ServerResponse> inner = route(GET("/{id}"), h::get);
                        return RouterFunctions.nest(path("/things"), inner);
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /a a " + FILE + ":14",
                "POST /admin admin " + FILE + ":16",
                "GET /things/{id} get " + FILE + ":22");
    }

    @Test
    void aLocalBuilderIsNotAnotherMethodsParameterOfTheSameName() {
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                class RoutesConfig {
                    RouterFunction<ServerResponse> a(UserHandler h) {
                        var builder = route();
                        builder.GET("/a", h::a);
                        return RouterFunctions.nest(path("/x"), builder.build());
                    }

                    void configure(RouterFunctions.Builder builder) {
                        builder.GET("/b", h::b);
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /x/a a " + FILE + ":14",
                "GET /b b " + FILE + ":19 unresolved(builder)");
    }

    @Test
    void readsCommentsGenericsAndOddLayout() {
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                class RoutesConfig {
                    @Bean
                    public RouterFunction<ServerResponse> routes(UserHandler h) {
                        return RouterFunctions.<ServerResponse>route() // the builder
                            /* users */ .GET("/users", h::list)
                            // .GET("/commented-out", h::gone)
                            .POST(
                                "/users",
                                h::create
                            )
                            .filter((request, next) -> next.handle(request))
                            .build();
                    }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /users", "POST /users");
        assertThat(routes.get(1).line()).isEqualTo(17);
    }

    @Test
    void readsFullyQualifiedRouterFunctions() {
        List<Route> routes = routes(FILE, """
                package com.acme.web;
                class RoutesConfig {
                    org.springframework.web.servlet.function.RouterFunction<?> r(UserHandler h) {
                        return org.springframework.web.servlet.function.RouterFunctions.route()
                            .GET("/q", h::q).build();
                    }
                }
                """);

        assertThat(described(routes)).containsExactly("GET /q q " + FILE + ":5");
    }

    @Test
    void ignoresRouteCallsOfOtherLibraries() {
        List<Route> routes = routes(FILE, """
                package com.acme.web;
                import org.apache.camel.builder.RouteBuilder;
                class Camel extends RouteBuilder {
                    void configure() { from("direct:a").route().GET("/not-spring", x).build(); route(GET("/no"), h); }
                }
                """, "src/main/java/com/acme/web/Other.java", """
                package com.acme.web;
                import org.springframework.web.servlet.function.ServerResponse;
                class Other {
                    void configure() { route().GET("/not-spring-either", h::x).build(); }
                }
                """);

        assertThat(routes).isEmpty();
    }

    @Test
    void annotatedControllersAndFunctionalRoutesAreBothReported() {
        List<Route> routes = routes(FILE, MVC_IMPORTS + """
                @org.springframework.web.bind.annotation.RestController
                class RoutesConfig {
                    @org.springframework.web.bind.annotation.GetMapping("/annotated") String a() { return "a"; }

                    @Bean RouterFunction<ServerResponse> fn() { return route().GET("/functional", r -> null).build(); }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /annotated", "GET /functional");
    }
}
