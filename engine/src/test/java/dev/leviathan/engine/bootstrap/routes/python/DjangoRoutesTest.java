package dev.leviathan.engine.bootstrap.routes.python;

import static dev.leviathan.engine.bootstrap.routes.python.PythonRepo.repo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DjangoRoutesTest {

    private static final String SETTINGS = """
            INSTALLED_APPS = ["django.contrib.admin", "shop"]
            ROOT_URLCONF = "proj.urls"
            """;

    @Test
    void pathRePathAndUrlAreAnyMethodRoutesWithTheViewAsHandler() {
        List<Route> routes = repo().file("shop/urls.py", """
                from django.urls import path, re_path
                from django.conf.urls import url
                from . import views

                urlpatterns = [
                    path("items/", views.items, name="items"),
                    re_path(r"^items/(?P<pk>[0-9]+)/$", views.item_detail),
                    url(r'^old/$', views.old),
                ]
                """).routes();
        assertThat(routes).containsExactly(
                new Route("django", "ANY", "/items/", true, null, "shop/urls.py", 6, "views.items"),
                new Route("django", "ANY", "/items/(?P<pk>[0-9]+)/$", true, null, "shop/urls.py", 7,
                        "views.item_detail"),
                new Route("django", "ANY", "/old/$", true, null, "shop/urls.py", 8, "views.old"));
    }

    @Test
    void urlpatternsMadeByAFunctionReturningAListAreReadWithItsArguments() {
        // debusine: urlpatterns = make_urlpatterns(settings.DEBUSINE_DEFAULT_SCOPE).
        assertThat(repo().file("proj/settings.py", """
                ROOT_URLCONF = "proj.urls"
                TENANT = "acme"
                """).file("proj/urls.py", """
                from django.conf import settings
                from django.urls import include, path

                from items import views

                shared = [
                    path("status/", views.status),
                ]


                def build(tenant):
                    return [
                        path("-/", include(shared)),
                        path(f"{tenant}/", include("items.urls")),
                        path("health/", views.health),
                    ]


                urlpatterns = build(settings.TENANT)
                """).file("items/urls.py", """
                from django.urls import path
                from . import views

                urlpatterns = [
                    path("list/", views.item_list),
                ]
                """).described()).containsExactlyInAnyOrder(
                "ANY /-/status/ proj/urls.py:7 views.status",
                "ANY /acme/list/ items/urls.py:5 views.item_list",
                "ANY /health/ proj/urls.py:15 views.health");
    }

    @Test
    void aViewFunctionNamedUrlsIsAViewNotAnInclude() {
        List<Route> routes = repo().file("feeds/urls.py", """
                from django.urls import path
                from . import views

                urlpatterns = [path("feeds/urls", views.urls)]
                """).file("feeds/views.py", """
                def urls(request):
                    return None
                """).routes();
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.resolved() + " " + r.handler())
                .containsExactly("ANY /feeds/urls true views.urls");
    }

    @Test
    void classBasedViewHandlerIsTheClass() {
        assertThat(repo().file("shop/urls.py", """
                from django.urls import path
                from django.views.generic import TemplateView
                from .views import ItemView

                urlpatterns = [
                    path("", TemplateView.as_view(template_name="home.html"), name="home"),
                    path("items/<int:pk>/", ItemView.as_view(), name="item"),
                ]
                """).described()).containsExactly("ANY / shop/urls.py:6 TemplateView",
                "ANY /items/<int:pk>/ shop/urls.py:7 ItemView");
    }

    @Test
    void includedUrlconfGetsTheIncludePrefix() {
        assertThat(repo().file("proj/settings.py", SETTINGS).file("proj/urls.py", """
                from django.urls import include, path

                urlpatterns = [
                    path("shop/", include("shop.urls")),
                    path("api/v1/", include(("shop.api_urls", "api"), namespace="v1")),
                ]
                """).file("shop/urls.py", """
                from django.urls import path
                from . import views
                urlpatterns = [path("cart/", views.cart)]
                """).file("shop/api_urls.py", """
                from django.urls import path
                from . import api
                app_name = "api"
                urlpatterns = [path("orders/<uuid:id>/", api.order)]
                """).described()).containsExactly("ANY /api/v1/orders/<uuid:id>/ shop/api_urls.py:4 api.order",
                "ANY /shop/cart/ shop/urls.py:3 views.cart");
    }

    @Test
    void regexAnchorsAreRemovedWhereIncludedSegmentsJoin() {
        assertThat(repo().file("proj/settings.py", SETTINGS).file("proj/urls.py", """
                from django.conf.urls import include, url
                urlpatterns = [
                    url(r'^blog/', include('blog.urls')),
                    url(r'^shop/$', include('shop.urls')),
                ]
                """).file("blog/urls.py", """
                from django.conf.urls import url
                from blog import views
                urlpatterns = [
                    url(r'^$', views.index),
                    url(r'^(?P<slug>[-\\w]+)/$', views.post),
                ]
                """).file("shop/urls.py", """
                from django.conf.urls import url
                import shop.views
                urlpatterns = [url(r'^cart/$', shop.views.cart)]
                """).endpoints()).containsExactly("ANY /blog/$", "ANY /blog/(?P<slug>[-\\w]+)/$",
                "ANY /shop/cart/$");
    }

    @Test
    void appendsExtendsAndPlusEqualsAllCount() {
        assertThat(repo().file("shop/urls.py", """
                from django.conf import settings
                from django.urls import path
                from . import views

                urlpatterns = [path("a/", views.a)]
                urlpatterns += [path("b/", views.b)]
                urlpatterns.append(path("c/", views.c))
                urlpatterns.extend([path("d/", views.d)])
                urlpatterns = urlpatterns + [path("e/", views.e)]
                if settings.DEBUG:
                    urlpatterns += [path("debug/", views.debug)]
                """).endpoints()).containsExactly("ANY /a/", "ANY /b/", "ANY /c/", "ANY /d/", "ANY /e/",
                "ANY /debug/");
    }

    @Test
    void urlpatternsAssignedInEachBranchOfASettingHoldEither() {
        // Horizon's panels: `if get_dict_config('ANGULAR_FEATURES', 'users_panel'): urlpatterns = [...]
        // else: urlpatterns = [...]`; a deployment serves one or the other
        assertThat(repo().file("panel/urls.py", """
                from django.urls import re_path
                from openstack_dashboard.utils import settings as setting_utils
                from . import views

                if setting_utils.get_dict_config('ANGULAR_FEATURES', 'users_panel'):
                    urlpatterns = [re_path(r'^$', views.AngularIndexView.as_view())]
                elif setting_utils.LEGACY:
                    urlpatterns = [re_path(r'^legacy/$', views.LegacyView.as_view())]
                else:
                    title = "Users"
                    urlpatterns = [
                        re_path(r'^$', views.IndexView.as_view()),
                        re_path(r'^create/$', views.CreateView.as_view()),
                    ]
                    urlpatterns = urlpatterns + [re_path(r'^(?P<id>[^/]+)/$', views.DetailView.as_view())]
                try:
                    from .extra import extra_patterns
                except ImportError:
                    extra_patterns = []
                urlpatterns = [re_path(r'^top/$', views.TopView.as_view())] + urlpatterns
                """).routes()).extracting(r -> r.path() + " " + r.handler()).containsExactlyInAnyOrder(
                "/top/$ views.TopView", "/$ views.AngularIndexView", "/legacy/$ views.LegacyView",
                "/$ views.IndexView", "/create/$ views.CreateView", "/(?P<id>[^/]+)/$ views.DetailView");
    }

    @Test
    void aBranchAssigningAnotherListUnderAPrefixOrNotIsTheSameRoutes() {
        // graphite-web serves its URLconf under URL_PREFIX when one is set, else at the root
        assertThat(repo().file("graphite/urls.py", """
                from django.conf import settings
                from django.conf.urls import include, url
                from . import views

                graphite_urls = [url('^render/?$', views.render), url('^$', views.browser)]

                if settings.URL_PREFIX.strip('/'):
                    urlpatterns = [url(r'^{0}/'.format(settings.URL_PREFIX.strip('/')), include(graphite_urls))]
                else:
                    urlpatterns = graphite_urls
                """).endpoints()).containsExactlyInAnyOrder("ANY /render/?$", "ANY /$");
    }

    @Test
    void inlineListsAndNamedListsInclude() {
        assertThat(repo().file("shop/urls.py", """
                from django.urls import include, path
                from . import views

                api_patterns = [
                    path("items/", views.items),
                ]

                urlpatterns = [
                    path("api/", include(api_patterns)),
                    path("pages/", include([
                        path("about/", views.about),
                        path("help/", include([path("faq/", views.faq)])),
                    ])),
                ]
                """).endpoints()).containsExactly("ANY /api/items/", "ANY /pages/about/", "ANY /pages/help/faq/");
    }

    @Test
    void includeOfAnotherModulesUrlpatternsAttribute() {
        assertThat(repo().file("proj/settings.py", SETTINGS).file("proj/urls.py", """
                from django.urls import include, path
                from shop import urls as shop_urls
                import blog.urls

                urlpatterns = [
                    path("shop/", include(shop_urls.urlpatterns)),
                    path("blog/", include(blog.urls)),
                ]
                """).file("shop/urls.py", """
                from django.urls import path
                from . import views
                urlpatterns = [path("cart/", views.cart)]
                """).file("blog/urls.py", """
                from django.urls import path
                from . import views
                urlpatterns = [path("", views.index)]
                """).endpoints()).containsExactly("ANY /blog/", "ANY /shop/cart/");
    }

    @Test
    void includeOfAModuleOutsideTheRepositoryIsOneUnresolvedRoute() {
        List<Route> routes = repo().file("proj/settings.py", SETTINGS).file("proj/urls.py", """
                from django.contrib import admin
                from django.urls import include, path

                urlpatterns = [
                    path("admin/", admin.site.urls),
                    path("accounts/", include("django.contrib.auth.urls")),
                ]
                """).routes();
        assertThat(routes).containsExactly(
                new Route("django", "ANY", "/admin/", false, "admin.site.urls", "proj/urls.py", 5, "admin.site.urls"),
                new Route("django", "ANY", "/accounts/", false, "include(\"django.contrib.auth.urls\")",
                        "proj/urls.py", 6, "django.contrib.auth.urls"));
    }

    @Test
    void aListOfPatternsKnownOnlyAtRunTimeIsOneUnresolvedRouteNotDropped() {
        // django-allauth: provider URLconfs imported by name in a loop, their urlpatterns read with getattr.
        assertThat(repo().file("proj/settings.py", SETTINGS).file("proj/urls.py", """
                from importlib import import_module
                from django.urls import include, path
                from shop import views, registry

                urlpatterns = [path("home/", views.home)]
                provider_urlpatterns = []
                for provider in registry.get_list():
                    prov_mod = import_module(provider.get_package() + ".urls")
                    prov_urlpatterns = getattr(prov_mod, "urlpatterns", None)
                    if prov_urlpatterns:
                        provider_urlpatterns += prov_urlpatterns
                urlpatterns += provider_urlpatterns
                urlpatterns += [path("social/", include(extra_patterns))]
                """).routes()).containsExactly(
                new Route("django", "ANY", "/home/", true, null, "proj/urls.py", 5, "views.home"),
                new Route("django", "ANY", "/", false, "prov_urlpatterns", "proj/urls.py", 11, "prov_urlpatterns"),
                new Route("django", "ANY", "/social/", false, "include(extra_patterns)", "proj/urls.py", 13,
                        "extra_patterns"));
    }

    @Test
    void aViewWrittenOverSeveralLinesIsNamedOnOneLine() {
        // django-cas-server: views wrapped in sensitive_post_parameters(...)(...) over several lines.
        assertThat(repo().file("proj/settings.py", SETTINGS).file("proj/urls.py", """
                from django.urls import re_path
                from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
                from shop import views

                urlpatterns = [
                    re_path(
                        '^login$',
                        sensitive_post_parameters('password')(
                            views.LoginView.as_view()
                        ),
                    ),
                    re_path('^auth$', sensitive_variables('password',
                                                          'secret')(views.auth)),
                ]
                """).described()).containsExactly(
                "ANY /login$ proj/urls.py:6 sensitive_post_parameters('password')(views.LoginView.as_view())",
                "ANY /auth$ proj/urls.py:12 sensitive_variables('password', 'secret')(views.auth)");
    }

    @Test
    void urlconfNeverIncludedAndNotRootIsMountedAtRoot() {
        assertThat(repo().file("proj/settings.py", SETTINGS).file("proj/urls.py", """
                from django.urls import path
                from shop import views
                urlpatterns = [path("home/", views.home)]
                """).file("legacy/urls.py", """
                from django.urls import path
                from . import views
                urlpatterns = [path("old/", views.old)]
                """).endpoints()).containsExactly("ANY /old/", "ANY /home/");
    }

    @Test
    void urlconfIncludedTwiceGivesRoutesPerInclude() {
        assertThat(repo().file("proj/urls.py", """
                from django.urls import include, path
                urlpatterns = [
                    path("v1/", include("shop.urls")),
                    path("v2/", include("shop.urls")),
                ]
                """).file("shop/urls.py", """
                from django.urls import path
                from . import views
                urlpatterns = [path("cart/", views.cart)]
                """).endpoints()).containsExactly("ANY /v1/cart/", "ANY /v2/cart/");
    }

    @Test
    void routePathFromSettingsConstant() {
        assertThat(repo().file("config/settings/base.py", """
                ROOT_URLCONF = "config.urls"
                ADMIN_URL = "control-panel/"
                """).file("config/urls.py", """
                from django.conf import settings
                from django.urls import path
                from shop import views
                urlpatterns = [path(settings.ADMIN_URL + "stats/", views.stats)]
                """).endpoints()).containsExactly("ANY /control-panel/stats/");
    }

    @Test
    void includeCyclesTerminate() {
        assertThat(repo().file("a/urls.py", """
                from django.urls import include, path
                from . import views
                urlpatterns = [path("b/", include("b.urls")), path("x/", views.x)]
                """).file("b/urls.py", """
                from django.urls import include, path
                urlpatterns = [path("a/", include("a.urls"))]
                """).endpoints()).containsExactly("ANY /x/");
    }

    @Test
    void aLookupFieldOrActionUrlPathKnownOnlyAtRunTimeLeavesItsRoutesUnresolved() {
        // djoser: lookup_field = settings.USER_ID_FIELD, url_path="set_{}".format(User.USERNAME_FIELD).
        assertThat(repo().file("accounts/urls.py", """
                from rest_framework.routers import DefaultRouter
                from accounts import views

                router = DefaultRouter()
                router.register("users", views.UserViewSet)
                urlpatterns = router.urls
                """).file("accounts/views.py", """
                from django.contrib.auth import get_user_model
                from rest_framework import viewsets
                from rest_framework.decorators import action
                from accounts.conf import settings

                User = get_user_model()

                class UserViewSet(viewsets.ModelViewSet):
                    lookup_field = settings.USER_ID_FIELD

                    @action(["post"], detail=False, url_path="set_{}".format(User.USERNAME_FIELD))
                    def set_username(self, request): ...

                    @action(["get"], detail=True)
                    def profile(self, request, **kwargs): ...
                """).routes()).containsExactlyInAnyOrder(
                new Route("django", "ANY", "/users/", true, null, "accounts/urls.py", 5, "views.UserViewSet"),
                new Route("django", "ANY", "/users/", false, "settings.USER_ID_FIELD", "accounts/urls.py", 5,
                        "views.UserViewSet"),
                new Route("django", "ANY", "/users/profile/", false, "settings.USER_ID_FIELD", "accounts/urls.py", 5,
                        "views.UserViewSet.profile"),
                new Route("django", "ANY", "/users/set_/", false, "\"set_{}\".format(User.USERNAME_FIELD)",
                        "accounts/urls.py", 5, "views.UserViewSet.set_username"));
    }

    @Test
    void drfRouterGivesListAndDetailRoutes() {
        assertThat(repo().file("api/urls.py", """
                from django.urls import include, path
                from rest_framework import routers
                from . import views

                router = routers.DefaultRouter()
                router.register(r"users", views.UserViewSet)
                router.register("groups", views.GroupViewSet, basename="group")

                urlpatterns = [
                    path("api/", include(router.urls)),
                ]
                """).file("api/views.py", """
                from rest_framework import viewsets, mixins
                from rest_framework.decorators import action

                class UserViewSet(viewsets.ModelViewSet):
                    lookup_field = "username"

                    @action(detail=True, methods=["post"], url_path="set-password")
                    def set_password(self, request, username=None): ...

                    @action(detail=False)
                    def recent(self, request): ...

                class GroupViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
                    pass
                """).described()).containsExactly("ANY /api/users/ api/urls.py:6 views.UserViewSet",
                "ANY /api/users/recent/ api/urls.py:6 views.UserViewSet.recent",
                "ANY /api/users/{username}/ api/urls.py:6 views.UserViewSet",
                "ANY /api/users/{username}/set-password/ api/urls.py:6 views.UserViewSet.set_password",
                "ANY /api/groups/ api/urls.py:7 views.GroupViewSet");
    }

    @Test
    void aDrfNestedRoutersRouterPutsItsParentsPrefixAndLookupBeforeItsRoutes() {
        assertThat(repo().file("api/urls.py", """
                from django.urls import include, path
                from rest_framework_nested import routers
                from . import views

                router = routers.SimpleRouter()
                router.register(r"domains", views.DomainViewSet)

                domains = routers.NestedSimpleRouter(router, r"domains", lookup="domain")
                domains.register(r"nameservers", views.NameserverViewSet, basename="domain-ns")

                records = routers.NestedSimpleRouter(domains, r"nameservers")
                records.register(r"records", views.RecordViewSet, basename="ns-records")

                urlpatterns = [
                    path("api/", include(router.urls)),
                    path("api/", include(domains.urls)),
                    path("api/", include(records.urls)),
                ]
                """).file("api/views.py", """
                from rest_framework import mixins, viewsets

                class DomainViewSet(viewsets.ModelViewSet):
                    lookup_field = "name"

                class NameserverViewSet(viewsets.ModelViewSet):
                    pass

                class RecordViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
                    pass
                """).described()).containsExactly(
                        "ANY /api/domains/ api/urls.py:6 views.DomainViewSet",
                        "ANY /api/domains/{name}/ api/urls.py:6 views.DomainViewSet",
                        "ANY /api/domains/{domain_name}/nameservers/ api/urls.py:9 views.NameserverViewSet",
                        "ANY /api/domains/{domain_name}/nameservers/{pk}/ api/urls.py:9 views.NameserverViewSet",
                        "ANY /api/domains/{domain_name}/nameservers/{nested_2_pk}/records/ api/urls.py:12"
                                + " views.RecordViewSet");
    }

    @Test
    void aDrfExtensionsChainOfRegistrationsNestsEachUnderTheOnesAbove() {
        assertThat(repo().file("api/urls.py", """
                from rest_framework_extensions.routers import ExtendedSimpleRouter
                from . import views

                router = ExtendedSimpleRouter()
                (
                    router.register(r"users", views.UserViewSet, basename="user")
                          .register(r"groups", views.GroupViewSet, basename="users-group",
                                    parents_query_lookups=["user_groups"])
                          .register(r"permissions", views.PermissionViewSet, "users-groups-permission",
                                    ["group__user", "group"])
                )
                projects = router.register(r"projects", views.ProjectViewSet, basename="project")
                projects.register(r"tasks", views.TaskViewSet, basename="project-task",
                                  parents_query_lookups=["project"])

                urlpatterns = router.urls
                """).file("api/views.py", """
                from rest_framework import mixins, viewsets

                class UserViewSet(viewsets.ReadOnlyModelViewSet): ...
                class GroupViewSet(viewsets.ReadOnlyModelViewSet): ...
                class PermissionViewSet(mixins.ListModelMixin, viewsets.GenericViewSet): ...
                class ProjectViewSet(mixins.ListModelMixin, viewsets.GenericViewSet): ...
                class TaskViewSet(mixins.ListModelMixin, viewsets.GenericViewSet): ...
                """).described()).containsExactly(
                        "ANY /users/ api/urls.py:6 views.UserViewSet",
                        "ANY /users/{pk}/ api/urls.py:6 views.UserViewSet",
                        "ANY /users/{parent_lookup_user_groups}/groups/ api/urls.py:7 views.GroupViewSet",
                        "ANY /users/{parent_lookup_user_groups}/groups/{pk}/ api/urls.py:7 views.GroupViewSet",
                        "ANY /users/{parent_lookup_group__user}/groups/{parent_lookup_group}/permissions/"
                                + " api/urls.py:9 views.PermissionViewSet",
                        "ANY /projects/ api/urls.py:12 views.ProjectViewSet",
                        "ANY /projects/{parent_lookup_project}/tasks/ api/urls.py:13 views.TaskViewSet");
    }

    @Test
    void aModuleLevelLoopOverALiteralListAddsOnePatternPerElement() {
        assertThat(repo().file("site/urls.py", """
                from django.urls import path, re_path
                from . import views

                urlpatterns = [path("", views.home)]

                open_routes = ["preflight", "signup", r"signup\\/[a-z]*"]
                for route in open_routes:
                    urlpatterns.append(re_path(route, views.home))

                for name, view in (("about/", views.about), ("faq/", views.faq)):
                    urlpatterns += [path(name, view)]
                """).described()).containsExactlyInAnyOrder(
                        "ANY / site/urls.py:4 views.home",
                        "ANY /about/ site/urls.py:11 views.about",
                        "ANY /faq/ site/urls.py:11 views.faq",
                        "ANY /preflight site/urls.py:8 views.home",
                        "ANY /signup site/urls.py:8 views.home",
                        "ANY /signup\\/[a-z]* site/urls.py:8 views.home");
    }

    @Test
    void aPatternHelpersViewParameterIsReportedAsTheViewTheCallPasses() {
        assertThat(repo().file("site/urls.py", """
                from django.urls import re_path
                from . import views

                def opt_slash_path(route, view, name=None):
                    return re_path(fr"^{route}/?$", view, name=name)

                urlpatterns = [
                    opt_slash_path("_health", views.health),
                    opt_slash_path("api/signup", views.SignupView.as_view()),
                ]
                """).described()).containsExactly(
                        "ANY /_health/?$ site/urls.py:8 views.health",
                        "ANY /api/signup/?$ site/urls.py:9 views.SignupView");
    }

    @Test
    void aRouterSubclassSettingItsOwnTrailingSlashServesThatSlash() {
        assertThat(repo().file("api/urls.py", """
                from django.urls import include, path
                from rest_framework.routers import DefaultRouter
                from rest_framework import viewsets

                class OptionalSlashRouter(DefaultRouter):
                    def __init__(self, *args, **kwargs):
                        super().__init__(*args, **kwargs)
                        self.trailing_slash = r"/?"

                class ItemViewSet(viewsets.ModelViewSet): ...

                router = OptionalSlashRouter()
                router.register("items", ItemViewSet)
                urlpatterns = [path("api/", include(router.urls))]
                """).described()).containsExactly(
                        "ANY /api/items/? api/urls.py:13 ItemViewSet",
                        "ANY /api/items/{pk}/? api/urls.py:13 ItemViewSet");
    }

    @Test
    void aRouterSubclassWithItsOwnRoutesGivesThoseForTheActionsEachViewsetHas() {
        // Nautobot's UI router: Route entries with mappings, a DynamicRoute for @action.
        assertThat(repo().file("core/routers.py", """
                from rest_framework.routers import DynamicRoute, Route, SimpleRouter

                class UIRouter(SimpleRouter):
                    routes = [
                        Route(url=r"^{prefix}/$", mapping={"get": "list"}, name="{basename}_list", detail=False,
                              initkwargs={}),
                        Route(url=r"^{prefix}/add/$", mapping={
                            "get": "create",
                            "post": "create",
                        }, name="{basename}_add", detail=False, initkwargs={}),
                        Route(url=r"^{prefix}/{lookup}$", mapping={"get": "retrieve"}, name="{basename}",
                              detail=True, initkwargs={}),
                        Route(url=r"^{prefix}/{lookup}/edit/$", mapping={"post": "update"}, name="{basename}_edit",
                              detail=True, initkwargs={}),
                        DynamicRoute(url=r"^{prefix}/{lookup}/{url_path}/$", name="{basename}_{url_name}",
                                     detail=True, initkwargs={}),
                    ]
                """).file("circuits/urls.py", """
                from core.routers import UIRouter
                from circuits import views

                router = UIRouter()
                router.register("providers", views.ProviderUIViewSet)
                urlpatterns = router.urls
                """).file("circuits/views.py", """
                from rest_framework.decorators import action
                from rest_framework.viewsets import ViewSet

                class ProviderUIViewSet(ViewSet):
                    lookup_field = "slug"
                    def list(self, request): ...
                    def retrieve(self, request, slug=None): ...
                    @action(detail=True)
                    def notes(self, request, slug=None): ...
                """).described()).containsExactly(
                "ANY /providers/ circuits/urls.py:5 views.ProviderUIViewSet",
                "ANY /providers/{slug} circuits/urls.py:5 views.ProviderUIViewSet",
                "ANY /providers/{slug}/notes/ circuits/urls.py:5 views.ProviderUIViewSet.notes");
    }

    @Test
    void aRouterMadeByAConditionalExpressionStillGivesItsRoutes() {
        // cookiecutter-django's config/api_router.py
        assertThat(repo().file("config/api_router.py", """
                from django.conf import settings
                from rest_framework.routers import DefaultRouter, SimpleRouter
                from app.views import ThingViewSet

                router = DefaultRouter() if settings.DEBUG else SimpleRouter()
                router.register("things", ThingViewSet)
                app_name = "api"
                urlpatterns = router.urls
                """).file("app/views.py", """
                from rest_framework.decorators import action
                from rest_framework.viewsets import ModelViewSet

                class ThingViewSet(ModelViewSet):
                    @action(detail=False)
                    def me(self, request): ...
                """).described()).containsExactly("ANY /things/ config/api_router.py:6 ThingViewSet",
                "ANY /things/me/ config/api_router.py:6 ThingViewSet.me",
                "ANY /things/{pk}/ config/api_router.py:6 ThingViewSet");
    }

    @Test
    void aConditionalExpressionAsAPathIsUnresolvedWithItsText() {
        assertThat(repo().file("shop/urls.py", """
                from django.conf import settings
                from django.urls import path
                from . import views

                urlpatterns = [path("beta/" if settings.BETA else "shop/", views.index)]
                """).routes()).containsExactly(new Route("django", "ANY", "/", false,
                "\"beta/\" if settings.BETA else \"shop/\"", "shop/urls.py", 5, "views.index"));
    }

    @Test
    void drfRouterUrlsAddedToUrlpatternsWithoutTrailingSlash() {
        assertThat(repo().file("api/urls.py", """
                from rest_framework.routers import SimpleRouter
                from .views import ItemViewSet

                router = SimpleRouter(trailing_slash=False)
                router.register("items", ItemViewSet)
                urlpatterns = []
                urlpatterns += router.urls
                """).endpoints()).containsExactly("ANY /items", "ANY /items/{pk}");
    }

    @Test
    void i18nPatternsArgumentsAreRoutes() {
        assertThat(repo().file("proj/urls.py", """
                from django.conf.urls.i18n import i18n_patterns
                from django.urls import path
                from shop import views
                urlpatterns = i18n_patterns(path("about/", views.about), prefix_default_language=False)
                """).endpoints()).containsExactly("ANY /about/");
    }

    @Test
    void staticFileHelpersAreNotRoutes() {
        assertThat(repo().file("proj/urls.py", """
                from django.conf import settings
                from django.conf.urls.static import static
                from django.urls import path
                from shop import views
                urlpatterns = [path("", views.home)] + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
                """).endpoints()).containsExactly("ANY /");
    }

    @Test
    void pathTextInCommentsAndStringsIsNotARoute() {
        assertThat(repo().file("shop/urls.py", """
                from django.urls import path
                from . import views
                # urlpatterns = [path("commented/", views.x)]
                HELP = 'path("in-string/", views.y)'
                urlpatterns = [
                    # path("disabled/", views.z),
                    path("live/", views.live),
                ]
                """).endpoints()).containsExactly("ANY /live/");
    }

    @Test
    void pathFunctionFromElsewhereIsNotARoute() {
        assertThat(repo().file("shop/urls.py", """
                from os import path
                from . import views
                urlpatterns = [path.join("a", "b")]
                """).routes()).isEmpty();
    }

    @Test
    void formatSuffixPatternsKeepsTheRoutesItWraps() {
        assertThat(repo().file("api/urls.py", """
                from django.urls import path
                from rest_framework.urlpatterns import format_suffix_patterns
                from . import views
                urlpatterns = [path("snippets/", views.SnippetList.as_view())]
                urlpatterns = format_suffix_patterns(urlpatterns)
                urlpatterns = [*urlpatterns, path("extra/", views.extra)]
                """).endpoints()).containsExactly("ANY /snippets/", "ANY /extra/");
    }

    @Test
    void includeOfAnUnknownRouterObjectIsOneUnresolvedRoute() {
        List<Route> routes = repo().file("api/urls.py", """
                from django.urls import include, path
                from thirdparty import routers

                nested = routers.ThirdPartyRouter(parent, r"users", lookup="user")
                urlpatterns = [
                    path("", include(nested.urls)),
                ]
                """).routes();
        // (A Django Ninja API's urls were such an include before python extractor version 5.)
        assertThat(routes).extracting(Route::path, Route::resolved, Route::rawExpression).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/", false, "include(nested.urls)"));
    }

    @Test
    void hugeConcatenationsDoNotOverflowTheStack() {
        String src = "from django.urls import path\nurlpatterns = [path('a/', v)]" + " + []".repeat(20_000) + "\n";
        assertThat(repo().file("urls.py", src).endpoints()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void singleFileAppConfiguresItselfAsRootUrlconf() {
        assertThat(repo().file("tiny.py", """
                import sys
                from django.conf import settings
                from django.urls import path
                from django.http import HttpResponse

                settings.configure(DEBUG=True, ROOT_URLCONF=__name__)

                def index(request):
                    return HttpResponse("hi")

                urlpatterns = [path("", index)]
                """).described()).containsExactly("ANY / tiny.py:11 index");
    }

    @Test
    void oldStyleStringViewsAndPatternsPrefix() {
        assertThat(repo().file("legacy/urls.py", """
                from django.conf.urls import patterns, url
                urlpatterns = patterns('',
                    url(r'^$', 'legacy.views.index', name='index'),
                    url(r'^about/$', 'legacy.views.about'),
                )
                """).described()).containsExactly("ANY /$ legacy/urls.py:3 legacy.views.index",
                "ANY /about/$ legacy/urls.py:4 legacy.views.about");
    }

    @Test
    void aCopiedListKeepsWhatIsAddedAfterAndAHelperReturningAPatternIsReadPerCall() {
        // zulip's zproject/urls.py: urls = list(i18n_urls), rest_path(...) helpers, an include per app.
        assertThat(repo().file("proj/settings.py", "ROOT_URLCONF = 'proj.urls'\nEXTRA_APPS = []\n")
                .file("proj/rest.py", """
                        from django.urls import path
                        from proj.views import rest_dispatch

                        def rest_path(route, **handlers):
                            return path(route, rest_dispatch, handlers)
                        """).file("proj/urls.py", """
                        from django.conf import settings
                        from django.urls import include, path
                        from proj.rest import rest_path
                        from proj import views

                        i18n_urls = [path("", views.home)]
                        v1_api = [
                            rest_path("users", GET=views.get_users),
                            rest_path("users/<int:user_id>", GET=views.get_user),
                        ]
                        urls = list(i18n_urls)
                        urls += [path("api/v1/", include(v1_api)), path("json/", include(v1_api))]
                        for app_name in settings.EXTRA_APPS:
                            urls += [path("", include(f"{app_name}.urls"))]
                        urlpatterns = urls
                        """).described()).containsExactly(
                "ANY / proj/urls.py:6 views.home",
                "ANY /api/v1/users proj/urls.py:8 rest_dispatch",
                "ANY /json/users proj/urls.py:8 rest_dispatch",
                "ANY /api/v1/users/<int:user_id> proj/urls.py:9 rest_dispatch",
                "ANY /json/users/<int:user_id> proj/urls.py:9 rest_dispatch",
                "ANY / proj/urls.py:14 f\"{app_name}.urls\"");
    }

    @Test
    void preDjango16DefaultsModuleAndBareTuplesInPatterns() {
        assertThat(repo().file("proj/settings.py", "ROOT_URLCONF = 'proj.urls'\n").file("proj/urls.py", """
                from django.conf.urls.defaults import *
                from accounts import views

                urlpatterns = patterns('',
                    url(r'^edit/$', views.edit),
                    (r'^old/$', views.old),
                    (r'^gone/(?P<page>.*)$', views.gone, {'status': 410}, 'gone'),
                    (r'^accounts/', include('accounts.urls')),
                )
                """).file("accounts/urls.py", """
                from django.conf.urls.defaults import patterns, url
                from accounts import views
                urlpatterns = patterns('', (r'^login/$', views.login))
                """).described()).containsExactly(
                "ANY /accounts/login/$ accounts/urls.py:3 views.login",
                "ANY /edit/$ proj/urls.py:5 views.edit",
                "ANY /old/$ proj/urls.py:6 views.old",
                "ANY /gone/(?P<page>.*)$ proj/urls.py:7 views.gone");
    }

    @Test
    void urlpatternsImportedFromABaseModuleAndExtended() {
        assertThat(repo().file("proj/settings.py", "ROOT_URLCONF = 'proj.urls'\n").file("proj/urls.py", """
                from django.urls import path
                from proj.base_urls import urlpatterns
                from shop import views
                urlpatterns += [path("extra/", views.extra)]
                """).file("proj/base_urls.py", """
                from django.urls import path
                from shop import views
                urlpatterns = [path("base/", views.base)]
                """).file("proj/star_urls.py", """
                from proj.base_urls import *
                """).described()).containsExactly("ANY /base/ proj/base_urls.py:3 views.base",
                "ANY /extra/ proj/urls.py:4 views.extra");
    }

    @Test
    void theFixtureProjectGivesExactlyItsRoutes() {
        assertThat(PythonRepo.fixture("djangoshop").routes()).extracting(
                r -> r.method() + " " + r.path() + " " + r.resolved() + " " + r.rawExpression() + " " + r.file() + ":"
                        + r.line() + " " + r.handler()).containsExactly(
                "ANY /api/users/ true null config/api_router.py:12 UserViewSet",
                "ANY /api/users/me/ true null config/api_router.py:12 UserViewSet.me",
                "ANY /api/users/{username}/ true null config/api_router.py:12 UserViewSet",
                "ANY /api/products/ true null config/api_router.py:13 ProductViewSet",
                "ANY /api/products/{pk}/ true null config/api_router.py:13 ProductViewSet",
                "ANY / true null config/urls.py:9 TemplateView",
                "ANY / false settings.ADMIN_URL, admin.site.urls config/urls.py:11 admin.site.urls",
                "ANY /accounts/ false include(\"allauth.urls\") config/urls.py:13 allauth.urls",
                "ANY /400/ true null config/urls.py:23 default_views.bad_request",
                "ANY /404/ true null config/urls.py:24 default_views.page_not_found",
                "ANY /__debug__/ false include(debug_toolbar.urls) config/urls.py:29 debug_toolbar.urls",
                "ANY /users/~redirect/ true null shop/users/urls.py:7 user_redirect_view",
                "ANY /users/~update/ true null shop/users/urls.py:8 user_update_view",
                "ANY /users/<str:username>/ true null shop/users/urls.py:9 user_detail_view");
    }

    @Test
    void aUrlconfIncludingTheListItImportedUnderTheSameNameMountsThatList() {
        // django-rq's test URLconf includes the app's urlpatterns, imported under the name it rebinds.
        assertThat(repo().file("proj/settings.py", """
                ROOT_URLCONF = "proj.urls"
                """).file("proj/urls.py", """
                from django.urls import path
                from queues.urls import urlpatterns
                from . import views

                urlpatterns = [
                    path("ok/", views.ok),
                    path("queues/", (urlpatterns, "", "queues")),
                ]
                """).file("queues/urls.py", """
                from django.urls import re_path
                from . import views

                urlpatterns = [
                    re_path(r"^$", views.stats),
                    re_path(r"^(?P<q>[0-9]+)/$", views.jobs),
                ]
                """).described()).containsExactlyInAnyOrder(
                        "ANY /ok/ proj/urls.py:6 views.ok",
                        "ANY /queues/$ queues/urls.py:5 views.stats",
                        "ANY /queues/(?P<q>[0-9]+)/$ queues/urls.py:6 views.jobs");
    }

    @Test
    void oldPatternsWrappingTheListItselfKeepsItsPatterns() {
        // django-session-security's test project: `if patterns: urlpatterns = patterns("", *urlpatterns)`.
        assertThat(repo().file("proj/urls.py", """
                from django.conf.urls import include, url
                try:
                    from django.conf.urls import patterns
                except ImportError:
                    patterns = None
                from . import views

                urlpatterns = [
                    url(r"^$", views.home),
                    url(r"ping/", include("pings.urls")),
                ]

                if patterns:
                    urlpatterns = patterns("", *urlpatterns)
                """).file("pings/urls.py", """
                from django.conf.urls import url
                from .views import PingView

                urlpatterns = [url("ping/$", PingView.as_view())]
                """).described()).containsExactlyInAnyOrder(
                        "ANY /$ proj/urls.py:9 views.home",
                        "ANY /ping/ping/$ pings/urls.py:4 PingView");
    }

    @Test
    void aCopyOfAListOfPatternsHoldsItsPatterns() {
        assertThat(repo().file("proj/urls.py", """
                from copy import copy
                from django.urls import path
                from . import views

                basic = [path("a/", views.a)]
                basic.append(path("b/", views.b))
                urlpatterns = copy(basic)
                """).endpoints()).containsExactlyInAnyOrder("ANY /a/", "ANY /b/");
    }

    @Test
    void aRepositoryFunctionReturningOnlyIncludesIsAnIncludeOfWhatItIsGiven() {
        // django-js-reverse's tests: `def include(v, **kwargs)`, a shim over Django's include by version.
        assertThat(repo().file("proj/urls.py", """
                from django.conf.urls import include as django_include
                from django.conf.urls import url
                from . import views, compat

                inner = [url(r"^x/$", views.x)]

                def include(v, **kwargs):
                    if not compat.new_django():
                        return django_include(v, **kwargs)
                    return django_include((v, "app"), **kwargs)

                nested = [url(r"^n/", include(inner, namespace="n"))]

                urlpatterns = [
                    url(r"^a/", include(inner, namespace="a")),
                    url(r"^b/", include(nested, namespace="b")),
                    url(r"^c/", django_include(inner)),
                ]
                """).endpoints()).containsExactlyInAnyOrder("ANY /a/x/$", "ANY /b/n/x/$", "ANY /c/x/$");
    }

    @Test
    void anIncludeWrapperOfWhatIsKnownOnlyAtRunTimeIsOneRouteAtItsCall() {
        // Horizon: `re_path(r'', horizon.base._wrapped_include(horizon.urls))`, the wrapper unpacking
        // its tuple argument, the dashboards' URLs built when the site is first read
        List<Route> routes = repo().file("horizon/base.py", """
                from django.conf.urls import include

                def _wrapped_include(arg):
                    pattern_list, app_namespace, instance_namespace = arg
                    return include((pattern_list, app_namespace), namespace=instance_namespace)
                """).file("horizon/__init__.py", """
                from horizon.base import site
                urls = site._lazy_urls
                """).file("dashboard/urls.py", """
                from django.urls import re_path
                import horizon
                import horizon.base
                from . import views

                urlpatterns = [
                    re_path(r'^$', views.splash),
                    re_path(r'', horizon.base._wrapped_include(horizon.urls)),
                ]
                ngdetails_url = re_path(r'^ngdetails/', views.AngularDetailsView.as_view())
                urlpatterns.append(ngdetails_url)
                """).routes();

        assertThat(routes).extracting(r -> r.path() + " " + r.file() + ":" + r.line() + " " + r.handler() + " "
                + r.rawExpression()).containsExactlyInAnyOrder(
                "/$ dashboard/urls.py:7 views.splash null",
                "/ dashboard/urls.py:8 horizon.urls horizon.base._wrapped_include(horizon.urls)",
                "/ngdetails/ dashboard/urls.py:10 views.AngularDetailsView null");
    }

    @Test
    // a bound on a hang (it never ended), not a measure of speed: it takes a fraction of a second
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anInstanceAttributeAssignedFromItselfIsResolvedOnce() {
        // django-haystack's SearchQuerySet: `self.query = self.query.using(alias)` beside four more
        // assignments of `self.query`; each resolved all of them again, and the bootstrap never ended
        List<Route> routes = repo().file("search/query.py", """
                from django.conf import settings

                class SearchQuerySet:
                    def __init__(self, using=None, query=None):
                        self.query = query
                        if using:
                            self.query = self.query.using(using)

                    def _clone(self):
                        self.query = self.query._clone()
                        return self

                    def filter(self, **kwargs):
                        self.query = self.query.filter(**kwargs)
                        return self

                    def exclude(self, **kwargs):
                        self.query = self.query.exclude(**kwargs)
                        return self

                    def order_by(self, *fields):
                        self.query = self.query.order_by(*fields)
                        return self.query.build()
                """).file("search/views.py", """
                from .query import SearchQuerySet

                class SearchView:
                    def __init__(self, searchqueryset=None):
                        self.searchqueryset = searchqueryset or SearchQuerySet()
                        self.results = self.searchqueryset.query.order_by("title")

                    def __call__(self, request):
                        return self.results
                """).file("search/urls.py", """
                from django.urls import path
                from .views import SearchView

                urlpatterns = [path("", SearchView(), name="haystack_search")]
                """).routes();
        assertThat(routes).extracting(Route::method, Route::path, Route::handler)
                .containsExactly(tuple("ANY", "/", "SearchView()"));
    }
}
