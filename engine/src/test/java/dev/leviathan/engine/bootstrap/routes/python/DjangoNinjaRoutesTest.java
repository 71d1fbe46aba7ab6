package dev.leviathan.engine.bootstrap.routes.python;

import static dev.leviathan.engine.bootstrap.routes.python.PythonRepo.repo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import org.junit.jupiter.api.Test;

/** Django Ninja: operations on a NinjaAPI and its routers, under the Django path its urls are included at. */
class DjangoNinjaRoutesTest {

    private static final String URLS = """
            from django.contrib import admin
            from django.urls import path
            from .api import api

            urlpatterns = [
                path("admin/", admin.site.urls),
                path("api/", api.urls),
            ]
            """;

    @Test
    void operationsOfTheApiAndItsRoutersAreServedUnderTheIncludesPath() {
        // The shapes of Django Ninja's tutorial: a router imported by name and one named by a dotted string.
        assertThat(repo().file("mysite/urls.py", URLS).file("mysite/api.py", """
                from ninja import NinjaAPI
                from events.api import router as events_router

                api = NinjaAPI()
                api.add_router("/events/", events_router)
                api.add_router("/news/", "news.api.router")

                @api.get("/hello")
                def hello(request):
                    return "Hello world"

                @api.api_operation(["POST", "PATCH"], "/mixed")
                def mixed(request): ...
                """).file("events/api.py", """
                from ninja import Router

                router = Router()

                @router.get("/", response=list)
                def list_events(request): ...

                @router.delete("/{event_id}")
                async def delete_event(request, event_id: int): ...
                """).file("news/api.py", """
                from ninja import Router
                router = Router()

                @router.get("/recent")
                def recent(request): ...
                """).described()).containsExactlyInAnyOrder(
                "ANY /admin/ mysite/urls.py:6 admin.site.urls",
                "GET /api/events/ events/api.py:5 list_events",
                "DELETE /api/events/{event_id} events/api.py:8 delete_event",
                "GET /api/hello mysite/api.py:8 hello",
                "POST /api/mixed mysite/api.py:12 mixed",
                "PATCH /api/mixed mysite/api.py:12 mixed",
                "GET /api/news/recent news/api.py:4 recent");
    }

    @Test
    void theFrameworkIsDjangoNinjaAndARouterOfARouterComposesItsPrefixes() {
        var routes = repo().file("mysite/urls.py", URLS).file("mysite/api.py", """
                from ninja import NinjaAPI, Router

                api = NinjaAPI(version="2.0.0")
                v2 = Router()
                items = Router()

                @items.put("/{item_id}")
                def update(request, item_id: int): ...

                v2.add_router("/items", items)
                api.add_router("/v2", v2)
                """).routes();
        assertThat(routes).filteredOn(r -> !r.framework().equals("django")).singleElement().satisfies(r -> {
            assertThat(r.framework()).isEqualTo("django-ninja");
            assertThat(r.method() + " " + r.path()).isEqualTo("PUT /api/v2/items/{item_id}");
            assertThat(r.resolved()).isTrue();
        });
    }

    @Test
    void anApiNoUrlconfIncludesKeepsItsOwnPathsAndAnUnknownPrefixIsUnresolved() {
        assertThat(repo().file("api.py", """
                import os
                from ninja import NinjaAPI
                from django.urls import path

                api = NinjaAPI()

                @api.get("/ping")
                def ping(request): ...

                other = NinjaAPI(urls_namespace="other")

                @other.get("/pong")
                def pong(request): ...

                urlpatterns = [path(os.environ["PREFIX"], other.urls)]
                """).routes()).extracting(Route::method, Route::path, Route::resolved).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("GET", "/ping", true),
                org.assertj.core.groups.Tuple.tuple("GET", "/pong", false));
    }
}
