package dev.leviathan.engine.bootstrap.routes.python;

import static dev.leviathan.engine.bootstrap.routes.python.PythonRepo.repo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonCrossModuleTest {

    private static final String ITEMS_ROUTER = """
            from fastapi import APIRouter

            router = APIRouter(prefix="/items", tags=["items"])


            @router.get("/")
            async def read_items(): ...


            @router.get("/{item_id}")
            async def read_item(item_id: str): ...
            """;

    @Test
    void resolvesRouterPrefixAcrossFilesThroughARelativeModuleImport() {
        assertThat(repo().file("app/main.py", """
                from fastapi import FastAPI
                from .routers import items

                app = FastAPI()
                app.include_router(items.router, prefix="/api")
                """).file("app/__init__.py", "").file("app/routers/__init__.py", "")
                .file("app/routers/items.py", ITEMS_ROUTER).described()).containsExactly(
                "GET /api/items/ app/routers/items.py:6 read_items",
                "GET /api/items/{item_id} app/routers/items.py:10 read_item");
    }

    @Test
    void resolvesAbsoluteImportsOfEndpointModules() {
        assertThat(repo().file("backend/app/main.py", """
                from fastapi import FastAPI
                from app.api.v1.api import api_router
                from app.core.config import settings

                app = FastAPI(openapi_url=f"{settings.API_V1_STR}/openapi.json")
                app.include_router(api_router, prefix=settings.API_V1_STR)
                """).file("backend/app/api/v1/api.py", """
                from fastapi import APIRouter
                from app.api.v1.endpoints import users, login

                api_router = APIRouter()
                api_router.include_router(login.router, tags=["login"])
                api_router.include_router(users.router, prefix="/users", tags=["users"])
                """).file("backend/app/api/v1/endpoints/users.py", """
                from fastapi import APIRouter
                router = APIRouter()

                @router.get("/me")
                def read_user_me(): ...
                """).file("backend/app/api/v1/endpoints/login.py", """
                from fastapi import APIRouter
                router = APIRouter()

                @router.post("/login/access-token")
                def login_access_token(): ...
                """).file("backend/app/core/config.py", """
                from pydantic_settings import BaseSettings

                class Settings(BaseSettings):
                    API_V1_STR: str = "/api/v1"
                    PROJECT_NAME: str

                settings = Settings()
                """).endpoints()).containsExactly("POST /api/v1/login/access-token", "GET /api/v1/users/me");
    }

    @Test
    void importedRouterUnderAnAliasIsTheSameRouter() {
        assertThat(repo().file("svc/main.py", """
                from fastapi import FastAPI
                from .users import router as users_router
                from svc import orders

                app = FastAPI()
                app.include_router(users_router, prefix="/users")
                app.include_router(orders.router, prefix="/orders")
                """).file("svc/users.py", """
                from fastapi import APIRouter
                router = APIRouter()

                @router.get("/{uid}")
                def get_user(uid: int): ...
                """).file("svc/orders.py", """
                from fastapi import APIRouter
                router = APIRouter()

                @router.delete("/{oid}")
                def cancel(oid: int): ...
                """).endpoints()).containsExactly("DELETE /orders/{oid}", "GET /users/{uid}");
    }

    @Test
    void packagesWithoutInitFilesUnderASourceRootResolve() {
        assertThat(repo().file("src/shop/main.py", """
                from fastapi import FastAPI
                from shop.api.routes import items

                app = FastAPI()
                app.include_router(items.router, prefix="/v1")
                """).file("src/shop/api/routes/items.py", ITEMS_ROUTER).endpoints()).containsExactly(
                "GET /v1/items/", "GET /v1/items/{item_id}");
    }

    @Test
    void settingsFromAFactoryFunctionResolve() {
        assertThat(repo().file("app/main.py", """
                from fastapi import FastAPI
                from app.config import get_settings
                from app.routes import router

                settings = get_settings()
                app = FastAPI()
                app.include_router(router, prefix=settings.api_prefix)
                """).file("app/config.py", """
                from functools import lru_cache
                from pydantic import BaseSettings

                class Settings(BaseSettings):
                    api_prefix = "/api"

                @lru_cache()
                def get_settings() -> Settings:
                    return Settings()
                """).file("app/routes.py", """
                from fastapi import APIRouter
                router = APIRouter()

                @router.get("/ping")
                def ping(): ...
                """).endpoints()).containsExactly("GET /api/ping");
    }

    @Test
    void settingsFieldWithoutAStringLiteralDefaultIsUnresolved() {
        List<Route> routes = repo().file("app/main.py", """
                from fastapi import FastAPI
                from app.config import settings

                app = FastAPI()

                @app.get(settings.PREFIX + "/status")
                def status(): ...
                """).file("app/config.py", """
                from pydantic import BaseSettings, Field

                class Settings(BaseSettings):
                    PREFIX: str = Field("/api", env="PREFIX")

                settings = Settings()
                """).routes();
        assertThat(routes).containsExactly(new Route("fastapi", "GET", "/status", false,
                "settings.PREFIX + \"/status\"", "app/main.py", 6, "status"));
    }

    @Test
    void constantsImportedFromAnotherModuleAndThroughStarImports() {
        assertThat(repo().file("app/main.py", """
                from flask import Flask, Blueprint
                from app.constants import API_PREFIX
                from app.more import *

                bp = Blueprint("api", __name__, url_prefix=f"{API_PREFIX}/{VERSION}")

                @bp.route("/ping")
                def ping(): ...
                """).file("app/constants.py", """
                API_PREFIX = "/api"
                """).file("app/more.py", """
                from .base import *
                """).file("app/base.py", """
                VERSION = "v3"
                """).endpoints()).containsExactly("GET /api/v3/ping");
    }

    @Test
    void blueprintDefinedInAPackageAndRoutedInItsViewsModule() {
        assertThat(repo().file("app/__init__.py", """
                from flask import Flask

                def create_app():
                    app = Flask(__name__)
                    from app.main import bp as main_bp
                    app.register_blueprint(main_bp, url_prefix="/main")
                    return app
                """).file("app/main/__init__.py", """
                from flask import Blueprint
                bp = Blueprint("main", __name__)
                from app.main import routes
                """).file("app/main/routes.py", """
                from app.main import bp

                @bp.route("/index")
                def index(): ...
                """).described()).containsExactly("GET /main/index app/main/routes.py:3 index");
    }

    @Test
    void nearestModuleWinsInAMonorepo() {
        assertThat(repo().file("svc_a/app/main.py", """
                from fastapi import FastAPI
                from app.routes import router
                app = FastAPI()
                app.include_router(router, prefix="/a")
                """).file("svc_a/app/routes.py", """
                from fastapi import APIRouter
                router = APIRouter()
                @router.get("/x")
                def x(): ...
                """).file("svc_b/app/main.py", """
                from fastapi import FastAPI
                from app.routes import router
                app = FastAPI()
                app.include_router(router, prefix="/b")
                """).file("svc_b/app/routes.py", """
                from fastapi import APIRouter
                router = APIRouter()
                @router.get("/y")
                def y(): ...
                """).endpoints()).containsExactly("GET /a/x", "GET /b/y");
    }

    @Test
    void appImportedFromAnotherModuleDeclaresRoutesThere() {
        assertThat(repo().file("myapp/__init__.py", """
                from flask import Flask
                app = Flask(__name__)
                from myapp import views
                """).file("myapp/views.py", """
                from myapp import app

                @app.route("/hello")
                def hello(): ...
                """).described()).containsExactly("GET /hello myapp/views.py:3 hello");
    }

    @Test
    void djangoIncludesResolveFromTheProjectFolder() {
        assertThat(repo().file("backend/manage.py", """
                import os
                os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
                """).file("backend/mysite/settings.py", """
                ROOT_URLCONF = "mysite.urls"
                """).file("backend/mysite/urls.py", """
                from django.urls import include, path
                urlpatterns = [path("polls/", include("polls.urls"))]
                """).file("backend/polls/urls.py", """
                from django.urls import path
                from . import views
                app_name = "polls"
                urlpatterns = [
                    path("", views.IndexView.as_view(), name="index"),
                    path("<int:pk>/results/", views.ResultsView.as_view(), name="results"),
                ]
                """).described()).containsExactly("ANY /polls/ backend/polls/urls.py:5 views.IndexView",
                "ANY /polls/<int:pk>/results/ backend/polls/urls.py:6 views.ResultsView");
    }

    @Test
    void drfRouterDefinedInOneModuleAndIncludedInAnother() {
        assertThat(repo().file("proj/urls.py", """
                from django.urls import include, path
                from api.routers import router
                urlpatterns = [path("api/", include((router.urls, "api")))]
                """).file("api/routers.py", """
                from rest_framework.routers import DefaultRouter
                from api.viewsets import BookViewSet
                router = DefaultRouter()
                router.register("books", BookViewSet, basename="book")
                """).file("api/viewsets.py", """
                from rest_framework.viewsets import ReadOnlyModelViewSet
                class BookViewSet(ReadOnlyModelViewSet):
                    pass
                """).endpoints()).containsExactly("ANY /api/books/", "ANY /api/books/{pk}/");
    }

    @Test
    void circularImportsDoNotHang() {
        assertThat(repo().file("a.py", """
                from b import router
                from fastapi import FastAPI
                app = FastAPI()
                app.include_router(router)
                """).file("b.py", """
                from a import router
                """).routes()).isEmpty();
    }

    @Test
    void theFixtureProjectGivesExactlyItsRoutes() {
        assertThat(PythonRepo.fixture("fullstack").described()).containsExactly(
                "GET /api/v1/items/ backend/app/api/routes/items.py:9 read_items",
                "POST /api/v1/items/ backend/app/api/routes/items.py:14 create_item",
                "GET /api/v1/items/{id} backend/app/api/routes/items.py:19 read_item",
                "DELETE /api/v1/items/{id} backend/app/api/routes/items.py:24 delete_item",
                "POST /api/v1/login/access-token backend/app/api/routes/login.py:8 login_access_token",
                "GET /api/v1/utils/health-check/ backend/app/api/routes/utils.py:6 health_check",
                "WEBSOCKET /api/v1/utils/ws backend/app/api/routes/utils.py:11 ws",
                "GET / backend/app/main.py:18 root");
    }

    @Test
    void aTestAppIncludingARouterDoesNotAddAMountWhenTheRealAppMountsIt() {
        assertThat(repo().file("app/main.py", """
                from fastapi import FastAPI
                from app.routes import router
                app = FastAPI()
                app.include_router(router, prefix="/api")
                """).file("app/routes.py", """
                from fastapi import APIRouter
                router = APIRouter()

                @router.get("/ping")
                def ping(): ...
                """).file("tests/test_routes.py", """
                from fastapi import FastAPI
                from fastapi.testclient import TestClient
                from app.routes import router

                test_app = FastAPI()
                test_app.include_router(router)
                client = TestClient(test_app)
                """).endpoints()).containsExactly("GET /api/ping");
    }

    @Test
    void aTestAppIsTheOnlyMountOfALibraryRouter() {
        assertThat(repo().file("lib/routes.py", """
                from fastapi import APIRouter
                router = APIRouter()

                @router.get("/ping")
                def ping(): ...
                """).file("tests/conftest.py", """
                from fastapi import FastAPI
                from lib.routes import router

                app = FastAPI()
                app.include_router(router, prefix="/lib")
                """).endpoints()).containsExactly("GET /lib/ping");
    }

    @Test
    void aTestUrlconfIncludingAnAppTheProjectIncludesAddsNothing() {
        assertThat(repo().file("proj/settings.py", "ROOT_URLCONF = 'proj.urls'\n").file("proj/urls.py", """
                from django.urls import include, path
                urlpatterns = [path("shop/", include("shop.urls"))]
                """).file("shop/urls.py", """
                from django.urls import path
                from . import views
                urlpatterns = [path("cart/", views.cart)]
                """).file("shop/tests/urls.py", """
                from django.urls import include, path
                urlpatterns = [path("test-shop/", include("shop.urls"))]
                """).endpoints()).containsExactly("ANY /shop/cart/");
    }

    @Test
    void outputIsTheSameWhateverTheOrderFilesAreGivenIn() {
        PythonRepo forward = PythonRepo.fixture("fullstack");
        List<dev.leviathan.engine.bootstrap.routes.SourceFile> files = new java.util.ArrayList<>(forward.files());
        java.util.Collections.reverse(files);
        List<Route> reversed = new PythonRouteExtractor().extract(files);
        assertThat(reversed).isEqualTo(forward.routes());
        assertThat(new PythonRouteExtractor().extract(files)).isEqualTo(reversed);
    }

    @Test
    void extractorNamesItself() {
        PythonRouteExtractor extractor = new PythonRouteExtractor();
        assertThat(extractor.name()).isEqualTo("python");
        assertThat(extractor.version()).isEqualTo(10);
        assertThat(extractor.extensions()).containsExactly(".py");
    }
}
