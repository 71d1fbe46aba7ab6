package dev.leviathan.engine.bootstrap.routes.go;

import static dev.leviathan.engine.bootstrap.routes.go.GoSources.extract;
import static dev.leviathan.engine.bootstrap.routes.go.GoSources.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prefixes and routers given as fields of an options struct, in the shape oapi-codegen generates
 * for gin ({@code RegisterHandlersWithOptions(router, si, GinServerOptions{BaseURL: …})}) and chi
 * ({@code HandlerWithOptions(si, ChiServerOptions{BaseURL: …, BaseRouter: r})}).
 */
class GoStructParamRoutesTest {

    private static final String GIN_SERVER = """
            package api

            import "github.com/gin-gonic/gin"

            type ServerInterface interface {
            	ListItems(c *gin.Context)
            	GetItem(c *gin.Context)
            }

            type Wrapper struct {
            	Handler ServerInterface
            }

            func (w *Wrapper) ListItems(c *gin.Context) { w.Handler.ListItems(c) }
            func (w *Wrapper) GetItem(c *gin.Context)   { w.Handler.GetItem(c) }

            type GinServerOptions struct {
            	BaseURL     string
            	Middlewares []func(*gin.Context)
            }

            func RegisterHandlersWithOptions(router gin.IRouter, si ServerInterface, options GinServerOptions) {
            	wrapper := Wrapper{Handler: si}
            	router.GET(options.BaseURL+"/items", wrapper.ListItems)
            	router.GET(options.BaseURL+"/items/:id", wrapper.GetItem)
            }
            """;

    private static final String CHI_SERVER = """
            package api

            import (
            	"net/http"

            	"github.com/go-chi/chi/v5"
            )

            type ServerInterface interface {
            	ListItems(w http.ResponseWriter, r *http.Request)
            }

            type Wrapper struct {
            	Handler ServerInterface
            }

            func (s *Wrapper) ListItems(w http.ResponseWriter, r *http.Request) { s.Handler.ListItems(w, r) }

            type ChiServerOptions struct {
            	BaseURL    string
            	BaseRouter chi.Router
            }

            func Handler(si ServerInterface) http.Handler {
            	return HandlerWithOptions(si, ChiServerOptions{})
            }

            func HandlerFromMux(si ServerInterface, r chi.Router) http.Handler {
            	return HandlerWithOptions(si, ChiServerOptions{BaseRouter: r})
            }

            func HandlerFromMuxWithBaseURL(si ServerInterface, r chi.Router, baseURL string) http.Handler {
            	return HandlerWithOptions(si, ChiServerOptions{
            		BaseURL:    baseURL,
            		BaseRouter: r,
            	})
            }

            func HandlerWithOptions(si ServerInterface, options ChiServerOptions) http.Handler {
            	r := options.BaseRouter
            	if r == nil {
            		r = chi.NewRouter()
            	}
            	wrapper := Wrapper{Handler: si}
            	r.Group(func(r chi.Router) {
            		r.Get(options.BaseURL+"/items", wrapper.ListItems)
            	})
            	return r
            }
            """;

    private static List<Route> gin(String main) {
        return extract("api/server.gen.go", GIN_SERVER, "main.go", main);
    }

    /** The generated variant without options, in a file of its own. */
    private static final String GIN_REGISTER_HANDLERS = """
            package api

            import "github.com/gin-gonic/gin"

            func RegisterHandlers(router gin.IRouter, si ServerInterface) {
            	RegisterHandlersWithOptions(router, si, GinServerOptions{})
            }
            """;

    private static List<Route> chi(String main) {
        return extract("api/server.gen.go", CHI_SERVER, "main.go", main);
    }

    @Test
    void aStringFieldOfACompositeLiteralArgumentPrefixesTheCalleesRoutes() {
        List<Route> routes = gin("""
                package main

                import (
                	"github.com/gin-gonic/gin"
                	"example.com/shop/api"
                )

                func main() {
                	r := gin.Default()
                	api.RegisterHandlersWithOptions(r, &Store{}, api.GinServerOptions{BaseURL: "/api/v1"})
                	r.Run()
                }
                """);

        assertThat(summary(routes)).containsExactly(
                "GET /api/v1/items wrapper.ListItems",
                "GET /api/v1/items/:id wrapper.GetItem");
        assertThat(routes).allSatisfy(r -> assertThat(r.resolved()).isTrue());
    }

    @Test
    void aRouteWhosePrefixIsAnOptionsFieldStaysDeclaredWhereItsOwnPathIsWritten() {
        List<Route> routes = gin("""
                package main

                import (
                	"github.com/gin-gonic/gin"
                	"example.com/shop/api"
                )

                func main() {
                	r := gin.Default()
                	api.RegisterHandlersWithOptions(r, &Store{}, api.GinServerOptions{BaseURL: "/api/v1"})
                }
                """);

        assertThat(routes).extracting(Route::file, Route::line).containsExactly(
                tuple("api/server.gen.go", 24),
                tuple("api/server.gen.go", 25));
    }

    @Test
    void aFieldTheLiteralLeavesOutIsTheEmptyString() {
        List<Route> routes = extract("api/server.gen.go", GIN_SERVER, "api/register.gen.go", GIN_REGISTER_HANDLERS,
                "main.go", """
                package main

                import (
                	"github.com/gin-gonic/gin"
                	"example.com/shop/api"
                )

                func main() {
                	r := gin.Default()
                	api.RegisterHandlers(r, &Store{})
                }
                """);

        assertThat(summary(routes)).containsExactly("GET /items wrapper.ListItems", "GET /items/:id wrapper.GetItem");
        assertThat(routes).allSatisfy(r -> assertThat(r.resolved()).isTrue());
    }

    @Test
    void optionsHeldInAVariableFillTheFieldUnderTheGroupPassed() {
        List<Route> routes = gin("""
                package main

                import (
                	"github.com/gin-gonic/gin"
                	"example.com/shop/api"
                )

                func main() {
                	r := gin.Default()
                	opts := api.GinServerOptions{BaseURL: "/v2"}
                	api.RegisterHandlersWithOptions(r.Group("/shop"), &Store{}, opts)
                }
                """);

        assertThat(summary(routes)).containsExactly(
                "GET /shop/v2/items wrapper.ListItems",
                "GET /shop/v2/items/:id wrapper.GetItem");
    }

    @Test
    void aFieldKnownOnlyAtRunTimeKeepsTheSuffixAndNamesTheCallersExpression() {
        List<Route> routes = gin("""
                package main

                import (
                	"os"

                	"github.com/gin-gonic/gin"
                	"example.com/shop/api"
                )

                func main() {
                	r := gin.Default()
                	api.RegisterHandlersWithOptions(r, &Store{}, api.GinServerOptions{BaseURL: os.Getenv("PREFIX")})
                }
                """);

        assertThat(summary(routes)).containsExactly("GET /items wrapper.ListItems", "GET /items/:id wrapper.GetItem");
        assertThat(routes).allSatisfy(r -> {
            assertThat(r.resolved()).isFalse();
            assertThat(r.rawExpression()).isEqualTo("os.Getenv(\"PREFIX\")");
        });
    }

    @Test
    void aStructParameterPassedOnIsFilledInByTheOuterCallSite() {
        List<Route> routes = gin("""
                package main

                import (
                	"github.com/gin-gonic/gin"
                	"example.com/shop/api"
                )

                func register(r gin.IRouter, o api.GinServerOptions) {
                	api.RegisterHandlersWithOptions(r, &Store{}, o)
                }

                func main() {
                	r := gin.Default()
                	register(r, api.GinServerOptions{BaseURL: "/outer"})
                }
                """);

        assertThat(summary(routes)).containsExactly(
                "GET /outer/items wrapper.ListItems",
                "GET /outer/items/:id wrapper.GetItem");
    }

    @Test
    void aRouterFieldOfTheOptionsIsTheRouterEachCallSitePutsThere() {
        List<Route> routes = chi("""
                package main

                import (
                	"net/http"

                	"github.com/go-chi/chi/v5"
                	"example.com/shop/api"
                )

                func main() {
                	root := chi.NewRouter()
                	sub := chi.NewRouter()
                	root.Mount("/api", sub)
                	api.HandlerWithOptions(&Store{}, api.ChiServerOptions{BaseURL: "/v1", BaseRouter: sub})
                	http.ListenAndServe(":8080", root)
                }
                """);

        // HandlerFromMux and HandlerFromMuxWithBaseURL are never called: reported at their own
        // paths (the latter unresolved), as any registration function nobody calls.
        assertThat(summary(routes)).contains("GET /api/v1/items wrapper.ListItems")
                .doesNotContain("GET /v1/items wrapper.ListItems");
    }

    @Test
    void eachCallSitesPrefixStaysUnderItsOwnRouter() {
        List<Route> routes = chi("""
                package main

                import (
                	"github.com/go-chi/chi/v5"
                	"example.com/shop/api"
                )

                func main() {
                	root := chi.NewRouter()
                	a := chi.NewRouter()
                	b := chi.NewRouter()
                	root.Mount("/a", a)
                	root.Mount("/b", b)
                	api.HandlerFromMuxWithBaseURL(&Store{}, a, "/one")
                	api.HandlerFromMuxWithBaseURL(&Store{}, b, "/two")
                }
                """);

        assertThat(summary(routes)).filteredOn(s -> s.contains("/a/") || s.contains("/b/")).containsExactly(
                "GET /a/one/items wrapper.ListItems",
                "GET /b/two/items wrapper.ListItems");
    }

    @Test
    void theDefaultRouterMadeForOptionsWithoutOneIsWhatTheCallReturns() {
        List<Route> routes = chi("""
                package main

                import (
                	"github.com/go-chi/chi/v5"
                	"example.com/shop/api"
                )

                func main() {
                	root := chi.NewRouter()
                	root.Mount("/h", api.Handler(&Store{}))
                }
                """);

        assertThat(summary(routes)).contains("GET /h/items wrapper.ListItems");
    }

    @Test
    void aNilCheckDefaultingARouterParameterKeepsTheCallersRouter() {
        List<Route> routes = extract("main.go", """
                package main

                import "github.com/gin-gonic/gin"

                func register(r gin.IRouter) {
                	if r == nil {
                		r = gin.New()
                	}
                	r.GET("/ping", ping)
                }

                func main() {
                	e := gin.Default()
                	register(e.Group("/api"))
                }
                """);

        assertThat(summary(routes)).containsExactly("GET /api/ping ping");
    }

    @Test
    void aTemplateOnAGroupOfARouterParameterLandsOnlyUnderEachCallersRouter() {
        List<Route> routes = extract("main.go", """
                package main

                import "github.com/go-chi/chi/v5"

                func mount(r chi.Router, base string) {
                	r.Group(func(r chi.Router) {
                		r.Get(base+"/items", items)
                	})
                }

                func main() {
                	root := chi.NewRouter()
                	a := chi.NewRouter()
                	b := chi.NewRouter()
                	root.Mount("/a", a)
                	root.Mount("/b", b)
                	mount(a, "/one")
                	mount(b, "/two")
                }
                """);

        assertThat(summary(routes)).containsExactly("GET /a/one/items items", "GET /b/two/items items");
    }
}
