package dev.leviathan.engine.bootstrap.routes.python;

import static dev.leviathan.engine.bootstrap.routes.python.PythonRepo.repo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import org.junit.jupiter.api.Test;

class StarletteRoutesTest {

    @Test
    void routeTableOfAStarletteAppGivesEachRouteAndNestedMountsUnderTheirPaths() {
        assertThat(repo().file("app.py", """
                from starlette.applications import Starlette
                from starlette.routing import Mount, Route, WebSocketRoute
                from starlette.staticfiles import StaticFiles

                async def homepage(request): ...
                async def users(request): ...
                async def user(request): ...
                async def ping(request): ...
                async def feed(websocket): ...

                routes = [
                    Route("/", homepage),
                    Route("/users", users, methods=["GET", "POST"]),
                    WebSocketRoute("/feed", feed),
                    Mount("/api", routes=[
                        Route("/users/{id:int}", user, methods=["DELETE"]),
                        Mount("/v1", routes=[Route("/ping", ping)]),
                    ]),
                    Mount("/static", StaticFiles(directory="static"), name="static"),
                ]

                app = Starlette(debug=True, routes=routes)
                """).described()).containsExactlyInAnyOrder(
                        "GET / app.py:12 homepage",
                        "GET /users app.py:13 users",
                        "POST /users app.py:13 users",
                        "WEBSOCKET /feed app.py:14 feed",
                        "DELETE /api/users/{id:int} app.py:16 user",
                        "GET /api/v1/ping app.py:17 ping");
    }

    @Test
    void anHttpEndpointClassServesTheVerbsItDefines() {
        assertThat(repo().file("app.py", """
                from starlette.applications import Starlette
                from starlette.endpoints import HTTPEndpoint
                from starlette.routing import Route

                class Items(HTTPEndpoint):
                    async def get(self, request): ...
                    async def put(self, request): ...

                app = Starlette(routes=[Route("/items", Items)])
                app.add_route("/more", Items)
                """).described()).containsExactlyInAnyOrder(
                        "GET /items app.py:9 Items",
                        "PUT /items app.py:9 Items",
                        "GET /more app.py:10 Items",
                        "PUT /more app.py:10 Items");
    }

    @Test
    void aFastApiAppsTableAndASubApplicationMountedInItAreRoutes() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI
                from fastapi.routing import APIRoute
                from starlette.routing import Mount, Router, Route

                async def health(): ...
                async def report(): ...
                async def legacy(request): ...

                sub = FastAPI()

                @sub.get("/status")
                def status(): ...

                old = Router([Route("/legacy", legacy)])

                app = FastAPI(routes=[
                    APIRoute("/health", health),
                    APIRoute("/report", report, methods=["POST"]),
                    Mount("/sub", app=sub),
                    Mount("/old", old),
                ])
                """).described()).containsExactlyInAnyOrder(
                        "GET /health main.py:17 health",
                        "POST /report main.py:18 report",
                        "GET /sub/status main.py:11 status",
                        "GET /old/legacy main.py:14 legacy");
    }

    @Test
    void tablesJoinedWithPlusAndSpreadAreRead() {
        assertThat(repo().file("app.py", """
                from starlette.applications import Starlette
                from starlette.routing import Route

                async def a(request): ...
                async def b(request): ...
                async def c(request): ...

                health = Route("/health", c)
                base = [Route("/a", a)]
                extra = [Route("/b", b)]
                app = Starlette(routes=base + [*extra, health])
                """).endpoints()).containsExactlyInAnyOrder("GET /a", "GET /b", "GET /health");
    }

    @Test
    void aTableOrAnEntryThatCannotBeReadIsOneUnresolvedRoute() {
        Route table = repo().file("app.py", """
                from starlette.applications import Starlette
                from plugins import plugin_routes

                app = Starlette(routes=plugin_routes())
                """).routes().getFirst();
        assertThat(table.method()).isEqualTo("ANY");
        assertThat(table.resolved()).isFalse();
        assertThat(table.rawExpression()).isEqualTo("plugin_routes()");
        assertThat(table.path()).isEqualTo("/");
        assertThat(repo().file("app.py", """
                from starlette.applications import Starlette
                from starlette.routing import Mount, Route
                from plugins import routes_of

                async def a(request): ...

                app = Starlette(routes=[Route("/a", a), Mount("/p", routes=[*routes_of("p")])])
                """).routes()).extracting(r -> r.method() + " " + r.path() + " " + r.resolved() + " " + r.rawExpression())
                .containsExactlyInAnyOrder("GET /a true null", "ANY /p false *routes_of(\"p\")");
    }

    @Test
    void aStarletteAppsDecoratorsAndMountsAreRoutesAsAFastApiAppsAre() {
        assertThat(repo().file("app.py", """
                from starlette.applications import Starlette

                app = Starlette()
                admin = Starlette()

                @app.route("/login", methods=["POST"])
                async def login(request): ...

                @admin.websocket_route("/events")
                async def events(ws): ...

                app.mount("/admin", admin)
                """).described()).containsExactlyInAnyOrder(
                        "POST /login app.py:6 login",
                        "WEBSOCKET /admin/events app.py:9 events");
    }
}
