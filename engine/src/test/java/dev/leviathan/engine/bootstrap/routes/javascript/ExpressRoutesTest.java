package dev.leviathan.engine.bootstrap.routes.javascript;

import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.described;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.endpoints;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Routes declared in one file: apps, routers, paths, handlers, chains and mounts. */
class ExpressRoutesTest {

    @Test
    void reportsRoutesOfAnAppCreatedByExpress() {
        List<Route> routes = routes("server.js", """
                const express = require('express');
                const app = express();

                app.get('/', (req, res) => res.send('ok'));
                app.post('/login', login);

                app.listen(3000);
                """);

        assertThat(routes).containsExactly(
                new Route("express", "GET", "/", true, null, "server.js", 4, "<anonymous>"),
                new Route("express", "POST", "/login", true, null, "server.js", 5, "login"));
    }

    @Test
    void anAppMadeWithNewIsAnApp() {
        // keystone's fields/explorer/server.js: `const app = new express();`
        List<Route> routes = routes("server.js", """
                const express = require('express');
                const app = new express();
                app.get('/api/flavours', flavours);
                app.listen(8000);
                """);

        assertThat(described(routes)).containsExactly("GET /api/flavours server.js:3 flavours");
    }

    @Test
    void mapsEveryRouteMethodToItsHttpMethod() {
        List<Route> routes = routes("app.js", """
                const app = require('express')();
                app.get('/r', h);
                app.post('/r', h);
                app.put('/r', h);
                app.delete('/r', h);
                app.patch('/r', h);
                app.head('/r', h);
                app.options('/r', h);
                app.trace('/r', h);
                app.all('/r', h);
                app.del('/old', h);
                app.search('/r', h);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /r", "POST /r", "PUT /r", "DELETE /r", "PATCH /r",
                "HEAD /r", "OPTIONS /r", "TRACE /r", "ANY /r", "DELETE /old", "SEARCH /r");
    }

    @Test
    void readsAppGetWithOneArgumentAsASettingNotARoute() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                app.set('port', process.env.PORT || 3000);
                const env = app.get('env');
                app.listen(app.get('port'));
                """);

        assertThat(routes).isEmpty();
    }

    @Test
    void knowsRoutersFromEveryWayOfGettingExpressRouter() {
        List<Route> routes = routes(
                "a.js", "const express = require('express');\nconst r = express.Router();\nr.get('/a', h);",
                "b.js", "const { Router } = require('express');\nconst r = Router({ mergeParams: true });\nr.get('/b', h);",
                "c.mjs", "import { Router } from 'express';\nconst r = Router();\nr.get('/c', h);",
                "d.mjs", "import express, { Router as R } from \"express\";\nconst r = new R();\nr.get('/d', h);",
                "e.js", "const r = require('express').Router();\nr.get('/e', h);",
                "f.js", "const express = require('express');\nconst r = new express.Router();\nr.get('/f', h);",
                "g.js", "const Router = require('express-promise-router');\nconst r = Router();\nr.get('/g', h);",
                "h.js", "const makeRouter = require('express').Router;\nconst r = makeRouter();\nr.get('/h', h);",
                "i.js", "const Router = require('router');\nconst router = new Router();\nrouter.get('/i', h);");

        assertThat(endpoints(routes)).containsExactly("GET /a", "GET /b", "GET /c", "GET /d", "GET /e", "GET /f",
                "GET /g", "GET /h", "GET /i");
    }

    @Test
    void knowsBackstagesOpenApiRoutersWhenTheRepositoryDoesNotHoldThePackage() {
        // @backstage/plugin-catalog-backend, bundled by rollup: the router is `router$1`.
        List<Route> routes = routes(
                "dist/schema/openapi/generated/router.cjs.js", """
                        'use strict';
                        var backendOpenapiUtils = require('@backstage/backend-openapi-utils');
                        const spec = { openapi: "3.1.0", paths: {} };
                        const createOpenApiRouter = async (options) =>
                            backendOpenapiUtils.createValidatedOpenApiRouterFromGeneratedEndpointMap(spec, options);
                        exports.createOpenApiRouter = createOpenApiRouter;
                        """,
                "dist/service/createRouter.cjs.js", """
                        'use strict';
                        var router = require('../schema/openapi/generated/router.cjs.js');
                        async function createRouter(options) {
                          const router$1 = await router.createOpenApiRouter({ validatorOptions: {} });
                          router$1.get("/entities", async (req, res) => { res.json([]); }).post("/entities/by-query", query);
                          return router$1;
                        }
                        exports.createRouter = createRouter;
                        """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("GET /entities", "POST /entities/by-query");
    }

    @Test
    void resolvesConstantsConcatenationAndTemplateLiterals() {
        List<Route> routes = routes("routes.js", """
                const express = require('express');
                const router = express.Router();
                const BASE = '/api';
                const VERSION = 2;
                const USERS = BASE + '/v' + VERSION + '/users';
                const paths = { detail: `${USERS}/:id`, nested: { avatar: '/avatar' } };

                router.get(USERS, list);
                router.get(paths.detail, show);
                router.put(`${paths.detail}${paths.nested.avatar}`, upload);
                router.delete(BASE + `/v${VERSION}/users/:id`, remove);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /api/v2/users", "GET /api/v2/users/:id",
                "PUT /api/v2/users/:id/avatar", "DELETE /api/v2/users/:id");
        assertThat(routes).allMatch(Route::resolved);
    }

    @Test
    void reportsOneRoutePerPathOfAnArray() {
        List<Route> routes = routes("app.js", """
                const app = require('express')();
                const aliases = ['/home', '/index'];
                app.get(['/', '/welcome'], home);
                app.get(aliases, home);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /", "GET /welcome", "GET /home", "GET /index");
    }

    @Test
    void keepsARegularExpressionPathAsWritten() {
        List<Route> routes = routes("app.js", """
                const app = require('express')();
                const api = require('express').Router();
                app.get(/^\\/files\\/(.*)$/i, serveFile);
                api.get(/\\/v\\d+\\/ping/, ping);
                app.use('/api', api);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /^\\/files\\/(.*)$/i", "GET /api/\\/v\\d+\\/ping/");
        assertThat(routes).allMatch(Route::resolved);
    }

    @Test
    void reportsAnUnresolvedPathWithItsSourceAndTheStaticPartKnown() {
        List<Route> routes = routes("app.js", """
                const app = require('express')();
                const api = require('express').Router();
                api.get(buildPath('users'), list);
                api.get('/v' + process.env.API_VERSION + '/items', items);
                api.get(`${config.base}/health`, health);
                app.use('/api', api);
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api [buildPath('users')] app.js:3 list",
                "GET /api/v/items ['/v' + process.env.API_VERSION + '/items'] app.js:4 items",
                "GET /api/health [`${config.base}/health`] app.js:5 health");
    }

    @Test
    void routesUnderAPrefixOnlyKnownAtRunTimeKeepTheirOwnPaths() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                const router = express.Router();
                router.get('/db/:database', viewDatabase);
                router.post('/' + 'collections', addCollection);
                router.get('/' + kind + '/items', items);
                app.use(config.site.baseUrl, router);
                """);

        assertThat(described(routes)).containsExactly(
                "GET /db/:database [config.site.baseUrl] app.js:4 viewDatabase",
                "POST /collections [config.site.baseUrl] app.js:5 addCollection",
                "GET /items [config.site.baseUrl] app.js:6 items");
    }

    @Test
    void takesTheFallbackOfAnEnvironmentOverrideAsTheBestStaticPath() {
        List<Route> routes = routes("app.js", """
                const app = require('express')();
                const PREFIX = process.env.API_PREFIX || '/api';
                app.get(PREFIX + '/status', status);
                """);

        assertThat(described(routes)).containsExactly("GET /api/status [PREFIX + '/status'] app.js:3 status");
    }

    @Test
    void aMountPrefixWithAnEnvironmentOverrideKeepsThePathsBelowItsFallback() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                const api = express.Router();
                api.get('/users', users);
                const admin = express.Router();
                admin.post('/jobs', jobs);
                app.use(process.env.API_PREFIX || '/api/v1/', api);
                const config = { adminPrefix: process.env.ADMIN ?? '/admin' };
                app.use(config.adminPrefix, admin);
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/v1/users [process.env.API_PREFIX || '/api/v1/'] app.js:4 users",
                "POST /admin/jobs [config.adminPrefix] app.js:6 jobs");
    }

    @Test
    void aRouterMountedTwiceAtOnePrefixGivesEachRouteOnceAndASpreadHandlerIsNamedByItsArray() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                const r = express.Router();
                r.get('/x', x);
                app.use('/api', r);
                app.use('/api', r);
                const table = [{ url: '/t', method: 'get', middleware: [auth, t] }];
                table.forEach(({ url, method, middleware }) => app[method](url, ...middleware));
                """);

        assertThat(described(routes)).containsExactly("GET /api/x app.js:4 x", "GET /t app.js:8 middleware");
    }

    @Test
    void namesHandlersByFunctionReferenceOrAnonymous() {
        List<Route> routes = routes("routes.js", """
                const router = require('express').Router();
                router.get('/a', listUsers);
                router.get('/b', users.controller.list);
                router.get('/c', (req, res) => res.end());
                router.get('/d', async function (req, res) {});
                router.get('/e', function showUser(req, res) {});
                router.get('/f', auth, validate(schema), users.show);
                router.get('/g', asyncHandler(users.find));
                router.get('/h', catchAsync(async (req, res) => {}));
                router.get('/i', users.edit.bind(users));
                router.get('/j', [auth, users.create]);
                """);

        assertThat(routes).extracting(Route::handler).containsExactly("listUsers", "users.controller.list",
                "<anonymous>", "<anonymous>", "showUser", "users.show", "users.find", "<anonymous>", "users.edit",
                "users.create");
    }

    @Test
    void looksThroughAWrapperHoweverLongTheFunctionItWraps() {
        // @cubejs-backend/server-core's dev server: `catchErrors(async (req, res) => { … })` over dozens of lines
        String body = "  res.json({ ok: true });\n".repeat(60);
        List<Route> routes = routes("routes.js", "const router = require('express').Router();\n"
                + "router.get('/a', catchErrors(async (req, res) => {\n" + body + "}));\n"
                + "router.get('/b', catchErrors(users.list));\n");

        assertThat(routes).extracting(Route::handler).containsExactly("<anonymous>", "users.list");
    }

    @Test
    void givesEachVerbOfARouteChainTheRoutePath() {
        List<Route> routes = routes("books.js", """
                const express = require('express');
                const router = express.Router();

                router.route('/book')
                  .get(books.list)
                  .post(auth, books.create)
                  .put(books.replace);

                router.route('/book/:id').all(loadBook).delete(books.remove);
                """);

        assertThat(described(routes)).containsExactly(
                "GET /book books.js:4 books.list",
                "POST /book books.js:4 books.create",
                "PUT /book books.js:4 books.replace",
                "ANY /book/:id books.js:9 loadBook",
                "DELETE /book/:id books.js:9 books.remove");
    }

    @Test
    void followsVerbCallsChainedOnTheRouterItself() {
        List<Route> routes = routes("r.js", """
                const router = require('express').Router()
                  .get('/a', a)
                  .post('/b', b);
                router
                  .put('/c', c)
                  .patch('/d', d);
                module.exports = router;
                """);

        assertThat(described(routes)).containsExactly("GET /a r.js:2 a", "POST /b r.js:3 b", "PUT /c r.js:5 c",
                "PATCH /d r.js:6 d");
    }

    @Test
    void followsChainsThroughSettingsMethodsThatReturnTheApp() {
        List<Route> routes = routes("server.js", """
                const express = require('express');
                const app = express()
                  .use(logRequests)
                  .engine('html', render)
                  .set('view engine', 'html')
                  .disable('x-powered-by');
                app.enable('trust proxy').param('id', loadId).get('/themes/:name.css', theme);
                app.set('port', app.get('port') || 3000).post('/login', login);
                """);

        assertThat(described(routes)).containsExactly("GET /themes/:name.css server.js:7 theme",
                "POST /login server.js:8 login");
    }

    @Test
    void aSettingReadInAChainIsNotTheApp() {
        // `app.set(name)` and `app.get(name)` with one argument read a setting: what they return is no app
        List<Route> routes = routes("server.js", """
                const express = require('express');
                const app = express();
                app.set('views').get('/read-by-set', a);
                app.get('env').get('/read-by-get', b);
                const title = app.set('title');
                title.post('/on-a-setting', c);
                app.disabled('etag').get('/on-a-boolean', d);
                app.get('/real', e);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /real");
    }

    @Test
    void givesAMultiLineDeclarationTheLineOfItsMethod() {
        List<Route> routes = routes("r.js", """
                const router = require('express').Router();
                router.post(
                  '/orders',
                  auth,
                  // router.get('/commented-out', nope)
                  orders.create,
                );
                """);

        assertThat(described(routes)).containsExactly("POST /orders r.js:2 orders.create");
    }

    @Test
    void appliesTheMountPrefixOfARouterUsedByTheApp() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                const users = express.Router();
                const v1 = express.Router();
                users.get('/', users.list);
                users.get('/:id', users.show);
                v1.use('/users', users);
                app.use('/api/v1', v1);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /api/v1/users", "GET /api/v1/users/:id");
    }

    @Test
    void reportsARouterMountedTwiceOncePerMount() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                const health = express.Router();
                health.get('/health', ok);
                app.use('/v1', health);
                app.use('/v2', health);
                app.use(['/legacy', '/old'], health);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /legacy/health", "GET /old/health", "GET /v1/health",
                "GET /v2/health");
    }

    @Test
    void reportsARouterMountedNowhereAtItsOwnPaths() {
        List<Route> routes = routes("orphan.js", """
                const router = require('express').Router();
                router.get('/lonely', lonely);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /lonely");
    }

    @Test
    void mountsRoutersGivenAfterMiddlewareOrInArraysOrWithoutPrefix() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                const a = express.Router(), b = express.Router(), c = express.Router();
                a.get('/a', h);
                b.get('/b', h);
                c.get('/c', h);
                app.use('/api', cors(), auth.required, a);
                app.use('/api', [rateLimit, b]);
                app.use(c);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /api/a", "GET /api/b", "GET /c");
    }

    @Test
    void joinsSlashesTheWayExpressMatchesThem() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                const r = express.Router();
                r.get('/', index);
                r.get('/list/', list);
                r.get('*', notFound);
                r.get('', empty);
                app.use('/api/', r);
                app.get('/', root);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /api", "GET /api/list/", "GET /api/*", "GET /api",
                "GET /");
    }

    @Test
    void followsRouteTablesIteratedWithForEach() {
        List<Route> routes = routes("index.js", """
                const express = require('express');
                const router = express.Router();
                const auth = express.Router();
                const users = express.Router();
                auth.post('/login', login);
                users.get('/', list);

                const defaultRoutes = [
                  { path: '/auth', route: auth },
                  { path: '/users', route: users },
                ];
                defaultRoutes.forEach((route) => {
                  router.use(route.path, route.route);
                });

                const table = [
                  { method: 'get', url: '/ping', handler: ping },
                  { method: 'post', url: '/echo', handler: echo },
                ];
                for (const { method, url, handler } of table) {
                  router[method](url, handler);
                }
                module.exports = router;
                """);

        assertThat(endpoints(routes)).containsExactly("POST /auth/login", "GET /users", "GET /ping", "POST /echo");
    }

    @Test
    void followsMethodsTheProgramAddsToTheApp() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                app.crud = function (path, controller) {
                  this.get(path, controller.index);
                  this.post(path, controller.create);
                  this.get(path + '/:id', controller.show);
                };
                app.crud('/notes', notes);
                app.crud('/tags', tags);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /notes", "GET /tags", "POST /notes", "POST /tags",
                "GET /notes/:id", "GET /tags/:id");
    }

    @Test
    void followsARecursiveRouteMap() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                function map(tree, prefix) {
                  prefix = prefix || '';
                  for (const key in tree) {
                    if (typeof tree[key] === 'function') {
                      app[key](prefix, tree[key]);
                    } else {
                      map(tree[key], prefix + key);
                    }
                  }
                }
                map({
                  '/users': {
                    get: users.list,
                    '/:id': { get: users.show, delete: users.remove },
                  },
                });
                """);

        assertThat(endpoints(routes)).containsExactly("DELETE /users/:id", "GET /users", "GET /users/:id");
    }

    @Test
    void reportsARouteWhoseMethodCannotBeNamedAsAnyUnresolved() {
        List<Route> routes = routes("r.js", """
                const router = require('express').Router();
                router[spec.verb]('/dynamic', handler);
                """);

        assertThat(described(routes)).containsExactly("ANY /dynamic [spec.verb] r.js:2 handler");
    }

    @Test
    void findsRoutesInsideFunctionsCallbacksAndClasses() {
        List<Route> routes = routes("server.js", """
                const express = require('express');

                async function main() {
                  const app = express();
                  await db.connect();
                  registerRoutes(app);
                  app.listen(3000, () => console.log('up'));
                }

                function registerRoutes(app) {
                  app.get('/in-function', h);
                }

                (async () => {
                  const admin = express();
                  admin.get('/in-iife', h);
                })();

                mongoose.connect(url).then(() => {
                  const late = express();
                  late.get('/in-callback', h);
                });

                main();
                """);

        assertThat(endpoints(routes)).containsExactly("GET /in-function", "GET /in-iife", "GET /in-callback");
    }

    @Test
    void reportsBothBranchesOfAConditionalMount() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                const dev = express.Router();
                dev.get('/debug', debug);
                if (process.env.NODE_ENV !== 'production') {
                  app.use('/dev', dev);
                } else {
                  app.use('/internal', dev);
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /dev/debug", "GET /internal/debug");
    }

    @Test
    void mountsAnAppInsideAnotherApp() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                const admin = express();
                admin.get('/dashboard', dashboard);
                app.use('/admin', admin);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /admin/dashboard");
    }

    @Test
    void aRoutingMethodReadOffAnAppAndBoundIsARouteWhereItIsCalled() {
        // @appium/base-driver: `const registerRoute = (app as …)[method.toLowerCase()].bind(app);
        // registerRoute(path, handler)` for each path and method of its WebDriver route table
        List<Route> routes = routes("routes.ts", """
                export const W3C_ROUTES = {
                  '/session': { POST: { command: 'createSession' } },
                  '/session/:sessionId': { GET: { command: 'getSession' }, DELETE: { command: 'deleteSession' } },
                };
                export const METHOD_MAP = { ...W3C_ROUTES };
                """, "protocol.ts", """
                import express from 'express';
                import { METHOD_MAP } from './routes';
                function buildHandler(app: express.Application, method: string, path: string): void {
                  const registerRoute = (app as express.Application & Record<string, any>)[method.toLowerCase()].bind(app);
                  registerRoute(path, (req, res) => res.send(method));
                }
                export function routeConfiguringFunction(driver) {
                  return function addRoutes(app, { basePath = '', extraMethodMap = {} } = {}) {
                    const allMethods = { ...METHOD_MAP, ...extraMethodMap };
                    for (const [path, methods] of Object.entries(allMethods)) {
                      for (const [method, spec] of Object.entries(methods)) {
                        buildHandler(app, method, `${basePath}${path}`);
                      }
                    }
                  };
                }
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("POST /session", "GET /session/:sessionId",
                "DELETE /session/:sessionId");
    }

    @Test
    void aRoutingMethodChosenByASettingIsARouteForEachMethodItMayBe() {
        // node-red's auth: `var callbackMethodFunc = adminApp.get; if (/^post$/i.test(options.callbackMethod))
        // callbackMethodFunc = adminApp.post; callbackMethodFunc.call(adminApp, '/auth/strategy/callback', …)`
        List<Route> routes = routes("auth.js", """
                const express = require('express');
                module.exports = function genericStrategy(adminApp, options) {
                  adminApp.get('/auth/strategy', start);
                  var callbackMethodFunc = adminApp.get;
                  if (/^post$/i.test(options.callbackMethod)) {
                    callbackMethodFunc = adminApp.post;
                  }
                  callbackMethodFunc.call(adminApp, '/auth/strategy/callback', complete);
                };
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("GET /auth/strategy",
                "GET /auth/strategy/callback", "POST /auth/strategy/callback");
    }

    @Test
    void aLoopOverARouteTableOfHundredsOfEntriesDeclaresEach() {
        // @appium/base-driver's METHOD_MAP has 143 paths; a loop stopped at the 64th
        StringBuilder table = new StringBuilder("const express = require('express');\nconst app = express();\nconst ROUTES = {\n");
        for (int i = 0; i < 200; i++) {
            table.append("  '/r").append(i).append("': 'get',\n");
        }
        table.append("};\nfor (const [path, method] of Object.entries(ROUTES)) {\n  app[method](path, handler);\n}\n");
        List<Route> routes = routes("app.js", table.toString());

        assertThat(routes).hasSize(200);
        assertThat(endpoints(routes)).contains("GET /r0", "GET /r199");
    }

    @Test
    void promiseResolveKeepsItsValueHoweverOftenTheProgramCallsIt() {
        // firebase-tools: `createExpressApp() { const app = express(); …; return Promise.resolve(app); }`,
        // awaited by the emulator hub that adds its routes, read unknown once the rest of lib/ had
        // called Promise.resolve more often than a function may run
        List<Route> routes = routes("hub.js", """
                const express = require('express');
                for (let i = 0; i < 40; i++) {
                  Promise.resolve({ attempt: i });
                }
                class Base {
                  createExpressApp() {
                    const app = express();
                    return Promise.resolve(app);
                  }
                }
                class Hub extends Base {
                  async createExpressApp() {
                    const app = await super.createExpressApp();
                    app.get('/', locator);
                    app.post('/_admin/export', exportData);
                    return app;
                  }
                }
                new Hub().createExpressApp();
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("GET /", "POST /_admin/export");
    }

    @Test
    void expressWsEndpointsAreWebSocketRoutesUnderTheirMounts() {
        // MeshCentral: `require('express-ws')(obj.app)`, then `obj.app.ws(url + 'control.ashx', …)`
        List<Route> routes = routes("server.js", """
                const express = require('express');
                const app = express();
                require('express-ws')(app);
                const api = express.Router();
                api.ws('/echo', (ws, req) => { ws.on('message', (m) => ws.send(m)); });
                app.use('/api', api);
                app.ws('/control.ashx', handleControl);
                app.get('/', index);
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("WEBSOCKET /api/echo", "WEBSOCKET /control.ashx",
                "GET /");
        assertThat(routes).filteredOn(route -> route.path().equals("/control.ashx")).singleElement()
                .satisfies(route -> assertThat(route.handler()).isEqualTo("handleControl"));
    }
}
