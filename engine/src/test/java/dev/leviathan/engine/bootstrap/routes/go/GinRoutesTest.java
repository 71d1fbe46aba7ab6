package dev.leviathan.engine.bootstrap.routes.go;

import static dev.leviathan.engine.bootstrap.routes.go.GoSources.extract;
import static dev.leviathan.engine.bootstrap.routes.go.GoSources.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class GinRoutesTest {

    @Test
    void findsEveryMethodOnTheEngine() {
        List<Route> routes = extract("main.go", """
                package main

                import "github.com/gin-gonic/gin"

                func main() {
                	r := gin.Default()
                	r.GET("/ping", ping)
                	r.POST("/users", createUser)
                	r.PUT("/users/:id", updateUser)
                	r.DELETE("/users/:id", deleteUser)
                	r.PATCH("/users/:id", patchUser)
                	r.HEAD("/health", health)
                	r.OPTIONS("/users", options)
                	r.Any("/proxy/*path", proxy)
                	r.Run(":8080")
                }
                """);
        assertThat(summary(routes)).containsExactly(
                "GET /ping ping", "POST /users createUser", "PUT /users/:id updateUser",
                "DELETE /users/:id deleteUser", "PATCH /users/:id patchUser", "HEAD /health health",
                "OPTIONS /users options", "ANY /proxy/*path proxy");
        assertThat(routes).allSatisfy(r -> {
            assertThat(r.framework()).isEqualTo("gin");
            assertThat(r.resolved()).isTrue();
        });
    }

    @Test
    void routesUnderAGroupPrefixOnlyKnownAtRunTimeKeepTheirOwnPaths() {
        List<Route> routes = extract("main.go", """
                package main

                import "github.com/gin-gonic/gin"

                func main() {
                	r := gin.Default()
                	g := r.Group(conf.BasePath)
                	g.GET("/login", login)
                	g.POST("/api/" + kind + "/users", users)
                }
                """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.resolved() + " " + r.rawExpression())
                .containsExactly("GET /login false conf.BasePath", "POST /api/users false conf.BasePath");
    }

    @Test
    void takesTheLastArgumentAsHandlerAfterMiddleware() {
        List<Route> routes = extract("main.go", """
                package main

                import "github.com/gin-gonic/gin"

                func main() {
                	r := gin.New()
                	r.GET("/admin", authRequired(), rateLimit, admin.Dashboard)
                	r.POST("/hook", func(c *gin.Context) {
                		c.JSON(200, gin.H{"ok": true})
                	})
                }
                """);
        assertThat(summary(routes)).containsExactly("GET /admin admin.Dashboard", "POST /hook <anonymous>");
    }

    @Test
    void appliesNestedGroupPrefixesInsideBlocks() {
        List<Route> routes = extract("router.go", """
                package router

                import "github.com/gin-gonic/gin"

                func Setup() *gin.Engine {
                	router := gin.Default()
                	v1 := router.Group("/api/v1")
                	{
                		v1.POST("/login", loginEndpoint)
                		users := v1.Group("/users", authMiddleware())
                		{
                			users.GET("", listUsers)
                			users.GET("/:id", getUser)
                		}
                	}
                	v2 := router.Group("/api/v2/")
                	v2.GET("/status", status)
                	return router
                }
                """);
        assertThat(summary(routes)).containsExactly(
                "POST /api/v1/login loginEndpoint",
                "GET /api/v1/users listUsers",
                "GET /api/v1/users/:id getUser",
                "GET /api/v2/status status");
    }

    @Test
    void readsTheMethodOfHandleAndMatch() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"net/http"

                	"github.com/gin-gonic/gin"
                )

                func main() {
                	r := gin.Default()
                	r.Handle("GET", "/a", a)
                	r.Handle(http.MethodPost, "/b", b)
                	r.Match([]string{"GET", "POST"}, "/c", c)
                }
                """);
        assertThat(summary(routes)).containsExactly("GET /a a", "POST /b b", "GET /c c", "POST /c c");
    }

    @Test
    void resolvesGroupsPassedToRegistrationFunctions() {
        List<Route> routes = extract("main.go", """
                package main

                import "github.com/gin-gonic/gin"

                func main() {
                	r := gin.Default()
                	api := r.Group("/api")
                	v1 := api.Group("/v1")
                	RegisterUserRoutes(v1)
                	RegisterUserRoutes(api.Group("/v2"))
                	registerHealth(r)
                }

                func RegisterUserRoutes(rg *gin.RouterGroup) {
                	users := rg.Group("/users")
                	users.GET("/", listUsers)
                	users.GET("/:id", getUser)
                }

                func registerHealth(e *gin.Engine) {
                	e.GET("/healthz", healthz)
                }
                """);
        assertThat(summary(routes)).containsExactly(
                "GET /api/v1/users/ listUsers",
                "GET /api/v2/users/ listUsers",
                "GET /api/v1/users/:id getUser",
                "GET /api/v2/users/:id getUser",
                "GET /healthz healthz");
    }

    @Test
    void reportsAnUncalledRegistrationFunctionAtItsOwnPaths() {
        List<Route> routes = extract("routes.go", """
                package routes

                import "github.com/gin-gonic/gin"

                func Register(rg *gin.RouterGroup) {
                	rg.GET("/orders", listOrders)
                }
                """);
        assertThat(routes).containsExactly(
                new Route("gin", "GET", "/orders", true, null, "routes.go", 6, "listOrders"));
    }

    @Test
    void followsRoutersStoredInStructFields() {
        List<Route> routes = extract("api/server.go", """
                package api

                import "github.com/gin-gonic/gin"

                type Server struct {
                	store  Store
                	router *gin.Engine
                }

                func NewServer(store Store) *Server {
                	server := &Server{store: store}
                	server.setupRouter()
                	return server
                }

                func (server *Server) setupRouter() {
                	router := gin.Default()
                	router.POST("/users", server.createUser)
                	authRoutes := router.Group("/").Use(authMiddleware(server.tokenMaker))
                	authRoutes.POST("/accounts", server.createAccount)
                	authRoutes.GET("/accounts/:id", server.getAccount)
                	server.router = router
                }
                """);
        assertThat(summary(routes)).containsExactly(
                "POST /users server.createUser",
                "POST /accounts server.createAccount",
                "GET /accounts/:id server.getAccount");
    }

    @Test
    void resolvesConstantsAndConcatenation() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"fmt"

                	"github.com/gin-gonic/gin"
                )

                const apiPrefix = "/api"

                const (
                	usersPath  = apiPrefix + "/users"
                	itemPath   = "/items/:id"
                )

                var version = "/v3"

                func main() {
                	r := gin.Default()
                	r.GET(usersPath, listUsers)
                	g := r.Group(apiPrefix + version)
                	g.GET(itemPath, getItem)
                	g.GET(fmt.Sprintf("%s/search", apiPrefix), search)
                	g.GET(fmt.Sprintf("/page/%d", 2), page)
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.resolved() + " " + r.rawExpression())
                .containsExactly(
                        "/api/users true null",
                        "/api/v3/items/:id true null",
                        "/api/v3/api/search true null",
                        "/api/v3/page/2 true null");
    }

    @Test
    void reportsADynamicPathWithItsStaticPrefix() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"os"

                	"github.com/gin-gonic/gin"
                )

                func main() {
                	r := gin.Default()
                	g := r.Group("/svc")
                	g.GET("/files/"+os.Getenv("FILES_ROUTE"), files)
                }
                """);
        assertThat(routes).containsExactly(new Route("gin", "GET", "/svc/files/", false,
                "os.Getenv(\"FILES_ROUTE\")", "main.go", 12, "files"));
    }

    @Test
    void unrollsARouteTableWithASwitchOnTheMethod() {
        List<Route> routes = extract("go/routers.go", """
                package openapi

                import (
                	"net/http"

                	"github.com/gin-gonic/gin"
                )

                type Route struct {
                	Name        string
                	Method      string
                	Pattern     string
                	HandlerFunc gin.HandlerFunc
                }

                func NewRouter() *gin.Engine {
                	router := gin.Default()
                	for _, route := range routes {
                		switch route.Method {
                		case http.MethodGet:
                			router.GET(route.Pattern, route.HandlerFunc)
                		case http.MethodPost:
                			router.POST(route.Pattern, route.HandlerFunc)
                		case http.MethodDelete:
                			router.DELETE(route.Pattern, route.HandlerFunc)
                		}
                	}
                	return router
                }

                var routes = []Route{
                	{"Index", http.MethodGet, "/v2/", Index},
                	{"AddPet", http.MethodPost, "/v2/pet", AddPet},
                	{
                		"DeletePet",
                		http.MethodDelete,
                		"/v2/pet/:petId",
                		DeletePet,
                	},
                }
                """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.handler() + " " + r.line())
                .containsExactly("GET /v2/ Index 32", "POST /v2/pet AddPet 33", "DELETE /v2/pet/:petId DeletePet 34");
    }
}
