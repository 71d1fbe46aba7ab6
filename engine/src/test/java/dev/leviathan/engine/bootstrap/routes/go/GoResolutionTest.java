package dev.leviathan.engine.bootstrap.routes.go;

import static dev.leviathan.engine.bootstrap.routes.go.GoSources.extract;
import static dev.leviathan.engine.bootstrap.routes.go.GoSources.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoResolutionTest {

    @Test
    void fillsAParameterPrefixedGroupInPerCallSite() {
        List<Route> routes = extract("main.go", """
                package main

                import "github.com/gin-gonic/gin"

                func mountVersion(r *gin.Engine, version string) {
                	g := r.Group("/api/" + version)
                	g.GET("/status", status)
                }

                func main() {
                	r := gin.New()
                	mountVersion(r, "v1")
                	mountVersion(r, "v2")
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.line())
                .containsExactly("/api/v1/status 7", "/api/v2/status 7");
    }

    @Test
    void aFunctionWhoseReturnsDifferGivesAnUnresolvedPathNotOneOfThem() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"net/http"
                	"os"
                )

                func apiBase() string {
                	if os.Getenv("V2") != "" {
                		return "/api/v2"
                	}
                	return "/api/v1"
                }

                func fromEnv() string {
                	if v := os.Getenv("P"); v != "" {
                		return v
                	}
                	return "/default"
                }

                func fixed() string { return "/fixed" }

                func main() {
                	mux := http.NewServeMux()
                	mux.HandleFunc("GET "+apiBase()+"/users", users)
                	mux.HandleFunc(fromEnv()+"/a", a)
                	mux.HandleFunc(fixed()+"/b", b)
                }
                """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.resolved() + " " + r.rawExpression())
                .containsExactly("GET /users false apiBase()", "ANY /a false fromEnv()", "ANY /fixed/b true null");
    }

    @Test
    void aStringSetDifferentlyInEachCaseOfARunTimeSwitchIsUnknownAfterIt() {
        // ginpprof's shape: the prefix a library trims depends on the group it is handed.
        List<Route> routes = extract("lib.go", """
                package lib

                import (
                	"strings"

                	"github.com/gin-gonic/gin"
                )

                func Attach(g *gin.RouterGroup) {
                	base := strings.TrimSuffix(g.BasePath(), "/")
                	var cut string
                	switch {
                	case base == "":
                		cut = ""
                	case strings.HasSuffix(base, "/tools"):
                		cut = "/tools"
                	}
                	g.GET(strings.TrimPrefix("/tools/stats", cut), stats)
                	g.GET(strings.TrimPrefix("/tools/stats", "/tools")+"/all", all)
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.resolved() + " " + r.rawExpression())
                .containsExactly("/ false strings.TrimPrefix(\"/tools/stats\", cut)", "/stats/all true null");
    }

    @Test
    void aHelperThatAdjustsItsArgumentInRunTimeBranchesLeavesTheCallersNameAsRawExpression() {
        // wireguard-ui's shape: a base path read from a flag, normalised by a helper, kept in a global.
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"net/http"
                	"os"
                	"strings"
                )

                var BasePath string

                func parseBasePath(p string) string {
                	if !strings.HasPrefix(p, "/") {
                		p = "/" + p
                	}
                	return p
                }

                func main() {
                	BasePath = parseBasePath(os.Getenv("BASE_PATH"))
                	mux := http.NewServeMux()
                	mux.HandleFunc(BasePath+"/login", login)
                	mux.HandleFunc(parseBasePath("api")+"/users", users)
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.resolved() + " " + r.rawExpression())
                .containsExactlyInAnyOrder("/login false BasePath", "/api/users true null");
    }

    @Test
    void aRegistrationHelperThatAdjustsItsPathParameterInAnIfTakesTheBranchEachCallSiteDecides() {
        // chi's FileServer helper: a trailing slash added unless the path has one, decided per call site.
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"net/http"
                	"os"
                	"strings"

                	"github.com/go-chi/chi/v5"
                )

                func main() {
                	r := chi.NewRouter()
                	mount(r, "/assets")
                	mount(r, "/docs/")
                	mount(r, os.Getenv("STATIC"))
                	http.ListenAndServe(":8080", r)
                }

                func mount(r chi.Router, dir string) {
                	if dir != "/" && dir[len(dir)-1] != '/' && !strings.HasSuffix(dir, "*") {
                		r.Get(dir, redirect)
                		dir += "/"
                	}
                	dir += "*"
                	r.Get(dir, serve)
                }
                """);
        assertThat(routes).filteredOn(r -> r.handler().equals("serve"))
                .extracting(r -> r.path() + " " + r.resolved() + " " + r.rawExpression() + " " + r.line())
                .containsExactlyInAnyOrder("/assets/* true null 13", "/docs/* true null 14", "/* false dir 15");
    }

    @Test
    void aStringFieldALiteralLeavesOutIsEmptySoALoopOverATableDecidesItsIfPerEntry() {
        // snapd's daemon: a Command either has a Path or, for a handful, a PathPrefix.
        List<Route> routes = extract("daemon.go", """
                package daemon

                import (
                	"net/http"

                	"github.com/gorilla/mux"
                )

                type Command struct {
                	Path       string
                	PathPrefix string
                	GET        func()
                }

                func (c *Command) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

                var rootCmd = &Command{Path: "/"}
                var snapsCmd = &Command{Path: "/v2/snaps", GET: nil}
                var pprofCmd = &Command{PathPrefix: "/v2/debug/pprof/"}

                var api = []*Command{rootCmd, snapsCmd, pprofCmd}

                func addRoutes() *mux.Router {
                	router := mux.NewRouter()
                	for _, c := range api {
                		if c.PathPrefix == "" {
                			router.Handle(c.Path, c)
                		} else {
                			router.PathPrefix(c.PathPrefix).Handler(c)
                		}
                	}
                	return router
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.resolved() + " " + r.handler())
                .containsExactlyInAnyOrder("/ true rootCmd", "/v2/snaps true snapsCmd", "/v2/debug/pprof/ true pprofCmd");
    }

    @Test
    void aStringFieldWrittenAnywhereIsNotTakenForEmptyWhereItsLiteralLeavesItOut() {
        List<Route> routes = extract("daemon.go", """
                package daemon

                import (
                	"net/http"
                	"os"

                	"github.com/gorilla/mux"
                )

                type Command struct {
                	Path       string
                	PathPrefix string
                }

                func (c *Command) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

                var snapsCmd = &Command{Path: "/v2/snaps"}

                func init() {
                	snapsCmd.PathPrefix = os.Getenv("PREFIX")
                }

                func addRoutes() *mux.Router {
                	router := mux.NewRouter()
                	for _, c := range []*Command{snapsCmd} {
                		if c.PathPrefix == "" {
                			router.Handle(c.Path, c)
                		} else {
                			router.PathPrefix(c.PathPrefix).Handler(c)
                		}
                	}
                	return router
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.resolved())
                .contains("/v2/snaps true").hasSize(2);
    }

    @Test
    void aStringHelperDecidesOnAByteOfItsArgumentComparedWithARune() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"net/http"
                	"os"
                )

                func slash(p string) string {
                	if p != "" && p[0] != '/' && p[len(p)-1] != '7' {
                		p = "/" + p
                	}
                	return p
                }

                func main() {
                	mux := http.NewServeMux()
                	mux.HandleFunc(slash("api")+"/users", users)
                	mux.HandleFunc(slash("/v2")+"/items", items)
                	mux.HandleFunc("/s"+slash("v7")+"/sevens", sevens)
                	mux.HandleFunc(slash(os.Getenv("P"))+"/login", login)
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.resolved() + " " + r.rawExpression())
                .containsExactlyInAnyOrder("/api/users true null", "/v2/items true null", "/sv7/sevens true null",
                        "/login false slash(os.Getenv(\"P\"))");
    }

    @Test
    void aStringSetInOneBranchOfARunTimeIfIsUnknownAfterItButKnownInside() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"net/http"
                	"os"
                )

                func main() {
                	mux := http.NewServeMux()
                	base := "/api"
                	if os.Getenv("LEGACY") != "" {
                		base = "/old"
                		mux.HandleFunc(base+"/inside", inside)
                	}
                	mux.HandleFunc(base+"/after", after)
                	same := "/v1"
                	if os.Getenv("X") != "" {
                		same = "/v1"
                	} else {
                		same = "/v" + "1"
                	}
                	mux.HandleFunc(same+"/both", both)
                	early := "/e"
                	if os.Getenv("Y") != "" {
                		early = "/gone"
                		return
                	}
                	mux.HandleFunc(early+"/kept", kept)
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.resolved() + " " + r.rawExpression())
                .containsExactlyInAnyOrder("/old/inside true null", "/after false base", "/v1/both true null",
                        "/e/kept true null");
    }

    @Test
    void eachCaseOfARunTimeSwitchStartsFromTheValueBeforeIt() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"net/http"
                	"os"
                )

                func main() {
                	mux := http.NewServeMux()
                	p := "/a"
                	switch os.Getenv("MODE") {
                	case "x":
                		p += "/x"
                		mux.HandleFunc(p, x)
                	default:
                		p += "/y"
                		mux.HandleFunc(p, y)
                	}
                	mode := "b"
                	switch {
                	case mode == "a":
                		p = "/never"
                	case mode == "b":
                		mux.HandleFunc("/chosen", chosen)
                	}
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.resolved())
                .containsExactlyInAnyOrder("/a/x true", "/a/y true", "/chosen true");
    }

    @Test
    void aHelperDecidingOnAConstantArgumentTakesThatBranchPerCallSite() {
        // cfssl's shape: a table's keys pass through a helper that prefixes only relative paths.
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"net/http"
                	"net/url"
                	"strings"
                )

                var Prefix = "/api/v1/"

                func apiPath(p string) string {
                	if !strings.HasPrefix(p, "/") {
                		p = Prefix + p
                	}
                	return (&url.URL{Path: p}).String()
                }

                var table = map[string]http.HandlerFunc{
                	"sign": sign,
                	"/":    index,
                }

                func main() {
                	for p, h := range table {
                		http.Handle(apiPath(p), h)
                	}
                	http.HandleFunc(apiPath("info"), info)
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.handler() + " " + r.resolved() + " " + r.line())
                .containsExactlyInAnyOrder("/api/v1/sign sign true 19", "/ index true 20",
                        "/api/v1/info info true 27");
    }

    @Test
    void aSprintfNumberKnownOnlyAtRunTimeLeavesThatPieceOut() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"fmt"
                	"net/http"
                )

                const iconPath = "/icon"

                func serve(mux *http.ServeMux, icons []string) {
                	for i := range icons {
                		mux.HandleFunc(fmt.Sprintf("%s/%d", iconPath, i), icon)
                	}
                	mux.HandleFunc(fmt.Sprintf("/page/%d/%s", 3, "x"), page)
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.resolved() + " " + r.rawExpression())
                .containsExactlyInAnyOrder("/icon/ false i", "/page/3/x true null");
    }

    @Test
    void aPathCutFromAnEmbeddedFieldOfATableEntryInInitIsKnown() {
        // dms's shape: init() derives each service's path from the last part of its id.
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"net/http"
                	"path"
                	"strings"
                )

                type Desc struct {
                	ID  string
                	URL string
                }

                type service struct {
                	Desc
                	Body string
                }

                var services = []*service{
                	{Desc: Desc{ID: "urn:x:service:Catalog"}, Body: "a"},
                	{Desc: Desc{ID: "urn:x:service:Orders"}, Body: "b"},
                }

                func init() {
                	for _, s := range services {
                		i := strings.LastIndex(s.ID, ":")
                		s.URL = path.Join("/desc", s.ID[i+1:]) + ".xml"
                	}
                }

                func main() {
                	for _, s := range services {
                		http.HandleFunc(s.URL, describe)
                	}
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.resolved())
                .containsExactlyInAnyOrder("/desc/Catalog.xml true", "/desc/Orders.xml true");
    }

    @Test
    void aSwitchOverAnIotaConstantFormatsItThroughItsStringMethod() {
        // step-ca's ACME links: a path function switching on a link type, formatted with %s.
        List<Route> routes = extract("links/links.go", """
                package links

                import "fmt"

                type Kind int

                const (
                	NewItem Kind = iota
                	Item
                	ItemChildren
                	Unused
                )

                func (k Kind) String() string {
                	switch k {
                	case NewItem:
                		return "new-item"
                	case Item, ItemChildren:
                		return "item"
                	default:
                		return fmt.Sprintf("kind %d", int(k))
                	}
                }

                func Path(k Kind, owner string, inputs ...string) string {
                	switch k {
                	case NewItem:
                		return fmt.Sprintf("/%s/%s", owner, k)
                	case Item:
                		return fmt.Sprintf("/%s/%s/%s", owner, k, inputs[0])
                	case ItemChildren:
                		return fmt.Sprintf("/%s/%s/%s/children", owner, Item, inputs[0])
                	default:
                		return ""
                	}
                }
                """, "api/api.go", """
                package api

                import (
                	"github.com/go-chi/chi/v5"
                	"example.com/x/links"
                )

                func Route(r chi.Router) {
                	path := links.Path
                	r.MethodFunc("POST", path(links.NewItem, "{owner}"), create)
                	r.MethodFunc("GET", path(links.Item, "{owner}", "{id}"), get)
                	r.MethodFunc("GET", links.Path(links.ItemChildren, "{owner}", "{id}"), children)
                	r.MethodFunc("GET", links.Path(links.Kind(7), "{owner}")+"/x", other)
                }
                """);
        assertThat(routes).extracting(r -> r.method() + " " + r.path() + " " + r.handler() + " " + r.resolved())
                .containsExactlyInAnyOrder(
                        "POST /{owner}/new-item create true",
                        "GET /{owner}/item/{id} get true",
                        "GET /{owner}/item/{id}/children children true",
                        "GET /x other false");
    }

    @Test
    void everyInitOfAPackageRunsBeforeTheCodeThatUsesWhatTheyRegister() {
        String main = """
                package main

                import "github.com/gin-gonic/gin"

                var regs = make([]func(*gin.RouterGroup), 0)

                func main() {
                	r := gin.New()
                	v1 := r.Group("/api/v1")
                	for _, f := range regs {
                		f(v1)
                	}
                }
                """;
        List<Route> routes = extract("main.go", main, "a.go", """
                package main

                import "github.com/gin-gonic/gin"

                func init() { regs = append(regs, regA) }

                func regA(g *gin.RouterGroup) { g.GET("/a", a) }
                """, "b.go", """
                package main

                import "github.com/gin-gonic/gin"

                func init() { regs = append(regs, regB) }

                func regB(g *gin.RouterGroup) { g.GET("/b", b) }
                """, "z.go", """
                package main

                import "github.com/gin-gonic/gin"

                func init() { regs = append(regs, regZ) }

                func regZ(g *gin.RouterGroup) { g.GET("/z", z) }
                """);
        assertThat(summary(routes)).containsExactly("GET /api/v1/a a", "GET /api/v1/b b", "GET /api/v1/z z");
    }

    @Test
    void resolvesPlusAssignPathJoinAndPackageVariables() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"path"

                	"github.com/labstack/echo/v4"
                )

                var base = "/svc"

                func main() {
                	e := echo.New()
                	p := base
                	p += "/items"
                	e.GET(p, items)
                	e.GET(path.Join(base, "v1", "/users/"), users)
                }
                """);
        assertThat(summary(routes)).containsExactly("GET /svc/items items", "GET /svc/v1/users users");
    }

    @Test
    void aPathJoinHelperOverARunTimeBaseKeepsEachCallersPath() {
        // nats-server's monitor: every route is s.basePath(XPath), a path.Join under a base path
        // only configuration knows; the routes all read `/` before.
        List<Route> routes = extract("server.go", """
                package server

                import (
                	"net/http"
                	"path"
                )

                const VarzPath = "/varz"

                type Server struct{ httpBasePath string }

                func (s *Server) basePath(p string) string {
                	return path.Join(s.httpBasePath, p)
                }

                func (s *Server) startMonitoring() {
                	mux := http.NewServeMux()
                	mux.HandleFunc(s.basePath("/"), s.HandleRoot)
                	mux.HandleFunc(s.basePath(VarzPath), s.HandleVarz)
                	mux.HandleFunc(path.Join(s.httpBasePath, "/healthz/"), s.HandleHealthz)
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.line() + " " + r.resolved() + " " + r.rawExpression())
                .containsExactlyInAnyOrder(
                        "/ 18 false s.httpBasePath",
                        "/varz 19 false s.httpBasePath",
                        "/healthz 20 false s.httpBasePath");
    }

    @Test
    void recognisesNewZeroValueAndAliasedRouterTypes() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"net/http"

                	"github.com/go-chi/chi/v5"
                )

                type Router = chi.Router

                func register(r Router) { r.Get("/aliased", aliased) }

                func main() {
                	a := new(http.ServeMux)
                	a.HandleFunc("/new", fromNew)
                	var b http.ServeMux
                	b.HandleFunc("/zero", fromZero)
                	c := &http.ServeMux{}
                	c.HandleFunc("/literal", fromLiteral)
                }
                """);
        assertThat(summary(routes)).containsExactly(
                "GET /aliased aliased", "ANY /new fromNew", "ANY /zero fromZero", "ANY /literal fromLiteral");
    }

    @Test
    void forwardsRouterMethodsOfAnEmbeddingStruct() {
        List<Route> routes = extract("app.go", """
                package app

                import "github.com/gin-gonic/gin"

                type App struct {
                	*gin.Engine
                	name string
                }

                func New() *App {
                	a := &App{Engine: gin.New()}
                	a.GET("/embedded", embedded)
                	return a
                }

                func (a *App) Extra() {
                	a.POST("/extra", extra)
                }
                """);
        assertThat(summary(routes)).containsExactly("GET /embedded embedded", "POST /extra extra");
    }

    @Test
    void followsAUniqueRegistrationMethodOnAReceiverOfUnknownType() {
        List<Route> routes = extract(
                "main.go", """
                        package main

                        import "github.com/go-chi/chi/v5"

                        func main() {
                        	deps := wire.Build()
                        	r := chi.NewRouter()
                        	r.Route("/billing", func(r chi.Router) {
                        		deps.Billing.Mount(r)
                        	})
                        }
                        """,
                "billing/http.go", """
                        package billing

                        import "github.com/go-chi/chi/v5"

                        type Handler struct{}

                        func (h *Handler) Mount(r chi.Router) {
                        	r.Get("/invoices", h.Invoices)
                        }
                        """);
        assertThat(summary(routes)).containsExactly("GET /billing/invoices h.Invoices");
    }

    @Test
    void doesNotGuessAmongSeveralRegistrationMethods() {
        List<Route> routes = extract(
                "main.go", """
                        package main

                        import "github.com/go-chi/chi/v5"

                        func main() {
                        	r := chi.NewRouter()
                        	r.Route("/a", func(r chi.Router) { deps.A.Mount(r) })
                        }
                        """,
                "a.go", """
                        package main

                        import "github.com/go-chi/chi/v5"

                        type A struct{}

                        func (A) Mount(r chi.Router) { r.Get("/x", x) }

                        type B struct{}

                        func (B) Mount(r chi.Router) { r.Get("/y", y) }
                        """);
        assertThat(summary(routes)).containsExactly("GET /x x", "GET /y y");
    }

    @Test
    void findsRoutesInClosuresHandedToUnknownFunctions() {
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"github.com/gin-gonic/gin"
                	"go.uber.org/fx"
                )

                func main() {
                	fx.New(fx.Invoke(func(r *gin.Engine) {
                		r.GET("/invoked", invoked)
                	}))
                }
                """);
        assertThat(summary(routes)).containsExactly("GET /invoked invoked");
    }

    @Test
    void rendersClosuresInsideWrappedHandlersAsAnonymous() {
        List<Route> routes = extract("main.go", """
                package main

                import "net/http"

                func main() {
                	http.Handle("/wrapped", auth(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
                		w.WriteHeader(204) // done
                	})))
                }
                """);
        assertThat(summary(routes)).containsExactly("ANY /wrapped auth(http.HandlerFunc(<anonymous>))");
    }

    @Test
    void reportsTheLineOfThePathInAMultiLineCall() {
        List<Route> routes = extract("main.go", """
                package main

                import "github.com/labstack/echo/v4"

                func main() {
                	e := echo.New()
                	e.POST(
                		"/multi",
                		multi,
                	)
                }
                """);
        assertThat(routes).extracting(Route::line).containsExactly(8);
    }

    @Test
    void registersEachPathOfALoopOverLiteralPaths() {
        List<Route> routes = extract("main.go", """
                package main

                import "net/http"

                func main() {
                	for _, p := range []string{"/a", "/b"} {
                		http.HandleFunc(p, serve)
                	}
                	for path, h := range map[string]http.HandlerFunc{
                		"/c": handleC,
                		"/d": handleD,
                	} {
                		http.HandleFunc(path, h)
                	}
                }
                """);
        assertThat(routes).extracting(r -> r.path() + " " + r.handler() + " " + r.line())
                .containsExactly("/a serve 6", "/b serve 6", "/c handleC 10", "/d handleD 11");
    }
}
