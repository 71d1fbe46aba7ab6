package dev.leviathan.engine.bootstrap.routes.javascript;

import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.described;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.endpoints;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.project;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.SourceFile;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The repository of Express itself: its examples import the framework by path
 * ({@code require('../../')}), and its own source is the framework, not an application.
 */
class ExpressRepositoryTest {

    /** The root of a checkout of Express: its manifest, its entry and the module the entry re-exports. */
    private static final String[] EXPRESS_ROOT = {
        "package.json", """
                {
                  "name": "express",
                  "version": "4.21.2",
                  "files": ["index.js", "lib/"]
                }
                """,
        "index.js", "'use strict';\n\nmodule.exports = require('./lib/express');\n",
        "lib/express.js", """
                'use strict';
                var proto = require('./application');
                exports = module.exports = createApplication;
                function createApplication() {
                  var app = function(req, res, next) { app.handle(req, res, next); };
                  return app;
                }
                exports.Router = require('./router');
                """,
    };

    private static List<Route> withExpressRoot(String... pathsAndTexts) {
        String[] all = new String[EXPRESS_ROOT.length + pathsAndTexts.length];
        System.arraycopy(EXPRESS_ROOT, 0, all, 0, EXPRESS_ROOT.length);
        System.arraycopy(pathsAndTexts, 0, all, EXPRESS_ROOT.length, pathsAndTexts.length);
        return routes(all);
    }

    @Test
    void resolvesEveryExampleOfTheExpressRepository() {
        List<Route> routes = new JavaScriptRouteExtractor().extract(project("express-repo"));

        assertThat(described(routes)).containsExactly(
                "GET / examples/auth/index.js:83 <anonymous>",
                "GET /restricted examples/auth/index.js:87 <anonymous>",
                "GET /logout examples/auth/index.js:91 <anonymous>",
                "GET /login examples/auth/index.js:99 <anonymous>",
                "POST /login examples/auth/index.js:103 <anonymous>",
                "GET / examples/content-negotiation/index.js:9 <anonymous>",
                "GET /users examples/content-negotiation/index.js:40 format('./users')",
                "ANY /* examples/cors/index.js:24 <anonymous>",
                "PUT /user/:id examples/cors/index.js:39 <anonymous>",
                "GET / examples/downloads/index.js:15 <anonymous>",
                "GET /files/:file(*) examples/downloads/index.js:24 <anonymous>",
                "GET / examples/error-pages/index.js:30 <anonymous>",
                "GET /404 examples/error-pages/index.js:34 <anonymous>",
                "GET /403 examples/error-pages/index.js:41 <anonymous>",
                "GET /500 examples/error-pages/index.js:48 <anonymous>",
                "GET / examples/hello-world/index.js:7 <anonymous>",
                "GET /api/v1 examples/multi-router/controllers/api_v1.js:7 <anonymous>",
                "GET /api/v1/users examples/multi-router/controllers/api_v1.js:11 <anonymous>",
                "GET /api/v2 examples/multi-router/controllers/api_v2.js:7 <anonymous>",
                "GET /api/v2/users examples/multi-router/controllers/api_v2.js:11 <anonymous>",
                "DELETE /api/v2/users/:id examples/multi-router/controllers/api_v2.js:15 removeUser",
                "GET / examples/multi-router/index.js:10 <anonymous>",
                "GET /pet/:pet_id examples/mvc/lib/boot.js:72 handler",
                "GET /pet/:pet_id/edit examples/mvc/lib/boot.js:72 handler",
                "GET /user/:user_id examples/mvc/lib/boot.js:72 handler",
                "GET /user/:user_id/edit examples/mvc/lib/boot.js:72 handler",
                "GET /users examples/mvc/lib/boot.js:72 handler",
                "PUT /pet/:pet_id examples/mvc/lib/boot.js:72 handler",
                "PUT /user/:user_id examples/mvc/lib/boot.js:72 handler",
                "GET / examples/mvc/lib/boot.js:75 handler",
                "POST /user/:user_id/pet examples/mvc/lib/boot.js:75 handler",
                "GET / examples/params/index.js:46 <anonymous>",
                "GET /user/:user examples/params/index.js:54 <anonymous>",
                "GET /users/:from-:to examples/params/index.js:62 <anonymous>",
                "GET /users examples/resource/index.js:14 obj.index",
                "GET /users/:a..:b.:format? examples/resource/index.js:15 <anonymous>",
                "GET /users/:id examples/resource/index.js:21 obj.show",
                "DELETE /users/:id examples/resource/index.js:22 <anonymous>",
                "GET / examples/resource/index.js:61 <anonymous>",
                "DELETE /users examples/route-map/index.js:25 a[key]",
                "DELETE /users/:uid/pets/:pid examples/route-map/index.js:25 a[key]",
                "GET /users examples/route-map/index.js:25 a[key]",
                "GET /users/:uid examples/route-map/index.js:25 a[key]",
                "GET /users/:uid/pets examples/route-map/index.js:25 a[key]",
                "GET / examples/route-separation/index.js:36 site.index",
                "GET /users examples/route-separation/index.js:40 user.list",
                "ANY /user/:id/:op? examples/route-separation/index.js:41 user.load",
                "GET /user/:id examples/route-separation/index.js:42 user.view",
                "GET /user/:id/view examples/route-separation/index.js:43 user.view",
                "GET /user/:id/edit examples/route-separation/index.js:44 user.edit",
                "PUT /user/:id/edit examples/route-separation/index.js:45 user.update",
                "GET /posts examples/route-separation/index.js:49 post.list",
                "POST /posts examples/route-separation/index.js:50 post.create",
                "GET /books examples/router-module/index.js:12 listBooks",
                "GET /books/:isbn examples/router-module/index.js:16 <anonymous>",
                "PUT /books/:isbn examples/router-module/index.js:16 <anonymous>",
                "GET /books/:isbn/authors examples/router-module/index.js:20 <anonymous>",
                "GET /search/:query? examples/search/index.js:30 <anonymous>",
                "GET /client.js examples/search/index.js:45 <anonymous>",
                "GET / examples/vhost/index.js:25 <anonymous>",
                "GET /:sub examples/vhost/index.js:29 <anonymous>",
                "GET /api/users examples/web-service/index.js:57 <anonymous>",
                "GET /api/user/:name/repos examples/web-service/index.js:61 <anonymous>");
    }

    @Test
    void readsEveryPathSpellingOfThePackageRootAsExpress() {
        List<Route> routes = withExpressRoot(
                "examples/a/index.js", "var express = require('../../');\nexpress().get('/a', a);",
                "examples/b/index.js", "var express = require('../..');\nexpress().get('/b', b);",
                "examples/c/index.js", "var express = require('../../index');\nexpress().get('/c', c);",
                "examples/d/index.js", "var express = require('../../lib/express');\nexpress().get('/d', d);",
                "examples/e/index.mjs", "import express from '../../lib/express.js';\nexpress().get('/e', e);",
                "benchmarks/app.js", "var app = require('..')();\napp.get('/bench', bench);");

        assertThat(described(routes)).containsExactly(
                "GET /bench benchmarks/app.js:2 bench",
                "GET /a examples/a/index.js:2 a",
                "GET /b examples/b/index.js:2 b",
                "GET /c examples/c/index.js:2 c",
                "GET /d examples/d/index.js:2 d",
                "GET /e examples/e/index.mjs:2 e");
    }

    @Test
    void readsTheRouterOfTheRequiredPackageRoot() {
        List<Route> routes = withExpressRoot(
                "examples/nested/index.js", """
                        var express = require('../../');
                        var Router = require('../..').Router;
                        var app = express();
                        var users = express.Router();
                        var pets = new Router({ mergeParams: true });
                        users.get('/:id', showUser);
                        pets.get('/', listPets);
                        users.use('/:id/pets', pets);
                        app.use('/users', users);
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /users/:id", "GET /users/:id/pets");
    }

    @Test
    void readsLibRouterIndexAsExpressRouter() {
        List<Route> routes = withExpressRoot(
                "lib/router/index.js", "module.exports = function (options) { return function router() {}; };",
                "examples/router/index.js", """
                        var express = require('../../lib/express');
                        var Router = require('../../lib/router');
                        var app = express();
                        var api = Router();
                        api.get('/ping', ping);
                        app.use('/api', api);
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /api/ping");
    }

    @Test
    void readsLibRouterFileAsExpressRouter() {
        List<Route> routes = withExpressRoot(
                "lib/router.js", "module.exports = Router;\nfunction Router(options) {}",
                "examples/router/index.js", """
                        var Router = require('../../lib/router.js');
                        var api = new Router();
                        api.post('/orders', createOrder);
                        module.exports = api;
                        """);

        assertThat(endpoints(routes)).containsExactly("POST /orders");
    }

    @Test
    void neverEvaluatesTheFrameworkItself() {
        List<Route> routes = withExpressRoot(
                "lib/application.js", """
                        var app = exports = module.exports = {};
                        app.diagnostics = function (router) {
                          router.get('/__diagnostics', function (req, res) { res.json({}); });
                        };
                        """,
                "lib/middleware/init.js", """
                        exports.init = function (app) {
                          return function expressInit(req, res, next) {
                            app.get('/etag fn', req, res);
                            next();
                          };
                        };
                        """,
                "examples/hello/index.js", "var express = require('../..');\nexpress().get('/', hello);");

        assertThat(endpoints(routes)).containsExactly("GET /");
    }

    @Test
    void leavesTheExpressRepositoryTestsOut() {
        List<Route> routes = withExpressRoot(
                "test/app.router.js", """
                        var express = require('../');
                        describe('app.router', function () {
                          it('should route', function () {
                            var app = express();
                            app.get('/from-a-test', function (req, res) { res.end(); });
                          });
                        });
                        """,
                "test/acceptance/hello-world.js", "var app = require('../../examples/hello-world');",
                "examples/hello-world/index.js", "var express = require('../../');\nexpress().get('/', hello);");

        assertThat(endpoints(routes)).containsExactly("GET /");
    }

    @Test
    void resolvesThePackageRootThroughItsMain() {
        List<Route> routes = routes(
                "package.json", "{ \"name\": \"express\", \"main\": \"./lib/express.js\" }",
                "lib/express.js", "exports = module.exports = function createApplication() {};",
                "lib/init.js", "exports.init = function (app) { app.get('/looks/like/a/route', init); };",
                "examples/hello/index.js", "var express = require('../../');\nexpress().get('/hello', hello);");

        assertThat(endpoints(routes)).containsExactly("GET /hello");
    }

    @Test
    void findsExpressInAnyDirectoryOfAMonorepo() {
        List<Route> routes = routes(
                "package.json", "{ \"private\": true, \"workspaces\": [\"packages/*\"] }",
                "packages/express/package.json", "{ \"name\": \"express\", \"version\": \"5.1.0\" }",
                "packages/express/index.js", "module.exports = require('./lib/express');",
                "packages/express/lib/express.js", "exports = module.exports = createApplication;",
                "packages/express/examples/hello/index.js", """
                        const express = require('../..');
                        const app = express();
                        app.get('/hello', hello);
                        """);

        assertThat(described(routes)).containsExactly("GET /hello packages/express/examples/hello/index.js:3 hello");
    }

    @Test
    void keepsRelativeRequiresUnknownWithoutAnExpressPackage() {
        List<Route> routes = routes(
                "package.json", "{ \"name\": \"not-express\" }",
                "index.js", "module.exports = require('./lib/framework');",
                "lib/framework.js", "exports = module.exports = function createApplication() { return {}; };",
                "examples/hello/index.js", "var framework = require('../../');\nframework().get('/hello', hello);");

        assertThat(routes).isEmpty();
    }

    @Test
    void evaluatesAnApplicationWhosePackageIsNamedExpress() {
        // `npm init` in a folder named express: the package is an application using Express
        List<Route> routes = routes(
                "package.json", "{ \"name\": \"express\", \"main\": \"index.js\" }",
                "index.js", """
                        const express = require('express');
                        const app = express();
                        require('./lib/express')(app);
                        app.get('/', home);
                        """,
                "lib/express.js", """
                        const express = require('express');
                        module.exports = function (app) {
                          app.use(express.json());
                          app.get('/health', health);
                        };
                        """);

        assertThat(described(routes)).containsExactly(
                "GET / index.js:4 home",
                "GET /health lib/express.js:4 health");
    }

    @Test
    void readsExpressSubpathImportsByName() {
        List<Route> routes = routes(
                "src/health.js", """
                        const Router = require('express/lib/router');
                        const health = new Router();
                        health.get('/healthz', healthz);
                        module.exports = health;
                        """,
                "src/app.mjs", """
                        import createApplication from 'express/lib/express.js';
                        import health from './health.js';
                        const app = createApplication();
                        app.use('/ops', health);
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /ops/healthz");
    }

    @Test
    void reportsTheMvcRoutesUnresolvedWhenTheControllerDirectoryIsUnknown() {
        List<SourceFile> files = new ArrayList<>();
        for (SourceFile f : project("express-repo")) {
            if (f.path().equals("examples/mvc/lib/boot.js")) {
                // the controllers come from a directory named at run time: nothing static to list
                files.add(new SourceFile(f.path(), f.text().replace("path.join(__dirname, '..', 'controllers')",
                        "process.env.CONTROLLERS_DIR")));
            } else if (f.path().startsWith("examples/mvc/")) {
                files.add(f);
            } else if (!f.path().startsWith("examples/")) {
                files.add(f);
            }
        }

        List<Route> routes = new JavaScriptRouteExtractor().extract(files);

        assertThat(described(routes)).containsExactly(
                "GET / [url] examples/mvc/lib/boot.js:72 handler",
                "GET / [url] examples/mvc/lib/boot.js:75 handler");
    }
}
