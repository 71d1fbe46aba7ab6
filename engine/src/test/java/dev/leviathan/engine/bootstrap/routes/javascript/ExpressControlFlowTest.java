package dev.leviathan.engine.bootstrap.routes.javascript;

import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.described;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.endpoints;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Branches decided by what the analysis knows, as route tables and generated routes need. */
class ExpressControlFlowTest {

    private static final String APP = "const express = require('express');\nconst app = express();\n";

    @Test
    void aGuardReturningFalseOrTrueByConfigDecidesNothing() {
        // express-gateway: `if (!normalize(config)) return router;` guards the configured routes.
        List<Route> routes = routes("app.js", """
                const express = require('express');
                function ok(c) {
                  if (!c.endpoints) return false;
                  return true;
                }
                module.exports = function build(cfg) {
                  const router = express.Router();
                  router.get('/always', always);
                  if (!ok(cfg)) return router;
                  router.get('/configured', configured);
                  return router;
                };
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("GET /always", "GET /configured");
    }

    @Test
    void anUnknownValueOrAnObjectLiteralHasPropertiesNobodyKnows() {
        // node-red: `settings.editorTheme || {}`, then routes under `if (theme.page)`.
        List<Route> routes = routes("app.js", """
                const express = require('express');
                module.exports = function build(options) {
                  const app = express();
                  const cfg = options.features || {};
                  if (cfg.admin) {
                    app.get('/admin', admin);
                  }
                  const known = {};
                  if (known.never) {
                    app.get('/never', never);
                  }
                  return app;
                };
                """);

        assertThat(endpoints(routes)).containsExactly("GET /admin");
    }

    @Test
    void aValueNobodyKnowsOrNullIsNotNull() {
        // express-admin: a custom-views route whose path is a RegExp built from the configuration,
        // or null when nothing is configured, registered only when it is set.
        List<Route> routes = routes("app.js", """
                const express = require('express');
                module.exports = (config) => {
                  const app = express();
                  const custom = config.views ? new RegExp(config.views.join('|')) : null;
                  if (custom) {
                    app.all(custom, admin);
                  }
                  return app;
                };
                """);

        assertThat(routes).hasSize(1);
        assertThat(routes.getFirst().method()).isEqualTo("ANY");
        assertThat(routes.getFirst().resolved()).isFalse();
        assertThat(routes.getFirst().path()).isNotEqualTo("/null");
    }

    @Test
    void anAppMadeInOneBranchKeepsItsRoutesWhenTheOtherAssignsOneNobodyKnows() {
        // botkit: the constructor makes a webserver unless the configuration brings one, and a
        // method registers the webhook on this.webserver; the class is only instantiated by users.
        List<Route> routes = routes("core.js", """
                const express = require('express');
                class Bot {
                  constructor(config) {
                    this.config = Object.assign({ webhook_uri: '/api/messages' }, config);
                    if (!this.config.webserver) {
                      this.webserver = express();
                    } else {
                      this.webserver = this.config.webserver;
                    }
                    if (this.webserver) {
                      this.configureWebhook();
                    }
                  }
                  configureWebhook() {
                    this.webserver.post(this.config.webhook_uri, handle);
                  }
                }
                let server = express();
                if (process.env.EXTERNAL) {
                  server = process.env.EXTERNAL_APP;
                }
                server.get('/health', health);
                module.exports = Bot;
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("GET /health", "POST /api/messages");
    }

    @Test
    void aRouterAssignedInEachCaseOfAnUndecidedSwitchIsMountedWhicheverItIs() {
        // directus: one auth router per configured provider, chosen by a switch on its driver.
        List<Route> routes = routes("auth.js", """
                const { Router } = require('express');
                const { createLocal, createOAuth2 } = require('./drivers');
                const router = Router();
                for (const provider of getAuthProviders()) {
                  let authRouter;
                  switch (provider.driver) {
                    case 'local':
                      authRouter = createLocal(provider.name);
                      break;
                    case 'oauth2':
                      authRouter = createOAuth2(provider.name);
                      break;
                  }
                  if (!authRouter) continue;
                  router.use('/login/oauth', authRouter);
                }
                module.exports = router;
                """, "drivers.js", """
                const { Router } = require('express');
                exports.createLocal = (name) => { const r = Router(); r.post('/', login); return r; };
                exports.createOAuth2 = (name) => { const r = Router(); r.get('/callback', callback); return r; };
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("POST /login/oauth", "GET /login/oauth/callback");
    }

    @Test
    void aRouterReassignedInTheSameBranchReplacesTheOldOne() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                let r = express.Router();
                if (process.env.X) {
                  r = express.Router();
                  r.get('/a', a);
                  r = express.Router();
                  r.get('/b', b);
                }
                app.use('/x', r);
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("GET /a", "GET /x/b");
    }

    @Test
    void runsOnlyTheCaseASwitchOnAKnownValueSelects() {
        List<Route> routes = routes("app.js", APP + """
                const actions = { list: listPosts, create: createPost, archive: archivePost };
                for (const action of Object.keys(actions)) {
                  let method;
                  let url;
                  switch (action) {
                    case 'list':
                      method = 'get';
                      url = '/posts';
                      break;
                    case 'create':
                      method = 'post';
                      url = '/posts';
                      break;
                    default:
                      throw new Error('unknown action ' + action);
                  }
                  app[method](url, actions[action]);
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /posts app.js:19 actions[action]",
                "POST /posts app.js:19 actions[action]");
    }

    @Test
    void fallsThroughCasesWithoutABreak() {
        List<Route> routes = routes("app.js", APP + """
                function mount(kind) {
                  switch (kind) {
                    case 'full':
                      app.get('/admin', admin);
                    case 'public':
                      app.get('/', home);
                      break;
                    case 'none':
                      app.get('/maintenance', maintenance);
                  }
                }
                mount('public');
                """);

        assertThat(endpoints(routes)).containsExactly("GET /");
    }

    @Test
    void runsEveryCaseOfASwitchOnAnUnknownValue() {
        List<Route> routes = routes("app.js", APP + """
                switch (process.env.API_VERSION) {
                  case 'v1':
                    app.get('/v1/items', itemsV1);
                    break;
                  case 'v2':
                    app.get('/v2/items', itemsV2);
                    return;
                  default:
                    app.get('/items', items);
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /v1/items", "GET /v2/items", "GET /items");
    }

    @Test
    void runsOnlyTheBranchAKnownTestSelects() {
        List<Route> routes = routes(
                "app.js", APP + """
                        function expose(controller, url) {
                          if (controller.before) {
                            app.get(url, controller.before, controller.show);
                          } else {
                            app.get(url, controller.show);
                          }
                        }
                        expose(require('./guarded'), '/guarded');
                        expose(require('./open'), '/open');
                        """,
                "guarded.js", "exports.before = function (req, res, next) { next(); };\nexports.show = showGuarded;",
                "open.js", "exports.show = showOpen;");

        assertThat(described(routes)).containsExactly(
                "GET /guarded app.js:5 controller.show",
                "GET /open app.js:7 controller.show");
    }

    @Test
    void keepsBothBranchesOfASettingReadInATest() {
        List<Route> routes = routes(
                "config.js", "module.exports = { enableDocs: false, debug: 0 };",
                "app.js", APP + """
                        const config = require('./config');
                        const DEMO = false;
                        if (config.enableDocs) app.get('/docs', docs);
                        if (!config.debug) app.get('/status', status); else app.get('/debug', debug);
                        if (DEMO) app.post('/reset', reset);
                        if (DEMO === true) app.post('/never', never);
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /docs", "GET /debug", "GET /status", "POST /reset");
    }

    @Test
    void skipsTheRestOfALoopBodyAfterAContinue() {
        List<Route> routes = routes("app.js", APP + """
                const table = [
                  { path: '/users', handler: users },
                  { path: '/legacy', handler: legacy, disabled: true },
                  { path: '/teams', handler: teams, method: 'post' },
                ];
                for (const route of table) {
                  if (route.disabled === true) continue;
                  app[route.method || 'get'](route.path, route.handler);
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /users", "POST /teams");
    }

    @Test
    void stopsALoopAtABreak() {
        List<Route> routes = routes("app.js", APP + """
                for (const version of ['v1', 'v2', 'v3']) {
                  app.get('/' + version + '/ping', ping);
                  if (version === 'v2') break;
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /v1/ping", "GET /v2/ping");
    }

    @Test
    void runsACountingLoopOverAKnownArrayToItsEnd() {
        List<Route> routes = routes("app.js", APP + """
                function joinPath(parts) {
                  let path = '';
                  for (let i = 0; i < parts.length; i++) {
                    path += '/' + parts[i];
                  }
                  return path;
                }
                app.get(joinPath(['api', 'v2', 'items']), items);
                const verbs = ['get', 'post', 'put'];
                for (var k = verbs.length - 1; k >= 0; k -= 1) {
                  app[verbs[k]]('/all', all);
                }
                let n = 0;
                while (n < 2) {
                  app.get('/page/' + n, page);
                  n++;
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/v2/items app.js:10 items",
                "GET /all app.js:13 all",
                "POST /all app.js:13 all",
                "PUT /all app.js:13 all",
                "GET /page/0 app.js:17 page",
                "GET /page/1 app.js:17 page");
    }

    @Test
    void aCountingLoopNobodyCanBoundLeavesWhatItBuiltUnknown() {
        // one iteration of the loop would give `/a` for whatever the caller passes
        List<Route> routes = routes("app.js", APP + """
                function joinPath(parts, count) {
                  let path = '';
                  for (let i = 0; i < count; i++) {
                    path += '/' + parts[i];
                  }
                  return path;
                }
                app.get(joinPath(['a', 'b'], process.env.DEPTH), handler);
                """);

        assertThat(described(routes)).containsExactly(
                "GET / [joinPath(['a', 'b'], process.env.DEPTH)] app.js:10 handler");
    }

    @Test
    void aDefaultInPlaceOfAValueKnownOnlyAtRunTimeIsTheBestGuessNotTheValue() {
        List<Route> routes = routes("app.js", APP + """
                const { prefix = '/api', version = 'v1' } = loadSettings();
                const { admin = '/admin' } = {};
                app.get(prefix + '/items', items);
                app.get(admin + '/users', users);
                function mountHealth(target, base = '/health') {
                  target.get(base + '/live', live);
                }
                mountHealth(app, process.env.HEALTH_BASE);
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/items [prefix + '/items'] app.js:5 items",
                "GET /admin/users app.js:6 users",
                "GET /health/live [base + '/live'] app.js:8 live");
    }

    @Test
    void readsWhatAKnownObjectLacksAsUndefined() {
        List<Route> routes = routes("app.js", APP + """
                const routesTable = { health: { path: '/health' }, login: { path: '/login', verb: 'post' } };
                Object.values(routesTable).forEach((r) => {
                  app[r.verb ?? 'get'](r.prefix ? r.prefix + r.path : r.path, handle);
                });
                """);

        assertThat(described(routes)).containsExactly(
                "GET /health app.js:5 handle",
                "POST /login app.js:5 handle");
    }

    @Test
    void keepsObjectsGivenToUnknownCodeOpen() {
        List<Route> routes = routes("app.js", APP + """
                const settings = { port: 3000 };
                loadEnvironment(settings);
                Object.assign(settings, require(`./env/${process.env.NODE_ENV}`));
                const router = express.Router();
                router.get('/users', users);
                app.use(settings.apiPrefix || '/api', router);
                """);

        assertThat(described(routes)).containsExactly("GET /api/users [settings.apiPrefix || '/api'] app.js:7 users");
    }

    @Test
    void readsTheTypeOfKnownValues() {
        List<Route> routes = routes("app.js", APP + """
                const tree = { '/shop': { get: shopIndex, '/cart': { get: showCart, delete: emptyCart } } };
                function map(node, prefix) {
                  for (const key in node) {
                    if (typeof node[key] === 'function') app[key](prefix, node[key]);
                    else if (typeof node[key] === 'object') map(node[key], prefix + key);
                  }
                }
                map(tree, '');
                """);

        assertThat(endpoints(routes)).containsExactly("DELETE /shop/cart", "GET /shop", "GET /shop/cart");
    }

    @Test
    void aNegatedReadOfAWholeStringIsDecided() {
        // agendash: each starter names its middleware; only `{}` falls back to Express's
        List<Route> routes = routes("lib/express.js", """
                const express = require('express');
                module.exports = () => {
                  const app = express();
                  app.get('/api', api);
                  return app;
                };
                """, "lib/koa.js", """
                module.exports = () => [];
                """, "app.js", """
                const path = require('path');
                module.exports = (options) => {
                  if (!options.middleware) {
                    options.middleware = 'express';
                  }
                  return require(path.join(__dirname, './lib', options.middleware))();
                };
                """, "bin/koa.js", """
                const dash = require('../app');
                const Koa = require('koa');
                new Koa().use(dash({ middleware: 'koa' }));
                """, "bin/express.js", """
                const express = require('express');
                const dash = require('../app');
                const DEBUG = false;
                const app = express();
                app.use('/dash', dash({}));
                if (!DEBUG) {
                  app.get('/flagged', flagged);
                }
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("GET /dash/api", "GET /flagged");
    }

    @Test
    void aRouterReturnedFromEitherBranchIsMountedWhicheverItIs() {
        // @uppy/companion: the S3 controller returns an empty router unless a bucket is configured,
        // and the app mounts what it returns under /s3
        List<Route> routes = routes("s3.js", """
                const express = require('express');
                module.exports = function s3(config) {
                  if (config.bucket == null) {
                    return express.Router();
                  }
                  return express
                    .Router()
                    .get('/sts', sts)
                    .post('/multipart', createUpload);
                };
                """, "app.js", """
                const express = require('express');
                const s3 = require('./s3');
                module.exports = (options) => {
                  const app = express();
                  app.use('/s3', s3(options.s3));
                  return app;
                };
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("GET /s3/sts", "POST /s3/multipart");
    }

    @Test
    void aModuleImportedByAnUndecidedChoiceIsTheFirstAndBothAreLoaded() {
        // tileserver-gl: which module serves rendered tiles depends on the package's name, read
        // from package.json at run time; its init() resolves to the router mounted under /styles/
        List<Route> routes = routes("src/serve_rendered.js", """
                import express from 'express';
                export const serve_rendered = {
                  init: async function (options) {
                    const app = express();
                    app.get('/:id/:z/:x/:y.png', tile);
                    app.get('{/:tileSize}/:id.json', tileJson);
                    return app;
                  },
                };
                """, "src/serve_light.js", """
                export const serve_rendered = {
                  init: (options) => {},
                };
                """, "src/server.js", """
                import fs from 'node:fs';
                import express from 'express';
                const packageJson = JSON.parse(fs.readFileSync(__dirname + '/../package.json', 'utf8'));
                const isLight = packageJson.name.slice(-6) === '-light';
                const { serve_rendered } = await import(
                  `${!isLight ? `./serve_rendered.js` : `./serve_light.js`}`
                );
                const app = express();
                serve_rendered.init({}).then((sub) => {
                  app.use('/styles/', sub);
                });
                app.get('{/:tileSize}/rendered.json', rendered);
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("GET /styles/:id/:z/:x/:y.png",
                "GET /styles{/:tileSize}/:id.json", "GET {/:tileSize}/rendered.json");
    }

    @Test
    void aStringReturnedBesideAnotherOrBesideAValueNobodyKnowsIsNotDecided() {
        // @unleash/proxy: the base path is '' only when none is configured; azure-mobile-apps:
        // classof(o) is 'null', 'undefined' or what Object.prototype.toString says at run time
        List<Route> routes = routes("app.js", APP + """
                function sanitizeBasePath(path) {
                  if (path === null || path === undefined || path.trim() === '') {
                    return '';
                  }
                  return addLeadingSlash(path.trim());
                }
                function classof(o) {
                  if (o === null) return 'null';
                  if (o === undefined) return 'undefined';
                  return Object.prototype.toString.call(o).slice(8, -1).toLowerCase();
                }
                module.exports = (options) => {
                  const base = sanitizeBasePath(options.basePath || process.env.BASE_PATH);
                  const proxy = express.Router();
                  proxy.get('/health', health);
                  app.use(`${base}/proxy`, proxy);
                  if (classof(options.handler) === 'function') {
                    app.post('/hook', options.handler);
                  }
                };
                """);

        assertThat(described(routes)).containsExactlyInAnyOrder(
                "GET /proxy/health [`${base}/proxy`] app.js:17 health",
                "POST /hook app.js:20 options.handler");
    }

    @Test
    void aDefaultInAConstructorNobodyHereCallsDecidesNothing() {
        // @slack/bolt's ExpressReceiver: users construct it; its OAuth routes are declared only when
        // they pass a client id, and the install path is theirs or '/slack/install'
        List<Route> routes = routes("receiver.js", """
                const express = require('express');
                class ExpressReceiver {
                  constructor({ endpoints = '/slack/events', clientId = undefined, installerOptions = {} } = {}) {
                    this.router = express.Router();
                    this.router.post(endpoints, this.requestHandler);
                    if (clientId !== undefined) {
                      const installPath = installerOptions.installPath === undefined
                        ? '/slack/install' : installerOptions.installPath;
                      this.router.get(installPath, this.installHandler);
                    }
                  }
                }
                module.exports = ExpressReceiver;
                """);

        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.resolved())
                .containsExactlyInAnyOrder("POST /slack/events false", "GET /slack/install false");
    }

    @Test
    void aStringWrittenBeforeASpreadNobodyKnowsIsADefault() {
        // peer: `const newOptions = { ...defaults, ...options }` with `defaults = { path: '/' }`, then
        // `app.use(options.path, api)` where the options a caller passes may set the path
        List<Route> routes = routes("index.js", """
                const express = require('express');
                const defaults = { path: '/', port: 9000 };
                const api = () => {
                  const router = express.Router();
                  router.get('/peers', peers);
                  return router;
                };
                function ExpressPeerServer(server, options) {
                  const app = express();
                  const newOptions = { ...defaults, ...options };
                  app.use(newOptions.path, api());
                  const fixed = { ...options, path: '/fixed' };
                  app.use(fixed.path, api());
                  return app;
                }
                module.exports = { ExpressPeerServer };
                """);

        assertThat(routes).extracting(r -> r.path() + " " + r.resolved())
                .containsExactlyInAnyOrder("/peers false", "/fixed/peers true");
    }

    @Test
    void anObjectDefaultInAConstructorNobodyHereCallsHoldsDefaults() {
        // @slack/bolt 5.1.0: `constructor({ endpoints = { events: '/slack/events' } })`, then a POST on
        // each of `Object.values(endpoints)`; a user's receiver passes endpoints of its own
        List<Route> routes = routes("receiver.js", """
                const express = require('express');
                class ExpressReceiver {
                  constructor({ endpoints = { events: '/slack/events' } } = {}) {
                    this.router = express.Router();
                    const paths = typeof endpoints === 'string' ? [endpoints] : Object.values(endpoints);
                    for (const endpoint of paths) {
                      this.router.post(endpoint, this.requestHandler);
                    }
                  }
                }
                module.exports = ExpressReceiver;
                """);

        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.resolved())
                .containsExactly("POST /slack/events false");
    }
}
