package dev.leviathan.engine.bootstrap.routes.jvm;

import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.described;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.endpoints;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpringKotlinRoutesTest {

    private static final String FILE = "src/main/kotlin/com/acme/web/UserController.kt";

    @Test
    void readsAKotlinController() {
        List<Route> routes = routes(FILE, """
                package com.acme.web

                import org.springframework.http.ResponseEntity
                import org.springframework.web.bind.annotation.*

                @RestController
                @RequestMapping("/api/users")
                class UserController(private val service: UserService) {

                    @GetMapping
                    fun list(): List<User> = service.findAll()

                    @GetMapping("/{id}")
                    fun get(@PathVariable id: Long): ResponseEntity<User> =
                        service.find(id)
                            ?.let { ResponseEntity.ok(it) }
                            ?: ResponseEntity.notFound().build()

                    @PostMapping
                    suspend fun create(@RequestBody @Valid user: User): User {
                        return service.save(user)
                    }

                    @DeleteMapping("/{id}") fun delete(@PathVariable id: Long) = service.delete(id)
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /api/users list " + FILE + ":10",
                "GET /api/users/{id} get " + FILE + ":13",
                "POST /api/users create " + FILE + ":19",
                "DELETE /api/users/{id} delete " + FILE + ":24");
    }

    @Test
    void readsKotlinArrayArguments() {
        List<Route> routes = routes(FILE, """
                @RestController
                class ArrayController {
                    @RequestMapping(value = ["/a", "/b"], method = [RequestMethod.GET, RequestMethod.HEAD])
                    fun ab() = "ab"

                    @GetMapping(path = ["/c"], produces = [MediaType.APPLICATION_JSON_VALUE])
                    fun c() = "c"

                    @RequestMapping(value = arrayOf("/d"), method = arrayOf(RequestMethod.PUT))
                    fun d() = "d"
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /a", "GET /b", "HEAD /a", "HEAD /b", "GET /c", "PUT /d");
    }

    @Test
    void positionalKotlinValuesAreVarargs() {
        List<Route> routes = routes(FILE, """
                @RestController
                @RequestMapping("/v1", "/v2")
                class VersionedController {
                    @GetMapping("/x", "/y") fun xy() = "xy"
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /v1/x", "GET /v1/y", "GET /v2/x", "GET /v2/y");
    }

    @Test
    void resolvesCompanionConstantsAndTemplates() {
        List<Route> routes = routes(FILE, """
                @RestController
                @RequestMapping(UserController.BASE)
                class UserController {
                    companion object {
                        const val BASE = "/api/users"
                        private const val BY_ID = "/{id}"
                    }

                    @GetMapping(BY_ID) fun get(@PathVariable id: String) = id
                    @GetMapping("$BY_ID/roles") fun roles(@PathVariable id: String) = listOf<String>()
                    @GetMapping("${BY_ID}/groups/${Paths.GROUP}") fun group(@PathVariable id: String) = id
                }

                object Paths {
                    const val GROUP = "{group}"
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /api/users/{id}", "GET /api/users/{id}/roles",
                "GET /api/users/{id}/groups/{group}");
        assertThat(routes).allMatch(Route::resolved);
    }

    @Test
    void resolvesTopLevelConstantsAcrossFiles() {
        List<Route> routes = routes("src/main/kotlin/com/acme/Routes.kt", """
                @file:JvmName("Routes")
                package com.acme

                const val API = "/api"
                const val ORDERS = "$API/orders"
                """, "src/main/kotlin/com/acme/web/OrderController.kt", """
                package com.acme.web

                import com.acme.ORDERS
                import org.springframework.web.bind.annotation.*

                @RestController
                @RequestMapping(ORDERS)
                class OrderController {
                    @GetMapping fun all() = emptyList<String>()
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /api/orders");
        assertThat(routes.get(0).resolved()).isTrue();
    }

    @Test
    void escapedDollarIsASpringPlaceholder() {
        List<Route> routes = routes(FILE, """
                @RestController
                @RequestMapping("\\${api.base-path:/v2}")
                class PetApiController {
                    @RequestMapping(method = [RequestMethod.GET], value = ["/pet/{petId}"], produces = ["application/json"])
                    fun getPetById(@PathVariable("petId") petId: Long): ResponseEntity<Pet> = TODO()
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /v2/pet/{petId} getPetById " + FILE + ":4 unresolved(${api.base-path:/v2})");
    }

    @Test
    void abstractInterfaceFunctionsWithoutBodiesKeepEveryMapping() {
        List<Route> routes = routes(FILE, """
                @RequestMapping("/items")
                interface ItemApi {
                    @GetMapping
                    fun list(): List<Item>
                    @GetMapping("/{id}")
                    fun get(@PathVariable id: Long): Item
                    @PostMapping
                    fun add(@RequestBody item: Item): Item
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /items", "GET /items/{id}", "POST /items");
    }

    @Test
    void bodilessClassesAndPropertiesDoNotSwallowTheController() {
        List<Route> routes = routes(FILE, """
                data class User(val id: Long, val name: String)

                class Empty

                @RestController
                @RequestMapping("/users")
                class UserController(private val repo: Repo) {
                    private val log = LoggerFactory.getLogger(javaClass)
                    private val cache: MutableMap<Long, User> = mutableMapOf()
                    val size: Int
                        get() = cache.size

                    init {
                        log.info("ready {}", "}")
                    }

                    @GetMapping("/{id}")
                    fun get(@PathVariable id: Long): User? = cache[id]
                        ?: repo.find(id)

                    @GetMapping("/count") fun count() = size
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /users/{id}", "GET /users/count");
    }

    @Test
    void nestedCommentsAndRawStringsHideAnnotations() {
        List<Route> routes = routes(FILE, """
                @RestController
                class DocController {
                    /* disabled:
                       /* @GetMapping("/nested") */
                       @GetMapping("/still-comment")
                    */
                    val doc = \"""
                        @GetMapping("/raw")
                        fun raw() = ""
                    \"""

                    @GetMapping("/real") fun real() = doc
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /real");
    }

    @Test
    void backtickNamesAndAnnotationUseSitesParse() {
        List<Route> routes = routes(FILE, """
                @RestController
                class TickController(@field:Autowired private val svc: Svc) {
                    @GetMapping("/tick")
                    fun `tick handler`() = "{"

                    @get:JsonIgnore
                    val hidden: String = "}"

                    @GetMapping("/tock") fun tock() = '}'
                }
                """);

        assertThat(described(routes)).containsExactly(
                "GET /tick tick handler " + FILE + ":3",
                "GET /tock tock " + FILE + ":9");
    }

    @Test
    void webfluxCoroutineControllerWithGenericsParses() {
        List<Route> routes = routes(FILE, """
                @RestController
                @RequestMapping("/flows")
                class FlowController(private val repo: FlowRepository) {
                    @GetMapping(produces = [MediaType.TEXT_EVENT_STREAM_VALUE])
                    fun stream(): Flow<Map<String, List<Event>>> = repo.stream()

                    @GetMapping("/{id}")
                    suspend fun <T : Any> one(@PathVariable id: String, @RequestParam(defaultValue = "10") limit: Int = 10): T? where T : Comparable<T> =
                        repo.one(id)
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /flows", "GET /flows/{id}");
    }
}
