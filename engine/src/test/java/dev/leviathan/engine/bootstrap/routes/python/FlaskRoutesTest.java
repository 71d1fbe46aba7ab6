package dev.leviathan.engine.bootstrap.routes.python;

import static dev.leviathan.engine.bootstrap.routes.python.PythonRepo.repo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlaskRoutesTest {

    @Test
    void aModuleNamingNoFrameworkThatCallsAMountHelperIsParsedForItsMount() {
        // cloudkitty: each v2 module's init(app) calls api_utils.do_init(app, "task", [...]), which
        // registers a blueprint at "/" + name; the module names no framework word. The resource
        // passed down is not followed (cloudkitty's are loaded by importlib): unresolved, under /task;
        // the test's call of the helper mounts it too, ignored as test code's mounts are.
        assertThat(repo().file("api/utils.py", """
                import flask
                import flask_restful


                def do_init(app, blueprint_name, resource, url):
                    blueprint = flask.Blueprint(blueprint_name, __name__)
                    api = flask_restful.Api(blueprint)
                    api.add_resource(resource, url)
                    if not blueprint_name.startswith("/"):
                        blueprint_name = "/" + blueprint_name
                    app.register_blueprint(blueprint, url_prefix=blueprint_name)
                """).file("api/task/__init__.py", """
                from api import utils as api_utils
                from api.task.reprocess import Reprocess


                def init(app):
                    api_utils.do_init(app, "task", Reprocess, "/reprocesses")
                    return app
                """).file("api/task/reprocess.py", """
                from api.base import BaseResource


                class Reprocess(BaseResource):
                    def get(self):
                        return []
                """).file("tests/test_utils.py", """
                from api import utils


                def test_do_init(app):
                    utils.do_init(app, "example", None, "/fake")
                """).routes()).containsExactly(new Route("flask", "ANY", "/task", false, "url, resource", "api/utils.py", 8,
                "resource"));
    }

    @Test
    void aDecoratorFactoryAddingRulesGivesRoutesAtEachDecoratorUse() {
        // supysonic's api_routing: the decorator the factory returns adds two rules per view.
        assertThat(repo().file("api/__init__.py", """
                from flask import Blueprint

                api = Blueprint("api", __name__)

                def expose(endpoint):
                    def decorator(func):
                        viewendpoint = "{}.view".format(endpoint)
                        api.add_url_rule(endpoint, view_func=func, methods=["GET", "POST"])
                        api.add_url_rule(viewendpoint, view_func=func, methods=["GET", "POST"])
                        return func

                    return decorator
                """).file("api/system.py", """
                from . import api, expose

                @expose("/ping")
                def ping():
                    return "pong"

                @expose("/getLicense")
                def license():
                    return "ok"

                class Cached:
                    @property
                    def value(self):
                        return 1
                """).file("app.py", """
                from flask import Flask
                from api import api

                app = Flask(__name__)
                app.register_blueprint(api, url_prefix="/rest")
                """).described()).containsExactlyInAnyOrder(
                "GET /rest/getLicense api/system.py:7 license", "POST /rest/getLicense api/system.py:7 license",
                "GET /rest/getLicense.view api/system.py:7 license", "POST /rest/getLicense.view api/system.py:7 license",
                "GET /rest/ping api/system.py:3 ping", "POST /rest/ping api/system.py:3 ping",
                "GET /rest/ping.view api/system.py:3 ping", "POST /rest/ping.view api/system.py:3 ping");
    }

    @Test
    void methodsPassedThroughKeywordSpreadsAreReadOrMarkedUnknown() {
        List<Route> routes = repo().file("app.py", """
                from flask import Flask

                app = Flask(__name__)
                OPTS = {"methods": ["POST"]}

                app.add_url_rule("/x", view_func=f, **OPTS)

                @app.route("/y", **OPTS)
                def y(): ...

                def expose(path, **kw):
                    def outer(fn):
                        app.add_url_rule(path, view_func=fn, **kw)
                        return fn
                    return outer

                @expose("/b", methods=["PUT"])
                def view_b(): ...

                def register(options):
                    app.add_url_rule("/z", view_func=z, **options)
                """).routes();
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.resolved())
                .containsExactlyInAnyOrder("POST /x true", "POST /y true", "PUT /b true", "ANY /z false");
    }

    @Test
    void aDecoratorFactoryRoutingAWrapperGivesRoutesAtEachUse() {
        // ironic-inspector's api(path, **flask_kwargs): the route decorator sits on an inner wrapper.
        assertThat(repo().file("main.py", """
                import functools
                import flask

                _app = flask.Flask(__name__)

                def api(path, **flask_kwargs):
                    def outer(func):
                        @_app.route(path, **flask_kwargs)
                        @functools.wraps(func)
                        def wrapper(*args, **kwargs):
                            return func(*args, **kwargs)
                        return wrapper
                    return outer

                @api("/v1/rules", methods=["GET", "POST"])
                def api_rules():
                    return None

                @api("/v1/continue", methods=["POST"])
                def api_continue():
                    return None
                """).described()).containsExactlyInAnyOrder(
                "GET /v1/rules main.py:15 api_rules", "POST /v1/rules main.py:15 api_rules",
                "POST /v1/continue main.py:19 api_continue");
    }

    @Test
    void aDecoratorFactoryNobodyUsesKeepsItsRuleUnresolved() {
        List<Route> routes = repo().file("api.py", """
                from flask import Blueprint

                bp = Blueprint("api", __name__)

                def expose(rule):
                    def wrap(fn):
                        bp.add_url_rule(rule, view_func=fn)
                        return fn
                    return wrap
                """).routes();
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.resolved() + " " + r.rawExpression())
                .containsExactly("GET / false rule");
    }

    @Test
    void strFormatFillsItsFieldsFromStaticArguments() {
        assertThat(repo().file("app.py", """
                from flask import Flask

                app = Flask(__name__)
                VERSION = "v2"
                NAMES = ("users", "groups")

                app.add_url_rule("/api/{}/status".format(VERSION), view_func=status)
                app.add_url_rule("/api/{0}/{0}/x".format(VERSION), view_func=x)
                app.add_url_rule("/api/{name}/{{literal}}".format(name=VERSION), view_func=y)
                for m in NAMES:
                    app.add_url_rule("/{}".format(m), view_func=listing)
                app.add_url_rule("/{!r}/z".format(VERSION), view_func=z)
                """).routes()).extracting(r -> r.path() + " " + r.resolved())
                .containsExactly("/api/v2/status true", "/api/v2/v2/x true", "/api/v2/{literal} true",
                        "/groups true", "/users true", "/z false");
    }

    @Test
    void routeVerbsABlueprintSubclassDefinesGiveTheRulesItsDecoratorAdds() {
        // sahara's Rest(flask.Blueprint): get -> _mroute -> route, whose decorator adds each rule
        // with a ".json" twin and under "/<tenant_id>"; post_file is a verb Flask does not have.
        assertThat(repo().file("service/rest.py", """
                import flask

                class Rest(flask.Blueprint):
                    def get(self, rule, status_code=200):
                        return self._mroute("GET", rule, status_code)

                    def post_file(self, rule, status_code=202):
                        return self._mroute("POST", rule, status_code, file_upload=True)

                    def _mroute(self, methods, rule, status_code=None, **kw):
                        if isinstance(methods, str):
                            methods = [methods]
                        return self.route(rule, methods=methods, status_code=status_code, **kw)

                    def route(self, rule, **options):
                        status = options.pop("status_code", None)

                        def decorator(func):
                            endpoint = options.pop("endpoint", func.__name__)

                            def handler(**kwargs):
                                return func(**kwargs)

                            f_rule = "/<tenant_id>" + rule
                            self.add_url_rule(rule, endpoint, handler, **options)
                            self.add_url_rule(f_rule + ".json", endpoint, handler, **options)
                            return func

                        return decorator
                """).file("service/v1.py", """
                from service import rest as r

                rest = r.Rest("v1", __name__)

                @rest.get("/clusters")
                def clusters_list(): ...

                @rest.post_file("/binaries/<name>")
                def binary_upload(name, data): ...
                """).file("service/app.py", """
                import flask
                from service import v1

                app = flask.Flask(__name__)
                app.register_blueprint(v1.rest, url_prefix="/v1.1")
                """).described()).containsExactlyInAnyOrder(
                "GET /v1.1/clusters service/v1.py:5 clusters_list",
                "GET /v1.1/<tenant_id>/clusters.json service/v1.py:5 clusters_list",
                "POST /v1.1/binaries/<name> service/v1.py:8 binary_upload",
                "POST /v1.1/<tenant_id>/binaries/<name>.json service/v1.py:8 binary_upload");
    }

    @Test
    void aRouteVerbASubclassDefinesByHandingOnToFlasksOwnIsAnOrdinaryRoute() {
        assertThat(repo().file("app.py", """
                import flask

                class LoggingBlueprint(flask.Blueprint):
                    def get(self, rule, **options):
                        print("declaring", rule)
                        return super().get(rule, **options)

                bp = LoggingBlueprint("bp", __name__)

                @bp.get("/health")
                def health(): ...
                """).described()).containsExactly("GET /health app.py:10 health");
    }

    @Test
    void rulesAFlaskSubclassAddsToItselfAreRulesOfItsInstances() {
        // klaus: class Klaus(flask.Flask) adds its rules in a method, over a table.
        assertThat(repo().file("klaus/__init__.py", """
                import flask
                from klaus import views

                class Klaus(flask.Flask):
                    def __init__(self, repo_paths):
                        flask.Flask.__init__(self, __name__)
                        self.setup_routes()

                    def setup_routes(self):
                        self.add_url_rule("/robots.txt", view_func=views.robots_txt)
                        for endpoint, rule in [("repo_list", "/"), ("blob", "/<repo>/blob/<path:filename>")]:
                            self.add_url_rule(rule, view_func=getattr(views, endpoint))

                def make_app(repo_paths):
                    return Klaus(repo_paths)
                """).endpoints()).containsExactly("GET /robots.txt", "GET /", "GET /<repo>/blob/<path:filename>");
    }

    @Test
    void flaskSubclassesMadeInsideAnotherCallAreInstancesAndADispatcherMountsThemUnderItsKeys() {
        // voltron: two Flask subclasses add their rules in __init__ and are only ever made as the
        // arguments of werkzeug's DispatcherMiddleware, which serves the second under /api; a view
        // function's own `methods` attribute gives the methods of a rule that names none.
        assertThat(repo().file("server.py", """
                from flask import Flask
                from werkzeug.middleware.dispatcher import DispatcherMiddleware

                class ApiApp(Flask):
                    def __init__(self, *args, **kwargs):
                        super().__init__("api", *args, **kwargs)
                        def version(): ...
                        self.add_url_rule("/version", "version", version)
                        def call(): ...
                        call.methods = ["POST"]
                        self.add_url_rule("/call", "call", call)

                class RootApp(Flask):
                    def __init__(self):
                        super().__init__("root")
                        def index(): ...
                        self.add_url_rule("/", "index", index)

                class Server:
                    def start(self):
                        self.app = DispatcherMiddleware(RootApp(), {"/api": ApiApp(server=self)})
                """).described()).containsExactlyInAnyOrder(
                        "GET / server.py:17 index",
                        "GET /api/version server.py:8 version",
                        "POST /api/call server.py:11 call");
    }

    @Test
    void rulesABlueprintBaseClassAddsInItsInitAreRulesOfItsSubclassesInstances() {
        // flask-dance: the base consumer blueprint adds its rules in __init__; only subclasses
        // are made, by factories, and the application registers what they return.
        assertThat(repo()
                .file("consumer/base.py", """
                        import flask

                        class BaseConsumerBlueprint(flask.Blueprint):
                            def __init__(self, name, import_name, url_prefix=None):
                                flask.Blueprint.__init__(self, name=name, import_name=import_name, url_prefix=url_prefix)
                                self.add_url_rule("/authorized", endpoint="authorized", view_func=self.authorized)

                            def authorized(self): ...
                        """)
                .file("consumer/oauth2.py", """
                        from consumer.base import BaseConsumerBlueprint

                        class OAuth2ConsumerBlueprint(BaseConsumerBlueprint):
                            def __init__(self, name, import_name, url_prefix=None):
                                BaseConsumerBlueprint.__init__(self, name, import_name, url_prefix=url_prefix)
                        """)
                .file("app.py", """
                        from flask import Flask
                        from consumer.oauth2 import OAuth2ConsumerBlueprint

                        def make_github_blueprint():
                            return OAuth2ConsumerBlueprint("github", __name__, url_prefix="/login")

                        app = Flask(__name__)
                        app.register_blueprint(make_github_blueprint())
                        """).described()).containsExactly("GET /login/authorized consumer/base.py:6 self.authorized");
    }

    @Test
    void routeDecoratorsOnAnAttributeTheConstructorSetsFromItsParameterAreRoutesOfEachInstancesRouter() {
        // flask-autoindex: an extension keeps the app or blueprint it is made with and decorates
        // its own view on it in __init__; each instance serves under the router it was given.
        assertThat(repo()
                .file("ext.py", """
                        class Browser:
                            def __init__(self, base, show=True):
                                self.base = base
                                if show:
                                    @self.base.route("/")
                                    @self.base.route("/<path:path>")
                                    def listing(path="."): ...
                        """)
                .file("app.py", """
                        from flask import Flask, Blueprint
                        from ext import Browser

                        app = Flask(__name__)
                        Browser(app)
                        files = Blueprint("files", __name__, url_prefix="/files")
                        Browser(files)
                        app.register_blueprint(files)
                        """).described()).containsExactlyInAnyOrder(
                                "GET / ext.py:5 listing",
                                "GET /<path:path> ext.py:6 listing",
                                "GET /files/ ext.py:5 listing",
                                "GET /files/<path:path> ext.py:6 listing");
    }

    @Test
    void anApiSubclassMethodHandingResourcesToAddResourceAddsThemAtEachCall() {
        // Redash's ApiExt.add_org_resource, with and without rewriting the URLs.
        assertThat(repo().file("handlers/api.py", """
                from flask import Flask
                from flask_restful import Api, Resource

                def org_scoped_rule(rule):
                    return rule

                class ApiExt(Api):
                    def add_org_resource(self, resource, *urls, **kwargs):
                        urls = [org_scoped_rule(url) for url in urls]
                        return self.add_resource(resource, *urls, **kwargs)

                    def add_plain(self, resource, *urls, **kwargs):
                        self.add_resource(resource, *urls, **kwargs)

                class AlertResource(Resource):
                    def get(self, alert_id): ...
                    def delete(self, alert_id): ...

                api = ApiExt()
                api.add_org_resource(AlertResource, "/api/alerts/<alert_id>", endpoint="alert")
                api.add_plain(AlertResource, "/plain/<alert_id>", "/plain2/<alert_id>")
                """).routes()).extracting(r -> r.method() + " " + r.path() + " " + r.line() + " " + r.resolved())
                .containsExactly("DELETE /api/alerts/<alert_id> 20 false", "GET /api/alerts/<alert_id> 20 false",
                        "DELETE /plain/<alert_id> 21 true", "DELETE /plain2/<alert_id> 21 true",
                        "GET /plain/<alert_id> 21 true", "GET /plain2/<alert_id> 21 true");
    }

    @Test
    void aNameInTheValueOfItsOwnAssignmentIsTheValueBefore() {
        // sahara's _mroute: `methods = [methods]`; a helper normalising `rule = "/" + rule`.
        assertThat(repo().file("app.py", """
                from flask import Flask

                def register(app, rule, view, methods):
                    if not rule.startswith("/"):
                        rule = "/" + rule
                    if isinstance(methods, str):
                        methods = [methods]
                    app.add_url_rule(rule, view_func=view, methods=methods)

                def ping(): ...

                app = Flask(__name__)
                register(app, "ping", ping, "POST")
                """).described()).containsExactly("POST /ping app.py:13 ping");
    }

    @Test
    void routeDecoratorsOnAHelpersAppParameterAreRoutesOfEachAppItIsGiven() {
        // def register(app): @app.route(...) in a module naming no framework, called by the factory.
        assertThat(repo()
                .file("shop/__init__.py", """
                        from flask import Flask, Blueprint
                        from .views import register, register_admin

                        def create_app():
                            app = Flask(__name__)
                            register(app)
                            admin = Blueprint("admin", __name__)
                            register_admin(admin, "/reports")
                            app.register_blueprint(admin, url_prefix="/admin")
                            return app
                        """)
                .file("shop/views.py", """
                        def register(app):
                            @app.route("/ping")
                            def ping():
                                return "pong"

                            @app.route("/items", methods=["POST"])
                            def create_item():
                                return "ok"

                        def register_admin(bp, base):
                            install(bp, base)

                        def install(where, base):
                            @where.get(base + "/daily")
                            def daily():
                                return "ok"
                        """).described()).containsExactlyInAnyOrder(
                                "GET /admin/reports/daily shop/views.py:14 daily",
                                "GET /ping shop/views.py:2 ping",
                                "POST /items shop/views.py:6 create_item");
    }

    @Test
    void aRouteDecoratorOnAParameterNobodyPassesARouterIsNoRoute() {
        // @cache.get(...) on some other object handed to a helper is not a route.
        assertThat(repo().file("app.py", """
                from flask import Flask

                def setup(cache):
                    @cache.get("/not-a-route")
                    def cached(): ...

                app = Flask(__name__)
                setup(object())
                """).described()).isEmpty();
    }

    @Test
    void flaskRestxNamespacesServeTheirResourcesUnderTheirPathOnTheApi() {
        // The layout Flask-RESTX documents for a bigger project: a Namespace per module, added to
        // an Api that wraps a blueprint.
        assertThat(repo()
                .file("apis/cats.py", """
                        from flask_restx import Namespace, Resource

                        api = Namespace("cats", description="Cats related operations")

                        @api.route("/")
                        class CatList(Resource):
                            def get(self): ...

                        @api.route("/<id>", "/by-id/<id>")
                        class Cat(Resource):
                            def get(self, id): ...
                            def delete(self, id): ...
                        """)
                .file("apis/dogs.py", """
                        from flask_restx import Namespace, Resource

                        api = Namespace("dogs", path="/canines")

                        class Dog(Resource):
                            def put(self, id): ...

                        api.add_resource(Dog, "/<id>")
                        """)
                .file("apis/__init__.py", """
                        from flask import Blueprint
                        from flask_restx import Api, Resource
                        from .cats import api as cats
                        from .dogs import api as dogs

                        blueprint = Blueprint("api", __name__, url_prefix="/api/1")
                        api = Api(blueprint, title="Pets")
                        api.add_namespace(cats)
                        api.add_namespace(dogs)
                        todos = api.namespace("todos")

                        @todos.route("/<int:id>")
                        class Todo(Resource):
                            def patch(self, id): ...

                        @api.route("/hello")
                        class Hello(Resource):
                            def get(self): ...
                        """)
                .file("app.py", """
                        from flask import Flask
                        from apis import blueprint

                        app = Flask(__name__)
                        app.register_blueprint(blueprint)
                        """).described()).containsExactlyInAnyOrder(
                                "GET /api/1/cats/ apis/cats.py:5 CatList",
                                "GET /api/1/cats/<id> apis/cats.py:9 Cat",
                                "DELETE /api/1/cats/<id> apis/cats.py:9 Cat",
                                "GET /api/1/cats/by-id/<id> apis/cats.py:9 Cat",
                                "DELETE /api/1/cats/by-id/<id> apis/cats.py:9 Cat",
                                "PUT /api/1/canines/<id> apis/dogs.py:8 Dog",
                                "PATCH /api/1/todos/<int:id> apis/__init__.py:12 Todo",
                                "GET /api/1/hello apis/__init__.py:16 Hello");
    }

    @Test
    void aNamespaceAddedUnderAPathOfTheCallsServesThere() {
        assertThat(repo().file("app.py", """
                from flask import Flask
                from flask_restx import Api, Namespace, Resource

                app = Flask(__name__)
                api = Api(prefix="/v2")
                ns = Namespace("users", path="/people")

                @ns.route("")
                class Users(Resource):
                    def post(self): ...

                api.add_namespace(ns, path="/members")
                api.init_app(app)
                """).described()).containsExactly("POST /v2/members app.py:8 Users");
    }

    @Test
    void routesAHelperDeclaresOnItsParameterAreReadPerCallOfTheHelper() {
        // Flask's documented register_api helper, and FlaskBB's register_view over a list of rules.
        assertThat(repo().file("app.py", """
                from flask import Flask, Blueprint
                from flask.views import MethodView

                class ItemAPI(MethodView):
                    def get(self, id): ...
                    def delete(self, id): ...

                class GroupAPI(MethodView):
                    def get(self): ...
                    def post(self): ...

                def register_api(app, name):
                    item = ItemAPI.as_view(f"{name}-item")
                    group = GroupAPI.as_view(f"{name}-group")
                    app.add_url_rule(f"/{name}/<int:id>", view_func=item)
                    app.add_url_rule(f"/{name}/", view_func=group)

                def register_view(bp_or_app, routes, view_func, **kwargs):
                    for route in routes:
                        bp_or_app.add_url_rule(route, view_func=view_func, **kwargs)

                app = Flask(__name__)
                auth = Blueprint("auth", __name__)
                register_api(app, "users")
                register_view(auth, routes=["/login", "/signin"], view_func=GroupAPI.as_view("login"))
                app.register_blueprint(auth, url_prefix="/auth")
                """).described()).containsExactly(
                "DELETE /users/<int:id> app.py:24 ItemAPI",
                "GET /users/ app.py:24 GroupAPI",
                "GET /users/<int:id> app.py:24 ItemAPI",
                "POST /users/ app.py:24 GroupAPI",
                "GET /auth/login app.py:25 GroupAPI",
                "GET /auth/signin app.py:25 GroupAPI",
                "POST /auth/login app.py:25 GroupAPI",
                "POST /auth/signin app.py:25 GroupAPI");
    }

    @Test
    void aHelperAddingRulesToTheModulesAppIsReadPerCallOfTheHelper() {
        // The register_api of Flask's "Method Views for APIs" documentation before 2.2: the app is
        // the module's, the path and the view class are the helper's parameters, the last path
        // is made with %.
        assertThat(repo().file("app.py", """
                from flask import Flask
                from flask.views import MethodView

                app = Flask(__name__)

                class UserAPI(MethodView):
                    def get(self, user_id): ...
                    def post(self): ...

                def register_api(view, endpoint, url, pk='id', pk_type='int'):
                    view_func = view.as_view(endpoint)
                    app.add_url_rule(url, defaults={pk: None},
                                     view_func=view_func, methods=['GET',])
                    app.add_url_rule(url, view_func=view_func, methods=['POST',])
                    app.add_url_rule('%s<%s:%s>' % (url, pk_type, pk), view_func=view_func,
                                     methods=['GET', 'PUT', 'DELETE'])

                register_api(UserAPI, 'user_api', '/users/', pk='user_id')
                register_api(UserAPI, 'group_api', '/groups/')
                """).described()).containsExactly(
                "DELETE /users/<int:user_id> app.py:18 UserAPI",
                "GET /users/ app.py:18 UserAPI",
                "GET /users/<int:user_id> app.py:18 UserAPI",
                "POST /users/ app.py:18 UserAPI",
                "PUT /users/<int:user_id> app.py:18 UserAPI",
                "DELETE /groups/<int:id> app.py:19 UserAPI",
                "GET /groups/ app.py:19 UserAPI",
                "GET /groups/<int:id> app.py:19 UserAPI",
                "POST /groups/ app.py:19 UserAPI",
                "PUT /groups/<int:id> app.py:19 UserAPI");
    }

    @Test
    void aHelperNobodyCallsKeepsItsRuleAsWrittenUnresolved() {
        assertThat(repo().file("app.py", """
                from flask import Flask
                app = Flask(__name__)

                def listing(): ...

                def register(url):
                    app.add_url_rule(url, view_func=listing)
                """).routes()).singleElement().satisfies(r -> {
                    assertThat(r.resolved()).isFalse();
                    assertThat(r.line()).isEqualTo(7);
                });
    }

    @Test
    void aMethodsRuleOnTheModulesAppIsNotReadPerCallOfTheMethod() {
        // Its calls do not pass self, so their arguments would be bound one parameter off.
        assertThat(repo().file("app.py", """
                from flask import Flask
                app = Flask(__name__)

                def v(): ...

                class Web:
                    def define(self, name):
                        app.add_url_rule(name + "/x", view_func=v)

                Web().define("/a")
                """).routes()).singleElement().satisfies(r -> {
                    assertThat(r.resolved()).isFalse();
                    assertThat(r.line()).isEqualTo(8);
                });
    }

    @Test
    void prefixesReadFromTheAppsConfigTakeTheValueTheCodeSets() {
        // FlaskBB: the defaults come from a class named by a dotted string; a user file may override them.
        assertThat(repo().file("forum/configs/default.py", """
                class BaseConfig(object):
                    AUTH_URL_PREFIX = "/auth"

                class DefaultConfig(BaseConfig):
                    USER_URL_PREFIX = "/user"
                    debug_only = "/not-a-setting"
                """).file("forum/app.py", """
                from flask import Flask

                def create_app(config=None):
                    app = Flask("forum")
                    app.config.from_object("forum.configs.default.DefaultConfig")
                    app.config.from_pyfile(config, silent=True)
                    app.config["API_PREFIX"] = "/api"
                    app.config.update(ADMIN_PREFIX="/admin")
                    load_blueprints(app)
                    return app
                """).file("forum/views.py", """
                from flask import Blueprint

                def ping(): ...

                def load_blueprints(app):
                    user = Blueprint("user", __name__)
                    user.add_url_rule("/me", view_func=ping)
                    app.register_blueprint(user, url_prefix=app.config["USER_URL_PREFIX"])
                    auth = Blueprint("auth", __name__)
                    auth.add_url_rule("/login", view_func=ping)
                    app.register_blueprint(auth, url_prefix=app.config.get("AUTH_URL_PREFIX", "/a"))
                    api = Blueprint("api", __name__)
                    api.add_url_rule("/v1", view_func=ping)
                    app.register_blueprint(api, url_prefix=app.config["API_PREFIX"])
                    admin = Blueprint("admin", __name__)
                    admin.add_url_rule("/", view_func=ping)
                    app.register_blueprint(admin, url_prefix=app.config["ADMIN_PREFIX"])
                """).endpoints()).containsExactlyInAnyOrder("GET /user/me", "GET /auth/login", "GET /api/v1",
                "GET /admin/");
    }

    @Test
    void aConfigValueTheConfigClassesDisagreeOnIsUnresolved() {
        // Grinberg's flasky: app.config.from_object(config[config_name]) over a dict of classes.
        var routes = repo().file("app.py", """
                from flask import Flask, Blueprint

                class Config:
                    API_PREFIX = "/api/v1"

                class DevelopmentConfig(Config):
                    DOCS_PREFIX = "/docs"

                class ProductionConfig(Config):
                    DOCS_PREFIX = "/help"

                config = {"development": DevelopmentConfig, "production": ProductionConfig}

                def ping(): ...

                def create_app(name):
                    app = Flask(__name__)
                    app.config.from_object(config[name])
                    api = Blueprint("api", __name__)
                    api.add_url_rule("/ping", view_func=ping)
                    app.register_blueprint(api, url_prefix=app.config["API_PREFIX"])
                    docs = Blueprint("docs", __name__)
                    docs.add_url_rule("/index", view_func=ping)
                    app.register_blueprint(docs, url_prefix=app.config["DOCS_PREFIX"])
                    return app
                """).routes();
        assertThat(routes).extracting(r -> r.path() + " " + r.resolved())
                .containsExactlyInAnyOrder("/api/v1/ping true", "/index false");
    }

    @Test
    void percentFormattedPathsAreFilledWithTheirValues() {
        assertThat(repo().file("app.py", """
                from flask import Flask
                app = Flask(__name__)
                BASE = "/api"

                def a(): ...

                app.add_url_rule("%s/items" % BASE, view_func=a)
                app.add_url_rule("%(base)s/v%(n)s/things" % {"base": BASE, "n": "2"}, view_func=a)
                app.add_url_rule("%s/100%%" % (BASE,), view_func=a)
                app.add_url_rule("%s/%d" % (BASE, 3), view_func=a)
                """).routes()).extracting(r -> r.path() + " " + r.resolved()).containsExactly(
                "/api/items true", "/api/v2/things true", "/api/100% true", "/api/ false");
    }

    @Test
    void aRuleAddedInALoopOverLiteralPathsGivesOneRoutePerPath() {
        assertThat(repo().file("app.py", """
                from flask import Flask
                app = Flask(__name__)

                def listing(): ...

                for p in ["/l1", "/l2"]:
                    app.add_url_rule(p, view_func=listing)
                """).described()).containsExactly("GET /l1 app.py:7 listing", "GET /l2 app.py:7 listing");
    }

    @Test
    void aMountInALoopOverLiteralPrefixesIsReadOncePerPrefix() {
        assertThat(repo().file("main.py", """
                from fastapi import FastAPI, APIRouter
                app = FastAPI()
                r = APIRouter()

                @r.get("/c")
                def c(): ...

                for v in ["/v1", "/v2"]:
                    app.include_router(r, prefix=v)
                for n in ("3",):
                    app.include_router(r, prefix=f"/v{n}")
                """).endpoints()).containsExactly("GET /v1/c", "GET /v2/c", "GET /v3/c");
    }

    @Test
    void routeWithoutMethodsIsGet() {
        List<Route> routes = repo().file("app.py", """
                from flask import Flask
                app = Flask(__name__)

                @app.route("/")
                def index():
                    return "hello"
                """).routes();
        assertThat(routes).containsExactly(new Route("flask", "GET", "/", true, null, "app.py", 4, "index"));
    }

    @Test
    void routeWithMethodsGivesOneRoutePerMethod() {
        assertThat(repo().file("app.py", """
                from flask import Flask, request
                app = Flask(__name__)

                @app.route("/login", methods=["GET", "POST"])
                def login(): ...

                @app.route("/items/<int:item_id>", methods=("put", "DELETE"))
                def item(item_id): ...

                @app.route("/tags", methods={"PATCH"})
                def tags(): ...
                """).endpoints()).containsExactly("GET /login", "POST /login", "DELETE /items/<int:item_id>",
                "PUT /items/<int:item_id>", "PATCH /tags");
    }

    @Test
    void flaskTwoMethodShortcuts() {
        assertThat(repo().file("app.py", """
                from flask import Flask
                app = Flask(__name__)

                @app.get("/a")
                def a(): ...
                @app.post("/a")
                def b(): ...
                @app.put("/a")
                def c(): ...
                @app.delete("/a")
                def d(): ...
                @app.patch("/a")
                def e(): ...
                """).endpoints()).containsExactly("GET /a", "POST /a", "PUT /a", "DELETE /a", "PATCH /a");
    }

    @Test
    void blueprintOwnUrlPrefixAppliesWhenRegisteredWithoutOne() {
        assertThat(repo().file("app.py", """
                from flask import Flask, Blueprint
                bp = Blueprint("auth", __name__, url_prefix="/auth")

                @bp.route("/login", methods=["POST"])
                def login(): ...

                @bp.route("/")
                def home(): ...

                app = Flask(__name__)
                app.register_blueprint(bp)
                """).endpoints()).containsExactly("POST /auth/login", "GET /auth/");
    }

    @Test
    void registerUrlPrefixReplacesTheBlueprintsOwn() {
        assertThat(repo().file("app.py", """
                from flask import Flask, Blueprint
                bp = Blueprint("api", __name__, url_prefix="/ignored")

                @bp.get("/users")
                def users(): ...

                app = Flask(__name__)
                app.register_blueprint(bp, url_prefix="/api/v2")
                """).endpoints()).containsExactly("GET /api/v2/users");
    }

    @Test
    void blueprintRegisteredTwiceGivesRoutesPerRegistration() {
        assertThat(repo().file("app.py", """
                from flask import Flask, Blueprint
                bp = Blueprint("pages", __name__)

                @bp.route("/about")
                def about(): ...

                app = Flask(__name__)
                app.register_blueprint(bp)
                app.register_blueprint(bp, url_prefix="/<lang>", name="pages_i18n")
                """).endpoints()).containsExactly("GET /<lang>/about", "GET /about");
    }

    @Test
    void nestedBlueprintsComposePrefixes() {
        assertThat(repo().file("app.py", """
                from flask import Flask, Blueprint
                parent = Blueprint("parent", __name__, url_prefix="/parent")
                child = Blueprint("child", __name__, url_prefix="/child")

                @child.route("/leaf")
                def leaf(): ...

                parent.register_blueprint(child)
                app = Flask(__name__)
                app.register_blueprint(parent, url_prefix="/p")
                """).endpoints()).containsExactly("GET /p/child/leaf");
    }

    @Test
    void unregisteredBlueprintKeepsItsOwnPrefix() {
        assertThat(repo().file("views.py", """
                from flask import Blueprint
                main = Blueprint("main", __name__, url_prefix="/main")

                @main.route("/dashboard")
                def dashboard(): ...
                """).endpoints()).containsExactly("GET /main/dashboard");
    }

    @Test
    void addUrlRuleWithViewFunctionAndMethods() {
        assertThat(repo().file("app.py", """
                from flask import Flask
                from . import views
                app = Flask(__name__)

                app.add_url_rule("/", "index", views.index)
                app.add_url_rule("/save", view_func=views.save, methods=["POST"])
                """).described()).containsExactly("GET / app.py:5 views.index", "POST /save app.py:6 views.save");
    }

    @Test
    void classBasedViewGetsTheMethodsItDefines() {
        assertThat(repo().file("app.py", """
                from flask import Flask
                from flask.views import MethodView, View

                class UserAPI(MethodView):
                    def get(self, user_id): ...
                    def post(self): ...
                    def delete(self, user_id): ...

                class Report(View):
                    methods = ["GET", "POST"]
                    def dispatch_request(self): ...

                class Plain(View):
                    def dispatch_request(self): ...

                app = Flask(__name__)
                user_view = UserAPI.as_view("users")
                app.add_url_rule("/users/<int:user_id>", view_func=user_view)
                app.add_url_rule("/report", view_func=Report.as_view("report"))
                app.add_url_rule("/plain", view_func=Plain.as_view("plain"))
                """).described()).containsExactly("DELETE /users/<int:user_id> app.py:18 user_view",
                "GET /users/<int:user_id> app.py:18 user_view", "POST /users/<int:user_id> app.py:18 user_view",
                "GET /report app.py:19 Report", "POST /report app.py:19 Report", "GET /plain app.py:20 Plain");
    }

    @Test
    void appFactoryRegistersBlueprintsInsideTheFunction() {
        assertThat(repo().file("app/__init__.py", """
                from flask import Flask

                def create_app(config=None):
                    app = Flask(__name__)
                    from .auth import auth_bp
                    from .api import api as api_blueprint
                    app.register_blueprint(auth_bp)
                    app.register_blueprint(api_blueprint, url_prefix="/api")

                    @app.route("/healthz")
                    def healthz():
                        return "ok"

                    return app
                """).file("app/auth.py", """
                from flask import Blueprint
                auth_bp = Blueprint("auth", __name__, url_prefix="/auth")

                @auth_bp.route("/login", methods=["GET", "POST"])
                def login(): ...
                """).file("app/api.py", """
                from flask import Blueprint
                api = Blueprint("api", __name__)

                @api.get("/items")
                def items(): ...
                """).endpoints()).containsExactly("GET /healthz", "GET /api/items", "GET /auth/login",
                "POST /auth/login");
    }

    @Test
    void registerBlueprintOnAnUntypedAppParameter() {
        assertThat(repo().file("blueprints.py", """
                from flask import Blueprint
                bp = Blueprint("admin", __name__)

                @bp.route("/stats")
                def stats(): ...

                def register_blueprints(app):
                    app.register_blueprint(bp, url_prefix="/admin")
                """).endpoints()).containsExactly("GET /admin/stats");
    }

    @Test
    void decoratorAppliedByHandRegistersTheView() {
        assertThat(repo().file("app.py", """
                from flask import Flask
                app = Flask(__name__)

                def ping():
                    return "pong"

                app.route("/ping", methods=["GET"])(ping)
                """).described()).containsExactly("GET /ping app.py:7 ping");
    }

    @Test
    void smorestBlueprintRouteOnAMethodViewClass() {
        assertThat(repo().file("resources/pets.py", """
                from flask.views import MethodView
                from flask_smorest import Blueprint

                blp = Blueprint("pets", __name__, url_prefix="/pets")

                @blp.route("/")
                class Pets(MethodView):
                    def get(self): ...
                    def post(self, data): ...

                @blp.route("/<int:pet_id>")
                class PetById(MethodView):
                    def get(self, pet_id): ...
                    def delete(self, pet_id): ...
                """).endpoints()).containsExactly("GET /pets/", "POST /pets/", "DELETE /pets/<int:pet_id>",
                "GET /pets/<int:pet_id>");
    }

    @Test
    void blueprintPrefixFromAConstant() {
        assertThat(repo().file("app.py", """
                from flask import Flask, Blueprint
                API_PREFIX = "/api/v1"
                bp = Blueprint("api", __name__, url_prefix=API_PREFIX + "/public")

                @bp.route("/status")
                def status(): ...
                """).endpoints()).containsExactly("GET /api/v1/public/status");
    }

    @Test
    void flaskTestClientCallsAreNotRoutes() {
        assertThat(repo().file("tests/test_app.py", """
                from myapp import create_app

                def test_index():
                    app = create_app()
                    client = app.test_client()
                    rv = client.get("/")
                    client.post("/login", data={})
                    with app.test_request_context("/x"):
                        pass
                """).routes()).isEmpty();
    }

    @Test
    void routeOnAnUnknownObjectIsNotARoute() {
        assertThat(repo().file("app.py", """
                from quart import Quart
                app = Quart(__name__)

                @app.route("/quart")
                async def q(): ...

                @socketio.on("connect")
                def connect(): ...
                """).routes()).isEmpty();
    }

    @Test
    void routersUnpackedFromATupleAFactoryReturnsAreThoseRouters() {
        // cloudkitty: blueprint, api = _get_blueprint_and_api(name), the Api wrapping the blueprint.
        assertThat(repo().file("api/v2.py", """
                import flask
                import flask_restful

                class Summary(flask_restful.Resource):
                    def get(self): ...

                def _get_blueprint_and_api(name):
                    blueprint = flask.Blueprint(name, __name__)
                    api = flask_restful.Api(blueprint)
                    return blueprint, api

                blueprint, api = _get_blueprint_and_api("summary")
                api.add_resource(Summary, "/totals")

                app = flask.Flask(__name__)
                app.register_blueprint(blueprint, url_prefix="/summary")
                """).described()).containsExactly("GET /summary/totals api/v2.py:13 Summary");
    }

    @Test
    void flaskRestfulResourcesLiveUnderTheirApiAndBlueprint() {
        assertThat(repo().file("api/__init__.py", """
                from flask import Blueprint, Flask
                from flask_restful import Api, Resource

                class TodoList(Resource):
                    def get(self): ...
                    def post(self): ...

                class Todo(Resource):
                    def get(self, todo_id): ...
                    def delete(self, todo_id): ...

                bp = Blueprint("api", __name__)
                api = Api(bp, prefix="/v1")
                api.add_resource(TodoList, "/todos", "/tasks")
                api.add_resource(Todo, "/todos/<todo_id>", endpoint="todo")

                app = Flask(__name__)
                app.register_blueprint(bp, url_prefix="/api")
                """).endpoints()).containsExactly("GET /api/v1/tasks", "GET /api/v1/todos", "POST /api/v1/tasks",
                "POST /api/v1/todos", "DELETE /api/v1/todos/<todo_id>", "GET /api/v1/todos/<todo_id>");
    }

    @Test
    void flaskRestfulApiInitialisedLaterOnTheApp() {
        assertThat(repo().file("app.py", """
                from flask import Flask
                from flask_restful import Api
                from resources import Health

                api = Api()
                api.add_resource(Health, "/health")

                def create_app():
                    app = Flask(__name__)
                    api.init_app(app)
                    return app
                """).file("resources.py", """
                from flask_restful import Resource
                class Health(Resource):
                    def get(self): ...
                """).endpoints()).containsExactly("GET /health");
    }

    @Test
    void blueprintsRegisteredInALoopOverPairsGetTheirOwnPrefixes() {
        assertThat(repo().file("app.py", """
                from flask import Flask
                from views import auth, shop

                BLUEPRINTS = (
                    (auth.bp, "/auth"),
                    (shop.bp, None),
                )

                def create_app():
                    app = Flask(__name__)
                    for blueprint, prefix in BLUEPRINTS:
                        app.register_blueprint(blueprint, url_prefix=prefix)
                    return app
                """).file("views/auth.py", """
                from flask import Blueprint
                bp = Blueprint("auth", __name__)

                @bp.route("/login")
                def login(): ...
                """).file("views/shop.py", """
                from flask import Blueprint
                bp = Blueprint("shop", __name__, url_prefix="/shop")

                @bp.route("/cart")
                def cart(): ...
                """).endpoints()).containsExactly("GET /auth/login", "GET /shop/cart");
    }

    @Test
    void urlRuleNamingOnlyAnEndpointIsNotADeclaration() {
        assertThat(repo().file("flaskr/__init__.py", """
                from flask import Flask

                def create_app():
                    app = Flask(__name__)
                    from flaskr import blog
                    app.register_blueprint(blog.bp)
                    app.add_url_rule("/", endpoint="index")
                    return app
                """).file("flaskr/blog.py", """
                from flask import Blueprint
                bp = Blueprint("blog", __name__)

                @bp.route("/")
                def index(): ...
                """).described()).containsExactly("GET / flaskr/blog.py:4 index");
    }

    @Test
    void blueprintsOfModulesRegisteredInALoopGetTheLoopsPrefix() {
        // An app factory registering each module's bp in a loop over the modules (the loop variable
        // is the module, the blueprint an attribute of it): each gets its element's url_prefix.
        assertThat(repo().file("app/__init__.py", """
                from flask import Flask
                from app.views import auth, blog


                def create_app():
                    app = Flask(__name__)
                    for module, prefix in ((auth, "/auth"), (blog, "/blog")):
                        app.register_blueprint(module.bp, url_prefix=prefix)
                    return app
                """).file("app/views/auth.py", """
                from flask import Blueprint
                bp = Blueprint("auth", __name__, url_prefix="/own")

                @bp.route("/login")
                def login():
                    return ""
                """).file("app/views/blog.py", """
                from flask import Blueprint
                bp = Blueprint("blog", __name__)

                @bp.route("/posts")
                def posts():
                    return ""
                """).described()).containsExactlyInAnyOrder("GET /auth/login app/views/auth.py:4 login",
                "GET /blog/posts app/views/blog.py:4 posts");
    }

    @Test
    void aBlueprintALibraryMakesIsOneUnresolvedRouteAtItsPrefix() {
        // A blueprint flask-swagger-ui makes, and one of a module importlib loads, cannot be read:
        // one ANY route, unresolved, at the prefix it is registered under.
        assertThat(repo().file("app/__init__.py", """
                import importlib
                from flask import Flask
                from flask_swagger_ui import get_swaggerui_blueprint


                def create_app():
                    app = Flask(__name__)
                    mod = importlib.import_module("app.views.shop")
                    app.register_blueprint(mod.bp, url_prefix="/shop")
                    app.register_blueprint(get_swaggerui_blueprint("/docs", "/static/swagger.json"), url_prefix="/docs")
                    return app
                """).routes()).containsExactlyInAnyOrder(
                new Route("flask", "ANY", "/shop", false, "mod.bp", "app/__init__.py", 9, "mod.bp"),
                new Route("flask", "ANY", "/docs", false, "get_swaggerui_blueprint(\"/docs\", \"/static/swagger.json\")",
                        "app/__init__.py", 10, "get_swaggerui_blueprint(\"/docs\", \"/static/swagger.json\")"));
    }

    @Test
    void aRegisterHelperCalledInALoopOverModulesDeclaresItsRoutes() {
        // for module in (auth, blog): module.register(app): each module's register(app) is called.
        assertThat(repo().file("app/__init__.py", """
                from flask import Flask
                from app.views import auth, blog


                def create_app():
                    app = Flask(__name__)
                    for module in (auth, blog):
                        module.register(app)
                    return app
                """).file("app/views/auth.py", """
                def register(app):
                    @app.route("/login", methods=["POST"])
                    def login():
                        return ""
                """).file("app/views/blog.py", """
                def register(app):
                    @app.get("/posts")
                    def posts():
                        return ""
                """).described()).containsExactlyInAnyOrder("POST /login app/views/auth.py:2 login",
                "GET /posts app/views/blog.py:2 posts");
    }

    @Test
    void aQuotedAnnotationTypesAHelpersBlueprintParameterLikeAnUnquotedOne() {
        // A forward reference to a name imported only for type checkers: with it, the helper's
        // routes are the blueprint's it is given, and stay as written when no call gives one.
        assertThat(repo()
                .file("app.py", """
                        from flask import Flask, Blueprint
                        from views import add_health

                        app = Flask(__name__)
                        bp = Blueprint("ops", __name__, url_prefix="/ops")
                        add_health(bp)
                        app.register_blueprint(bp)
                        """)
                .file("views.py", """
                        import typing as t
                        if t.TYPE_CHECKING:
                            import flask

                        def add_health(bp: "flask.Blueprint") -> None:
                            bp.route("/health", methods=["GET"])(health)

                        def add_status(bp: "flask.Blueprint") -> None:
                            bp.route("/status", methods=["POST"])(status)

                        def health(): ...

                        def status(): ...
                        """).described()).containsExactlyInAnyOrder(
                                "GET /ops/health views.py:6 health",
                                "POST /status views.py:9 status");
    }
}
