package dev.leviathan.engine.bootstrap.routes.python;

import static dev.leviathan.engine.bootstrap.routes.python.PythonRepo.repo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class FastApiRoutesTest {

    @Test
    void routeDecoratorsOnAHelpersTypedAppParameterAreRoutesOfTheAppItIsGiven() {
        assertThat(repo()
                .file("main.py", """
                        from fastapi import FastAPI, APIRouter
                        from routes import include_health

                        app = FastAPI()
                        api = APIRouter(prefix="/api")
                        include_health(app)
                        include_health(api, "/v2")
                        app.include_router(api)
                        """)
                .file("routes.py", """
                        from fastapi import FastAPI

                        def include_health(app: FastAPI, base: str = ""):
                            @app.get(base + "/health")
                            async def health():
                                return {"ok": True}
                        """).described()).containsExactlyInAnyOrder(
                                "GET /api/v2/health routes.py:4 health",
                                "GET /health routes.py:4 health");
    }

    @Test
    void everyVerbDecoratorOnTheAppIsARoute() {
        List<String> endpoints = repo().file("main.py", """
                from fastapi import FastAPI

                app = FastAPI(title="Shop")

                @app.get("/items")
                def list_items(): ...

                @app.post("/items")
                def create_item(): ...

                @app.put("/items/{item_id}")
                def replace_item(item_id: int): ...

                @app.delete("/items/{item_id}")
                def delete_item(item_id: int): ...

                @app.patch("/items/{item_id}")
                def patch_item(item_id: int): ...

                @app.options("/items")
                def options_items(): ...

                @app.head("/items")
                def head_items(): ...

                @app.trace("/items")
                def trace_items(): ...
                """).endpoints();
        assertThat(endpoints).containsExactly("GET /items", "POST /items", "PUT /items/{item_id}",
                "DELETE /items/{item_id}", "PATCH /items/{item_id}", "OPTIONS /items", "HEAD /items", "TRACE /items");
    }

    @Test
    void addApiRouteInLoopsOverLiteralsGivesOneRoutePerElement() {
        // glances: routes added from a dict of path -> handler and from a list of paths.
        assertThat(repo().file("api.py", """
                from fastapi import APIRouter, FastAPI

                router = APIRouter(prefix="/api/4")
                ROUTES = {"/status": status, "/config": config}
                for path, endpoint in {"/pluginslist": plugins, "/all": everything}.items():
                    router.add_api_route(path, endpoint)
                for path, endpoint in ROUTES.items():
                    router.add_api_route(path, endpoint, methods=["GET", "HEAD"])
                for path in ["/a", "/b"]:
                    router.add_api_route(path, shared)
                app = FastAPI()
                app.include_router(router)
                """).described()).containsExactlyInAnyOrder(
                "GET /api/4/pluginslist api.py:6 plugins", "GET /api/4/all api.py:6 everything",
                "GET /api/4/status api.py:8 status", "HEAD /api/4/status api.py:8 status",
                "GET /api/4/config api.py:8 config", "HEAD /api/4/config api.py:8 config",
                "GET /api/4/a api.py:10 shared", "GET /api/4/b api.py:10 shared");
    }

    @Test
    void aClassAttributeReadThroughSelfIsResolvedAndAPrefixReassignedAtRunTimeIsNot() {
        List<Route> routes = repo().file("server.py", """
                from fastapi import APIRouter, FastAPI

                class Server:
                    VER = "4"

                    def __init__(self, cfg):
                        self.prefix = ""
                        if cfg:
                            self.prefix = cfg.get("prefix")
                        self.app = FastAPI()
                        self.app.include_router(self.make())
                        self.app.include_router(self.other())

                    def make(self):
                        r = APIRouter()
                        r.add_api_route(f"/api/{self.VER}/status", self.status)
                        return r

                    def other(self):
                        r = APIRouter(prefix=self.prefix)
                        r.add_api_route("/ping", self.ping)
                        return r

                Server(None)
                """).routes();
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.resolved() + " " + r.rawExpression())
                .containsExactlyInAnyOrder("GET /api/4/status true null", "GET /ping false self.prefix");
    }

    @Test
    void routesARouterSubclassDeclaresOnItselfAreRoutesOfItsInstances() {
        // rdflib-endpoint: class SparqlRouter(APIRouter) declares its routes in __init__.
        assertThat(repo().file("endpoint.py", """
                from fastapi import APIRouter, FastAPI

                class SparqlRouter(APIRouter):
                    def __init__(self, path: str = "/", **kwargs):
                        super().__init__(**kwargs)

                        @self.get(path)
                        async def query():
                            return {}

                        @self.post(path)
                        async def post_query():
                            return {}

                app = FastAPI()
                app.include_router(SparqlRouter(), prefix="/sparql")
                app.include_router(SparqlRouter("/q"), prefix="/other")
                """).described()).containsExactlyInAnyOrder(
                "GET /sparql/ endpoint.py:7 query", "POST /sparql/ endpoint.py:11 post_query",
                "GET /other/q endpoint.py:7 query", "POST /other/q endpoint.py:11 post_query");
    }

    @Test
    void asyncHandlerWithMultiLineDecoratorIsDeclaredOnTheDecoratorLine() {
        List<Route> routes = repo().file("app/main.py", """
                from fastapi import FastAPI, status

                app = FastAPI()


                @app.post(
                    "/orders",
                    status_code=status.HTTP_201_CREATED,
                    response_model=Order,
                )
                async def create_order(order: Order) -> Order:
                    return order
                """).routes();
        assertThat(routes).containsExactly(
                new Route("fastapi", "POST", "/orders", true, null, "app/main.py", 6, "create_order"));
    }

    @Test
    void pathMayBeGivenAsKeyword() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI
                app = FastAPI()

                @app.get(path="/health", include_in_schema=False)
                def health(): return {"ok": True}
                """).endpoints()).containsExactly("GET /health");
    }

    @Test
    void stackedDecoratorsGiveOneRouteEachThroughOtherDecorators() {
        assertThat(repo().file("main.py", """
                from functools import lru_cache
                from fastapi import FastAPI
                app = FastAPI()

                @app.get("/")
                @app.get("/index")
                @lru_cache
                @app.head("/", include_in_schema=False)
                async def index(): ...
                """).described()).containsExactly("GET / main.py:5 index", "GET /index main.py:6 index",
                "HEAD / main.py:8 index");
    }

    @Test
    void apiRouteGivesOneRoutePerMethodAndDefaultsToGet() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI
                app = FastAPI()

                @app.api_route("/proxy/{path:path}", methods=["GET", "post", "PUT"])
                async def proxy(path: str): ...

                @app.api_route("/ping")
                async def ping(): ...
                """).endpoints()).containsExactly("GET /proxy/{path:path}", "POST /proxy/{path:path}",
                "PUT /proxy/{path:path}", "GET /ping");
    }

    @Test
    void addApiRouteRegistersTheEndpointByReference() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI, APIRouter
                from . import handlers

                app = FastAPI()
                router = APIRouter(prefix="/admin")

                app.add_api_route("/status", handlers.status)
                router.add_api_route("/users", handlers.list_users, methods=["GET", "POST"])
                app.add_api_route("/lambda", lambda: {"ok": True}, methods=["DELETE"])
                """).described()).containsExactly("GET /status main.py:7 handlers.status",
                "GET /admin/users main.py:8 handlers.list_users", "POST /admin/users main.py:8 handlers.list_users",
                "DELETE /lambda main.py:9 <anonymous>");
    }

    @Test
    void websocketRoutesHaveTheWebsocketMethod() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI, APIRouter, WebSocket
                app = FastAPI()
                router = APIRouter(prefix="/live")

                @app.websocket("/ws")
                async def ws(websocket: WebSocket): ...

                @router.websocket("/feed")
                async def feed(websocket: WebSocket): ...

                app.include_router(router)
                """).endpoints()).containsExactly("WEBSOCKET /ws", "WEBSOCKET /live/feed");
    }

    @Test
    void routerOwnPrefixKeepsTheTrailingSlashOfTheRoutePath() {
        assertThat(repo().file("items.py", """
                from fastapi import APIRouter
                router = APIRouter(prefix="/items", tags=["items"])

                @router.get("/")
                async def list_items(): ...

                @router.get("")
                async def list_items_no_slash(): ...

                @router.get("/{item_id}")
                async def read_item(item_id: str): ...
                """).endpoints()).containsExactly("GET /items/", "GET /items", "GET /items/{item_id}");
    }

    @Test
    void includePrefixAndRouterPrefixCompose() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI, APIRouter

                users = APIRouter(prefix="/users")
                v1 = APIRouter(prefix="/v1")
                app = FastAPI()

                @users.get("/{user_id}")
                def get_user(user_id: int): ...

                v1.include_router(users, prefix="/accounts")
                app.include_router(v1, prefix="/api")
                """).endpoints()).containsExactly("GET /api/v1/accounts/users/{user_id}");
    }

    @Test
    void aliasedAndQualifiedImportsOfTheRouterClassCount() {
        assertThat(repo().file("main.py", """
                import fastapi
                from fastapi import APIRouter as R
                from fastapi.routing import APIRouter as RoutingRouter

                a = R(prefix="/a")
                b = fastapi.APIRouter(prefix="/b")
                c = RoutingRouter(prefix="/c")
                app = fastapi.FastAPI()

                @a.get("/x")
                def ax(): ...

                @b.get("/x")
                def bx(): ...

                @c.get("/x")
                def cx(): ...
                """).endpoints()).containsExactly("GET /a/x", "GET /b/x", "GET /c/x");
    }

    @Test
    void routerMountedTwiceGivesItsRoutesOncePerMount() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI, APIRouter
                router = APIRouter()
                app = FastAPI()

                @router.get("/items")
                def items(): ...

                app.include_router(router, prefix="/v1")
                app.include_router(router, prefix="/v2", deprecated=True)
                """).endpoints()).containsExactly("GET /v1/items", "GET /v2/items");
    }

    @Test
    void prefixesComeFromConstantsAndFStrings() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI, APIRouter
                API_PREFIX = "/api"
                VERSION = "v1"
                BASE = f"{API_PREFIX}/{VERSION}"
                ITEMS = BASE + "/items"

                router = APIRouter(prefix=ITEMS)
                app = FastAPI()

                @router.get(f"/{{item_id}}/tags")
                def tags(item_id: int): ...

                app.include_router(router)
                """).endpoints()).containsExactly("GET /api/v1/items/{item_id}/tags");
    }

    @Test
    void unresolvedPrefixIsReportedWithItsSourceText() {
        List<Route> routes = repo().file("main.py", """
                import os
                from fastapi import FastAPI, APIRouter
                router = APIRouter()
                app = FastAPI()

                @router.get("/items")
                def items(): ...

                app.include_router(router, prefix=os.getenv("API_PREFIX", "/api"))
                """).routes();
        assertThat(routes).containsExactly(new Route("fastapi", "GET", "/items", false,
                "os.getenv(\"API_PREFIX\", \"/api\")", "main.py", 6, "items"));
    }

    @Test
    void partiallyStaticFStringKeepsItsStaticParts() {
        Route route = repo().file("main.py", """
                from fastapi import FastAPI
                app = FastAPI()

                @app.get(f"/{get_version()}/status")
                def status(): ...
                """).routes().get(0);
        assertThat(route.path()).isEqualTo("/status");
        assertThat(route.resolved()).isFalse();
        assertThat(route.rawExpression()).isEqualTo("f\"/{get_version()}/status\"");
    }

    @Test
    void unresolvedMethodsGiveOneAnyRoute() {
        Route route = repo().file("main.py", """
                from fastapi import FastAPI
                app = FastAPI()

                @app.api_route("/echo", methods=allowed_methods())
                def echo(): ...
                """).routes().get(0);
        assertThat(route.method()).isEqualTo("ANY");
        assertThat(route.resolved()).isFalse();
        assertThat(route.rawExpression()).isEqualTo("allowed_methods()");
    }

    @Test
    void methodsMayComeFromAConstantList() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI
                app = FastAPI()
                WRITE = ("POST", "PUT")

                @app.api_route("/things", methods=WRITE)
                def things(): ...
                """).endpoints()).containsExactly("POST /things", "PUT /things");
    }

    @Test
    void appFromAFactoryFunctionIsTheSameApp() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI, APIRouter

                router = APIRouter()

                @router.get("/ping")
                def ping(): ...

                def get_application() -> FastAPI:
                    application = FastAPI(title="svc")
                    application.include_router(router, prefix="/api")
                    return application

                app = get_application()

                @app.get("/health")
                def health(): ...
                """).endpoints()).containsExactly("GET /api/ping", "GET /health");
    }

    @Test
    void routersIncludedInALoopOverAListAreEachMounted() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI, APIRouter
                a = APIRouter(prefix="/a")
                b = APIRouter(prefix="/b")

                @a.get("/x")
                def ax(): ...

                @b.get("/y")
                def by(): ...

                ROUTERS = [a, b]
                app = FastAPI()
                for r in ROUTERS:
                    app.include_router(r, prefix="/api")
                """).endpoints()).containsExactly("GET /api/a/x", "GET /api/b/y");
    }

    @Test
    void subApplicationMountedUnderAPath() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI
                from fastapi.staticfiles import StaticFiles
                app = FastAPI()
                v2 = FastAPI()

                @v2.get("/items")
                def items(): ...

                app.mount("/v2", v2)
                app.mount("/static", StaticFiles(directory="static"), name="static")
                """).endpoints()).containsExactly("GET /v2/items");
    }

    @Test
    void typedParameterIsARouter() {
        assertThat(repo().file("routes.py", """
                from fastapi import FastAPI

                def register(app: FastAPI) -> None:
                    @app.get("/health")
                    async def health(): ...
                """).endpoints()).containsExactly("GET /health");
    }

    @Test
    void includeOnAnUntypedParameterStillAppliesItsPrefix() {
        assertThat(repo().file("setup.py", """
                from fastapi import APIRouter
                router = APIRouter(prefix="/users")

                @router.get("/me")
                def me(): ...

                def init_routers(app):
                    app.include_router(router, prefix="/api")
                """).endpoints()).containsExactly("GET /api/users/me");
    }

    @Test
    void routesInsideConditionalsAndTryBlocksCount() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI
                app = FastAPI()
                if settings.DEBUG:
                    @app.get("/debug")
                    def debug(): ...
                try:
                    import extra
                except ImportError:
                    pass
                else:
                    @app.get("/extra")
                    def extra_route(): ...
                """).endpoints()).containsExactly("GET /debug", "GET /extra");
    }

    @Test
    void subclassOfApiRouterIsARouter() {
        assertThat(repo().file("main.py", """
                from fastapi import APIRouter

                class TimedRouter(APIRouter):
                    pass

                router = TimedRouter(prefix="/t")

                @router.get("/x")
                def x(): ...
                """).endpoints()).containsExactly("GET /t/x");
    }

    @Test
    void routeTextInCommentsAndDocstringsIsNotARoute() {
        assertThat(repo().file("main.py", """
                '''Service.

                @app.get("/in-docstring")
                def nope(): ...
                '''
                from fastapi import FastAPI
                app = FastAPI()
                # @app.get("/commented")
                # def commented(): ...
                EXAMPLE = '@app.get("/in-string")'

                def f():
                    \"""@app.post("/in-function-docstring")\"""
                """).routes()).isEmpty();
    }

    @Test
    void clientAndHttpLibraryCallsAreNotRoutes() {
        assertThat(repo().file("tests/test_items.py", """
                import requests
                import httpx
                from fastapi.testclient import TestClient
                from app.main import app

                client = TestClient(app)

                def test_items():
                    response = client.get("/items")
                    client.post("/items", json={})
                    requests.get("http://example.com/x")
                    httpx.delete("/y")
                    cache = {}
                    cache.get("/z")

                @pytest.mark.get("/not-a-route")
                def test_marked(): ...
                """).routes()).isEmpty();
    }

    @Test
    void decoratorsOnObjectsThatAreNotRoutersAreIgnored() {
        assertThat(repo().file("main.py", """
                from sanic import Sanic
                app = Sanic("x")

                @app.get("/sanic")
                async def handler(request): ...

                @router.get("/undefined-router")
                def orphan(): ...
                """).routes()).isEmpty();
    }

    @Test
    void starImportOfFastApiStillNamesTheApp() {
        assertThat(repo().file("main.py", """
                from fastapi import *
                app = FastAPI()

                @app.get("/star")
                def star(): ...
                """).endpoints()).containsExactly("GET /star");
    }

    @Test
    void routerReturnedByAFunctionAndIncludedDirectly() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI, APIRouter

                def build_router() -> APIRouter:
                    router = APIRouter(prefix="/built")

                    @router.get("/x")
                    def x(): ...

                    return router

                app = FastAPI()
                app.include_router(build_router(), prefix="/api")
                """).endpoints()).containsExactly("GET /api/built/x");
    }

    @Test
    void loopOverTuplesWithAnFStringPrefixOfTheLoopVariable() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI, APIRouter
                API_PREFIX = "/api"
                password_router = APIRouter()
                cve_router = APIRouter()

                @password_router.get("/check")
                def check(): ...

                @cve_router.post("/scan")
                def scan(): ...

                _services = [
                    ("password-iq", password_router, "Password intelligence"),
                    ("cve-scan", cve_router, "CVE scanning"),
                ]
                app = FastAPI()
                for path, router, _label in _services:
                    app.include_router(router, prefix=f"{API_PREFIX}/{path}", tags=[path])
                """).endpoints()).containsExactly("GET /api/password-iq/check", "POST /api/cve-scan/scan");
    }

    @Test
    void helperFunctionMountsOncePerCallWithItsArguments() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI
                from routers import auth, users

                app = FastAPI()
                API_V1 = "/api/v1"
                API_LEGACY = "/api"

                def _include(router, path: str, **kwargs):
                    app.include_router(router, prefix=f"{API_V1}{path}", **kwargs)
                    app.include_router(router, prefix=f"{API_LEGACY}{path}", **kwargs)

                _include(auth.router, "/auth", tags=["Authentication"])
                _include(users.router, path="/users")
                """).file("routers/auth.py", """
                from fastapi import APIRouter
                router = APIRouter()

                @router.post("/login")
                def login(): ...
                """).file("routers/users.py", """
                from fastapi import APIRouter
                router = APIRouter()

                @router.get("/me")
                def me(): ...
                """).endpoints()).containsExactly("POST /api/auth/login", "POST /api/v1/auth/login",
                "GET /api/users/me", "GET /api/v1/users/me");
    }

    @Test
    void routesAddedToTheAppsOwnRouterAreTheAppsRoutes() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI
                app = FastAPI()
                app.router.add_api_route("/ready", ready, methods=["GET"])
                """).endpoints()).containsExactly("GET /ready");
    }

    @Test
    void routerHeldByAnInstanceAttribute() {
        assertThat(repo().file("api/users.py", """
                from fastapi import APIRouter

                class UserRoutes:
                    def __init__(self, service):
                        self.service = service
                        self.router = APIRouter(prefix="/users")
                        self.router.add_api_route("/", self.list_users, methods=["GET"])
                        self.router.add_api_route("/{uid}", self.get_user, methods=["GET", "DELETE"])

                    async def list_users(self): ...
                    async def get_user(self, uid: int): ...
                """).file("main.py", """
                from fastapi import FastAPI
                from api.users import UserRoutes

                app = FastAPI()
                app.include_router(UserRoutes(service=None).router, prefix="/api")
                """).described()).containsExactly("GET /api/users/ api/users.py:7 self.list_users",
                "DELETE /api/users/{uid} api/users.py:8 self.get_user", "GET /api/users/{uid} api/users.py:8 self.get_user");
    }

    @Test
    void aRouterALibraryMakesIsOneUnresolvedRouteAtItsMount() {
        // fastapi-users' documented setup: the routers it makes cannot be read, so each mount is one
        // ANY route at its prefix, as Django reports an include it cannot follow; a repository router
        // next to them is read as usual, and a name bound to nothing (a circular import) is no route.
        assertThat(repo().file("app/app.py", """
                from fastapi import FastAPI
                from fastapi_users import FastAPIUsers
                from app.users import auth_backend, get_user_manager
                from app.api import api_router, missing

                app = FastAPI()
                fastapi_users = FastAPIUsers(get_user_manager, [auth_backend])
                users_router = fastapi_users.get_users_router()

                app.include_router(fastapi_users.get_auth_router(auth_backend), prefix="/auth/jwt", tags=["auth"])
                app.include_router(users_router, prefix="/users")
                app.include_router(api_router, prefix="/api")
                app.include_router(missing)
                """).file("app/api.py", """
                from fastapi import APIRouter
                from app.app import missing

                api_router = APIRouter()
                api_router.include_router(fastapi_users_router, prefix="/x")

                @api_router.get("/items")
                def items():
                    return []
                """).routes()).containsExactly(
                new Route("fastapi", "GET", "/api/items", true, null, "app/api.py", 7, "items"),
                new Route("fastapi", "ANY", "/auth/jwt", false, "fastapi_users.get_auth_router(auth_backend)",
                        "app/app.py", 10, "fastapi_users.get_auth_router(auth_backend)"),
                new Route("fastapi", "ANY", "/users", false, "users_router", "app/app.py", 11, "users_router"));
    }

    @Test
    void aRouterFactorysPrefixIsReadWithEachMountedCallsArguments() {
        // A CRUD router factory: each call mounted gives the router its own prefix, from the call's
        // arguments (also a loop variable, and the parameter's default).
        assertThat(repo().file("app/crud.py", """
                from fastapi import APIRouter


                def make_crud(name: str, version: str = "v1") -> APIRouter:
                    router = APIRouter(prefix=f"/{version}/{name}")

                    @router.get("/")
                    def list_all():
                        return []

                    return router
                """).file("app/main.py", """
                from fastapi import FastAPI
                from app.crud import make_crud

                app = FastAPI()
                app.include_router(make_crud("widgets"), prefix="/api")
                app.include_router(make_crud(name="gadgets", version="v2"))
                for kind in ["bolts"]:
                    app.include_router(make_crud(kind))
                """).described()).containsExactlyInAnyOrder("GET /api/v1/widgets/ app/crud.py:7 list_all",
                "GET /v2/gadgets/ app/crud.py:7 list_all", "GET /v1/bolts/ app/crud.py:7 list_all");
    }

    @Test
    void fastapiUtilsInferringRouterAndClassBasedViewsAreRouters() {
        assertThat(repo().file("app/items.py", """
                from fastapi import FastAPI
                from fastapi_utils.cbv import cbv
                from fastapi_utils.inferring_router import InferringRouter

                router = InferringRouter(prefix="/items")

                @cbv(router)
                class ItemCBV:
                    @router.get("/")
                    def list_items(self): ...

                    @router.post("/{item_id}")
                    async def create(self, item_id: int): ...

                app = FastAPI()
                app.include_router(router, prefix="/v1")
                """).described()).containsExactly("GET /v1/items/ app/items.py:9 list_items",
                "POST /v1/items/{item_id} app/items.py:12 create");
    }

    @Test
    void routesAnApiRouterIsMadeWithAreMountedWhereItIsWithoutItsOwnPrefix() {
        // FastAPI prefixes only what the router's decorators declare; include_router prefixes both.
        assertThat(repo().file("main.py", """
                from fastapi import APIRouter, FastAPI
                from fastapi.routing import APIRoute, APIWebSocketRoute

                def ping(): ...
                def create(): ...
                async def feed(ws): ...

                router = APIRouter(prefix="/v1", routes=[
                    APIRoute("/ping", ping),
                    APIRoute("/items", create, methods=["POST"]),
                    APIWebSocketRoute("/feed", feed),
                ])

                @router.get("/own")
                def own(): ...

                lone = APIRouter(prefix="/lone", routes=[APIRoute("/x", ping)])

                app = FastAPI()
                app.include_router(router, prefix="/api")
                """).described()).containsExactlyInAnyOrder(
                        "GET /api/ping main.py:9 ping",
                        "POST /api/items main.py:10 create",
                        "WEBSOCKET /api/feed main.py:11 feed",
                        "GET /api/v1/own main.py:14 own",
                        "GET /x main.py:17 ping");
    }

    @Test
    void aLoopOverDictsMountsEachDictsRouterUnderItsPrefix() {
        assertThat(repo().file("main.py", """
                from fastapi import APIRouter, FastAPI

                login = APIRouter()
                users = APIRouter(prefix="/user")

                @login.post("/login")
                def do_login(): ...

                @users.get("/list")
                def user_list(): ...

                controllers = [
                    {"router": login, "tags": ["login"]},
                    {"router": users, "prefix": "/system", "tags": ["user"]},
                ]

                app = FastAPI()
                for controller in controllers:
                    app.include_router(router=controller.get("router"), prefix=controller.get("prefix", ""),
                                       tags=controller["tags"])
                """).described()).containsExactlyInAnyOrder(
                        "POST /login main.py:6 do_login",
                        "GET /system/user/list main.py:9 user_list");
    }
}
