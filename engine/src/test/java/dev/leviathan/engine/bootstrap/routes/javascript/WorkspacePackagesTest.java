package dev.leviathan.engine.bootstrap.routes.javascript;

import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.described;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.endpoints;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.project;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Imports resolved through {@code package.json}: directory mains and a monorepo's packages by name. */
class WorkspacePackagesTest {

    private static final String ROUTER = """
            const { Router } = require('express');
            const router = Router();
            """;

    @Test
    void readsPackageJsonFilesBesidesSources() {
        assertThat(new JavaScriptRouteExtractor().fileNames()).isEqualTo(Set.of("package.json"));
    }

    @Test
    void resolvesTheWorkspacePackagesOfAMonorepo() {
        List<Route> routes = new JavaScriptRouteExtractor().extract(project("monorepo"));

        assertThat(described(routes)).containsExactly(
                "GET /healthz apps/server/src/plugins/health/health-routes.js:7 <anonymous>",
                "GET /decoy apps/server/src/plugins/health/index.js:8 <anonymous>",
                "GET /api/status packages/api-routes/lib/index.js:8 <anonymous>",
                "GET /api/orders packages/api-routes/lib/orders.js:7 listOrders",
                "POST /api/orders/:orderId/cancel packages/api-routes/lib/orders.js:11 cancelOrder",
                "DELETE /admin/billing/invoices/:invoiceId packages/billing/src/admin.ts:5 <anonymous>",
                "GET /billing/invoices packages/billing/src/index.ts:5 <anonymous>",
                "POST /billing/invoices/:invoiceId/pay packages/billing/src/index.ts:9 payInvoice",
                "GET / packages/express/examples/hello/index.js:7 <anonymous>");
    }

    @Test
    void resolvesAScopedPackageByNameThroughItsMain() {
        List<Route> routes = routes(
                "packages/routes/package.json", "{ \"name\": \"@acme/routes\", \"main\": \"server/routes.js\" }",
                "packages/routes/server/routes.js", ROUTER + "router.get('/users', users);\nmodule.exports = router;",
                "packages/routes/index.js", ROUTER + "router.get('/not-the-main', nope);\nmodule.exports = router;",
                "apps/api/server.js", """
                        const app = require('express')();
                        app.use('/v1', require('@acme/routes'));
                        """);

        assertThat(described(routes)).containsExactly(
                "GET /not-the-main packages/routes/index.js:3 nope",
                "GET /v1/users packages/routes/server/routes.js:3 users");
    }

    @Test
    void resolvesAnUnscopedPackageByNameToItsIndex() {
        List<Route> routes = routes(
                "libs/shop-routes/package.json", "{ \"name\": \"shop-routes\", \"version\": \"1.0.0\" }",
                "libs/shop-routes/index.js", ROUTER + "router.get('/cart', cart);\nmodule.exports = router;",
                "apps/web/app.js", "const app = require('express')();\napp.use('/shop', require('shop-routes'));");

        assertThat(endpoints(routes)).containsExactly("GET /shop/cart");
    }

    @Test
    void readsABuiltMainAsItsTypeScriptSource() {
        List<Route> routes = routes(
                "packages/auth/package.json", """
                        { "name": "@acme/auth", "main": "dist/index.js", "types": "dist/index.d.ts" }
                        """,
                "packages/auth/src/index.ts", """
                        import { Router } from 'express';
                        export const authRouter = Router();
                        authRouter.post('/login', login);
                        """,
                "apps/api/src/main.ts", """
                        import express from 'express';
                        import { authRouter } from '@acme/auth';
                        const app = express();
                        app.use('/auth', authRouter);
                        """);

        assertThat(described(routes)).containsExactly("POST /auth/login packages/auth/src/index.ts:3 login");
    }

    @Test
    void resolvesSubpathsThroughTheExportsMap() {
        List<Route> routes = routes(
                "packages/billing/package.json", """
                        {
                          "name": "@acme/billing",
                          "exports": {
                            ".": { "types": "./dist/index.d.ts", "require": "./dist/index.js" },
                            "./admin": "./dist/admin/routes.js",
                            "./routes/*": "./src/routes/*.js"
                          }
                        }
                        """,
                "packages/billing/src/index.js", ROUTER + "router.get('/invoices', list);\nmodule.exports = router;",
                "packages/billing/src/admin/routes.js", ROUTER + "router.delete('/x', drop);\nmodule.exports = router;",
                "packages/billing/src/routes/refunds.js", ROUTER + "router.post('/', refund);\nmodule.exports = router;",
                "apps/api/app.js", """
                        const app = require('express')();
                        app.use('/billing', require('@acme/billing'));
                        app.use('/billing/admin', require('@acme/billing/admin'));
                        app.use('/billing/refunds', require('@acme/billing/routes/refunds'));
                        """);

        assertThat(endpoints(routes)).containsExactly(
                "DELETE /billing/admin/x", "GET /billing/invoices", "POST /billing/refunds");
    }

    @Test
    void resolvesAPathInsideAPackageWithoutExports() {
        List<Route> routes = routes(
                "packages/catalog/package.json", "{ \"name\": \"@acme/catalog\", \"main\": \"lib/index.js\" }",
                "packages/catalog/lib/routes/products.js",
                        ROUTER + "router.get('/:sku', show);\nmodule.exports = router;",
                "app.js", "const app = require('express')();\n"
                        + "app.use('/products', require('@acme/catalog/lib/routes/products'));");

        assertThat(endpoints(routes)).containsExactly("GET /products/:sku");
    }

    @Test
    void prefersADirectorysMainToItsIndex() {
        List<Route> routes = routes(
                "src/plugins/search/package.json", "{ \"main\": \"./search-routes.js\" }",
                "src/plugins/search/search-routes.js",
                        ROUTER + "router.get('/search', search);\nmodule.exports = router;",
                "src/plugins/search/index.js", ROUTER + "router.get('/index', index);\nmodule.exports = router;",
                "src/app.js", "const app = require('express')();\napp.use('/plugins', require('./plugins/search'));");

        assertThat(endpoints(routes)).containsExactly("GET /index", "GET /plugins/search");
    }

    @Test
    void fallsBackToIndexWhenAMainIsMissing() {
        List<Route> routes = routes(
                "src/routes/package.json", "{ \"main\": \"./gone.js\" }",
                "src/routes/index.js", ROUTER + "router.get('/here', here);\nmodule.exports = router;",
                "src/app.js", "const app = require('express')();\napp.use('/api', require('./routes'));");

        assertThat(endpoints(routes)).containsExactly("GET /api/here");
    }

    @Test
    void ignoresBrokenManifestsAndThoseOfTests() {
        List<Route> routes = routes(
                "packages/routes/package.json", "{ \"name\": \"@acme/routes\", \"main\": ",
                "test/fixtures/pkg/package.json", "{ \"name\": \"@acme/other\", \"main\": \"../../../routes.js\" }",
                "routes.js", ROUTER + "router.get('/other', other);\nmodule.exports = router;",
                "packages/routes/index.js", ROUTER + "router.get('/r', r);\nmodule.exports = router;",
                "app.js", """
                        const app = require('express')();
                        app.use('/routes', require('@acme/routes'));
                        app.use('/other', require('@acme/other'));
                        """);

        // without a manifest, `@acme/routes` is guessed as the alias `routes` (the file routes.js)
        assertThat(endpoints(routes)).containsExactly("GET /r", "GET /routes/other");
    }

    @Test
    void prefersTheManifestNearestTheRootForADuplicatedName() {
        List<Route> routes = routes(
                "packages/api/package.json", "{ \"name\": \"@acme/api\" }",
                "packages/api/index.js", ROUTER + "router.get('/real', real);\nmodule.exports = router;",
                "templates/starter/packages/api/package.json", "{ \"name\": \"@acme/api\" }",
                "templates/starter/packages/api/index.js",
                        ROUTER + "router.get('/template', t);\nmodule.exports = router;",
                "app.js", "const app = require('express')();\napp.use('/api', require('@acme/api'));");

        assertThat(endpoints(routes)).containsExactly("GET /api/real", "GET /template");
    }
}
