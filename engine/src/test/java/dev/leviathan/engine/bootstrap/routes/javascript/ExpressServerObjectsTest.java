package dev.leviathan.engine.bootstrap.routes.javascript;

import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.described;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.endpoints;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * How a server hands its app around: promise executors, proxies and copies of the app, strategies
 * chosen by configuration (the shapes of signalk-server).
 */
class ExpressServerObjectsTest {

    @Test
    void runsAPromiseExecutorWhenThePromiseIsMade() {
        List<Route> routes = routes("dist/api/course.js", """
                const express = require('express');
                class CourseApi {
                  constructor(app) {
                    this.app = app;
                  }
                  async start() {
                    return new Promise(async (resolve) => {
                      this.initRoutes();
                      resolve();
                    });
                  }
                  initRoutes() {
                    this.app.get('/course', this.show);
                    this.app.put('/course/destination', this.setDestination);
                  }
                }
                const app = express();
                const api = new CourseApi(app);
                app.use('/v2', express.Router());
                Promise.all([api.start()]);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /course", "PUT /course/destination");
    }

    @Test
    void declaresOnTheAppWhatIsDeclaredOnAProxyOfACopyOfIt() {
        List<Route> routes = routes(
                "server.js", """
                        const express = require('express');
                        const api = express.Router();
                        const app = express();
                        app.use('/api', api);
                        const events = bindEvents();
                        const copy = { ...app, ...events };
                        const iface = require('./rest')(new Proxy(copy, { get: (t, p) => app[p] }));
                        iface.start();
                        """,
                "rest.js", """
                        module.exports = function (app) {
                          return {
                            start: function () {
                              app.get('/signalk/v1/api/*', tree);
                            }
                          };
                        };
                        """);

        assertThat(described(routes)).containsExactly("GET /signalk/v1/api/* rest.js:4 tree");
    }

    @Test
    void runsBothBranchesOfATestThatCallsWithoutArguments() {
        List<Route> routes = routes("dist/applicationData.js", """
                const express = require('express');
                const app = express();
                app.securityStrategy = { isDummy: () => true };
                if (app.securityStrategy.isDummy()) {
                  app.post('/applicationData/:appid', disabled);
                } else {
                  app.post('/applicationData/:appid', save);
                }
                if (['a', 'b'].includes('a')) {
                  app.get('/decided', decided);
                } else {
                  app.get('/never', never);
                }
                """);

        assertThat(described(routes)).containsExactly(
                "POST /applicationData/:appid dist/applicationData.js:5 disabled",
                "POST /applicationData/:appid dist/applicationData.js:7 save",
                "GET /decided dist/applicationData.js:10 decided");
    }

    @Test
    void requiresTheModuleNamedAsTheDefaultOfAConfiguredOne() {
        List<Route> routes = routes(
                "dist/security.js", """
                        const express = require('express');
                        const app = express();
                        let strategyName = process.env.SECURITYSTRATEGY || readSetting('security.strategy');
                        if (strategyName === 'bundled') {
                          strategyName = './tokensecurity';
                        }
                        app.securityStrategy = require(strategyName)(app);
                        """,
                "dist/tokensecurity.js", """
                        module.exports = function (app) {
                          app.post('/signalk/v1/auth/login', login);
                          return {};
                        };
                        """);

        assertThat(described(routes)).containsExactly(
                "POST /signalk/v1/auth/login dist/tokensecurity.js:2 login");
    }

    @Test
    void aPrototypeMethodOfAConstructedObjectDeclaresOnTheAppItIsGiven() {
        // parse-dashboard: `new Authentication(…).initialize(app)` adds the login routes to the dashboard's app
        List<Route> routes = routes("lib/auth.js", """
                function Auth(users) {
                  this.users = users;
                }
                Auth.prototype.initialize = function (app) {
                  app.post('/login', login);
                  app.get('/logout', logout);
                };
                module.exports = Auth;
                """, "lib/app.js", """
                const express = require('express');
                const Auth = require('./auth');
                module.exports = function (config) {
                  const app = express();
                  new Auth(config.users).initialize(app);
                  app.get('/config.json', settings);
                  return app;
                };
                """, "server.js", """
                const express = require('express');
                const dashboard = require('./lib/app');
                const server = express();
                server.use('/dashboard', dashboard({}));
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("POST /dashboard/login", "GET /dashboard/logout",
                "GET /dashboard/config.json");
    }

    @Test
    void aConstructedObjectHasTheMethodsItsConstructorInheritsThroughUtilInherits() {
        List<Route> routes = routes("lib/base.js", """
                function BaseRoutes(prefix) {
                  this.prefix = prefix;
                }
                BaseRoutes.prototype.mount = function (router) {
                  router.get(this.prefix + '/health', health);
                  this.extra(router);
                };
                module.exports = BaseRoutes;
                """, "lib/users.js", """
                const util = require('util');
                const inherits = require('inherits');
                const BaseRoutes = require('./base');
                function UserRoutes() {
                  BaseRoutes.call(this, '/users');
                }
                util.inherits(UserRoutes, BaseRoutes);
                UserRoutes.prototype.extra = function (router) {
                  router.post(this.prefix, createUser);
                };
                function TeamRoutes() {
                  BaseRoutes.call(this, '/teams');
                }
                inherits(TeamRoutes, BaseRoutes);
                TeamRoutes.prototype.extra = function (router) {};
                module.exports = { UserRoutes, TeamRoutes };
                """, "app.js", """
                const express = require('express');
                const { UserRoutes, TeamRoutes } = require('./lib/users');
                const app = express();
                const api = express.Router();
                new UserRoutes().mount(api);
                new TeamRoutes().mount(api);
                app.use('/api', api);
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder(
                "GET /api/users/health", "POST /api/users", "GET /api/teams/health");
    }

    @Test
    void anObjectMadeWithObjectCreateHasItsPrototypesMethods() {
        List<Route> routes = routes("app.js", """
                const express = require('express');
                const app = express();
                const routes = {
                  register(router) {
                    router.get(this.base + '/items', items);
                  },
                };
                const v1 = Object.create(routes);
                v1.base = '/v1';
                const v2 = Object.create(v1);
                v2.base = '/v2';
                const router = express.Router();
                v1.register(router);
                v2.register(router);
                app.use(router);
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("GET /v1/items", "GET /v2/items");
    }
}
