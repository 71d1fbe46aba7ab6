package dev.leviathan.engine.bootstrap.routes.javascript;

import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.described;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.endpoints;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Packages that ship only their build (tsc or Babel CommonJS under {@code dist/} or {@code lib/}):
 * the build is read when its source is not in the commit, through the interop helpers the
 * compilers emit.
 */
class ExpressCompiledOutputTest {

    private static final String TSC_HELPERS = """
            "use strict";
            var __importDefault = (this && this.__importDefault) || function (mod) {
                return (mod && mod.__esModule) ? mod : { "default": mod };
            };
            var __importStar = (this && this.__importStar) || function (mod) {
                if (mod && mod.__esModule) return mod;
                var result = {};
                return result;
            };
            Object.defineProperty(exports, "__esModule", { value: true });
            """;

    @Test
    void readsTscOutputWhoseSourceIsNotInTheCommit() {
        List<Route> routes = routes(
                "dist/server.js", TSC_HELPERS + """
                        const express_1 = __importDefault(require("express"));
                        const orders_1 = __importDefault(require("./orders"));
                        const app = (0, express_1.default)();
                        app.use("/orders", orders_1.default);
                        app.get("/health", (req, res) => res.end());
                        """,
                "dist/orders.js", TSC_HELPERS + """
                        exports.default = void 0;
                        const express_1 = __importStar(require("express"));
                        const router = (0, express_1.Router)();
                        router.get("/:id", show);
                        router.post("/", create);
                        const inner = express_1.default.Router();
                        inner.delete("/:id", remove);
                        router.use("/archived", inner);
                        exports.default = router;
                        """);

        assertThat(described(routes)).containsExactly(
                "GET /orders/:id dist/orders.js:14 show",
                "POST /orders dist/orders.js:15 create",
                "DELETE /orders/archived/:id dist/orders.js:17 remove",
                "GET /health dist/server.js:15 <anonymous>");
    }

    @Test
    void skipsCompiledOutputBesideItsTypeScriptSource() {
        String compiled = TSC_HELPERS + """
                const express_1 = __importDefault(require("express"));
                const app = (0, express_1.default)();
                app.get("/users", list);
                """;
        List<Route> routes = routes(
                "src/api/users.ts", "import express from 'express';\nconst app = express();\napp.get('/users', list);\n",
                "dist/api/users.js", compiled,
                "dist/api/orders.js", compiled.replace("/users", "/orders"));

        assertThat(described(routes)).containsExactly(
                "GET /orders dist/api/orders.js:13 list",
                "GET /users src/api/users.ts:3 list");
    }

    @Test
    void followsReExportsThroughDefinePropertyGetters() {
        List<Route> routes = routes(
                "dist/index.js", TSC_HELPERS + """
                        exports.router = void 0;
                        var routes_1 = require("./routes");
                        Object.defineProperty(exports, "router", { enumerable: true, get: function () { return routes_1.router; } });
                        """,
                "dist/routes.js", TSC_HELPERS + """
                        const express_1 = require("express");
                        exports.router = (0, express_1.Router)();
                        exports.router.get("/items", list);
                        """,
                "dist/app.js", TSC_HELPERS + """
                        const express_1 = __importDefault(require("express"));
                        const index_1 = require("./index");
                        const app = (0, express_1.default)();
                        app.use("/v1", index_1.router);
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /v1/items");
    }

    @Test
    void readsBabelOutputEndingInAnInlineSourceMap() {
        List<Route> routes = routes("lib/Routers/Files.js", """
                "use strict";

                Object.defineProperty(exports, "__esModule", {
                  value: true
                });
                exports.FilesRouter = void 0;
                var _express = _interopRequireDefault(require("express"));
                function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
                class FilesRouter {
                  expressRouter() {
                    var router = _express.default.Router();
                    router.get('/files/:name', this.getHandler);
                    return router;
                  }
                }
                exports.FilesRouter = FilesRouter;
                """ + "//# sourceMappingURL=data:application/json;charset=utf-8;base64," + "eyJ2".repeat(6_000) + "\n");

        assertThat(described(routes)).containsExactly("GET /files/:name lib/Routers/Files.js:12 this.getHandler");
    }

    @Test
    void takesTheAppThatHttp2ExpressMakesOfTheExpressModule() {
        List<Route> routes = routes("src/http.js", """
                const Express = require('express');
                const bridge = require('http2-express');
                const app = bridge(Express);
                app.get('*.flv', stream);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /*.flv");
    }

    @Test
    void treatsAStringAssignedWhenASettingIsMissingAsItsDefault() {
        List<Route> routes = routes("lib/web.js", """
                const express = require('express');
                exports.start = function (port, basePathname) {
                  const app = express();
                  if (!basePathname) {
                    basePathname = '/';
                  }
                  const router = express.Router();
                  router.get('/email', list);
                  app.use(basePathname, router);
                };
                """);

        assertThat(described(routes)).containsExactly("GET /email [basePathname] lib/web.js:8 list");
    }

    @Test
    void evaluatesAVariadicJoinHelperGivenConstantsAtEachCallSite() {
        // Babel's rest parameter copies `arguments` in a counting loop; the join borrows Array's slice
        List<Route> routes = routes("dist/lib/join.js", """
                "use strict";
                Object.defineProperty(exports, "__esModule", { value: true });
                exports["default"] = void 0;
                var tidy = function tidy(str) {
                  return str.replace(/[\\/]+/g, '/');
                };
                var join = function join() {
                  for (var _len = arguments.length, parts = new Array(_len), _i = 0; _i < _len; _i++) {
                    parts[_i] = arguments[_i];
                  }
                  return tidy([].slice.call(parts, 0).join('/'));
                };
                exports["default"] = join;
                """, "dist/app.js", """
                "use strict";
                var _express = _interopRequireDefault(require("express"));
                var _join = _interopRequireDefault(require("./lib/join"));
                function _interopRequireDefault(e) { return e && e.__esModule ? e : { "default": e }; }
                var base = '/';
                var app = (0, _express["default"])();
                app.get((0, _join["default"])(base, 'api/state'), state);
                app["delete"]((0, _join["default"])(base, 'api', 'items/:id'), remove);
                """);

        assertThat(described(routes)).containsExactly("GET /api/state dist/app.js:7 state",
                "DELETE /api/items/:id dist/app.js:8 remove");
    }

    @Test
    void aJoinHelperWithARestParameterOrArgumentsRunsForEveryCallWithConstants() {
        StringBuilder app = new StringBuilder("""
                const express = require('express');
                const join = (...parts) => parts.join('/');
                function slashed() { return Array.prototype.slice.call(arguments).join('/'); }
                const app = express();
                """);
        for (int k = 0; k < 20; k++) {
            app.append("app.get(join('', 'api', 'r").append(k).append("'), h);\n");
        }
        app.append("app.post(slashed('', 'v2', 'login'), login);\n");
        app.append("app.put(join(process.env.BASE, 'x'), x);\n");

        List<Route> routes = routes("app.js", app.toString());

        assertThat(endpoints(routes)).hasSize(22).contains("GET /api/r0", "GET /api/r19", "POST /v2/login");
        assertThat(routes.get(21).resolved()).isFalse();
    }

    @Test
    void readsSettingsMergedWithLodashMerge() {
        // cncjs: settings = merge({}, base, production); every path is joined onto settings.route
        List<Route> routes = routes("server/settings.js", """
                const merge = require('lodash/merge');
                const settings = {};
                merge(settings, { route: '/', api: { prefix: '/v0', keep: '/k' } }, { api: { prefix: '/v1' } });
                module.exports = settings;
                """, "server/app.js", """
                const express = require('express');
                const settings = require('./settings');
                const app = express();
                app.get(settings.route + 'status', status);
                app.get(settings.api.prefix + '/items', items);
                app.get(settings.api.keep + '/kept', kept);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /status", "GET /v1/items", "GET /k/kept");
    }

    @Test
    void readsSettingsMergedWithTheWholeLodashPackage() {
        List<Route> routes = routes("config.js", """
                const _ = require('lodash');
                const defaults = { api: { prefix: '/api', version: 'v1' } };
                module.exports = _.merge({}, defaults, { api: { version: 'v2' } });
                """, "app.mjs", """
                import express from 'express';
                import { merge, get } from 'lodash';
                import config from './config.js';
                const local = merge({ root: '/admin' }, {});
                const app = express();
                app.get(`${config.api.prefix}/${config.api.version}/items`, items);
                app.get(local.root + '/users', users);
                app.get(get(config, 'api.prefix') + '/other', other);
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/v2/items app.mjs:6 items",
                "GET /admin/users app.mjs:7 users",
                "GET /other [get(config, 'api.prefix') + '/other'] app.mjs:8 other");
    }

    private static final String TSC_AWAITER = """
            var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
                function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
                return new (P || (P = Promise))(function (resolve, reject) {
                    function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
                    function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
                    function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
                    step((generator = generator.apply(thisArg, _arguments || [])).next());
                });
            };
            """;

    @Test
    void runsTheBodyOfAnAsyncFunctionTscCompiledForAnOlderTarget() {
        // code-server: `async function main() { const app = await createApp(); await register(app); }`
        // compiled to ES2015, where `__awaiter` runs a generator and each `await` is a `yield`
        List<Route> routes = routes(
                "out/app.js", TSC_HELPERS + TSC_AWAITER + """
                        const express_1 = __importDefault(require("express"));
                        const createApp = (args) => __awaiter(void 0, void 0, void 0, function* () {
                            const router = (0, express_1.default)();
                            const server = yield listen(router, args.port);
                            return { router, server };
                        });
                        exports.createApp = createApp;
                        """,
                "out/routes.js", TSC_HELPERS + TSC_AWAITER + """
                        const express_1 = __importDefault(require("express"));
                        const register = (app) => __awaiter(void 0, void 0, void 0, function* () {
                            app.router.get("/robots.txt", (_, res) => __awaiter(void 0, void 0, void 0, function* () {
                                res.send(yield read());
                            }));
                            const health = express_1.default.Router();
                            health.get("/", ok);
                            app.router.use("/healthz", health);
                        });
                        exports.register = register;
                        """,
                "out/main.js", TSC_HELPERS + TSC_AWAITER + """
                        const app_1 = require("./app");
                        const routes_1 = require("./routes");
                        function main(args) {
                            return __awaiter(this, void 0, void 0, function* () {
                                const app = yield (0, app_1.createApp)(args);
                                yield (0, routes_1.register)(app);
                            });
                        }
                        main({ port: 8080 });
                        """);

        assertThat(described(routes)).containsExactly(
                "GET /robots.txt out/routes.js:22 <anonymous>",
                "GET /healthz out/routes.js:26 ok");
    }

    /** The shape of tsc's ES5 generator helper: the body runs only from a loop inside {@code next()}. */
    private static final String TSC_GENERATOR = """
            var __generator = (this && this.__generator) || function (thisArg, body) {
                var state = { label: 0, trys: [], ops: [], sent: function () { return state.value; } };
                var machine = { next: function (v) { return advance([0, v]); } };
                return machine;
                function advance(op) {
                    while (state) try {
                        op = body.call(thisArg, state);
                        if (op[0] === 4) { state.label++; return { value: op[1], done: false }; }
                        return { value: op[1], done: true };
                    } catch (e) { op = [6, e]; } finally { }
                }
            };
            """;

    @Test
    void runsEveryStepOfAnAsyncFunctionTscCompiledForES5() {
        // Medusa 1.x: the API router is mounted by a loader whose async body tsc turned into a
        // `__generator` state machine; the route modules are functions handed the router.
        List<Route> routes = routes(
                "dist/api/routes/admin/products/index.js", TSC_HELPERS + """
                        var express_1 = require("express");
                        var route = (0, express_1.Router)();
                        exports.default = (function (app) {
                            app.use("/products", route);
                            route.get("/", list);
                            route.post("/:id", update);
                            return app;
                        });
                        """,
                "dist/api/routes/admin/index.js", TSC_HELPERS + """
                        var express_1 = require("express");
                        var products_1 = __importDefault(require("./products"));
                        var route = (0, express_1.Router)();
                        exports.default = (function (app) {
                            app.use("/admin", route);
                            (0, products_1.default)(route);
                            return app;
                        });
                        """,
                "dist/api/index.js", TSC_HELPERS + """
                        var express_1 = require("express");
                        var admin_1 = __importDefault(require("./routes/admin"));
                        exports.default = (function (container) {
                            var app = (0, express_1.Router)();
                            (0, admin_1.default)(app);
                            return app;
                        });
                        """,
                "dist/loaders/api.js", TSC_HELPERS + TSC_AWAITER + TSC_GENERATOR + """
                        var api_1 = __importDefault(require("../api"));
                        exports.default = (function (_a) {
                            var app = _a.app, container = _a.container;
                            return __awaiter(void 0, void 0, void 0, function () {
                                return __generator(this, function (_b) {
                                    switch (_b.label) {
                                        case 0:
                                            app.use(function (req, res, next) { next(); });
                                            return [4 /*yield*/, prepare(container)];
                                        case 1:
                                            _b.sent();
                                            app.use("/", (0, api_1.default)(container));
                                            return [2 /*return*/, app];
                                    }
                                });
                            });
                        });
                        """);

        assertThat(described(routes)).containsExactly(
                "GET /admin/products dist/api/routes/admin/products/index.js:15 list",
                "POST /admin/products/:id dist/api/routes/admin/products/index.js:16 update");
    }

    @Test
    void anAsyncHelperTscCompiledForES5RunsItsStepsAtEachCall() {
        // Each call's state machine runs with that call's arguments: the router is mounted twice.
        List<Route> routes = routes(
                "dist/server.js", TSC_HELPERS + TSC_AWAITER + TSC_GENERATOR + """
                        var express_1 = __importDefault(require("express"));
                        var router = express_1.default.Router();
                        router.get("/items", items);
                        function mount(app, prefix) {
                            return __awaiter(this, void 0, void 0, function () {
                                return __generator(this, function (_a) {
                                    switch (_a.label) {
                                        case 0: return [4 /*yield*/, connect()];
                                        case 1:
                                            _a.sent();
                                            app.use(prefix, router);
                                            return [2 /*return*/, app];
                                    }
                                });
                            });
                        }
                        var app = (0, express_1.default)();
                        mount(app, "/v1");
                        mount(app, "/v2");
                        """);

        assertThat(described(routes)).containsExactlyInAnyOrder(
                "GET /v1/items dist/server.js:34 items",
                "GET /v2/items dist/server.js:34 items");
    }
}
