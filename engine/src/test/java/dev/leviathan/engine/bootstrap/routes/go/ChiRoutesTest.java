package dev.leviathan.engine.bootstrap.routes.go;

import static dev.leviathan.engine.bootstrap.routes.go.GoSources.extract;
import static dev.leviathan.engine.bootstrap.routes.go.GoSources.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChiRoutesTest {

    private static final String ARTICLES = """
            package main

            import (
            	"net/http"

            	"github.com/go-chi/chi/v5"
            	"github.com/go-chi/chi/v5/middleware"
            )

            func main() {
            	r := chi.NewRouter()
            	r.Use(middleware.Logger)

            	r.Get("/", func(w http.ResponseWriter, r *http.Request) {
            		w.Write([]byte(r.URL.Query().Get("name")))
            	})

            	r.Route("/articles", func(r chi.Router) {
            		r.With(paginate).Get("/", listArticles)
            		r.Post("/", createArticle)
            		r.Get("/search", searchArticles)

            		r.Route("/{articleID}", func(r chi.Router) {
            			r.Use(ArticleCtx)
            			r.Get("/", getArticle)
            			r.Put("/", updateArticle)
            			r.Delete("/", deleteArticle)
            		})
            		r.Get("/{articleSlug:[a-z-]+}", getArticleBySlug)
            	})

            	r.Mount("/admin", adminRouter())
            	http.ListenAndServe(":3333", r)
            }

            func adminRouter() http.Handler {
            	r := chi.NewRouter()
            	r.Use(AdminOnly)
            	r.Get("/", adminIndex)
            	r.Get("/accounts", adminListAccounts)
            	return r
            }
            """;

    @Test
    void aRouterPassedAsARepositoryInterfaceItSatisfiesIsStillARouter() {
        // smallstep/certificates: api.Router, satisfied by chi's mux, in another package.
        List<Route> routes = extract("go.mod", "module example.com/ca\n", "api/api.go", """
                package api

                import "net/http"

                type Router interface {
                	MethodFunc(method, pattern string, h http.HandlerFunc)
                }

                type Handler interface {
                	Handle(msg string)
                }

                type peerGetter interface {
                	Get(id uint64) Peer
                }

                func Routes(r Router) {
                	r.MethodFunc("GET", "/version", version)
                }

                func Notify(h Handler) { h.Handle("hello") }

                func Lookup(g peerGetter) Peer { return g.Get(7) }
                """, "ca/ca.go", """
                package ca

                import (
                	"github.com/go-chi/chi"
                	"example.com/ca/api"
                )

                func New() {
                	mux := chi.NewRouter()
                	api.Routes(mux)
                	mux.Route("/1.0", func(r chi.Router) {
                		api.Routes(r)
                	})
                }
                """);
        assertThat(summary(routes)).containsExactlyInAnyOrder("GET /version version", "GET /1.0/version version");
    }

    @Test
    void followsNestedRouteClosuresWithShadowedRouters() {
        List<Route> routes = extract("main.go", ARTICLES);
        assertThat(summary(routes)).containsExactly(
                "GET / <anonymous>",
                "GET /articles/ listArticles",
                "POST /articles/ createArticle",
                "GET /articles/search searchArticles",
                "GET /articles/{articleID}/ getArticle",
                "PUT /articles/{articleID}/ updateArticle",
                "DELETE /articles/{articleID}/ deleteArticle",
                "GET /articles/{articleSlug:[a-z-]+} getArticleBySlug",
                "GET /admin/ adminIndex",
                "GET /admin/accounts adminListAccounts");
    }

    @Test
    void doesNotTakeRequestMethodsInsideHandlersForRoutes() {
        List<Route> routes = extract("main.go", ARTICLES);
        assertThat(routes).noneMatch(r -> r.path().contains("name"));
        assertThat(routes).allMatch(r -> r.framework().equals("chi"));
    }

    @Test
    void readsMethodHandleAndGroup() {
        List<Route> routes = extract("routes.go", """
                package app

                import (
                	"net/http"

                	"github.com/go-chi/chi"
                )

                func Routes() chi.Router {
                	r := chi.NewRouter()
                	r.Method("GET", "/a", handlerA)
                	r.MethodFunc(http.MethodPatch, "/b", handlerB)
                	r.Handle("/c", handlerC)
                	r.HandleFunc("/d", handlerD)
                	r.Connect("/tunnel", tunnel)
                	r.Trace("/trace", trace)
                	r.Group(func(r chi.Router) {
                		r.Use(jwtauth.Verifier(tokenAuth))
                		r.Get("/private", private)
                	})
                	return r
                }
                """);
        assertThat(summary(routes)).containsExactly(
                "GET /a handlerA", "PATCH /b handlerB", "ANY /c handlerC", "ANY /d handlerD",
                "CONNECT /tunnel tunnel", "TRACE /trace trace", "GET /private private");
    }

    @Test
    void mountsAHandlerMethodsRouterOncePerMount() {
        List<Route> routes = extract("cmd/api/main.go", """
                package main

                import "github.com/go-chi/chi/v5"

                func main() {
                	users := &UserHandler{}
                	r := chi.NewRouter()
                	r.Mount("/users", users.Routes())
                	r.Mount("/v2/users", users.Routes())
                }

                type UserHandler struct{}

                func (h *UserHandler) Routes() chi.Router {
                	r := chi.NewRouter()
                	r.Get("/", h.List)
                	r.Get("/{id}", h.Get)
                	return r
                }
                """);
        assertThat(summary(routes)).containsExactly(
                "GET /users/ h.List", "GET /v2/users/ h.List", "GET /users/{id} h.Get", "GET /v2/users/{id} h.Get");
    }

    @Test
    void passesTheSubRouterToRouteFunctionsByName() {
        List<Route> routes = extract("main.go", """
                package main

                import "github.com/go-chi/chi/v5"

                func main() {
                	r := chi.NewRouter()
                	r.Route("/api", func(r chi.Router) {
                		r.Route("/todos", todoRoutes)
                	})
                }

                func todoRoutes(r chi.Router) {
                	r.Get("/", listTodos)
                	r.Post("/", createTodo)
                }
                """);
        assertThat(summary(routes)).containsExactly("GET /api/todos/ listTodos", "POST /api/todos/ createTodo");
    }

    @Test
    void reportsAMountOfAnUnknownHandlerAsOneRoute() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"github.com/go-chi/chi/v5"
                	"github.com/go-chi/chi/v5/middleware"
                )

                func main() {
                	r := chi.NewRouter()
                	r.Mount("/debug", middleware.Profiler())
                }
                """);
        assertThat(summary(routes)).containsExactly("ANY /debug middleware.Profiler()");
    }

    @Test
    void acceptsAnAliasedChiImport() {
        List<Route> routes = extract("main.go", """
                package main

                import router "github.com/go-chi/chi/v5"

                func main() {
                	mux := router.NewRouter()
                	mux.Get("/x", x)
                }
                """);
        assertThat(summary(routes)).containsExactly("GET /x x");
    }
}
