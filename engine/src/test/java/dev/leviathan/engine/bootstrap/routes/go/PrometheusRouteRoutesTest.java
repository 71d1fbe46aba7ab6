package dev.leviathan.engine.bootstrap.routes.go;

import static dev.leviathan.engine.bootstrap.routes.go.GoSources.assertResolvedRoutesOf;
import static dev.leviathan.engine.bootstrap.routes.go.GoSources.extract;
import static dev.leviathan.engine.bootstrap.routes.go.GoSources.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusRouteRoutesTest {

    @Test
    void routesOfARouterAndItsPrefixedCopiesAreDeclaredUnderTheirPrefixes() {
        // Alertmanager: `router := route.New().WithInstrumentation(…)`, `api.v1.Register(r.WithPrefix("/api/v1"))`
        List<Route> routes = extract("main.go", """
                package main

                import (
                	"net/http"

                	"github.com/prometheus/common/route"
                )

                type API struct{}

                func (api *API) Register(r *route.Router) {
                	r.Get("/status", api.status)
                	r.Post("/alerts", api.addAlerts)
                	r.Del("/silence/:sid", api.delSilence)
                }

                func main() {
                	router := route.New().WithInstrumentation(instrument)
                	router.Get("/-/healthy", healthy)
                	api := &API{}
                	api.Register(router.WithPrefix("/api/v1"))
                	http.ListenAndServe(":9093", router)
                }
                """);
        assertThat(summary(routes)).containsExactlyInAnyOrder(
                        "GET /-/healthy healthy",
                        "GET /api/v1/status api.status",
                        "POST /api/v1/alerts api.addAlerts",
                        "DELETE /api/v1/silence/:sid api.delSilence");
        assertResolvedRoutesOf("prometheus-route", routes);
    }
}
