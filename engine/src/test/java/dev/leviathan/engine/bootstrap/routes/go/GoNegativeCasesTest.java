package dev.leviathan.engine.bootstrap.routes.go;

import static dev.leviathan.engine.bootstrap.routes.go.GoSources.extract;
import static dev.leviathan.engine.bootstrap.routes.go.GoSources.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoNegativeCasesTest {

    @Test
    void skipsFilesNoBuildIncludes() {
        List<Route> routes = extract("serve.go", """
                //go:build none

                package main

                import "net/http"

                func main() { http.HandleFunc("/never-built", nil) }
                """, "gen.go", """
                // +build ignore

                package main

                import "net/http"

                func main() { http.HandleFunc("/generator", nil) }
                """, "linux.go", """
                //go:build linux

                package main

                import "net/http"

                func init() { http.HandleFunc("/linux", linux) }
                """);
        assertThat(summary(routes)).containsExactly("ANY /linux linux");
    }

    @Test
    void ignoresHttpClientCalls() {
        List<Route> routes = extract("client.go", """
                package client

                import (
                	"net/http"

                	"github.com/go-resty/resty/v2"
                )

                func Fetch(url string) error {
                	resp, err := http.Get(url)
                	if err != nil {
                		return err
                	}
                	defer resp.Body.Close()
                	http.Post(url+"/submit", "application/json", nil)
                	client := &http.Client{}
                	client.Get("/status")
                	req, _ := http.NewRequest("GET", "/things", nil)
                	client.Do(req)
                	resty.New().R().Get("/resty")
                	return nil
                }
                """);
        assertThat(routes).isEmpty();
    }

    @Test
    void ignoresRouteLikeTextInCommentsAndStrings() {
        List<Route> routes = extract("main.go", """
                package main

                import "github.com/gin-gonic/gin"

                // r.GET("/commented", handler)
                /*
                	r.POST("/block", handler)
                */
                const usage = `r.GET("/raw", h)`

                func main() {
                	r := gin.Default()
                	doc := "r.PUT(\"/quoted\", h)"
                	_ = doc
                	r.GET("/only", only) // r.GET("/trailing", h)
                }
                """);
        assertThat(summary(routes)).containsExactly("GET /only only");
    }

    @Test
    void ignoresMethodsOfTypesThatAreNotRouters() {
        List<Route> routes = extract("cache.go", """
                package cache

                type Store struct{ m map[string]string }

                func (s *Store) GET(key string) string { return s.m[key] }
                func (s *Store) Get(key string) string { return s.m[key] }

                func use(values url.Values, headers http.Header, s *Store, ctx context.Context) {
                	s.GET("/not-a-route")
                	s.Get("/nor-this")
                	values.Get("/q")
                	headers.Get("Content-Type")
                	syncMap.Load("/key")
                	ctx.Value("/k")
                }
                """);
        assertThat(routes).isEmpty();
    }

    @Test
    void anInterfaceWithARoutersMethodIsNoRouterWhereNoRouterIsImported() {
        // goth: `type Params interface { Get(string) string }`, then `params.Get("code")` in each of
        // its 40 providers; chi's router has a Get too, but goth imports no router
        List<Route> routes = extract("go.mod", """
                module github.com/markbates/goth
                """, "goth.go", """
                package goth

                type Params interface {
                	Get(string) string
                }
                """, "providers/amazon/session.go", """
                package amazon

                import "github.com/markbates/goth"

                func (s *Session) Authorize(provider goth.Provider, params goth.Params) (string, error) {
                	return params.Get("code"), nil
                }
                """);
        assertThat(routes).isEmpty();
    }

    @Test
    void ignoresRequestsBuiltInTests() {
        List<Route> routes = extract("handler.go", """
                package handler

                import (
                	"net/http"
                	"net/http/httptest"
                )

                func Probe(h http.Handler) int {
                	req := httptest.NewRequest("GET", "/probe", nil)
                	rec := httptest.NewRecorder()
                	h.ServeHTTP(rec, req)
                	return rec.Code
                }
                """);
        assertThat(routes).isEmpty();
    }

    @Test
    void ignoresRoutersOfOtherLibraries() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"github.com/acme/mux"
                	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
                )

                func main() {
                	r := mux.NewRouter()
                	r.HandleFunc("/acme", h).Methods("GET")
                	gw := runtime.NewServeMux()
                	gw.HandlePath("GET", "/gw", h)
                }
                """);
        assertThat(routes).isEmpty();
    }

    @Test
    void survivesBrokenAndTruncatedSource() {
        List<Route> routes = extract(
                "broken.go", """
                        package main

                        import "github.com/gin-gonic/gin"

                        func broken() {
                        	r := gin.Default()
                        	r.GET("/before", before)
                        	x := [}{ )))
                        	r.GET("/after", after)
                        }

                        func other( {
                        """,
                "truncated.go", "package main\n\nimport \"net/http\"\n\nfunc f() {\n\thttp.HandleFunc(\"/t\", t)\n\ts := `unterminated",
                "empty.go", "",
                "binary.go", "\u0000\u0001\uFFFD package");
        assertThat(summary(routes)).containsExactly("GET /before before", "GET /after after", "ANY /t t");
    }

    @Test
    void givesTheSameOutputForTheSameInputInAnyFileOrder() {
        String a = """
                package main

                import "github.com/go-chi/chi/v5"

                func main() {
                	r := chi.NewRouter()
                	r.Mount("/a", sub())
                	r.Mount("/b", sub())
                }
                """;
        String b = """
                package main

                import "github.com/go-chi/chi/v5"

                func sub() chi.Router {
                	r := chi.NewRouter()
                	r.Get("/x", x)
                	r.Post("/x", x)
                	return r
                }
                """;
        assertThat(extract("a.go", a, "b.go", b)).isEqualTo(extract("b.go", b, "a.go", a));
    }

    @Test
    void handlesALargeGeneratedFileQuickly() {
        StringBuilder src = new StringBuilder("package big\n\nimport \"github.com/labstack/echo/v4\"\n\n");
        src.append("func Register(e *echo.Echo) {\n");
        for (int i = 0; i < 20_000; i++) {
            src.append("\te.GET(\"/r").append(i).append("\", h").append(i).append(") // route ").append(i).append('\n');
        }
        src.append("}\n");
        long start = System.nanoTime();
        List<Route> routes = extract("big.go", src.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(routes).hasSize(20_000);
        assertThat(millis).as("milliseconds for a ~700 kB file").isLessThan(10_000);
    }

    @Test
    void survivesDeeplyNestedExpressions() {
        String nested = "(".repeat(5000) + "1" + ")".repeat(5000);
        List<Route> routes = extract("deep.go", "package main\n\nimport \"net/http\"\n\nfunc main() {\n\tx := "
                + nested + "\n\thttp.HandleFunc(\"/ok\", ok)\n}\n");
        assertThat(summary(routes)).containsExactly("ANY /ok ok");
    }
}
