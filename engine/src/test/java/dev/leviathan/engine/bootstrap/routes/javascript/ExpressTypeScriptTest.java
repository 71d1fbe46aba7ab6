package dev.leviathan.engine.bootstrap.routes.javascript;

import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.described;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.endpoints;
import static dev.leviathan.engine.bootstrap.routes.javascript.ExpressFixture.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;

import java.util.List;

import org.junit.jupiter.api.Test;

/** TypeScript: annotations, typed parameters, classes, and syntax that must not derail the parser. */
class ExpressTypeScriptTest {

    @Test
    void readsRoutersDeclaredWithTypeAnnotations() {
        List<Route> routes = routes("src/app.ts", """
                import express, { Express, Router } from 'express';
                const app: Express = express();
                const router: Router = express.Router();
                const admin: express.Router = Router();
                router.get('/users', list);
                admin.get('/stats', stats);
                app.use('/api', router);
                app.use('/admin', admin);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /api/users", "GET /admin/stats");
    }

    @Test
    void treatsParametersTypedAsRouterOrAppAsRoutersWhenNothingPassesOne() {
        List<Route> routes = routes(
                "src/routes/a.ts", """
                        import { Router } from 'express';
                        export default (app: Router) => {
                          app.get('/a', a);
                        };
                        """,
                "src/routes/b.ts", """
                        import express from 'express';
                        export function mountB(server: express.Application, prefix: string) {
                          server.post('/b', b);
                        }
                        """,
                "src/routes/c.ts", """
                        import type { Express } from 'express';
                        export const c = (instance: Express): void => {
                          instance.delete('/c/:id', c);
                        };
                        """,
                "src/routes/d.ts", """
                        import { Application } from 'express';
                        import Koa from 'koa';
                        export const d = (koa: Koa, app: Application) => koa.get('/not-express', x);
                        export const e = (app: any) => app.put('/loosely-typed', e);
                        export const f = (server: Koa) => server.get('/koa-typed', f);
                        """);

        assertThat(described(routes)).containsExactly(
                "GET /a src/routes/a.ts:3 a",
                "POST /b src/routes/b.ts:3 b",
                "DELETE /c/:id src/routes/c.ts:3 c",
                "PUT /loosely-typed src/routes/d.ts:4 e");
    }

    @Test
    void appliesThePrefixOfTheRouterPassedToATypedParameter() {
        List<Route> routes = routes(
                "src/index.ts", """
                        import express from 'express';
                        import registerUsers from './users';
                        const app = express();
                        const api = express.Router();
                        registerUsers(api);
                        app.use('/api', api);
                        """,
                "src/users.ts", """
                        import { Router, Request, Response } from 'express';
                        export default (router: Router): void => {
                          router.get('/users', (req: Request, res: Response) => res.json([]));
                        };
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /api/users");
    }

    @Test
    void followsClassFieldsConstructorsAndMethods() {
        List<Route> routes = routes("src/users.routes.ts", """
                import { Router } from 'express';
                import UsersController from './users.controller';

                class UsersRoute {
                  public path = '/users';
                  public router = Router();
                  public usersController = new UsersController();

                  constructor() {
                    this.initializeRoutes();
                  }

                  private initializeRoutes() {
                    this.router.get(`${this.path}`, this.usersController.getUsers);
                    this.router.get(`${this.path}/:id(\\\\d+)`, this.usersController.getUserById);
                    this.router.post(`${this.path}`, validate(CreateUserDto, 'body'), this.usersController.createUser);
                  }
                }

                export default UsersRoute;
                """);

        assertThat(described(routes)).containsExactly(
                "GET /users src/users.routes.ts:14 this.usersController.getUsers",
                "GET /users/:id(\\d+) src/users.routes.ts:15 this.usersController.getUserById",
                "POST /users src/users.routes.ts:16 this.usersController.createUser");
    }

    @Test
    void followsConstructorParameterPropertiesAndInheritance() {
        List<Route> routes = routes(
                "src/server.ts", """
                        import express, { Express } from 'express';
                        import { OrdersRoutes } from './orders';
                        class Server {
                          constructor(private readonly app: Express = express()) {
                            new OrdersRoutes(this.app).register();
                          }
                        }
                        new Server();
                        """,
                "src/orders.ts", """
                        import { Router, Express } from 'express';
                        abstract class Routes {
                          protected readonly router: Router = Router();
                          protected constructor(protected readonly app: Express, protected readonly base: string) {}
                          abstract register(): void;
                        }
                        export class OrdersRoutes extends Routes {
                          constructor(app: Express) {
                            super(app, '/orders');
                          }
                          register(): void {
                            this.router.get('/', list);
                            this.router.get('/:id', show);
                            this.app.use(this.base, this.router);
                          }
                        }
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /orders", "GET /orders/:id");
    }

    @Test
    void readsStaticMembersAndEnumsAsPathConstants() {
        List<Route> routes = routes("src/health.ts", """
                import { Router } from 'express';
                export enum Paths { Live = '/live', Ready = "/ready" }
                export class Health {
                  static readonly BASE = '/health';
                  static router = Router();
                  static register() {
                    Health.router.get(Health.BASE + Paths.Live, live);
                    Health.router.get(`${Health.BASE}${Paths.Ready}`, ready);
                  }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /health/live", "GET /health/ready");
    }

    @Test
    void looksThroughGenericsCastsAndNonNullAssertions() {
        List<Route> routes = routes("src/r.ts", """
                import { Router, Request, Response } from 'express';
                const router = Router() as Router;
                const paths = { item: '/items/:id' } as const;
                router.get<{ id: string }, ItemDto>(paths.item, getItem as RequestHandler);
                router.put<{ id: string }>(paths!.item, <RequestHandler>putItem);
                router.patch(paths.item satisfies string, patchItem!);
                export default router;
                """);

        assertThat(described(routes)).containsExactly(
                "GET /items/:id src/r.ts:4 getItem",
                "PUT /items/:id src/r.ts:5 putItem",
                "PATCH /items/:id src/r.ts:6 patchItem");
    }

    @Test
    void skipsTypeOnlyDeclarationsWithoutLosingTheRoutesAfterThem() {
        List<Route> routes = routes("src/api.ts", """
                import { Router } from 'express';
                interface User<T extends object = {}> { id: string; meta?: T; [key: string]: unknown }
                type Handler = (req: Request, res: Response) => Promise<void>;
                type Mapped = { [K in keyof User]?: User[K] extends string ? 'yes' : `no-${K & string}` };
                declare global {
                  namespace Express { interface Request { user?: User } }
                }
                declare const VERSION: string;
                function pick(x: string): string;
                function pick(x: number): number;
                function pick(x: any) { return x; }
                @Controller('/decorated')
                export class Decorated { @Get(':id') find(@Param('id') id: string) {} }
                const router = Router();
                const id = <T,>(value: T): T => value;
                const later = async <T>(value: T): Promise<T> => value;
                let maybe: string | undefined, list: Array<Array<number>> = [];
                let lazy: typeof import('./lazy') | null = null;
                router.get('/after-types', handler);
                export default router;
                """);

        assertThat(described(routes)).containsExactly("GET /after-types src/api.ts:19 handler");
    }

    @Test
    void readsTypeScriptImportEqualsAndExportEquals() {
        List<Route> routes = routes(
                "src/app.ts", """
                        import express = require('express');
                        import users = require('./users');
                        const app = express();
                        app.use('/users', users);
                        """,
                "src/users.ts", """
                        import express = require('express');
                        const router = express.Router();
                        router.get('/', list);
                        export = router;
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /users");
    }

    @Test
    void mountsARouterReturnedByAFunctionWithAReturnType() {
        List<Route> routes = routes(
                "src/app.ts", """
                        import express from 'express';
                        import { buildRouter } from './router';
                        const app = express();
                        app.use('/v1', buildRouter());
                        """,
                "src/router.ts", """
                        import { Router } from 'express';
                        export const buildRouter = (): Router => {
                          const router: Router = Router();
                          router.get('/status', status);
                          return router;
                        };
                        """);

        assertThat(endpoints(routes)).containsExactly("GET /v1/status");
    }

    @Test
    void readsTsxFilesWithJsxAndGenericArrows() {
        List<Route> routes = routes("src/server.tsx", """
                import express from 'express';
                import { renderToString } from 'react-dom/server';
                const app = express();
                const wrap = <T,>(v: T) => v;
                app.get('/ssr', (req, res) => {
                  res.send(renderToString(<App url={req.url} title="app.get('/fake', x)" />));
                });
                app.get('/after-jsx', after);
                """);

        assertThat(endpoints(routes)).containsExactly("GET /ssr", "GET /after-jsx");
    }

    @Test
    void mountsEveryControllerThroughTheRouterGetterItsBaseClassDeclares() {
        // unleash: a base Controller makes `this.app = Router()` and exposes it as `get router()`;
        // an index mounts dozens of subclasses with `this.use(path, new X(config).router)`
        StringBuilder index = new StringBuilder("import Controller from './controller';\n"
                + "export class IndexRouter extends Controller {\n"
                + "  constructor(config: Config) {\n    super(config);\n");
        List<String> files = new java.util.ArrayList<>(List.of("src/controller.ts", """
                import { Router } from 'express';
                export default class Controller {
                  protected app: Router;
                  constructor(protected config: Config) { this.app = Router(); }
                  get(path: string, handler: Handler): void { this.app.get(path, handler.bind(this)); }
                  use(path: string, router: Router): void { this.app.use(path, router); }
                  get router(): Router { return this.app; }
                }
                """));
        for (int i = 0; i < 24; i++) {
            files.add("src/c" + i + ".ts");
            files.add("import Controller from './controller';\n"
                    + "export class C" + i + " extends Controller {\n"
                    + "  constructor(config: Config) { super(config); this.get('/items', this.list); }\n"
                    + "  list(req: Request, res: Response) {}\n}\n");
            index.insert(0, "import { C" + i + " } from './c" + i + "';\n");
            index.append("    this.use('/c" + i + "', new C" + i + "(config).router);\n");
        }
        index.append("  }\n}\n");
        files.add("src/index.ts");
        files.add(index.toString());
        files.add("src/app.ts");
        files.add("""
                import express from 'express';
                import { IndexRouter } from './index';
                const app = express();
                app.use('/api', new IndexRouter({}).router);
                """);

        List<Route> routes = routes(files.toArray(String[]::new));

        assertThat(endpoints(routes)).hasSize(24).contains("GET /api/c0/items", "GET /api/c16/items",
                "GET /api/c23/items");
    }
}
