package dev.leviathan.engine.bootstrap.routes.go;

import static dev.leviathan.engine.bootstrap.routes.go.GoSources.extract;
import static dev.leviathan.engine.bootstrap.routes.go.GoSources.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoCrossPackageTest {

    private static final String MAIN = """
            package main

            import (
            	"github.com/acme/shop/internal/handlers"
            	"github.com/acme/shop/internal/routes"
            	"github.com/gin-gonic/gin"
            )

            func main() {
            	r := gin.Default()
            	api := r.Group(routes.APIPrefix)
            	handlers.RegisterProducts(api.Group("/products"))
            	h := handlers.NewOrderHandler(nil)
            	h.Register(api)
            	r.Run()
            }
            """;

    private static final String PRODUCTS = """
            package handlers

            import "github.com/gin-gonic/gin"

            func RegisterProducts(rg *gin.RouterGroup) {
            	rg.GET("", listProducts)
            	rg.GET(productPath, getProduct)
            }
            """;

    private static final String ORDERS = """
            package handlers

            import (
            	"github.com/acme/shop/internal/routes"
            	"github.com/gin-gonic/gin"
            )

            const productPath = "/:id"

            type OrderHandler struct{ db *DB }

            func NewOrderHandler(db *DB) *OrderHandler { return &OrderHandler{db: db} }

            func (h *OrderHandler) Register(rg *gin.RouterGroup) {
            	rg.POST(routes.OrdersPath, h.Create)
            }
            """;

    private static final String ROUTES = """
            package routes

            const (
            	APIPrefix  = "/api/" + version
            	version    = "v1"
            	OrdersPath = "/orders"
            )
            """;

    @Test
    void resolvesPrefixesAndConstantsAcrossPackagesWithoutGoMod() {
        List<Route> routes = extract(
                "cmd/shop/main.go", MAIN,
                "internal/handlers/products.go", PRODUCTS,
                "internal/handlers/orders.go", ORDERS,
                "internal/routes/paths.go", ROUTES);
        assertThat(routes).containsExactly(
                new Route("gin", "POST", "/api/v1/orders", true, null, "internal/handlers/orders.go", 15, "h.Create"),
                new Route("gin", "GET", "/api/v1/products", true, null, "internal/handlers/products.go", 6,
                        "listProducts"),
                new Route("gin", "GET", "/api/v1/products/:id", true, null, "internal/handlers/products.go", 7,
                        "getProduct"));
    }

    @Test
    void mapsImportPathsOfATreeInGopathLayout() {
        // The whole import path below another directory, as a GOPATH tree or Debian's gocode holds it.
        String root = "usr/share/gocode/src/github.com/acme/shop/";
        List<Route> routes = extract(
                root + "cmd/shop/main.go", MAIN,
                root + "internal/handlers/products.go", PRODUCTS,
                root + "internal/handlers/orders.go", ORDERS,
                root + "internal/routes/paths.go", ROUTES);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.resolved() + " " + r.file())
                .containsExactly("POST /api/v1/orders true " + root + "internal/handlers/orders.go",
                        "GET /api/v1/products true " + root + "internal/handlers/products.go",
                        "GET /api/v1/products/:id true " + root + "internal/handlers/products.go");
    }

    @Test
    void mapsImportPathsThroughGoMod() {
        String main = MAIN.replace("github.com/acme/shop", "shop");
        String orders = ORDERS.replace("github.com/acme/shop", "shop");
        List<Route> routes = extract(
                "go.mod", "module shop\n\ngo 1.22\n",
                "cmd/shop/main.go", main,
                "internal/handlers/products.go", PRODUCTS,
                "internal/handlers/orders.go", orders,
                "internal/routes/paths.go", ROUTES);
        assertThat(summary(routes)).containsExactly(
                "POST /api/v1/orders h.Create", "GET /api/v1/products listProducts",
                "GET /api/v1/products/:id getProduct");
    }

    @Test
    void resolvesFunctionsInOtherFilesOfTheSamePackage() {
        List<Route> routes = extract(
                "server/server.go", """
                        package server

                        import "github.com/go-chi/chi/v5"

                        func New() *chi.Mux {
                        	r := chi.NewRouter()
                        	r.Route("/v1", mountV1)
                        	return r
                        }
                        """,
                "server/v1.go", """
                        package server

                        import "github.com/go-chi/chi/v5"

                        func mountV1(r chi.Router) {
                        	r.Get("/status", status)
                        }
                        """);
        assertThat(routes).containsExactly(
                new Route("chi", "GET", "/v1/status", true, null, "server/v1.go", 6, "status"));
    }

    @Test
    void dispatchesALoopOverControllersToEveryImplementation() {
        List<Route> routes = extract(
                "go/routers.go", """
                        package openapi

                        import (
                        	"net/http"

                        	"github.com/go-chi/chi/v5"
                        )

                        type Route struct {
                        	Method      string
                        	Pattern     string
                        	HandlerFunc http.HandlerFunc
                        }

                        type Routes map[string]Route

                        type Router interface {
                        	Routes() Routes
                        }

                        func NewRouter(routers ...Router) chi.Router {
                        	router := chi.NewRouter()
                        	for _, api := range routers {
                        		for _, route := range api.Routes() {
                        			var handler http.Handler = route.HandlerFunc
                        			router.Method(route.Method, route.Pattern, handler)
                        		}
                        	}
                        	return router
                        }
                        """,
                "go/api_pet.go", """
                        package openapi

                        import (
                        	"net/http"
                        	"strings"
                        )

                        type PetAPIController struct{ service PetAPIServicer }

                        func (c *PetAPIController) Routes() Routes {
                        	return Routes{
                        		"AddPet": Route{
                        			strings.ToUpper("Post"),
                        			"/v2/pet",
                        			c.AddPet,
                        		},
                        		"GetPetById": Route{
                        			strings.ToUpper("Get"),
                        			"/v2/pet/{petId}",
                        			c.GetPetById,
                        		},
                        	}
                        }
                        """,
                "go/api_store.go", """
                        package openapi

                        import "net/http"

                        type StoreAPIController struct{}

                        func (c *StoreAPIController) Routes() Routes {
                        	return Routes{
                        		"GetInventory": Route{http.MethodGet, "/v2/store/inventory", c.GetInventory},
                        	}
                        }
                        """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.handler() + " " + r.file())
                .containsExactly(
                        "POST /v2/pet c.AddPet go/api_pet.go",
                        "GET /v2/pet/{petId} c.GetPetById go/api_pet.go",
                        "GET /v2/store/inventory c.GetInventory go/api_store.go");
    }

    @Test
    void followsARouterReturnedFromAnotherPackageAndExtendedByTheCaller() {
        List<Route> routes = extract(
                "internal/web/router.go", """
                        package web

                        import "github.com/labstack/echo/v4"

                        func NewRouter() *echo.Echo {
                        	e := echo.New()
                        	e.GET("/health", health)
                        	return e
                        }

                        func Versioned(e *echo.Echo, version string) *echo.Group {
                        	return e.Group("/api/" + version)
                        }
                        """,
                "main.go", """
                        package main

                        import "example.com/app/internal/web"

                        func main() {
                        	e := web.NewRouter()
                        	v1 := web.Versioned(e, "v1")
                        	v1.GET("/users", users)
                        }
                        """);
        assertThat(summary(routes)).containsExactly("GET /health health", "GET /api/v1/users users");
    }

    @Test
    void leavesRoutesOfTestFilesOut() {
        List<Route> routes = extract(
                "routes.go", """
                        package app

                        import "github.com/gin-gonic/gin"

                        func Register(r *gin.Engine) { r.GET("/real", real) }
                        """,
                "routes_test.go", """
                        package app

                        import (
                        	"net/http/httptest"
                        	"testing"

                        	"github.com/gin-gonic/gin"
                        )

                        func TestRegister(t *testing.T) {
                        	r := gin.New()
                        	Register(r.Group("/prefix-from-test").(*gin.Engine))
                        	r.GET("/fixture", fixture)
                        	req := httptest.NewRequest("GET", "/real", nil)
                        	_ = req
                        }
                        """);
        assertThat(summary(routes)).containsExactly("GET /real real");
    }
}
