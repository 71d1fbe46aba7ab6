package dev.leviathan.engine.bootstrap.routes.go;

import static dev.leviathan.engine.bootstrap.routes.go.GoSources.extract;
import static dev.leviathan.engine.bootstrap.routes.go.GoSources.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class GorillaMuxRoutesTest {

    @Test
    void methodsChainedAfterTheHandlerGiveThatRouteItsMethods() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"net/http"

                	"github.com/gorilla/mux"
                )

                func main() {
                	r := mux.NewRouter()
                	r.HandleFunc("/users", listUsers).Methods("GET")
                	r.HandleFunc("/users", createUser).Methods(http.MethodPost, "PUT")
                	r.Handle("/health", healthHandler)
                	r.Methods("DELETE").Path("/users/{id:[0-9]+}").HandlerFunc(deleteUser).Name("delete")
                	http.ListenAndServe(":8080", r)
                }
                """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.handler() + " " + r.line())
                .containsExactlyInAnyOrder(
                        "GET /users listUsers 11",
                        "POST /users createUser 12",
                        "PUT /users createUser 12",
                        "ANY /health healthHandler 13",
                        "DELETE /users/{id:[0-9]+} deleteUser 14");
        assertThat(routes).allSatisfy(r -> {
            assertThat(r.framework()).isEqualTo("gorilla-mux");
            assertThat(r.resolved()).isTrue();
        });
    }

    @Test
    void subroutersNestUnderTheirPathPrefixWithOneSlash() {
        List<Route> routes = extract("api.go", """
                package api

                import "github.com/gorilla/mux"

                type Server struct{ router *mux.Router }

                func (s *Server) routes() {
                	api := s.router.PathPrefix("/api/").Subrouter()
                	v1 := api.PathPrefix("/v1").Subrouter()
                	v1.HandleFunc("/items", s.items).Methods("GET")
                	v1.HandleFunc("/", s.index)
                	s.router.PathPrefix("/static/").Handler(static)
                }
                """);
        assertThat(summary(routes)).containsExactlyInAnyOrder(
                "GET /api/v1/items s.items", "ANY /api/v1/ s.index", "ANY /static/ static");
    }

    @Test
    void aSubrouterMatchingMethodsGivesThemToItsRoutesWithoutTheirOwn() {
        List<Route> routes = extract("main.go", """
                package main

                import "github.com/gorilla/mux"

                func main() {
                	r := mux.NewRouter()
                	reads := r.Methods("GET", "HEAD").PathPrefix("/files").Subrouter()
                	reads.HandleFunc("/{name}", file)
                	reads.HandleFunc("/{name}/meta", meta).Methods("GET")
                }
                """);
        assertThat(summary(routes)).containsExactlyInAnyOrder(
                "GET /files/{name} file", "HEAD /files/{name} file", "GET /files/{name}/meta meta");
    }

    @Test
    void aNamedRouteWhoseHandlerIsAttachedByNameIsStillReported() {
        // docker distribution: router.Path(d.Path).Name(d.Name), then GetRoute(name).Handler(h) elsewhere.
        List<Route> routes = extract("routes.go", """
                package v2

                import "github.com/gorilla/mux"

                const RouteNameTags = "tags"

                func Router() *mux.Router {
                	router := mux.NewRouter()
                	router.Path("/v2/_catalog").Name("catalog")
                	router.Path("/v2/{name}/tags/list").Methods("GET").Name(RouteNameTags)
                	return router
                }
                """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.handler() + " " + r.resolved()
                        + " " + r.rawExpression())
                .containsExactlyInAnyOrder(
                        "ANY /v2/_catalog <unknown> false \"catalog\"",
                        "GET /v2/{name}/tags/list <unknown> true null");
    }

    @Test
    void aHandlerAttachedByNameThroughAHelperNamesTheCallersHandlerOnTheServedRouterOnly() {
        // The shape of docker distribution: one function builds a router of named routes from a
        // table under a prefix parameter; a server registers a handler per name through a helper,
        // and a URL builder keeps another copy of the router that never gets handlers.
        List<Route> routes = extract("api/routes.go", """
                package api

                import "github.com/gorilla/mux"

                const (
                	NameItems = "items"
                	NameItem  = "item"
                )

                type descriptor struct {
                	Name string
                	Path string
                }

                var table = []descriptor{
                	{Name: NameItems, Path: "/v1/items"},
                	{Name: NameItem, Path: "/v1/items/{id}"},
                }

                func Router() *mux.Router { return WithPrefix("") }

                func WithPrefix(prefix string) *mux.Router {
                	root := mux.NewRouter()
                	r := root
                	if prefix != "" {
                		r = r.PathPrefix(prefix).Subrouter()
                	}
                	for _, d := range table {
                		r.Path(d.Path).Name(d.Name)
                	}
                	return root
                }
                """, "api/urls.go", """
                package api

                import "github.com/gorilla/mux"

                type Builder struct{ router *mux.Router }

                func NewBuilder() *Builder { return &Builder{router: Router()} }
                """, "server/app.go", """
                package server

                import (
                	"net/http"

                	"github.com/gorilla/mux"
                	"example.com/reg/api"
                )

                type handlerMaker func(r *http.Request) http.Handler

                type App struct {
                	router *mux.Router
                	debug  bool
                }

                func New(prefix string) *App {
                	app := &App{router: api.WithPrefix("/reg")}
                	app.register(api.NameItems, listItems)
                	app.register(api.NameItem, func(r *http.Request) http.Handler { return nil })
                	return app
                }

                func (app *App) register(name string, make handlerMaker) {
                	h := app.wrap(make)
                	if app.debug {
                		h = logged(h)
                	}
                	app.router.GetRoute(name).Handler(h)
                }
                """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.handler() + " " + r.resolved()
                        + " " + r.file() + " " + r.line())
                .containsExactlyInAnyOrder(
                        "ANY /reg/v1/items listItems true api/routes.go 16",
                        "ANY /reg/v1/items/{id} <anonymous> true api/routes.go 17");
    }

    @Test
    void aRouterTakenAsParameterGetsItsCallersPrefix() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"net/http"

                	"github.com/gorilla/mux"
                )

                func register(r *mux.Router) {
                	r.HandleFunc("/login", login).Methods("POST")
                }

                func main() {
                	r := mux.NewRouter()
                	register(r.PathPrefix("/auth").Subrouter())
                	http.Handle("/", r)
                }
                """);
        assertThat(summary(routes)).containsExactly("POST /auth/login login");
    }

    @Test
    void anUnknownMethodIsReportedAsAnyUnresolved() {
        List<Route> routes = extract("main.go", """
                package main

                import "github.com/gorilla/mux"

                func main() {
                	r := mux.NewRouter()
                	r.HandleFunc("/x", x).Methods(cfg.Method)
                }
                """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.resolved() + " " + r.rawExpression())
                .containsExactly("ANY /x false cfg.Method");
    }

    @Test
    void aRouteTableRangedOverDeclaresEachEntry() {
        List<Route> routes = extract("routes.go", """
                package main

                import "github.com/gorilla/mux"

                type route struct {
                	method  string
                	path    string
                	handler func()
                }

                var routes = []route{
                	{"GET", "/a", a},
                	{"POST", "/b", b},
                }

                func main() {
                	r := mux.NewRouter()
                	for _, rt := range routes {
                		r.Methods(rt.method).Path(rt.path).HandlerFunc(rt.handler)
                	}
                }
                """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.line())
                .containsExactlyInAnyOrder("GET /a 12", "POST /b 13");
    }
    @Test
    void aTableHandlerWrappedBeforeItIsRegisteredKeepsTheEntrysName() {
        // openapi-generator's Go server (and the classic gorilla tutorial): the entry's handler
        // is copied into a variable and wrapped by a logger before it is registered.
        List<Route> routes = extract("routers.go", """
                package main

                import (
                	"net/http"

                	"github.com/gorilla/mux"
                )

                type Route struct {
                	Name        string
                	Method      string
                	Pattern     string
                	HandlerFunc http.HandlerFunc
                }

                var routes = []Route{
                	{"Index", "GET", "/v2/", Index},
                	{"AddPet", http.MethodPost, "/v2/pet", AddPet},
                }

                func Logger(inner http.Handler, name string) http.Handler { return inner }

                func NewRouter() *mux.Router {
                	router := mux.NewRouter().StrictSlash(true)
                	for _, route := range routes {
                		var handler http.Handler
                		handler = route.HandlerFunc
                		handler = Logger(handler, route.Name)
                		router.Methods(route.Method).Path(route.Pattern).Name(route.Name).Handler(handler)
                	}
                	return router
                }
                """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.handler() + " " + r.line())
                .containsExactlyInAnyOrder("GET /v2/ Index 17", "POST /v2/pet AddPet 18");
    }

    private static final String ROUTE = """
            package route

            import "net/http"

            type Group interface {
            	Routes() []Route
            }

            type Route interface {
            	Method() string
            	Path() string
            	Handler() http.HandlerFunc
            }

            type plain struct {
            	method  string
            	path    string
            	handler http.HandlerFunc
            }

            func (p plain) Method() string            { return p.method }
            func (p plain) Path() string              { return p.path }
            func (p plain) Handler() http.HandlerFunc { return p.handler }

            type Option func(Route) Route

            func New(method, path string, h http.HandlerFunc, opts ...Option) Route {
            	var r Route = plain{method, path, h}
            	for _, o := range opts {
            		r = o(r)
            	}
            	return r
            }

            func Get(path string, h http.HandlerFunc, opts ...Option) Route {
            	return New(http.MethodGet, path, h, opts...)
            }

            func Post(path string, h http.HandlerFunc) Route {
            	return New(http.MethodPost, path, h)
            }

            // Traced marks a route for tracing; the route it is given still answers.
            func Traced(r Route) Route {
            	return r
            }
            """;

    private static final String KENNEL = """
            package kennel

            import "github.com/acme/pets/route"

            type kennelGroup struct {
            	store  Store
            	routes []route.Route
            }

            func NewGroup(s Store) route.Group {
            	g := &kennelGroup{store: s}
            	g.fill()
            	return g
            }

            func (g *kennelGroup) Routes() []route.Route {
            	return g.routes
            }

            func (g *kennelGroup) fill() {
            	g.routes = []route.Route{
            		route.Get("/dogs", g.listDogs),
            		route.Post("/dogs/{id}/walk", g.walkDog),
            		route.Get("/dogs/{id}", g.getDog, route.Traced),
            	}
            }
            """;

    private static final String SERVER = """
            package server

            import (
            	"github.com/acme/pets/route"
            	"github.com/gorilla/mux"
            )

            type Server struct {
            	groups []route.Group
            }

            func (s *Server) Add(groups ...route.Group) {
            	s.groups = append(s.groups, groups...)
            }

            func (s *Server) mux() *mux.Router {
            	m := mux.NewRouter()
            	for _, g := range s.groups {
            		for _, r := range g.Routes() {
            			h := wrap(r.Handler())
            			m.Path("/v{n:[0-9]+}" + r.Path()).Methods(r.Method()).Handler(h)
            		}
            	}
            	return m
            }
            """;

    @Test
    void routesKeptAsValuesInAFieldAndReadThroughInterfaceMethodsInALoopAreRegistered() {
        // The Docker engine API's shape: each group's table is a slice of route values built by
        // constructors, read back through Routes(), Path(), Method() and Handler().
        List<Route> routes = extract("route/route.go", ROUTE, "kennel/kennel.go", KENNEL, "server/server.go", SERVER);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.handler() + " " + r.file() + ":"
                + r.line() + " " + r.resolved())
                .containsExactlyInAnyOrder("GET /v{n:[0-9]+}/dogs g.listDogs kennel/kennel.go:22 true",
                        "POST /v{n:[0-9]+}/dogs/{id}/walk g.walkDog kennel/kennel.go:23 true",
                        "GET /v{n:[0-9]+}/dogs/{id} g.getDog kennel/kennel.go:24 true");
    }

    @Test
    void aTableStoredInAFieldTwoWaysIsNotUnrolled() {
        String twice = KENNEL.replace("func (g *kennelGroup) fill() {", """
                func (g *kennelGroup) empty() {
                	g.routes = []route.Route{route.Get("/cats", g.listDogs)}
                }

                func (g *kennelGroup) fill() {""");
        List<Route> routes = extract("route/route.go", ROUTE, "kennel/kennel.go", twice, "server/server.go", SERVER);
        assertThat(routes).extracting(r -> r.path() + " " + r.resolved()).doesNotContain("/v{n:[0-9]+}/dogs true",
                "/v{n:[0-9]+}/cats true");
    }
}
