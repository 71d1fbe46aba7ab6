package dev.leviathan.engine.bootstrap.routes.javascript;

import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.endpoints;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What looks like a route but is not one. */
class ExpressNegativeCasesTest {

    private static final String APP = "const express = require('express');\nconst app = express();\n";

    @Test
    void ignoresHttpClientCalls() {
        List<Route> routes = routes("client.js", APP + """
                const axios = require('axios');
                const http = require('http');
                const api = axios.create({ baseURL: '/api' });
                axios.get('/users', { params: { page: 2 } });
                axios.post('/users', body, config);
                api.delete('/users/1', handleResponse);
                fetch('/api/items', { method: 'POST' });
                http.get('http://example.com/status', (res) => res.resume());
                got.put('/x', (err) => {});
                """);

        assertThat(routes).isEmpty();
    }

    @Test
    void ignoresMapsCachesAndRequestHeaderReads() {
        List<Route> routes = routes("app.js", APP + """
                const cache = new Map();
                cache.get('/users');
                redis.get('/session/' + id, (err, value) => {});
                app.get('/ok', (req, res) => {
                  const type = req.get('Content-Type');
                  res.set('X-Id', '1');
                  res.get('X-Id');
                  req.app.get('/not-a-route', nope);
                });
                """);

        assertThat(endpoints(routes)).containsExactly("GET /ok");
    }

    @Test
    void ignoresAppSettings() {
        List<Route> routes = routes("app.js", APP + """
                app.set('trust proxy', 1);
                app.enable('case sensitive routing');
                if (app.get('env') === 'development') { app.locals.pretty = true; }
                app.param('id', loadById);
                app.engine('html', render);
                """);

        assertThat(routes).isEmpty();
    }

    @Test
    void ignoresSupertestAndChaiRequests() {
        List<Route> routes = routes(
                "app.js", APP + "app.get('/users', list);\nmodule.exports = app;",
                "scripts/smoke.js", """
                        const request = require('supertest');
                        const chai = require('chai');
                        const app = require('../app');

                        (async () => {
                          await request(app).get('/users').expect(200);
                          await request(app).post('/users').send({ name: 'a' }).expect(201);
                          const agent = request.agent(app);
                          await agent.delete('/users/1', () => {});
                          chai.request(app).put('/users/1', () => {});
                        })();
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /users");
    }

    @Test
    void ignoresTestFilesAndTheAppsTheyBuild() {
        List<Route> routes = routes(
                "src/makeRouter.js", """
                        const { Router } = require('express');
                        module.exports = (db) => {
                          const router = Router();
                          router.get('/items', (req, res) => db.list());
                          return router;
                        };
                        """,
                "src/app.js", APP + "app.use('/api', require('./makeRouter')(realDb));",
                "test/router.test.js", """
                        const express = require('express');
                        const makeRouter = require('../src/makeRouter');
                        const app = express();
                        app.use(makeRouter({ list: () => [] }));
                        app.get('/test-only', (req, res) => res.end());
                        """,
                "src/__tests__/app.spec.ts", "import express from 'express';\nexpress().get('/spec-only', h);",
                "src/users.test.js", "require('express')().get('/beside-source', h);");

        assertThat(endpoints(routes)).containsExactly("GET /api/items");
    }

    @Test
    void aFileNamedTestsBesideTypingsIsTestCode() {
        // parse-server's types/tests.ts (dtslint type tests) calls the static app factory and drops the app
        List<Route> routes = routes(
                "lib/server.js", """
                        const express = require('express');
                        class Server {
                          static app(options) {
                            const api = express();
                            api.get('/health', health);
                            return api;
                          }
                          start(options) {
                            const app = express();
                            app.use(options.mountPath || '/parse', Server.app(options));
                          }
                        }
                        module.exports = Server;
                        """,
                "types/tests.ts", "import Server from '../lib/server';\nServer.app({});\n",
                "typings/specs.ts", "import Server from '../lib/server';\nServer.app({ other: true });\n",
                "hooks/tests.js", """
                        // an app's hook serving its browser test runner is application code
                        exports.expressCreateServer = (hookName, { app }) => {
                          app.get('/tests/frontend', runner);
                        };
                        """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("GET /parse/health", "GET /tests/frontend");
    }

    @Test
    void ignoresRouteTextInCommentsStringsAndTemplateText() {
        List<Route> routes = routes("app.js", APP + """
                // app.get('/line-comment', h);
                /*
                 * router.post('/block-comment', h);
                 */
                /** @example app.put('/doc-comment', h) */
                const doc = "app.get('/double-quoted', h)";
                const single = 'router.delete("/single-quoted", h)';
                const template = `app.patch('/template', h) and ${'app.get("/in-substitution-string")'}`;
                const html = `<a onclick="app.get('/html', h)">`;
                const re = /app.get\\('\\/regex', h\\)/;
                """);

        assertThat(routes).isEmpty();
    }

    @Test
    void ignoresRouteTextInJsx() {
        List<Route> routes = routes(
                "server.js", APP + "app.get('/real', real);",
                "client/Help.jsx", """
                        import React from 'react';
                        export default function Help({ app }) {
                          return (
                            <section>
                              Call app.get('/jsx-text', handler) — it's how you'd "route" a page.
                              <code>{"router.post('/jsx-string', h)"}</code>
                              <Link to="/users">users</Link>
                            </section>
                          );
                        }
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /real");
    }

    @Test
    void ignoresRoutersOfOtherFrameworks() {
        List<Route> routes = routes(
                "koa.js", """
                        const Router = require('koa-router');
                        const router = new Router();
                        router.get('/koa', (ctx) => { ctx.body = 'hi'; });
                        """,
                "fastify.js", """
                        const fastify = require('fastify')();
                        fastify.get('/fastify', async (request, reply) => ({}));
                        """,
                "vue/main.js", """
                        import { createApp } from 'vue';
                        import { createRouter } from 'vue-router';
                        const router = createRouter({ routes: [{ path: '/vue', component: Home }] });
                        const app = createApp(App);
                        app.use(router);
                        router.push('/vue');
                        """,
                "server.js", APP + "app.get('/express', h);");

        assertThat(endpoints(routes)).containsExactly("GET /express");
    }

    @Test
    void ignoresUntypedParametersNamedLikeAppsWhenNothingImportsExpress() {
        List<Route> routes = routes("plugin.js", """
                module.exports = function (app) {
                  app.get('/restify-or-whatever', handler);
                };
                """);

        assertThat(routes).isEmpty();
    }

    @Test
    void ignoresStandInCallsThatDoNotReadAsRoutes() {
        List<Route> routes = routes(
                "server.js", APP,
                "lib/store.js", """
                        module.exports = function (app) {
                          app.get(cacheKey, (err, value) => {});
                          app.get('/config', { timeout: 5 });
                        };
                        """,
                "lib/client.js", """
                        export function load(api) {
                          return api.get('/users', onUsers);
                        }
                        """);

        assertThat(routes).isEmpty();
    }

    @Test
    void ignoresCompiledMinifiedAndDeclarationFiles() {
        String route = "const router = require('express').Router();\nrouter.get('/dup', h);\nmodule.exports = router;\n";
        List<Route> routes = routes(
                "src/users.js", route,
                "dist/users.js", "\"use strict\";\nObject.defineProperty(exports, \"__esModule\", { value: true });\n"
                        + route,
                "public/app.min.js", route,
                "types/express.d.ts", "declare module 'x' { const router: any; }\n" + route,
                "build/bundle.js", ("var a=" + "1,".repeat(3000) + "2;").repeat(3) + "\n" + route);

        assertThat(routes).extracting(Route::file).containsExactly("src/users.js");
    }

    @Test
    void ignoresMethodsThatAreNotRoutes() {
        List<Route> routes = routes("app.js", APP + """
                const router = express.Router();
                function authenticate(req, res, next) { next(); }
                router.get(authenticate, authorize);
                router.stack.forEach(layer => console.log(layer.route.path));
                app.listen(3000, () => app.get('port'));
                """);

        assertThat(routes).isEmpty();
    }
}
