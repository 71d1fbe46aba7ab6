package dev.leviathan.engine.bootstrap.routes.jvm;

import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.described;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.endpoints;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spring functional endpoints written in Kotlin: the router {} / coRouter {} DSLs and the builder. */
class SpringKotlinFunctionalRoutesTest {

    private static final String FILE = "src/main/kotlin/com/acme/web/Routes.kt";

    private static final String IMPORTS = """
            package com.acme.web

            import org.springframework.context.annotation.Bean
            import org.springframework.context.annotation.Configuration
            import org.springframework.http.MediaType.APPLICATION_JSON
            import org.springframework.web.servlet.function.router
            """;

    @Test
    void followsRoutersOfOtherFunctionsAndTopLevelFunctions() {
        List<Route> routes = routes(FILE, IMPORTS + """
                class Routes(private val h: UserHandler) {
                    @Bean
                    fun routes() = router {
                        "/api".nest {
                            add(users())
                            add(admin())
                        }
                    }

                    private fun users() = router {
                        GET("/users", h::list)
                    }
                }

                fun admin(): RouterFunction<ServerResponse> = router {
                    DELETE("/cache") { ok().build() }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/users list " + FILE + ":17",
                "DELETE /api/cache <anonymous> " + FILE + ":22");
    }

    @Test
    void fillsTheBuilderAFunctionReferenceIsGiven() {
        List<Route> routes = routes(FILE, IMPORTS + """
                class Routes(private val h: UserHandler) {
                    @Bean
                    fun routes() = RouterFunctions.route().path("/api", ::api).build()

                    private fun api(b: RouterFunctions.Builder) {
                        b.GET("/users", h::list)
                    }
                }
                """);

        assertThat(described(routes)).containsExactly("GET /api/users list " + FILE + ":12");
    }

    @Test
    void readsTheRouterDsl() {
        List<Route> routes = routes(FILE, IMPORTS + """
                @Configuration
                class Routes(private val h: UserHandler) {
                    @Bean
                    fun routes() = router {
                        GET("/users", h::list)
                        POST("/users") { req -> ok().build() }
                        GET("/users/{id}", accept(APPLICATION_JSON), h::get)
                        DELETE("/users/{id}", accept(APPLICATION_JSON)) { ok().build() }
                        PUT("/users/{id}", ::replace)
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /users list " + FILE + ":11",
                "POST /users <anonymous> " + FILE + ":12",
                "GET /users/{id} get " + FILE + ":13",
                "DELETE /users/{id} <anonymous> " + FILE + ":14",
                "PUT /users/{id} replace " + FILE + ":15");
    }

    @Test
    void nestsWithStringsPredicatesAndCombinations() {
        List<Route> routes = routes(FILE, IMPORTS + """
                val routes = router {
                    "/api".nest {
                        GET("/x") { ok().build() }
                        (accept(APPLICATION_JSON) and "/v1").nest {
                            GET("/users", h::list)
                            path("/deep").nest {
                                POST("", h::create)
                            }
                        }
                        accept(APPLICATION_JSON).nest {
                            PATCH("/p", h::patch)
                        }
                    }
                    "/plain" { ok().build() }
                    (GET("/a") or GET("/b")) { ok().build() }
                    GET("/c").invoke(h::c)
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/x <anonymous> " + FILE + ":9",
                "GET /api/v1/users list " + FILE + ":11",
                "POST /api/v1/deep create " + FILE + ":13",
                "PATCH /api/p patch " + FILE + ":17",
                "ANY /plain <anonymous> " + FILE + ":20",
                "GET /a <anonymous> " + FILE + ":21",
                "GET /b <anonymous> " + FILE + ":21",
                "GET /c c " + FILE + ":22");
    }

    @Test
    void readsCoRouterWithConstantsAndLocalPredicates() {
        List<Route> routes = routes(FILE, """
                package com.acme.web

                import org.springframework.web.reactive.function.server.*

                const val API = "/api"

                class Routes(private val config: Config) {
                    companion object { const val USERS = "/users" }

                    fun coRoutes() = coRouter {
                        val users = POST(API + USERS) or GET("$API$USERS")
                        val notSocket = headers { it.upgrade() }.not()
                        (users and notSocket).invoke { req -> ok().buildAndAwait() }
                        GET(config.endpoint) { ok().buildAndAwait() }
                        API.nest { GET("/k", ::k) }
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/users <anonymous> " + FILE + ":11",
                "POST /api/users <anonymous> " + FILE + ":11",
                "GET / <anonymous> " + FILE + ":14 unresolved(config.endpoint)",
                "GET /api/k k " + FILE + ":15");
    }

    @Test
    void readsTheBuilderFromKotlin() {
        List<Route> routes = routes(FILE, """
                package com.acme.web

                import org.springframework.web.servlet.function.RouterFunctions
                import org.springframework.web.servlet.function.RequestPredicates.path

                class Routes {
                    fun routes(h: UserHandler): RouterFunction<ServerResponse> = RouterFunctions.route()
                        .GET("/a", h::a)
                        .path("/api") { builder ->
                            builder.GET("/b", h::b)
                        }
                        .nest(path("/n")) { it.POST("/c", h::c) }
                        .build()
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /a a " + FILE + ":8",
                "GET /api/b b " + FILE + ":10",
                "POST /n/c c " + FILE + ":12");
    }

    @Test
    void keepsRoutesInsideConditionalsAndLoopsOfTheDsl() {
        List<Route> routes = routes(FILE, IMPORTS + """
                fun routes(admin: Boolean) = router {
                    if (admin) {
                        GET("/admin", h::admin)
                    } else {
                        GET("/guest", h::guest)
                    }
                    listOf("/one", "/two").forEach { p -> GET(p, h::each) }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /admin", "GET /guest", "GET /");
        assertThat(routes.get(2).resolved()).isFalse();
        assertThat(routes.get(2).rawExpression()).isEqualTo("p");
    }

    @Test
    void needsTheDslToBeSpringsOwn() {
        List<Route> routes = routes(FILE, """
                package com.acme.web
                import io.ktor.server.routing.*
                fun Application.module() = routing { router { GET("/ktor") { } } }
                """);

        assertThat(routes).isEmpty();
    }
}
