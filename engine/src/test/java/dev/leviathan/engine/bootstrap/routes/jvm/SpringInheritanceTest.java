package dev.leviathan.engine.bootstrap.routes.jvm;

import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.described;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.endpoints;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mappings declared on interfaces and base classes, as Spring applies them to controllers. */
class SpringInheritanceTest {

    private static final String PET_API = "petstore/src/main/java/org/openapitools/api/PetApi.java";
    private static final String PET_CONTROLLER = "petstore/src/main/java/org/openapitools/api/PetController.java";

    /** The shape openapi-generator's spring generator writes with interfaceOnly=true. */
    private static final String PET_API_SOURCE = """
            package org.openapitools.api;

            import org.springframework.http.ResponseEntity;
            import org.springframework.web.bind.annotation.*;

            @Validated
            @Tag(name = "pet", description = "Everything about your Pets")
            @RequestMapping("${openapi.petstore.base-path:/v2}")
            public interface PetApi {

                String PATH_ADD_PET = "/pet";
                String PATH_GET_PET_BY_ID = "/pet/{petId}";

                /**
                 * POST /pet : Add a new pet to the store
                 */
                @Operation(
                    operationId = "addPet",
                    summary = "Add a new pet to the store",
                    responses = {
                        @ApiResponse(responseCode = "200", description = "Successful operation", content = {
                            @Content(mediaType = "application/json", schema = @Schema(implementation = Pet.class))
                        })
                    }
                )
                @RequestMapping(
                    method = RequestMethod.POST,
                    value = PetApi.PATH_ADD_PET,
                    produces = { "application/json" },
                    consumes = { "application/json" }
                )
                ResponseEntity<Pet> addPet(@Valid @RequestBody Pet pet);

                @RequestMapping(
                    method = RequestMethod.GET,
                    value = PetApi.PATH_GET_PET_BY_ID,
                    produces = { "application/json" }
                )
                default ResponseEntity<Pet> getPetById(@PathVariable("petId") Long petId) {
                    return new ResponseEntity<>(HttpStatus.NOT_IMPLEMENTED);
                }
            }
            """;

    @Test
    void interfaceMappingsAreReportedOnceOnTheImplementingController() {
        List<Route> routes = routes(PET_API, PET_API_SOURCE, PET_CONTROLLER, """
                package org.openapitools.api;

                @RestController
                public class PetController implements PetApi {

                    @Override
                    public ResponseEntity<Pet> addPet(Pet pet) {
                        return ResponseEntity.ok(service.add(pet));
                    }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /v2/pet/{petId} getPetById " + PET_API + ":34 unresolved(${openapi.petstore.base-path:/v2})",
                "POST /v2/pet addPet " + PET_CONTROLLER + ":7 unresolved(${openapi.petstore.base-path:/v2})");
    }

    @Test
    void controllerOwnClassMappingReplacesTheInterfaceOne() {
        List<Route> routes = routes(PET_API, PET_API_SOURCE, PET_CONTROLLER, """
                package org.openapitools.api;

                @RestController
                @RequestMapping("/api")
                public class PetController implements PetApi {
                    public ResponseEntity<Pet> addPet(Pet pet) { return null; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /api/pet/{petId}", "POST /api/pet");
        assertThat(routes).allMatch(Route::resolved);
    }

    @Test
    void interfaceWithoutImplementationIsReportedOnItself() {
        List<Route> routes = routes(PET_API, PET_API_SOURCE);

        assertThat(described(routes)).containsExactly(
                "POST /v2/pet addPet " + PET_API + ":26 unresolved(${openapi.petstore.base-path:/v2})",
                "GET /v2/pet/{petId} getPetById " + PET_API + ":34 unresolved(${openapi.petstore.base-path:/v2})");
    }

    @Test
    void implementationThatIsNoControllerLeavesTheRoutesOnTheInterface() {
        List<Route> routes = routes(PET_API, PET_API_SOURCE, "src/test/java/org/openapitools/api/FakePetApi.java", """
                package org.openapitools.api;

                class FakePetApi implements PetApi {
                    public ResponseEntity<Pet> addPet(Pet pet) { return null; }
                }
                """);

        assertThat(routes).extracting(Route::file).containsOnly(PET_API);
        assertThat(routes).hasSize(2);
    }

    @Test
    void overridingMethodWithItsOwnMappingWins() {
        List<Route> routes = routes("src/main/java/a/Api.java", """
                package a;
                public interface Api {
                    @GetMapping("/from-interface")
                    String hello();
                }
                """, "src/main/java/a/HelloController.java", """
                package a;
                @RestController
                public class HelloController implements Api {
                    @Override
                    @GetMapping("/from-controller")
                    public String hello() { return "hi"; }
                }
                """);

        assertThat(described(routes)).containsExactly("GET /from-controller hello src/main/java/a/HelloController.java:5");
    }

    @Test
    void abstractBaseControllerIsMountedUnderEverySubclass() {
        List<Route> routes = routes("src/main/java/a/CrudController.java", """
                package a;
                public abstract class CrudController<T, ID> {
                    @GetMapping
                    public List<T> list() { return repository().findAll(); }

                    @GetMapping("/{id}")
                    public T get(@PathVariable ID id) { return repository().findById(id).orElseThrow(); }

                    @DeleteMapping("/{id}")
                    public void delete(@PathVariable ID id) { repository().deleteById(id); }

                    protected abstract Repository<T, ID> repository();
                }
                """, "src/main/java/a/UserController.java", """
                package a;
                @RestController
                @RequestMapping("/users")
                public class UserController extends CrudController<User, Long> {
                    protected Repository<User, Long> repository() { return users; }

                    @PostMapping("/{id}/lock")
                    public void lock(@PathVariable Long id) { }
                }
                """, "src/main/java/a/TeamController.java", """
                package a;
                @RestController
                @RequestMapping("/teams")
                public class TeamController extends CrudController<Team, Long> {
                    protected Repository<Team, Long> repository() { return teams; }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /teams list src/main/java/a/CrudController.java:3",
                "GET /users list src/main/java/a/CrudController.java:3",
                "GET /teams/{id} get src/main/java/a/CrudController.java:6",
                "GET /users/{id} get src/main/java/a/CrudController.java:6",
                "DELETE /teams/{id} delete src/main/java/a/CrudController.java:9",
                "DELETE /users/{id} delete src/main/java/a/CrudController.java:9",
                "POST /users/{id}/lock lock src/main/java/a/UserController.java:7");
    }

    @Test
    void concreteControllerExtendedByAnotherServesBoth() {
        List<Route> routes = routes("src/main/java/a/V1Controller.java", """
                package a;
                @RestController
                @RequestMapping("/v1")
                public class V1Controller {
                    @GetMapping("/status") public String status() { return "ok"; }
                }
                """, "src/main/java/a/V2Controller.java", """
                package a;
                @RestController
                @RequestMapping("/v2")
                public class V2Controller extends V1Controller {
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /v1/status", "GET /v2/status");
    }

    @Test
    void interfaceHierarchyIsFollowedToTheController() {
        List<Route> routes = routes("src/main/java/a/ReadApi.java", """
                package a;
                public interface ReadApi {
                    @GetMapping("/items") List<Item> items();
                }
                """, "src/main/java/a/WriteApi.java", """
                package a;
                public interface WriteApi extends ReadApi {
                    @PostMapping("/items") Item add(Item item);
                }
                """, "src/main/java/a/ItemController.java", """
                package a;
                @RestController
                @RequestMapping("/shop")
                class ItemController implements WriteApi {
                    public List<Item> items() { return List.of(); }
                    public Item add(Item item) { return item; }
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /shop/items items src/main/java/a/ItemController.java:5",
                "POST /shop/items add src/main/java/a/ItemController.java:6");
    }

    @Test
    void kotlinControllerImplementsJavaInterface() {
        List<Route> routes = routes("api/src/main/java/a/UserApi.java", """
                package a;
                @RequestMapping("/users")
                public interface UserApi {
                    @GetMapping("/{id}") User get(@PathVariable("id") String id);
                }
                """, "app/src/main/kotlin/a/UserController.kt", """
                package a

                @RestController
                class UserController(private val users: UserRepository) : UserApi {
                    override fun get(id: String): User = users.find(id)
                }
                """);

        assertThat(described(routes)).containsExactly("GET /users/{id} get app/src/main/kotlin/a/UserController.kt:5");
    }

    @Test
    void baseClassWithoutStereotypeServesOnlyThroughItsControllers() {
        List<Route> routes = routes("src/main/kotlin/a/HealthEndpoints.kt", """
                package a

                open class HealthEndpoints {
                    @GetMapping("/health")
                    fun health() = "up"
                }
                """, "src/main/java/a/AppController.java", """
                package a;
                @RestController
                @RequestMapping("/app")
                public class AppController extends HealthEndpoints {
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /app/health");
    }
}
