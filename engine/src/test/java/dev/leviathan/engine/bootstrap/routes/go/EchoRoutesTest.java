package dev.leviathan.engine.bootstrap.routes.go;

import static dev.leviathan.engine.bootstrap.routes.go.GoSources.extract;
import static dev.leviathan.engine.bootstrap.routes.go.GoSources.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class EchoRoutesTest {

    @Test
    void echoPutsAGroupPrefixAndAPathSideBySideAsItServesThem() {
        List<Route> routes = extract("main.go", """
                package main

                import "github.com/labstack/echo/v4"

                func main() {
                	e := echo.New()
                	u := e.Group("/api/v1/user")
                	u.GET("s", list)
                	u.GET("/:id", show)
                	a := e.Group("/v1").Group("admin")
                	a.GET("/x", x)
                	e.GET("health", health)
                }
                """);
        assertThat(summary(routes)).containsExactlyInAnyOrder("GET /api/v1/user/:id show", "GET /api/v1/users list",
                "GET /health health", "GET /v1admin/x x");
    }

    @Test
    void findsRoutesGroupsAndNestedGroups() {
        List<Route> routes = extract("server.go", """
                package main

                import (
                	"github.com/labstack/echo/v4"
                	"github.com/labstack/echo/v4/middleware"
                )

                func main() {
                	e := echo.New()
                	e.Use(middleware.Logger())
                	e.GET("/", hello)
                	e.POST("/users", saveUser, middleware.BodyLimit("1M"))
                	e.CONNECT("/c", connect)

                	admin := e.Group("/admin", middleware.BasicAuth(validate))
                	admin.GET("/stats", stats)
                	reports := admin.Group("/reports")
                	reports.DELETE("/:id", deleteReport)
                	e.Logger.Fatal(e.Start(":1323"))
                }
                """);
        assertThat(summary(routes)).containsExactly(
                "GET / hello", "POST /users saveUser", "CONNECT /c connect",
                "GET /admin/stats stats", "DELETE /admin/reports/:id deleteReport");
        assertThat(routes).allMatch(r -> r.framework().equals("echo"));
    }

    @Test
    void givesOneRoutePerMethodOfMatchAndAnyForAny() {
        List<Route> routes = extract("server.go", """
                package main

                import (
                	"net/http"

                	"github.com/labstack/echo/v4"
                )

                func main() {
                	e := echo.New()
                	e.Match([]string{http.MethodGet, "POST", echo.PUT}, "/form", form)
                	e.Any("/anything", anything)
                	e.Add("PATCH", "/patch", patch)
                }
                """);
        assertThat(summary(routes)).containsExactly(
                "GET /form form", "POST /form form", "PUT /form form", "ANY /anything anything", "PATCH /patch patch");
    }

    @Test
    void acceptsTheOlderImportPath() {
        List<Route> routes = extract("server.go", """
                package main

                import "github.com/labstack/echo"

                func main() {
                	e := echo.New()
                	e.GET("/legacy", legacy)
                }
                """);
        assertThat(summary(routes)).containsExactly("GET /legacy legacy");
    }

    @Test
    void resolvesGroupsPassedToHandlerMethods() {
        List<Route> routes = extract("internal/http/routes.go", """
                package http

                import "github.com/labstack/echo/v4"

                type UserHandler struct{ svc UserService }

                func NewUserHandler(svc UserService) *UserHandler { return &UserHandler{svc: svc} }

                func (h *UserHandler) Register(g *echo.Group) {
                	g.GET("/users", h.List)
                	g.POST("/users", h.Create)
                }

                func Setup(e *echo.Echo, svc UserService) {
                	api := e.Group("/api/v1")
                	handler := NewUserHandler(svc)
                	handler.Register(api)
                }
                """);
        assertThat(summary(routes)).containsExactly("GET /api/v1/users h.List", "POST /api/v1/users h.Create");
    }

    @Test
    void reportsAnUnresolvedMethodListAsAny() {
        List<Route> routes = extract("server.go", """
                package main

                import "github.com/labstack/echo/v4"

                func main() {
                	e := echo.New()
                	e.Match(allowedMethods(), "/dyn", dyn)
                }
                """);
        assertThat(routes).containsExactly(
                new Route("echo", "ANY", "/dyn", false, "allowedMethods()", "server.go", 7, "dyn"));
    }
}
