package dev.leviathan.engine.bootstrap.routes.javascript;

import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.described;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.endpoints;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Route modules loaded from a directory listing: {@code fs.readdirSync} reads the commit's own
 * tree, and {@code path} and string methods on the file names are evaluated.
 */
class ExpressLoadersTest {

    private static final String ROUTER = "const router = require('express').Router();\n";

    @Test
    void aRouterReadOutOfAnArgumentIsNotAlsoReportedAtItsOwnPathsOnceCodePassesOne() {
        // NodeBB: Write.reload = async (params) => { const {router} = params; ... }, called with the real router.
        List<Route> routes = routes("write.js", """
                const Write = module.exports;
                Write.reload = async (parameters) => {
                  const {router} = parameters;
                  router.get('/api/v3/ping', ping);
                };
                """, "index.js", """
                const express = require('express');
                const write = require('./write');
                module.exports = async function (app) {
                  const router = express.Router();
                  await write.reload({router});
                  app.use(process.env.RELATIVE || '/', router);
                };
                """);

        assertThat(described(routes)).containsExactly("GET /api/v3/ping [process.env.RELATIVE || '/'] write.js:4 ping");
    }

    @Test
    void anAppAPrototypeMethodStoresOnThisKeepsItsMountPrefixes() {
        // Keystone 4: Keystone.prototype.initExpressApp runs createApp(this), which stores the app
        // on keystone.app and mounts the admin router under '/' + keystone.get('admin path').
        List<Route> routes = routes("index.js", """
                function Keystone() { this._options = { 'admin path': 'keystone' }; }
                Keystone.prototype.initExpressApp = require('./lib/initExpressApp');
                module.exports = new Keystone();
                """, "lib/initExpressApp.js", """
                module.exports = function initExpressApp (customApp) {
                  if (this.app) return this;
                  this.app = require('../server/createApp')(this);
                  return this;
                };
                """, "server/createApp.js", """
                module.exports = function createApp (keystone, express) {
                  if (!keystone.app) {
                    if (!express) { express = require('express'); }
                    keystone.app = express();
                  }
                  var app = keystone.app;
                  app.use('/' + keystone.get('admin path'), require('../admin/router')(keystone));
                  return app;
                };
                """, "admin/router.js", """
                var express = require('express');
                module.exports = function createDynamicRouter (keystone) {
                  var router = express.Router();
                  router.get('/api/session', session);
                  return router;
                };
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/session ['/' + keystone.get('admin path')] admin/router.js:4 session");
    }

    @Test
    void aHookReadingTheAppOutOfAnArgumentNobodyPassesDeclaresOnAStandIn() {
        // etherpad: plugin hooks named in a manifest, called as hook(hookName, {app}).
        List<Route> routes = routes("server.js", """
                const express = require('express');
                const app = express();
                app.listen(9001);
                """, "hooks/special.js", """
                exports.expressCreateServer = (hookName, args, cb) => {
                  args.app.get('/stats', stats);
                  args.app.get('/p/:pad', pad);
                  return cb();
                };
                """, "hooks/openapi.js", """
                exports.expressPreSession = async (hookName, args) => {
                  const {app} = args;
                  app.get('/api/openapi.json', spec);
                };
                """, "middleware.js", """
                module.exports = (req, res, next) => {
                  if (req.app.get('env') === 'development') { next(); }
                };
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("GET /stats", "GET /p/:pad", "GET /api/openapi.json");
    }

    @Test
    void mountsEveryFileOfALoadedDirectoryUnderItsName() {
        List<Route> routes = routes(
                "src/app.js", """
                        const express = require('express');
                        const app = express();
                        app.use('/api', require('./routes'));
                        """,
                "src/routes/index.js", """
                        const fs = require('fs');
                        const path = require('path');
                        const router = require('express').Router();
                        const basename = path.basename(__filename);

                        fs.readdirSync(__dirname)
                          .filter((file) => file.indexOf('.') !== 0 && file !== basename && file.slice(-3) === '.js')
                          .forEach((file) => {
                            router.use('/' + file.replace(/\\.js$/, ''), require(path.join(__dirname, file)));
                          });

                        module.exports = router;
                        """,
                "src/routes/orders.js", ROUTER + "router.get('/', list);\nrouter.post('/', create);\n"
                        + "module.exports = router;",
                "src/routes/users.js", ROUTER + "router.get('/:id', show);\nmodule.exports = router;",
                "src/routes/users.test.js", ROUTER + "router.get('/test-only', t);\nmodule.exports = router;");

        assertThat(described(routes)).containsExactly(
                "GET /api/orders src/routes/orders.js:2 list",
                "POST /api/orders src/routes/orders.js:3 create",
                "GET /api/users/:id src/routes/users.js:2 show");
    }

    @Test
    void readsFileNamesWithBasenameSplitAndSubstr() {
        List<Route> routes = routes(
                "server.js", """
                        const express = require('express');
                        const { readdirSync } = require('node:fs');
                        const { join, basename } = require('node:path');
                        const app = express();
                        const dir = join(__dirname, 'controllers');
                        for (const file of readdirSync(dir)) {
                          app.use('/' + basename(file, '.js'), require(join(dir, file)));
                          app.use('/v2/' + file.split('.')[0], require('./controllers/' + file));
                          app.use('/v3/' + file.substr(0, file.indexOf('.')).toLowerCase(), require(dir + '/' + file));
                        }
                        """,
                "controllers/Teams.js", ROUTER + "router.get('/', teams);\nmodule.exports = router;");

        assertThat(endpoints(routes)).containsExactly("GET /Teams", "GET /v2/Teams", "GET /v3/teams");
    }

    @Test
    void callsEachRegistrarOfALoadedDirectoryWithTheApp() {
        List<Route> routes = routes(
                "app.js", """
                        const express = require('express');
                        const fs = require('fs');
                        const app = express();
                        const api = express.Router();
                        fs.readdirSync('./modules').forEach(function (name) {
                          if (name === 'README.js') return;
                          require('./modules/' + name + '/routes')(api);
                        });
                        app.use('/api', api);
                        """,
                "modules/README.js", "require('./nothing')(app); app.get('/readme', r);",
                "modules/billing/routes.js", "module.exports = (router) => { router.get('/invoices', invoices); };",
                "modules/catalog/routes.js", "module.exports = (router) => { router.get('/items', items); };");

        assertThat(described(routes)).containsExactly(
                "GET /api/invoices modules/billing/routes.js:1 invoices",
                "GET /api/items modules/catalog/routes.js:1 items");
    }

    @Test
    void readsRelativeDirectoriesFromThePackageRoot() {
        List<Route> routes = routes(
                "services/api/package.json", "{ \"name\": \"api\" }",
                "services/api/src/server.js", """
                        const express = require('express');
                        const fs = require('fs');
                        const path = require('path');
                        const app = express();
                        fs.readdirSync('src/routes').forEach((file) => {
                          app.use('/' + path.parse(file).name, require(path.resolve('src/routes', file)));
                        });
                        """,
                "services/api/src/routes/status.js", ROUTER + "router.get('/', status);\nmodule.exports = router;");

        assertThat(endpoints(routes)).containsExactly("GET /status");
    }

    @Test
    void listsDirentsWhenAskedForFileTypes() {
        List<Route> routes = routes(
                "app.js", """
                        const express = require('express');
                        const fs = require('fs');
                        const path = require('path');
                        const app = express();
                        const dir = path.resolve(__dirname, 'routes');
                        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                          if (!entry.isFile()) continue;
                          app.use(`/${path.basename(entry.name, path.extname(entry.name))}`,
                            require(path.join(dir, entry.name)));
                        }
                        """,
                "routes/ping.js", ROUTER + "router.get('/', ping);\nmodule.exports = router;");

        assertThat(endpoints(routes)).containsExactly("GET /ping");
    }

    @Test
    void loadsEsModulesFromTheDirectoryOfImportMetaUrl() {
        List<Route> routes = routes(
                "src/app.mjs", """
                        import express from 'express';
                        import { readdir } from 'node:fs/promises';
                        import path from 'node:path';
                        import { fileURLToPath } from 'node:url';

                        const __dirname = path.dirname(fileURLToPath(import.meta.url));
                        const app = express();
                        const dir = path.join(__dirname, 'routes');
                        for (const file of await readdir(dir)) {
                          const { default: router } = await import(path.join(dir, file));
                          app.use(`/${file.replace('.mjs', '')}`, router);
                        }
                        """,
                "src/routes/books.mjs", """
                        import { Router } from 'express';
                        const router = Router();
                        router.get('/:isbn', showBook);
                        export default router;
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /books/:isbn");
    }

    @Test
    void runsALoaderCallbackForEveryFileOfTheDirectory() {
        List<String> files = new ArrayList<>(List.of("app.js", """
                const express = require('express');
                const fs = require('fs');
                const app = express();
                fs.readdirSync(__dirname + '/routes').forEach((file) => {
                  app.use('/' + file.replace('.js', ''), require('./routes/' + file));
                });
                """));
        for (int k = 0; k < 20; k++) {
            files.add(String.format("routes/r%02d.js", k));
            files.add(ROUTER + "router.get('/', h);\nmodule.exports = router;");
        }

        List<Route> routes = routes(files.toArray(String[]::new));

        assertThat(endpoints(routes)).hasSize(20).startsWith("GET /r00").endsWith("GET /r19");
    }

    @Test
    void keepsRegistrarsAsStandInsWhenTheDirectoryIsNotInTheCommit() {
        List<Route> routes = routes(
                "app.js", """
                        const express = require('express');
                        const fs = require('fs');
                        const app = express();
                        fs.readdirSync(process.env.PLUGIN_DIR).forEach((file) => {
                          require(process.env.PLUGIN_DIR + '/' + file)(app);
                        });
                        """,
                "plugins/audit.js", "module.exports = (app) => { app.get('/audit', audit); };");

        assertThat(described(routes)).containsExactly("GET /audit plugins/audit.js:1 audit");
    }

    @Test
    @Timeout(20)
    void givesUpOnARegularExpressionThatBacktracksWithoutEnd() {
        List<Route> routes = routes("app.js", """
                const app = require('express')();
                const name = '%s';
                app.get('/' + name.replace(/(x+x+)+y/, 'z'), h);
                """.formatted("x".repeat(300)));

        assertThat(described(routes)).containsExactly("GET / ['/' + name.replace(/(x+x+)+y/, 'z')] app.js:3 h");
    }
}
