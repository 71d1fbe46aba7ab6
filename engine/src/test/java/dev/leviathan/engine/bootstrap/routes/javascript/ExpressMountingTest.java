package dev.leviathan.engine.bootstrap.routes.javascript;

import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.described;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.endpoints;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.project;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.SourceFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Prefixes declared in one file and applied to routers of another. */
class ExpressMountingTest {

    private static final String APP = """
            const express = require('express');
            const app = express();
            """;

    private static final String USERS_ROUTER = """
            const express = require('express');
            const router = express.Router();
            router.get('/', users.list);
            router.get('/:id', users.show);
            """;

    @Test
    void eachCallOfAnAppFactoryMakesItsOwnApp() {
        // node-red: every module builds its app with util.makeApp(settings), the same settings each time.
        List<Route> routes = routes("util.js", """
                const express = require('express');
                module.exports.makeApp = function (settings) { return express(); };
                """, "sub.js", """
                const util = require('./util');
                let settings;
                module.exports = {
                  init(s) { settings = s; },
                  app() {
                    const app = util.makeApp(settings);
                    app.get('/items', list);
                    return app;
                  }
                };
                """, "index.js", """
                const util = require('./util');
                const sub = require('./sub');
                function init(settings) {
                  const main = util.makeApp(settings);
                  sub.init(settings);
                  main.use('/sub', sub.app());
                  main.get('/home', home);
                  return main;
                }
                module.exports = { init };
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("GET /home", "GET /sub/items");
    }

    @Test
    void aRouterFactoryAddedAsAPropertyOfAnExportedFunctionIsFollowed() {
        // Ghost's shared/express.js: the app factory module also carries a Router wrapper.
        List<Route> routes = routes("lib/web.js", """
                const express = require('express');
                module.exports = (name) => express();
                module.exports.Router = (name) => express.Router();
                """, "routes.js", """
                const web = require('./lib/web');
                module.exports = () => { const r = web.Router('x'); r.get('/things', list); return r; };
                """, "app.js", """
                const app = require('./lib/web')('main');
                app.use('/api', require('./routes')());
                """);

        assertThat(endpoints(routes)).containsExactly("GET /api/things");
    }

    @Test
    void aRouterMountedThroughExpressLazyRouterKeepsItsPrefix() {
        // Ghost's app.lazyUse(path, requireFn): app.use(path, lazyLoad(() => Promise.resolve(requireFn()))).
        List<Route> routes = routes("web.js", """
                const express = require('express');
                const { createLazyRouter } = require('express-lazy-router');
                const lazyLoad = createLazyRouter();
                module.exports = (name) => {
                  const app = express();
                  app.lazyUse = function lazyUse(mountPath, requireFn) {
                    app.use(mountPath, lazyLoad(() => Promise.resolve(requireFn())));
                  };
                  return app;
                };
                """, "members.js", """
                const express = require('express');
                module.exports = () => { const r = express.Router(); r.post('/webhooks/stripe', stripe); return r; };
                """, "app.js", """
                const web = require('./web');
                const frontend = web('frontend');
                frontend.lazyUse('/members', require('./members'));
                """);

        assertThat(endpoints(routes)).containsExactly("POST /members/webhooks/stripe");
    }

    @Test
    void anAppFactoryCalledByManyModulesMakesEachItsOwnApp() {
        StringBuilder index = new StringBuilder("const util = require('./util');\n"
                + "const main = util.makeApp(settings);\n");
        List<String> files = new java.util.ArrayList<>(List.of("util.js", """
                const express = require('express');
                module.exports.makeApp = function (settings) { return express(); };
                """));
        List<String> expected = new java.util.ArrayList<>();
        for (int k = 0; k < 24; k++) {
            files.add("m" + k + ".js");
            files.add("const util = require('./util');\n"
                    + "module.exports = function app() { const a = util.makeApp(settings); a.get('/x', h" + k
                    + "); return a; };\n");
            index.append("main.use('/m").append(k).append("', require('./m").append(k).append("')());\n");
            expected.add("GET /m" + k + "/x");
        }
        files.add("index.js");
        files.add(index.toString());

        assertThat(endpoints(routes(files.toArray(String[]::new)))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aRouterFactoryTheSweepRanAloneIsNotReportedBesideItsMountedCall() {
        // json-server: the factory is only called from an exported builder nothing in the repository calls.
        List<Route> routes = routes("items.js", """
                const express = require('express');
                module.exports = (name) => {
                  const r = express.Router();
                  r.get('/', list);
                  return r;
                };
                """, "app.js", """
                const express = require('express');
                const items = require('./items');
                module.exports = function mountAll(prefix) {
                  const app = express();
                  app.use('/api', items(prefix));
                  return app;
                };
                """);

        assertThat(endpoints(routes)).containsExactly("GET /api");
    }

    @Test
    void aMethodAFactoryAddsToItsRouterDeclaresUnderWhereTheFactorysCallerMountsIt() {
        // azure-mobile-apps: tables(configuration) makes a router with an `add(name, definition)` for
        // users to call; the importer's function, which nobody calls either, mounts it under /tables.
        // The sweep runs the importer first, so `add` is swept in the closure of the mounted router.
        List<Route> routes = routes("tables.js", """
                var express = require('express');
                module.exports = function (configuration) {
                  var router = express.Router();
                  router.add = function (name, definition) {
                    var table = express.Router();
                    table.get('/:id', show);
                    router.use('/' + name, table);
                  };
                  return router;
                };
                """, "index.js", """
                var express = require('express'), tables = require('./tables');
                module.exports = function (configuration) {
                  var tableMiddleware = tables(configuration), mobileApp = express.Router();
                  mobileApp.use(configuration.tableRootPath || '/tables', check, tableMiddleware);
                  return mobileApp;
                };
                """);

        assertThat(described(routes)).containsExactly(
                "GET /tables/:id [configuration.tableRootPath || '/tables'] tables.js:6 show");
    }

    @Test
    void routersAFactoryMountsInACallbackStayMountedWhenAnotherModuleCallsTheFactory() {
        // json-server: router(db) mounts plural(db, key) under `/${key}` for each key of the db.
        List<Route> routes = routes("index.js", """
                const express = require('express');
                const plural = require('./plural');
                module.exports = (db) => {
                  const router = express.Router();
                  router.get('/db', dbh);
                  db.forEach((value, key) => {
                    router.use(`/${key}`, plural(db, key));
                  });
                  return router;
                };
                """, "plural.js", """
                const express = require('express');
                module.exports = (db, name) => {
                  const router = express.Router();
                  router.route('/').get(list);
                  router.get('/:id', show);
                  return router;
                };
                """, "main.js", """
                const express = require('express');
                const mk = require('./index');
                function start(db) {
                  const app = express();
                  app.use(mk(db));
                  return app;
                }
                module.exports = start;
                """);

        assertThat(described(routes)).containsExactlyInAnyOrder(
                "GET /db index.js:5 dbh",
                "GET / [`/${key}`] plural.js:4 list",
                "GET /:id [`/${key}`] plural.js:5 show");
    }

    @Test
    void anAppTheSweepMadeIsNoCopyWhenOnlyItsRouterRanTheCallbackThatMountsTheResources() {
        // json-server: `create: () => express().set(…)`; createApp(db) runs once swept and once from a
        // callback; only the swept run's router ran its `db.forEach` callback, which mounts the resources
        List<Route> routes = routes("cli.js", """
                const server = require('./server');
                function createApp(db) {
                  const app = server.create();
                  app.use(server.router(db));
                  return app;
                }
                module.exports = function (argv) {
                  load(argv.source).then((db) => {
                    createApp(db).listen(argv.port);
                  });
                };
                """, "server.js", """
                const express = require('express');
                module.exports = {
                  create: () => express().set('json spaces', 2),
                  router: require('./router'),
                };
                """, "router.js", """
                const express = require('express');
                const plural = require('./plural');
                module.exports = (db) => {
                  const router = express.Router();
                  router.get('/db', dbh);
                  db.forEach((value, key) => {
                    router.use(`/${key}`, plural(db, key));
                  });
                  return router;
                };
                """, "plural.js", """
                const express = require('express');
                module.exports = (db, name) => {
                  const router = express.Router();
                  router.get('/:id', show);
                  return router;
                };
                """);

        assertThat(described(routes)).containsExactlyInAnyOrder(
                "GET /db router.js:5 dbh",
                "GET /:id [`/${key}`] plural.js:4 show");
    }

    @Test
    void helperCallsWithPathsNotKnownWholeStayOneRouteEachNamedByTheirTemplate() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                function page(r, name, h) { r.get(name, h); }
                page(app, `/${mount}/dashboard`, dashboard);
                page(app, `/${mount}/users`, users);
                """);

        assertThat(described(routes)).containsExactly(
                "GET /dashboard [`/${mount}/dashboard`] app.js:3 h",
                "GET /users [`/${mount}/users`] app.js:3 h");
    }

    @Test
    void aRegistrationHelperRunsForEachOfItsCallsNotOnlySixteen() {
        StringBuilder calls = new StringBuilder();
        for (int k = 0; k < 40; k++) {
            calls.append("api(router, 'get', '/r").append(k).append("', h").append(k).append(");\n");
        }
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                const router = express.Router();
                function api(r, verb, name, h) { r[verb](name, h); }
                """ + calls + """
                app.use('/api/v3', router);
                """);

        assertThat(routes).hasSize(40);
        assertThat(routes).extracting(Route::path).contains("/api/v3/r0", "/api/v3/r39");
    }

    @Test
    void routesTheSweepFoundOnAStandInAreDroppedWhenARealCallerMountsThem() {
        List<Route> routes = routes("routes.js", """
                module.exports = app => { app.get('/x', h); };
                """, "server.js", """
                const express = require('express');
                const app = express();
                exports.listen = () => {
                  const r = express.Router();
                  require('./routes')(r);
                  app.use('/api', r);
                };
                """, "package.json", "{\"name\": \"s\", \"main\": \"server.js\"}");

        assertThat(described(routes)).containsExactly("GET /api/x routes.js:1 h");
    }

    @Test
    void twoMountsUnderPrefixesKnownOnlyAtRunTimeThatLeaveOnePathAreOneRoute() {
        // bull-arena mounts its router under `listenOpts.basePath ? listenOpts.basePath : '/'` or
        // under the app's base path, by a setting
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const router = express.Router();
                router.get('/queues', list);
                module.exports = function run(config, listenOpts = {}) {
                  const app = express();
                  if (listenOpts.disableListen) {
                    app.use(listenOpts.basePath ? listenOpts.basePath : '/', router);
                  } else {
                    app.use(config.basePath ? config.basePath : '/', router);
                  }
                  return app;
                };
                """);

        assertThat(routes).hasSize(1);
        assertThat(routes.getFirst()).extracting(Route::method, Route::path, Route::resolved)
                .containsExactly("GET", "/queues", false);
    }

    @Test
    void routesAFunctionDeclaredWhenSweptAloneAreDroppedOnceCodeCallsItWithItsArguments() {
        // @sap/cds: `registerWebhookEndpoints(BASE_PATH, …)` makes an endpoint registry whose
        // constructor declares routes on the shared `cds.app`; its caller is a method the sweep
        // reaches after the function itself
        List<Route> routes = routes("cds.js", """
                const express = require('express');
                module.exports = { app: express() };
                """, "registry.js", """
                const cds = require('./cds');
                class EndpointRegistry {
                  constructor(basePath) {
                    cds.app.options(basePath, preflight);
                    cds.app.post(basePath + '/deploy', deploy);
                  }
                }
                const registerWebhookEndpoints = (basePath) => new EndpointRegistry(basePath);
                module.exports = { registerWebhookEndpoints };
                """, "messaging.js", """
                const { registerWebhookEndpoints } = require('./registry');
                const BASE_PATH = '/messaging/enterprise-messaging';
                class EnterpriseMessaging {
                  async listenToClient(cb) {
                    registerWebhookEndpoints(BASE_PATH);
                  }
                }
                module.exports = EnterpriseMessaging;
                """);

        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.resolved()).containsExactlyInAnyOrder(
                "OPTIONS /messaging/enterprise-messaging true", "POST /messaging/enterprise-messaging/deploy true");
    }

    @Test
    void resolvesARouterExportedWithModuleExportsAndRequired() {
        List<Route> routes = routes(
                "app.js", APP + "app.use('/users', require('./routes/users'));",
                "routes/users.js", USERS_ROUTER + "module.exports = router;");

        assertThat(described(routes)).containsExactly(
                "GET /users routes/users.js:3 users.list",
                "GET /users/:id routes/users.js:4 users.show");
    }

    @Test
    void resolvesADirectoryRequireToItsIndexFile() {
        List<Route> routes = routes(
                "src/app.js", APP + "const api = require('./routes');\napp.use('/api', api);",
                "src/routes/index.js", """
                        const router = require('express').Router();
                        router.use('/users', require('./users.js'));
                        module.exports = router;
                        """,
                "src/routes/users.js", USERS_ROUTER + "module.exports = router;");

        assertThat(endpoints(routes)).containsExactly("GET /api/users", "GET /api/users/:id");
    }

    @Test
    void resolvesRoutersNestedUnderARootMountAndAnEmptyPrefix() {
        List<Route> routes = routes(
                "app.js", APP + "app.use(require('./routes'));",
                "routes/index.js", "const router = require('express').Router();\n"
                        + "router.use('/api', require('./api'));\nmodule.exports = router;",
                "routes/api/index.js", """
                        const router = require('express').Router();
                        router.use('/', require('./users'));
                        router.use('/articles', require('./articles'));
                        router.use(function (err, req, res, next) { next(err); });
                        module.exports = router;
                        """,
                "routes/api/users.js", """
                        const router = require('express').Router();
                        const auth = require('../auth');
                        router.get('/user', auth.required, function (req, res, next) {});
                        router.post('/users/login', function (req, res, next) {});
                        module.exports = router;
                        """,
                "routes/api/articles.js", """
                        const router = require('express').Router();
                        router.param('article', function (req, res, next, slug) { next(); });
                        router.get('/:article', show);
                        router.delete('/:article/comments/:comment', removeComment);
                        module.exports = router;
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /api/articles/:article",
                "DELETE /api/articles/:article/comments/:comment", "GET /api/user", "POST /api/users/login");
    }

    @Test
    void resolvesRoutersExportedAsPropertiesOfExports() {
        List<Route> routes = routes(
                "app.js", APP + """
                        const { router: users } = require('./users');
                        const admin = require('./admin');
                        app.use('/users', users);
                        app.use('/admin', admin.router);
                        """,
                "users.js", USERS_ROUTER + "module.exports.router = router;",
                "admin.js", "const router = require('express').Router();\nrouter.get('/stats', stats);\n"
                        + "exports.router = router;");

        assertThat(endpoints(routes)).containsExactly("GET /admin/stats", "GET /users", "GET /users/:id");
    }

    @Test
    void resolvesEsModuleDefaultAndNamedExports() {
        List<Route> routes = routes(
                "server.mjs", """
                        import express from 'express';
                        import users from './routes/users.js';
                        import { router as items } from './routes/items.mjs';
                        import * as reports from './routes/reports.js';
                        const app = express();
                        app.use('/users', users);
                        app.use('/items', items);
                        app.use('/reports', reports.default);
                        """,
                "routes/users.js", "import { Router } from 'express';\nconst router = Router();\n"
                        + "router.get('/', list);\nexport default router;",
                "routes/items.mjs", "import { Router } from 'express';\nexport const router = Router();\n"
                        + "router.post('/', create);",
                "routes/reports.js", "import { Router } from 'express';\nconst r = Router();\nr.get('/daily', daily);\n"
                        + "export { r as default };");

        assertThat(endpoints(routes)).containsExactly("POST /items", "GET /reports/daily", "GET /users");
    }

    @Test
    void resolvesTypeScriptImportsWithoutExtensionOrWithJsExtension() {
        List<Route> routes = routes(
                "src/app.ts", """
                        import express from 'express';
                        import users from './routes/users';
                        import orders from './routes/orders.js';
                        import admin from './admin';
                        const app = express();
                        app.use('/users', users);
                        app.use('/orders', orders);
                        app.use('/admin', admin);
                        """,
                "src/routes/users.ts", "import { Router } from 'express';\nconst r = Router();\nr.get('/', a);\n"
                        + "export default r;",
                "src/routes/orders.ts", "import { Router } from 'express';\nconst r = Router();\nr.get('/', b);\n"
                        + "export default r;",
                "src/admin/index.tsx", "import { Router } from 'express';\nconst r = Router();\nr.get('/', c);\n"
                        + "export default r;");

        assertThat(endpoints(routes)).containsExactly("GET /admin", "GET /orders", "GET /users");
    }

    @Test
    void resolvesPathAliasesFromTheSourceRoot() {
        List<Route> routes = routes(
                "src/server.ts", """
                        import express from 'express';
                        import { apiRouter } from '@/routes/api';
                        const app = express();
                        app.use('/api', apiRouter);
                        """,
                "src/routes/api.ts", "import { Router } from 'express';\nexport const apiRouter = Router();\n"
                        + "apiRouter.get('/ping', ping);");

        assertThat(endpoints(routes)).containsExactly("GET /api/ping");
    }

    @Test
    void appliesThePrefixOfTheAppOrRouterPassedToARegisteringFunction() {
        List<Route> routes = routes(
                "app.js", APP + """
                        const api = express.Router();
                        require('./routes/legacy')(app);
                        const register = require('./routes/register');
                        register(api, { auth: true });
                        app.use('/api', api);
                        """,
                "routes/legacy.js", "module.exports = function (app) {\n  app.get('/legacy', legacy);\n};",
                "routes/register.js", """
                        module.exports = (router, options) => {
                          router.get('/profile', profile);
                          router.post('/profile', saveProfile);
                        };
                        """);

        assertThat(described(routes)).containsExactly(
                "GET /legacy routes/legacy.js:2 legacy",
                "GET /api/profile routes/register.js:2 profile",
                "POST /api/profile routes/register.js:3 saveProfile");
    }

    @Test
    void appliesThePrefixToAnImportedRegisteringFunction() {
        List<Route> routes = routes(
                "server.ts", """
                        import express from 'express';
                        import routes from './routes';
                        const app = express();
                        const v1 = express.Router();
                        routes(v1);
                        app.use('/v1', v1);
                        """,
                "routes.ts", """
                        import { Router } from 'express';
                        export default function routes(router: Router): void {
                          router.get('/things', listThings);
                        }
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /v1/things");
    }

    @Test
    void mountsARouterReturnedByAFactoryOncePerMount() {
        List<Route> routes = routes(
                "app.js", APP + """
                        const crud = require('./crud');
                        app.use('/cats', crud('cat'));
                        app.use('/dogs', crud('dog'));
                        app.use('/v2', require('./v2')());
                        """,
                "crud.js", """
                        const { Router } = require('express');
                        module.exports = function crud(model) {
                          const router = Router();
                          router.get('/', list(model));
                          router.get('/:id', show(model));
                          return router;
                        };
                        """,
                "v2.js", """
                        const express = require('express');
                        module.exports = () => {
                          const router = express.Router();
                          router.get('/info', info);
                          return router;
                        };
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /cats", "GET /dogs", "GET /cats/:id", "GET /dogs/:id",
                "GET /v2/info");
    }

    @Test
    void mountsARouterThatAModuleFunctionFillsAndReturns() {
        List<Route> routes = routes(
                "app.js", APP + "app.use('/tasks', require('./tasks')(express.Router(), db));",
                "tasks.js", """
                        module.exports = function (router, db) {
                          router.get('/', (req, res) => db.all());
                          return router;
                        };
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /tasks");
    }

    @Test
    void resolvesPathConstantsDeclaredInAnotherFile() {
        List<Route> routes = routes(
                "app.js", APP + """
                        const { API_PREFIX, paths } = require('./config/paths');
                        const config = require('./config');
                        app.use(API_PREFIX, require('./users'));
                        app.get(paths.health, health);
                        app.get(config.api.root + '/version', version);
                        """,
                "config/paths.js", """
                        const API_PREFIX = '/api/v3';
                        module.exports = { API_PREFIX, paths: { health: '/healthz' } };
                        """,
                "config/index.js", "module.exports = { api: { root: '/meta' } };",
                "users.js", USERS_ROUTER + "module.exports = router;");

        assertThat(endpoints(routes)).containsExactly("GET /healthz", "GET /meta/version", "GET /api/v3",
                "GET /api/v3/:id");
        assertThat(routes).allMatch(Route::resolved);
    }

    @Test
    void followsARouteTableExportedByAnotherFile() {
        List<Route> routes = routes(
                "app.js", APP + """
                        const mounts = require('./mounts');
                        mounts.forEach(({ path, router }) => app.use(path, router));
                        Object.entries(require('./more')).forEach(([prefix, r]) => app.use(prefix, r));
                        """,
                "mounts.js", "module.exports = [\n  { path: '/users', router: require('./users') },\n];",
                "more.js", "module.exports = { '/people': require('./users') };",
                "users.js", USERS_ROUTER + "module.exports = router;");

        assertThat(endpoints(routes)).containsExactly("GET /people", "GET /users", "GET /people/:id",
                "GET /users/:id");
    }

    @Test
    void reportsRoutesOfModulesLoadedByADirectoryScanAtTheirOwnPaths() {
        List<Route> routes = new JavaScriptRouteExtractor().extract(project("dynamic-loading"));

        assertThat(described(routes)).containsExactly(
                "GET /reports/:id routes/reports.js:4 <anonymous>",
                "GET /users routes/users.js:2 <anonymous>",
                "POST /users routes/users.js:6 createUser");
    }

    @Test
    void treatsADestructuredAppOfAnUncalledLoaderAsAStandIn() {
        List<Route> routes = routes(
                "server.js", "const express = require('express');\nmodule.exports = express();",
                "loaders/routes.js", """
                        module.exports = async ({ app, config }) => {
                          app.get('/loaded', loaded);
                          config.get('/not-a-route', nope);
                        };
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /loaded");
    }

    @Test
    void survivesCircularRequires() {
        List<Route> routes = routes(
                "a.js", APP + "module.exports = app;\nconst b = require('./b');\napp.use('/b', b.router);",
                "b.js", "const app = require('./a');\nconst router = require('express').Router();\n"
                        + "router.get('/x', x);\nexports.router = router;\napp.get('/from-b', y);");

        assertThat(endpoints(routes)).containsExactly("GET /b/x", "GET /from-b");
    }

    @Test
    void resolvesAnExpressGeneratorStyleProject() {
        List<Route> routes = new JavaScriptRouteExtractor().extract(project("generator-style"));

        assertThat(described(routes)).containsExactly(
                "GET /accounts routes/accounts.js:5 accounts.index",
                "GET /accounts/:accountId routes/accounts.js:6 accounts.show",
                "POST /accounts/:accountId/close routes/accounts.js:7 accounts.close",
                "GET /api/orders routes/api/orders.js:4 listOrders",
                "GET /api/v2/orders routes/api/orders.js:4 listOrders",
                "POST /api/orders routes/api/orders.js:4 createOrder",
                "POST /api/v2/orders routes/api/orders.js:4 createOrder",
                "GET /api/orders/:orderId routes/api/orders.js:8 getOrder",
                "GET /api/v2/orders/:orderId routes/api/orders.js:8 getOrder",
                "GET / routes/index.js:5 <anonymous>",
                "GET /about routes/index.js:9 about");
    }

    @Test
    void resolvesALayeredTypeScriptProjectWiredThroughLoaders() {
        List<Route> routes = new JavaScriptRouteExtractor().extract(project("layered-ts"));

        assertThat(described(routes)).containsExactly(
                "POST /api/v1/auth/signup src/api/routes/auth.ts:10 <anonymous>",
                "POST /api/v1/auth/signin src/api/routes/auth.ts:28 <anonymous>",
                "GET /api/v1/health src/api/routes/health.ts:4 <anonymous>",
                "GET /api/v1/profile/me src/api/routes/profile.ts:9 <anonymous>",
                "PATCH /api/v1/profile/me src/api/routes/profile.ts:10 updateProfile",
                "GET /status src/loaders/express.ts:11 <anonymous>",
                "HEAD /status src/loaders/express.ts:14 <anonymous>");
    }

    @Test
    void resolvesClassBasedControllersMountedByAnEntryPointThatNeverNamesExpress() {
        List<Route> routes = new JavaScriptRouteExtractor().extract(project("class-controllers"));

        assertThat(described(routes)).containsExactly(
                "GET /healthz src/health/health.routes.ts:8 <anonymous>",
                "GET /api/orders src/orders/orders.controller.ts:18 this.list",
                "GET /api/orders/:orderId src/orders/orders.controller.ts:19 this.show",
                "POST /api/orders src/orders/orders.controller.ts:20 this.create",
                "GET /api/products src/products/products.controller.ts:13 this.getAll",
                "POST /api/products src/products/products.controller.ts:13 this.add",
                "DELETE /api/products/:sku src/products/products.controller.ts:16 this.remove");
    }

    @Test
    void givesTheSameRoutesWhateverTheOrderOfTheFiles() {
        List<SourceFile> files = new ArrayList<>(project("generator-style"));
        files.addAll(project("layered-ts"));
        List<Route> expected = new JavaScriptRouteExtractor().extract(files);

        Collections.shuffle(files, new Random(7));
        List<Route> shuffled = new JavaScriptRouteExtractor().extract(files);

        assertThat(shuffled).isEqualTo(expected);
    }
}
