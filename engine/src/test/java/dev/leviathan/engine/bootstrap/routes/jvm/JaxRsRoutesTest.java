package dev.leviathan.engine.bootstrap.routes.jvm;

import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.described;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.endpoints;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class JaxRsRoutesTest {

    private static final String USERS = "src/main/java/com/acme/api/UserResource.java";

    @Test
    void joinsClassAndMethodPathsWithOneSlash() {
        List<Route> routes = routes(USERS, """
                package com.acme.api;

                import javax.ws.rs.*;
                import javax.ws.rs.core.MediaType;
                import javax.ws.rs.core.Response;

                @Path("/users")
                @Produces(MediaType.APPLICATION_JSON)
                public class UserResource {

                    @GET
                    public List<User> list(@QueryParam("page") int page) { return dao.list(page); }

                    @GET
                    @Path("{id}")
                    public User get(@PathParam("id") long id) { return dao.get(id); }

                    @POST
                    @Consumes(MediaType.APPLICATION_JSON)
                    public Response create(User user) { return Response.status(201).build(); }

                    @PUT @Path("/{id}/")
                    public User update(@PathParam("id") long id, User user) { return user; }

                    @Path("{id: [0-9]+}/avatar")
                    @DELETE
                    public void deleteAvatar(@PathParam("id") long id) { }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /users list " + USERS + ":11",
                "GET /users/{id} get " + USERS + ":15",
                "POST /users create " + USERS + ":18",
                "PUT /users/{id} update " + USERS + ":22",
                "DELETE /users/{id: [0-9]+}/avatar deleteAvatar " + USERS + ":25");
        assertThat(routes).allSatisfy(route -> {
            assertThat(route.framework()).isEqualTo("jaxrs");
            assertThat(route.resolved()).isTrue();
        });
    }

    @Test
    void readsJakartaNamespaceAndEveryDesignator() {
        List<Route> routes = routes(USERS, """
                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.HEAD;
                import jakarta.ws.rs.OPTIONS;
                import jakarta.ws.rs.PATCH;
                import jakarta.ws.rs.Path;

                @Path("health")
                public class HealthResource {
                    @GET public String get() { return "up"; }
                    @HEAD public void head() { }
                    @OPTIONS public void options() { }
                    @PATCH public void patch() { }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /health", "HEAD /health", "OPTIONS /health",
                "PATCH /health");
    }

    @Test
    void fullyQualifiedAnnotationsCount() {
        List<Route> routes = routes(USERS, """
                @javax.ws.rs.Path("/fq")
                public class FqResource {
                    @javax.ws.rs.GET
                    @javax.ws.rs.Path("x")
                    public String x() { return "x"; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /fq/x");
    }


    @Test
    void shadedJaxRsAnnotationsCount() {
        // HBase's REST server (2.6) imports JAX-RS relocated under its thirdparty package.
        List<Route> routes = routes(
                "src/main/java/h/RootResource.java", """
                package h;

                import org.apache.hbase.thirdparty.javax.ws.rs.GET;
                import org.apache.hbase.thirdparty.javax.ws.rs.Path;

                @Path("/")
                public class RootResource {
                    @GET public String list() { return ""; }
                    @Path("version") public VersionResource version() { return new VersionResource(); }
                }
                """,
                "src/main/java/h/VersionResource.java", """
                package h;

                import shaded.jakarta.ws.rs.*;

                public class VersionResource {
                    @GET public String get() { return "1"; }
                    @org.apache.hbase.thirdparty.javax.ws.rs.DELETE public void drop() { }
                }
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder("GET /", "GET /version", "DELETE /version");
    }

    @Test
    void aPackageMerelyEndingLikeJaxRsIsNotIt() {
        List<Route> routes = routes(USERS, """
                import com.acme.rs.GET;
                import com.acme.rs.Path;

                @Path("/x")
                public class X {
                    @GET public String x() { return "x"; }
                }
                """);

        assertThat(routes).isEmpty();
    }
    @Test
    void resolvesSubResourceLocatorsAcrossFiles() {
        List<Route> routes = routes("src/main/java/a/ProjectResource.java", """
                package a;
                import javax.ws.rs.*;

                @Path("/projects")
                public class ProjectResource {
                    @GET public List<Project> list() { return List.of(); }

                    @Path("{projectId}/tasks")
                    public TaskResource tasks(@PathParam("projectId") String projectId) {
                        return new TaskResource(projectId);
                    }
                }
                """, "src/main/java/a/TaskResource.java", """
                package a;
                import javax.ws.rs.*;

                public class TaskResource {
                    @GET public List<Task> list() { return List.of(); }
                    @GET @Path("{taskId}") public Task get(@PathParam("taskId") String id) { return null; }
                    @Path("{taskId}/comments") public CommentResource comments() { return new CommentResource(); }
                }
                """, "src/main/java/a/CommentResource.java", """
                package a;
                import javax.ws.rs.*;

                public class CommentResource {
                    @POST public void add(String text) { }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "POST /projects/{projectId}/tasks/{taskId}/comments add src/main/java/a/CommentResource.java:5",
                "GET /projects list src/main/java/a/ProjectResource.java:6",
                "GET /projects/{projectId}/tasks list src/main/java/a/TaskResource.java:5",
                "GET /projects/{projectId}/tasks/{taskId} get src/main/java/a/TaskResource.java:6");
    }

    @Test
    void locatorReturningAnUnknownTypeIsReportedUnresolved() {
        List<Route> routes = routes(USERS, """
                import javax.ws.rs.*;

                @Path("/dynamic")
                public class DynamicResource {
                    @Path("{name}")
                    public Object resource(@PathParam("name") String name) { return registry.lookup(name); }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "ANY /dynamic/{name} resource " + USERS + ":5 unresolved(Object)");
    }

    @Test
    void recursiveLocatorStopsAndIsReportedUnresolved() {
        List<Route> routes = routes(USERS, """
                import javax.ws.rs.*;

                @Path("/tree")
                public class NodeResource {
                    @GET public Node get() { return node; }
                    @Path("{child}") public NodeResource child(@PathParam("child") String child) { return this; }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /tree get " + USERS + ":5",
                "ANY /tree/{child} child " + USERS + ":6 unresolved(NodeResource)");
    }

    @Test
    void singleApplicationPathPrefixesEveryResource() {
        List<Route> routes = routes("src/main/java/a/RestApplication.java", """
                package a;
                import javax.ws.rs.ApplicationPath;
                import javax.ws.rs.core.Application;

                @ApplicationPath("/api/*")
                public class RestApplication extends Application {
                }
                """, USERS, """
                package com.acme.api;
                import javax.ws.rs.*;

                @Path("users")
                public class UserResource {
                    @GET public String list() { return "[]"; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /api/users");
    }

    @Test
    void eachModuleUsesItsOwnApplicationPath() {
        String application = """
                package a;
                @ApplicationPath("%s")
                public class App extends Application {}
                """;
        String resource = """
                package a;
                @Path("/ping")
                public class PingResource { @GET public String ping() { return "pong"; } }
                """;
        List<Route> routes = routes(
                "orders/src/main/java/a/App.java", application.formatted("/orders"),
                "orders/src/main/java/a/PingResource.java", resource,
                "billing/src/main/java/a/App.java", application.formatted("/billing"),
                "billing/src/main/java/a/PingResource.java", resource);

        assertThat(endpoints(routes)).containsExactly("GET /billing/ping", "GET /orders/ping");
    }

    @Test
    void equallyNearApplicationPathsAreUnresolved() {
        List<Route> routes = routes("src/main/java/a/V1.java", """
                @ApplicationPath("/v1") public class V1 extends Application {}
                """, "src/main/java/a/V2.java", """
                @ApplicationPath("/v2") public class V2 extends Application {}
                """, "src/main/java/a/PingResource.java", """
                @Path("/ping") public class PingResource { @GET public String ping() { return "pong"; } }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /ping ping src/main/java/a/PingResource.java:1 unresolved(@ApplicationPath(/v1), @ApplicationPath(/v2))");
    }

    @Test
    void interfaceResourceIsReportedOnceOnItsImplementation() {
        List<Route> routes = routes("api/src/main/java/a/UserApi.java", """
                package a;
                import jakarta.ws.rs.*;

                @Path("/users")
                public interface UserApi {
                    @GET @Path("{id}") User get(@PathParam("id") String id);
                    @POST void create(User user);
                }
                """, "server/src/main/java/a/UserApiImpl.java", """
                package a;

                public class UserApiImpl implements UserApi {
                    @Override
                    public User get(String id) { return null; }
                    @Override
                    public void create(User user) { }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /users/{id} get server/src/main/java/a/UserApiImpl.java:5",
                "POST /users create server/src/main/java/a/UserApiImpl.java:7");
    }

    @Test
    void overloadsOfOneNameAndArityAreEachImplementedByTheirParameterTypes() {
        // Apache Syncope: `@PATCH update(UserPatch)` and `@PUT update(UserTO)`, both implemented;
        // matched by name and arity alone, the PUT route was lost (and the generic base's methods
        // still pair with their implementations, whose parameter types differ from the type variable)
        List<Route> routes = routes("api/src/main/java/a/UserService.java", """
                package a;
                import javax.ws.rs.*;

                public interface AnyService<TO> {
                    @GET @Path("{key}") TO read(@PathParam("key") String key);
                    @POST @Path("{key}/status") Response status(TO any);
                }
                """, "api/src/main/java/a/Users.java", """
                package a;
                import javax.ws.rs.*;

                @Path("users")
                public interface Users extends AnyService<UserTO> {
                    @PATCH @Path("{key}") Response update(@NotNull UserPatch patch);
                    @PUT @Path("{key}") Response update(@NotNull UserTO user);
                }
                """, "server/src/main/java/a/UsersImpl.java", """
                package a;

                public class UsersImpl implements Users {
                    @Override
                    public UserTO read(final String key) { return null; }
                    @Override
                    public Response status(final UserTO user) { return null; }
                    @Override
                    public Response update(final UserTO user) { return null; }
                    @Override
                    public Response update(final UserPatch patch) { return null; }
                }
                """);

        assertThat(described(routes)).containsExactlyInAnyOrder(
                "GET /users/{key} read server/src/main/java/a/UsersImpl.java:5",
                "POST /users/{key}/status status server/src/main/java/a/UsersImpl.java:7",
                "PUT /users/{key} update server/src/main/java/a/UsersImpl.java:9",
                "PATCH /users/{key} update server/src/main/java/a/UsersImpl.java:11");
    }

    @Test
    void interfaceResourceWithoutImplementationIsReportedOnItself() {
        List<Route> routes = routes("api/src/main/java/a/UserApi.java", """
                package a;
                import jakarta.ws.rs.*;

                @Path("/users")
                public interface UserApi {
                    @GET @Path("{id}") User get(@PathParam("id") String id);
                }
                """);

        assertThat(described(routes)).containsExactly("GET /users/{id} get api/src/main/java/a/UserApi.java:6");
    }

    @Test
    void resourceClassNeverMountedKeepsItsOwnPaths() {
        List<Route> routes = routes(USERS, """
                import javax.ws.rs.*;

                public class OrphanResource {
                    @GET @Path("/status") public String status() { return "ok"; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /status");
    }

    @Test
    void readsAKotlinQuarkusResource() {
        List<Route> routes = routes("src/main/kotlin/org/acme/GreetingResource.kt", """
                package org.acme

                import jakarta.ws.rs.GET
                import jakarta.ws.rs.Path
                import jakarta.ws.rs.PathParam
                import jakarta.ws.rs.Produces
                import jakarta.ws.rs.core.MediaType

                @Path("/hello")
                class GreetingResource(private val service: GreetingService) {

                    @GET
                    @Produces(MediaType.TEXT_PLAIN)
                    fun hello() = "Hello from Quarkus REST"

                    @GET
                    @Path("/greeting/{name}")
                    fun greeting(@PathParam("name") name: String): String = service.greeting(name)

                    @Path("/sub")
                    fun sub(): SubResource = SubResource()
                }

                class SubResource {
                    @GET fun get() = "sub"
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /hello", "GET /hello/greeting/{name}", "GET /hello/sub");
    }

    @Test
    void pathConstantsResolve() {
        List<Route> routes = routes("src/main/java/a/Paths.java", """
                package a;
                public final class Paths {
                    public static final String API = "/api";
                    public static final String USERS = API + "/users";
                    private Paths() {}
                }
                """, USERS, """
                package com.acme.api;
                import a.Paths;
                import javax.ws.rs.*;

                @Path(Paths.USERS)
                public class UserResource {
                    static final String BY_ID = "{id}";
                    @GET @Path(BY_ID) public User get() { return null; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /api/users/{id}");
        assertThat(routes.get(0).resolved()).isTrue();
    }

    @Test
    void aSubclassOfWhatALocatorReturnsServesItsOwnLocatorsUnderIt() {
        // Jersey's bookstore: items/{id} returns an Item, which may be a Cd with tracks.
        List<Route> routes = routes("src/main/java/b/Bookstore.java", """
                package b;
                import javax.ws.rs.*;
                @Path("/")
                public class Bookstore {
                    @Path("items/{id}") public Item item(@PathParam("id") String id) { return items.get(id); }
                }
                """, "src/main/java/b/Item.java", """
                package b;
                import javax.ws.rs.*;
                public class Item { @GET public Item get() { return this; } }
                """, "src/main/java/b/Cd.java", """
                package b;
                import javax.ws.rs.*;
                public class Cd extends Item {
                    @Path("tracks/{n}") public Track track(@PathParam("n") int n) { return tracks.get(n); }
                }
                """, "src/main/java/b/Track.java", """
                package b;
                import javax.ws.rs.*;
                public class Track { @GET public Track get() { return this; } }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /items/{id}", "GET /items/{id}/tracks/{n}");
    }


    @Test
    void aMethodASubclassAnnotatesAgainIsStillOneRoute() {
        // Camunda: VariableInstanceResourceImpl extends an abstract provider that annotates
        // getResource() too, and implements the interface the locator is declared to return.
        List<Route> routes = routes("src/main/java/c/Root.java", """
                package c;
                import javax.ws.rs.*;
                @Path("/")
                public class Root {
                    @Path("variable-instance/{id}") public VariableResource variable(@PathParam("id") String id) {
                        return new VariableResourceImpl(id);
                    }
                }
                """, "src/main/java/c/VariableResource.java", """
                package c;
                import javax.ws.rs.*;
                public interface VariableResource {
                    @GET Object getResource(boolean deserialize);
                    @GET @Path("/data") Object getResourceBinary();
                }
                """, "src/main/java/c/Provider.java", """
                package c;
                import javax.ws.rs.*;
                public abstract class Provider {
                    @GET public Object getResource(boolean deserialize) { return null; }
                    @GET @Path("/data") public Object getResourceBinary() { return null; }
                }
                """, "src/main/java/c/VariableResourceImpl.java", """
                package c;
                public class VariableResourceImpl extends Provider implements VariableResource {
                    VariableResourceImpl(String id) { }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /variable-instance/{id} getResource src/main/java/c/VariableResource.java:4",
                "GET /variable-instance/{id}/data getResourceBinary src/main/java/c/VariableResource.java:5");
    }

    @Test
    void aClassALocatorReachesIsNoRootThroughAnInheritedPath() {
        // Camunda's history services: @Path("/variable-instance") on an interface that only the
        // engine root's `history` locator returns; its implementation is no root of its own.
        List<Route> routes = routes("src/main/java/h/EngineRoot.java", """
                package h;
                import javax.ws.rs.*;
                @Path("/engine")
                public class EngineRoot {
                    @Path("/history") public HistoryService history() { return new HistoryServiceImpl(); }
                }
                """, "src/main/java/h/HistoryService.java", """
                package h;
                import javax.ws.rs.*;
                @Path("/history")
                public interface HistoryService {
                    @Path("/variable-instance") HistoricVariables variables();
                }
                """, "src/main/java/h/HistoryServiceImpl.java", """
                package h;
                public class HistoryServiceImpl implements HistoryService {
                    public HistoricVariables variables() { return new HistoricVariablesImpl(); }
                }
                """, "src/main/java/h/HistoricVariables.java", """
                package h;
                import javax.ws.rs.*;
                @Path("/variable-instance")
                public interface HistoricVariables { @GET Object list(); }
                """, "src/main/java/h/HistoricVariablesImpl.java", """
                package h;
                public class HistoricVariablesImpl implements HistoricVariables {
                    public Object list() { return null; }
                }
                """, "src/main/java/h/OwnRoot.java", """
                package h;
                import javax.ws.rs.*;
                @Path("/own")
                public class OwnRoot implements HistoricVariables { public Object list() { return null; } }
                """);

        assertThat(endpoints(routes)).containsExactlyInAnyOrder(
                "GET /engine/history/variable-instance", "GET /own");
    }
    @Test
    void aLocatorReturningAClassOrGettingItFromTheResourceContextIsFollowed() {
        List<Route> routes = routes("src/main/java/q/Root.java", """
                package q;
                import javax.ws.rs.*;
                @Path("/path")
                public class Root {
                    @Path("subclass") public Class<Sub> sub() { return Sub.class; }
                    @Path("context") public Object other() { return resourceContext.getResource(q.Other.class); }
                }
                """, "src/main/java/q/Sub.java", """
                package q;
                import javax.ws.rs.*;
                public class Sub { @GET public String get() { return ""; } }
                """, "src/main/java/q/Other.java", """
                package q;
                import javax.ws.rs.*;
                public class Other { @DELETE public void remove() { } }
                """);

        assertThat(endpoints(routes)).containsExactly("DELETE /path/context", "GET /path/subclass");
        assertThat(routes).allMatch(Route::resolved);
    }

    @Test
    void anOverrideNarrowingALocatorsReturnTypeReachesEveryInterfaceOfIt() {
        List<Route> routes = routes("src/main/java/r/RootApi.java", """
                package r;
                import javax.ws.rs.*;
                public interface RootApi { @Path("sub") SubApi sub(); }
                """, "src/main/java/r/Root.java", """
                package r;
                import javax.ws.rs.*;
                @Path("/r")
                public class Root implements RootApi { public SubImpl sub() { return new SubImpl(); } }
                """, "src/main/java/r/SubApi.java", """
                package r;
                import javax.ws.rs.*;
                public interface SubApi { @GET String get(); }
                """, "src/main/java/r/Extra.java", """
                package r;
                import javax.ws.rs.*;
                public interface Extra { @PUT void foo(String v); }
                """, "src/main/java/r/SubImpl.java", """
                package r;
                public class SubImpl implements SubApi, Extra {
                    public String get() { return ""; }
                    public void foo(String v) { }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /r/sub", "PUT /r/sub");
    }

    @Test
    void aLocatorThatMayReturnAResourceOutsideTheRepositoryAlsoSaysSo() {
        // Keycloak's AdminRoot: a preflight resource of the repository, or the server-info one.
        List<Route> routes = routes("src/main/java/k/AdminRoot.java", """
                package k;
                import javax.ws.rs.*;
                @Path("/admin")
                public class AdminRoot {
                    @Path("serverinfo")
                    public Object info() {
                        if (preflight()) {
                            return new Preflight();
                        }
                        if (!allowed()) {
                            throw new ForbiddenException();
                        }
                        return new ServerInfoAdminResource(session);
                    }
                }
                """, "src/main/java/k/Preflight.java", """
                package k;
                import javax.ws.rs.*;
                public class Preflight { @OPTIONS @Path("{any:.*}") public void preflight() { } }
                """);

        assertThat(described(routes)).containsExactly("ANY /admin/serverinfo info src/main/java/k/AdminRoot.java:5"
                + " unresolved(ServerInfoAdminResource)", "OPTIONS /admin/serverinfo/{any:.*} preflight"
                + " src/main/java/k/Preflight.java:3");
    }

    @Test
    void locatorDeclaredAsObjectResolvesThroughWhatItReturns() {
        List<Route> routes = routes("src/main/java/a/AdminRoot.java", """
                package a;
                import javax.ws.rs.*;

                @Path("/admin")
                public class AdminRoot {
                    @Path("realms")
                    public Object getRealmsAdmin(@Context HttpHeaders headers) {
                        if (!authenticated(headers)) {
                            throw new NotAuthorizedException("Bearer");
                        }
                        RealmsAdminResource resource = new RealmsAdminResource(session);
                        auditor.record(new AuditEvent("realms"));
                        return resource;
                    }
                }
                """, "src/main/java/a/RealmsAdminResource.java", """
                package a;
                import javax.ws.rs.*;

                public class RealmsAdminResource {
                    @GET public List<Realm> list() { return List.of(); }
                }
                """, "src/main/kotlin/a/KotlinRoot.kt", """
                package a
                import jakarta.ws.rs.*

                @Path("/k")
                class KotlinRoot {
                    @Path("items") fun items(): Any = ItemsResource()
                }

                class ItemsResource { @GET fun all() = listOf<String>() }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /admin/realms", "GET /k/items");
        assertThat(routes).allMatch(Route::resolved);
    }

    @Test
    void aDesignatorDeclaredWithHttpMethodIsThatMethod() {
        // Code written before JAX-RS 2.1 declares its own @PATCH; version 6 took the method for a
        // sub-resource locator and reported `ANY`.
        String patch = "src/main/java/com/acme/api/PATCH.java";
        String purge = "src/main/java/com/acme/api/Purge.java";
        List<Route> routes = routes(patch, """
                package com.acme.api;
                import javax.ws.rs.HttpMethod;
                @Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME) @HttpMethod("PATCH")
                public @interface PATCH {
                }
                """, purge, """
                package com.acme.api;
                import jakarta.ws.rs.HttpMethod;
                @HttpMethod(Purge.NAME)
                public @interface Purge {
                    String NAME = "PURGE";
                }
                """, USERS, """
                package com.acme.api;
                import javax.ws.rs.*;
                @Path("/users")
                public class UserResource {
                    @PATCH @Path("{id}") public User patch(@PathParam("id") String id) { return null; }
                    @Purge public void purge() { }
                    @Deprecated @Path("{id}/friends") public FriendsResource friends() { return null; }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "PATCH /users/{id} patch " + USERS + ":5",
                "PURGE /users purge " + USERS + ":6",
                "ANY /users/{id}/friends friends " + USERS + ":7 unresolved(FriendsResource)");
    }
}
