package dev.leviathan.engine.bootstrap.routes.jvm;

import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.described;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpringActuatorEndpointsTest {

    private static final String ENDPOINT = "src/main/java/org/acme/ops/FeaturesEndpoint.java";

    @Test
    void operationsAreServedBelowTheEndpointIdWithASegmentPerSelector() {
        List<Route> routes = routes(ENDPOINT, """
                package org.acme.ops;
                import org.springframework.boot.actuate.endpoint.annotation.*;
                @Endpoint(id = "features")
                public class FeaturesEndpoint {
                    @ReadOperation
                    public List<String> features() { return List.of(); }
                    @ReadOperation
                    public String feature(@Selector final String name, String verbose) { return name; }
                    @WriteOperation
                    public void enable(@Selector String name, @Selector(match = Selector.Match.ALL_REMAINING) String[] path) { }
                    @DeleteOperation
                    public void reset() { }
                    public void notAnOperation() { }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /actuator/features features " + ENDPOINT + ":5",
                "GET /actuator/features/{name} feature " + ENDPOINT + ":7",
                "POST /actuator/features/{name}/{*path} enable " + ENDPOINT + ":9",
                "DELETE /actuator/features reset " + ENDPOINT + ":11");
    }

    @Test
    void kotlinWebEndpointSelectorsAreNamedByTheirParameter() {
        String file = "src/main/kotlin/org/acme/ops/Jobs.kt";
        List<Route> routes = routes(file, """
                package org.acme.ops
                import org.springframework.boot.actuate.endpoint.annotation.ReadOperation
                import org.springframework.boot.actuate.endpoint.annotation.Selector
                import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint
                @WebEndpoint(id = "jobs")
                class JobsEndpoint(private val jobs: JobService) {
                    @ReadOperation
                    fun job(@Selector id: String, verbose: Boolean = false): Job = jobs.find(id)
                }
                """);

        assertThat(described(routes)).containsExactly("GET /actuator/jobs/{id} job " + file + ":7");
    }

    @Test
    void nestedEndpointClassesAndTheConfiguredBasePathAndMappingApply() {
        String file = "app/src/main/java/org/acme/ops/RestartEndpoint.java";
        List<Route> routes = routes(file, """
                package org.acme.ops;
                import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
                import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
                @Endpoint(id = "restart")
                public class RestartEndpoint {
                    @WriteOperation public Object restart() { return null; }
                    @Endpoint(id = "pause")
                    public class PauseEndpoint {
                        @WriteOperation public Boolean pause() { return true; }
                    }
                }
                """, "app/src/main/resources/application.yml", """
                management:
                  endpoints:
                    web:
                      base-path: /manage
                      path-mapping:
                        pause: suspend
                """);

        assertThat(described(routes)).containsExactly(
                "POST /manage/restart restart " + file + ":6",
                "POST /manage/suspend pause " + file + ":9");
    }

    @Test
    void aWebExtensionServesItsOperationsAtTheExtendedEndpoint() {
        String own = "src/main/java/org/acme/ops/TenantsEndpoint.java";
        String ownExtension = "src/main/java/org/acme/ops/TenantsWebExtension.java";
        String env = "src/main/java/org/acme/ops/WritableEnvironmentEndpoint.java";
        String envExtension = "src/main/java/org/acme/ops/WritableEnvironmentWebExtension.java";
        List<Route> routes = routes(own, """
                package org.acme.ops;
                import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
                @Endpoint(id = "tenants")
                public class TenantsEndpoint {
                }
                """, ownExtension, """
                package org.acme.ops;
                import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
                import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
                @EndpointWebExtension(endpoint = TenantsEndpoint.class)
                public class TenantsWebExtension {
                    @ReadOperation public Object tenants() { return null; }
                }
                """, env, """
                package org.acme.ops;
                import org.springframework.boot.actuate.env.EnvironmentEndpoint;
                public class WritableEnvironmentEndpoint extends EnvironmentEndpoint {
                }
                """, envExtension, """
                package org.acme.ops;
                import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
                import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
                @EndpointWebExtension(endpoint = WritableEnvironmentEndpoint.class)
                public class WritableEnvironmentWebExtension {
                    @WriteOperation public Object write(String name, String value) { return null; }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /actuator/tenants tenants " + ownExtension + ":6",
                "POST /actuator/env write " + envExtension + ":6");
    }

    @Test
    void anExtensionOfAnEndpointOutsideTheRepositoryIsUnresolvedAtTheBasePath() {
        String file = "src/main/java/org/acme/ops/CustomHealthExtension.java";
        List<Route> routes = routes(file, """
                package org.acme.ops;
                import com.vendor.ops.VendorEndpoint;
                import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
                import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
                @EndpointWebExtension(endpoint = VendorEndpoint.class)
                public class CustomHealthExtension {
                    @ReadOperation public Object read() { return null; }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /actuator read " + file + ":7 unresolved(VendorEndpoint.class)");
    }

    @Test
    void requestMappingsOfAnOperationEndpointAreServedBelowItsId() {
        // CAS serves the @GetMapping methods of its @Endpoint classes below the endpoint's path;
        // version 6 reported them at the root ("GET /{id}").
        String file = "src/main/java/org/acme/ops/ServicesEndpoint.java";
        List<Route> routes = routes(file, """
                package org.acme.ops;
                import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
                import org.springframework.web.bind.annotation.*;
                @Endpoint(id = "registeredServices")
                public class ServicesEndpoint extends BaseRestActuatorEndpoint {
                    @GetMapping(produces = "application/json")
                    public String all() { return ""; }
                    @GetMapping(path = "{id}")
                    public String one(@PathVariable String id) { return ""; }
                    @DeleteMapping("/{id}")
                    public void delete(@PathVariable String id) { }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /actuator/registeredServices all " + file + ":6",
                "GET /actuator/registeredServices/{id} one " + file + ":8",
                "DELETE /actuator/registeredServices/{id} delete " + file + ":10");
    }

    @Test
    void operationsOfOtherEndpointAnnotationsAreNotRoutes() {
        List<Route> routes = routes(ENDPOINT, """
                package org.acme.ops;
                import org.springframework.ws.server.endpoint.annotation.Endpoint;
                import com.acme.ops.ReadOperation;
                @Endpoint
                public class FeaturesEndpoint {
                    @ReadOperation public String features() { return ""; }
                }
                """);

        assertThat(routes).isEmpty();
    }
}
