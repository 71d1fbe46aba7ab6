package dev.leviathan.engine.bootstrap.routes.go;

import static dev.leviathan.engine.bootstrap.routes.go.GoSources.extract;
import static dev.leviathan.engine.bootstrap.routes.go.GoSources.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetHttpRoutesTest {

    @Test
    void aRouterWrappedByMiddlewareOfTheRepositoryIsMountedNotARoute() {
        List<Route> routes = extract("main.go", """
                package main

                import "net/http"

                func cors(h http.Handler) http.Handler {
                	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
                		w.Header().Set("Access-Control-Allow-Origin", "*")
                		h.ServeHTTP(w, r)
                	})
                }

                func main() {
                	api := http.NewServeMux()
                	api.HandleFunc("/api/items", items)
                	http.Handle("/", cors(api))
                	http.ListenAndServe(":8080", nil)
                }
                """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.handler())
                .containsExactly("ANY /api/items items");
    }

    @Test
    void aRouterAPackageFunctionReturnsAsAHandlerIsMountedNotARoute() {
        // go-kit's shipping example: `mux.Handle("/booking/v1/", booking.MakeHandler(bs, logger))`,
        // MakeHandler declared to return an http.Handler and returning its gorilla router
        List<Route> routes = extract("go.mod", """
                module example.com/shipping
                """, "booking/transport.go", """
                package booking

                import (
                	"net/http"

                	"github.com/gorilla/mux"
                )

                func MakeHandler(s Service) http.Handler {
                	r := mux.NewRouter()
                	r.Handle("/booking/v1/cargos", list).Methods("GET")
                	return r
                }
                """, "main.go", """
                package main

                import (
                	"net/http"

                	"example.com/shipping/booking"
                )

                func main() {
                	mux := http.NewServeMux()
                	mux.Handle("/booking/v1/", booking.MakeHandler(nil))
                	http.Handle("/", mux)
                	http.ListenAndServe(":8080", nil)
                }
                """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /booking/v1/cargos");
    }

    @Test
    void aMuxOneProgramServesAndAnotherMountsIsReportedAtBoth() {
        List<Route> routes = extract("transport/http.go", """
                package transport

                import "net/http"

                func NewHandler() http.Handler {
                	m := http.NewServeMux()
                	m.HandleFunc("/sum", sum)
                	return m
                }
                """, "cmd/svc/main.go", """
                package main

                import (
                	"net"
                	"net/http"

                	"example.com/kit/transport"
                )

                func main() {
                	l, _ := net.Listen("tcp", ":8081")
                	h := transport.NewHandler()
                	http.Serve(l, h)
                }
                """, "gateway/main.go", """
                package main

                import (
                	"net/http"

                	"example.com/kit/transport"
                )

                func main() {
                	mux := http.NewServeMux()
                	mux.Handle("/svc/", http.StripPrefix("/svc", transport.NewHandler()))
                	http.ListenAndServe(":8080", mux)
                }
                """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.file())
                .containsExactlyInAnyOrder("ANY /sum transport/http.go", "ANY /svc/sum transport/http.go");
    }

    @Test
    void aHandlerAHelperWrapsBeforeRegisteringIsNamedByWhatItsCallerPasses() {
        // caddy's admin: h = logged(h); mux.Handle(pattern, h).
        List<Route> routes = extract("main.go", """
                package main

                import "net/http"

                func logged(h http.Handler) http.Handler {
                	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r) })
                }

                func reg(mux *http.ServeMux, pattern string, h http.Handler) {
                	h = logged(h)
                	mux.Handle(pattern, h)
                }

                func main() {
                	mux := http.NewServeMux()
                	reg(mux, "/load", http.HandlerFunc(handleLoad))
                	reg(mux, "/stop", stopHandler)
                	addRoute := func(pattern string, h http.Handler) {
                		wrapper := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
                			h.ServeHTTP(w, r)
                		})
                		mux.Handle(pattern, wrapper)
                	}
                	addRoute("/config/", configHandler)
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.handler())
                .containsExactlyInAnyOrder("/load handleLoad", "/stop stopHandler", "/config/ configHandler");
    }

    @Test
    void routesFromATableAFunctionReturnsAreDeclaredAtTheirEntries() {
        List<Route> routes = extract("main.go", """
                package main

                import "net/http"

                type Route struct {
                	Pattern string
                	Handler http.HandlerFunc
                }

                type ctl struct{}

                func (c *ctl) routes() []Route {
                	return []Route{
                		{Pattern: "/r1", Handler: h1},
                		{Pattern: "/r2", Handler: h2},
                	}
                }

                func main() {
                	mux := http.NewServeMux()
                	c := &ctl{}
                	for _, r := range c.routes() {
                		mux.Handle(r.Pattern, r.Handler)
                	}
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.line() + " " + r.handler())
                .containsExactly("/r1 14 h1", "/r2 15 h2");
    }

    @Test
    void anIndexLoopOverATableIsOneUnresolvedRouteAtItsCall() {
        List<Route> routes = extract("main.go", """
                package main

                import "net/http"

                type Route struct {
                	Pattern string
                	Handler http.HandlerFunc
                }

                func routes() []Route {
                	return []Route{
                		{Pattern: "/r1", Handler: h1},
                		{Pattern: "/r2", Handler: h2},
                	}
                }

                func main() {
                	mux := http.NewServeMux()
                	rs := routes()
                	for i := range rs {
                		mux.Handle(rs[i].Pattern, rs[i].Handler)
                	}
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.line() + " " + r.resolved())
                .containsExactly("/ 21 false");
    }

    @Test
    void findsRoutesOnTheDefaultMux() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"log"
                	"net/http"
                )

                func main() {
                	http.HandleFunc("/", index)
                	http.Handle("/metrics", promhttp.Handler())
                	log.Fatal(http.ListenAndServe(":8080", nil))
                }
                """);
        assertThat(routes).containsExactly(
                new Route("go-nethttp", "ANY", "/", true, null, "main.go", 9, "index"),
                new Route("go-nethttp", "ANY", "/metrics", true, null, "main.go", 10, "promhttp.Handler()"));
    }

    @Test
    void readsMethodAndWildcardsFromGo122Patterns() {
        List<Route> routes = extract("api/server.go", """
                package api

                import "net/http"

                func New() http.Handler {
                	mux := http.NewServeMux()
                	mux.HandleFunc("GET /items/{id}", getItem)
                	mux.HandleFunc("POST /items", createItem)
                	mux.HandleFunc("DELETE  /items/{id...}", deleteItem)
                	mux.HandleFunc("/{$}", home)
                	return mux
                }
                """);
        assertThat(summary(routes)).containsExactly(
                "GET /items/{id} getItem",
                "POST /items createItem",
                "DELETE /items/{id...} deleteItem",
                "ANY /{$} home");
    }

    @Test
    void keepsTheHostOfAHostPatternOutOfThePath() {
        List<Route> routes = extract("main.go", """
                package main

                import "net/http"

                func main() {
                	mux := http.NewServeMux()
                	mux.HandleFunc("api.example.com/v1/status", status)
                	mux.HandleFunc("GET example.com/", root)
                }
                """);
        assertThat(summary(routes)).containsExactly("ANY /v1/status status", "GET / root");
    }

    @Test
    void stripPrefixLeavesTheRegisteredPathAlone() {
        List<Route> routes = extract("main.go", """
                package main

                import "net/http"

                func main() {
                	mux := http.NewServeMux()
                	mux.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("./public"))))
                }
                """);
        assertThat(summary(routes)).containsExactly("ANY /static/ http.FileServer(http.Dir(\"./public\"))");
    }

    @Test
    void unwrapsHandlerFuncAndKeepsMiddlewareText() {
        List<Route> routes = extract("main.go", """
                package main

                import "net/http"

                func main() {
                	mux := http.NewServeMux()
                	mux.Handle("/a", http.HandlerFunc(handleA))
                	mux.Handle("/b", logging(auth(handleB)))
                	mux.HandleFunc("/c", func(w http.ResponseWriter, r *http.Request) {
                		w.Write([]byte("c"))
                	})
                	mux.HandleFunc("/d", s.handleD())
                }
                """);
        assertThat(summary(routes)).containsExactly(
                "ANY /a handleA", "ANY /b logging(auth(handleB))", "ANY /c <anonymous>", "ANY /d s.handleD()");
    }

    @Test
    void mountsASubMuxUnderItsStrippedPrefix() {
        List<Route> routes = extract("main.go", """
                package main

                import "net/http"

                func main() {
                	api := http.NewServeMux()
                	api.HandleFunc("GET /users", listUsers)
                	api.HandleFunc("POST /users", createUser)

                	root := http.NewServeMux()
                	root.Handle("/api/", http.StripPrefix("/api", api))
                	root.HandleFunc("/healthz", healthz)
                	http.ListenAndServe(":8080", root)
                }
                """);
        assertThat(summary(routes)).containsExactly(
                "GET /api/users listUsers", "POST /api/users createUser", "ANY /healthz healthz");
    }

    @Test
    void treatsServeMuxStructFieldsAsMuxes() {
        List<Route> routes = extract("server.go", """
                package server

                import "net/http"

                type Server struct {
                	mux  *http.ServeMux
                	name string
                }

                func NewServer() *Server {
                	s := &Server{mux: http.NewServeMux()}
                	s.routes()
                	return s
                }

                func (s *Server) routes() {
                	s.mux.HandleFunc("GET /api/orders", s.handleOrders)
                	s.mux.HandleFunc("POST /api/orders", s.handleCreateOrder())
                }
                """);
        assertThat(summary(routes)).containsExactly(
                "GET /api/orders s.handleOrders", "POST /api/orders s.handleCreateOrder()");
    }

    @Test
    void treatsServeMuxParametersAsMuxes() {
        List<Route> routes = extract("routes.go", """
                package web

                import "net/http"

                func Register(mux *http.ServeMux, h *Handlers) {
                	mux.HandleFunc("/login", h.Login)
                	mux.HandleFunc("/logout", h.Logout)
                }
                """);
        assertThat(summary(routes)).containsExactly("ANY /login h.Login", "ANY /logout h.Logout");
    }

    @Test
    void followsAnImportAliasOfNetHttp() {
        List<Route> routes = extract("main.go", """
                package main

                import stdhttp "net/http"

                func main() {
                	m := stdhttp.NewServeMux()
                	m.HandleFunc(stdhttp.MethodGet+" /ping", ping)
                }
                """);
        assertThat(summary(routes)).containsExactly("GET /ping ping");
    }

    @Test
    void expandsARegistrationHelperAtEachCallSite() {
        List<Route> routes = extract("main.go", """
                package main

                import "net/http"

                func handle(mux *http.ServeMux, pattern string, h http.HandlerFunc) {
                	mux.Handle(pattern, withLogging(h))
                }

                func main() {
                	mux := http.NewServeMux()
                	handle(mux, "GET /a", handleA)
                	handle(mux,
                		"POST /b",
                		handleB)
                }
                """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.line())
                .containsExactly("GET /a 11", "POST /b 13");
    }

    @Test
    void addsNoRouteForTheWrapperHelperItself() {
        List<Route> routes = extract("main.go", """
                package main

                import "net/http"

                func route(path string, fn http.HandlerFunc) {
                	http.HandleFunc(path, fn)
                }

                func main() {
                	route("/x", x)
                }
                """);
        assertThat(summary(routes)).containsExactly("ANY /x x");
    }

    @Test
    void reportsAnUncalledHelperAsUnresolved() {
        List<Route> routes = extract("main.go", """
                package main

                import "net/http"

                func route(path string, fn http.HandlerFunc) {
                	http.HandleFunc("/api"+path, fn)
                }
                """);
        assertThat(routes).containsExactly(
                new Route("go-nethttp", "ANY", "/api", false, "path", "main.go", 6, "fn"));
    }
}
