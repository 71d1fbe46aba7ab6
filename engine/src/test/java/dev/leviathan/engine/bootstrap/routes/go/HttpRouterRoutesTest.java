package dev.leviathan.engine.bootstrap.routes.go;

import static dev.leviathan.engine.bootstrap.routes.go.GoSources.assertResolvedRoutesOf;
import static dev.leviathan.engine.bootstrap.routes.go.GoSources.extract;
import static dev.leviathan.engine.bootstrap.routes.go.GoSources.summary;
import static dev.leviathan.engine.bootstrap.routes.go.GoSources.summaryWithLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpRouterRoutesTest {

    @Test
    void verbsAndMethodArgumentsDeclareRoutesAtTheirWholePaths() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"net/http"

                	"github.com/julienschmidt/httprouter"
                )

                func main() {
                	router := httprouter.New()
                	router.GET("/", Index)
                	router.GET("/hello/:name", Hello)
                	router.POST("/files/*path", upload)
                	router.Handle("PUT", "/items/:id", putItem)
                	router.HandlerFunc(http.MethodDelete, "/items/:id", deleteItem)
                	router.Handler(http.MethodGet, "/metrics", metrics)
                	router.ServeFiles("/static/*filepath", http.Dir("public"))
                	http.ListenAndServe(":8080", router)
                }
                """);
        assertThat(summaryWithLines(routes)).containsExactlyInAnyOrder(
                        "GET / Index 11",
                        "GET /hello/:name Hello 12",
                        "POST /files/*path upload 13",
                        "PUT /items/:id putItem 14",
                        "DELETE /items/:id deleteItem 15",
                        "GET /metrics metrics 16",
                        "GET /static/*filepath http.Dir(\"public\") 17");
        assertResolvedRoutesOf("httprouter", routes);
    }

    @Test
    void aServeMuxHandsTheWholePathToTheRouterItMounts() {
        // syncthing's REST API: `restMux := httprouter.New()`, `mux.Handle("/rest/", restMux)`
        List<Route> routes = extract("api.go", """
                package api

                import (
                	"net/http"

                	"github.com/julienschmidt/httprouter"
                )

                type service struct{}

                func (s *service) serve() {
                	restMux := httprouter.New()
                	restMux.HandlerFunc(http.MethodGet, "/rest/system/status", s.getSystemStatus)
                	restMux.HandlerFunc(http.MethodPost, "/rest/system/restart", s.postSystemRestart)
                	mux := http.NewServeMux()
                	mux.Handle("/rest/", restMux)
                	mux.Handle("/", s.statics)
                	http.ListenAndServe(":8384", mux)
                }
                """);
        assertThat(summary(routes)).containsExactlyInAnyOrder(
                "GET /rest/system/status s.getSystemStatus",
                "POST /rest/system/restart s.postSystemRestart",
                "ANY / s.statics");
    }

    @Test
    void aRouterOfAnotherLibraryWithTheSameMethodNamesIsNotHttpRouter() {
        List<Route> routes = extract("client.go", """
                package client

                type Router struct{}

                func (r *Router) GET(path string, h func()) {}

                func setup() {
                	r := &Router{}
                	r.GET("/not/a/route", nil)
                }
                """);
        assertThat(routes).isEmpty();
    }
}
