package dev.leviathan.engine.bootstrap.routes.jvm;

import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.described;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.endpoints;
import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text that looks like a route and is not one. */
class JvmNegativeCasesTest {

    private static final String FILE = "src/main/java/com/acme/Client.java";

    @Test
    void commentsAndJavadocDeclareNothing() {
        List<Route> routes = routes(FILE, """
                /**
                 * Example:
                 * <pre>{@code
                 * @GetMapping("/javadoc")
                 * public String x() { return "x"; }
                 * }</pre>
                 */
                @RestController
                class DocumentedController {
                    // @GetMapping("/line-comment")
                    /* @PostMapping("/block-comment") */
                    public String notMapped() { return "n"; }

                    @GetMapping("/real") public String real() { return "r"; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /real");
    }

    @Test
    void stringsAndTextBlocksDeclareNothing() {
        List<Route> routes = routes(FILE, """
                @RestController
                class TemplateController {
                    static final String SNIPPET = "@GetMapping(\\"/in-string\\") public String x() {}";
                    static final String BLOCK = \"""
                        @RestController
                        class Fake {
                            @GetMapping("/in-text-block") String fake() { return ""; }
                        }
                        \""";
                    static final char BRACE = '{';

                    @GetMapping("/real") public String real() { return SNIPPET + BLOCK + BRACE; }
                }
                """);

        assertThat(endpoints(routes)).containsExactly("GET /real");
    }

    @Test
    void feignClientsAreNotRoutes() {
        List<Route> routes = routes(FILE, """
                import org.springframework.cloud.openfeign.FeignClient;
                import org.springframework.web.bind.annotation.*;

                @FeignClient(name = "users", url = "${users.url}", path = "/api/users")
                public interface UserClient {
                    @GetMapping("/{id}")
                    User get(@PathVariable("id") Long id);

                    @RequestMapping(method = RequestMethod.POST, value = "/")
                    User create(@RequestBody User user);
                }
                """);

        assertThat(routes).isEmpty();
    }

    @Test
    void feignClientSharingTheControllersInterfaceLeavesOneRouteOnTheController() {
        List<Route> routes = routes("api/src/main/java/a/UserApi.java", """
                package a;
                public interface UserApi {
                    @GetMapping("/users/{id}") User get(@PathVariable("id") Long id);
                }
                """, "client/src/main/java/a/UserClient.java", """
                package a;
                @FeignClient("users")
                public interface UserClient extends UserApi {
                }
                """, "client/src/main/java/a/UserClientFallback.java", """
                package a;
                @Component
                class UserClientFallback implements UserClient {
                    public User get(Long id) { return User.anonymous(); }
                }
                """, "server/src/main/java/a/UserController.java", """
                package a;
                @RestController
                class UserController implements UserApi {
                    public User get(Long id) { return repo.find(id); }
                }
                """);

        assertThat(described(routes)).containsExactly("GET /users/{id} get server/src/main/java/a/UserController.java:4");
    }

    @Test
    void contractSharedOnlyWithAFeignClientIsNotRoutes() {
        List<Route> routes = routes("api/src/main/java/a/UserApi.java", """
                package a;
                public interface UserApi {
                    @GetMapping("/users/{id}") User get(@PathVariable("id") Long id);
                }
                """, "client/src/main/java/a/UserClient.java", """
                package a;
                @FeignClient(name = "users")
                public interface UserClient extends UserApi {
                }
                """);

        assertThat(routes).isEmpty();
    }

    @Test
    void httpExchangeClientsAreNotRoutes() {
        List<Route> routes = routes(FILE, """
                import org.springframework.web.service.annotation.*;
                import org.springframework.web.bind.annotation.*;

                @HttpExchange("/repos")
                public interface RepoClient {
                    @GetExchange("/{owner}/{repo}")
                    Repository get(@PathVariable String owner, @PathVariable String repo);

                    @GetMapping("/legacy")
                    Repository legacy();
                }
                """);

        assertThat(routes).isEmpty();
    }

    @Test
    void retrofitServicesAreNotJaxRs() {
        List<Route> routes = routes("app/src/main/java/a/GitHubService.java", """
                package a;

                import retrofit2.Call;
                import retrofit2.http.GET;
                import retrofit2.http.POST;
                import retrofit2.http.Path;

                public interface GitHubService {
                    @GET("users/{user}/repos")
                    Call<List<Repo>> listRepos(@Path("user") String user);

                    @POST("repos")
                    Call<Repo> create(@Body Repo repo);
                }
                """, "app/src/main/kotlin/a/Api.kt", """
                package a

                import retrofit2.http.*

                interface Api {
                    @GET
                    suspend fun fetch(@Url url: String): ResponseBody

                    @GET("items/{id}")
                    suspend fun item(@Path("id") id: String): Item
                }
                """);

        assertThat(routes).isEmpty();
    }

    @Test
    void microProfileRestClientsAreNotResources() {
        List<Route> routes = routes(FILE, """
                import jakarta.ws.rs.*;
                import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

                @Path("/extensions")
                @RegisterRestClient(configKey = "extensions-api")
                public interface ExtensionsService {
                    @GET
                    Set<Extension> getById(@QueryParam("id") String id);
                }
                """);

        assertThat(routes).isEmpty();
    }

    @Test
    void annotationsOfOtherFrameworksWithSpringNamesAreIgnored() {
        List<Route> routes = routes("src/main/java/a/HelloController.java", """
                package a;

                import io.micronaut.http.annotation.Controller;
                import io.micronaut.http.annotation.Get;

                @Controller("/hello")
                public class HelloController {
                    @Get("/{name}")
                    public String hello(String name) { return "Hello " + name; }
                }
                """, "src/main/java/a/Custom.java", """
                package a;

                import com.acme.routing.GetMapping;

                public class Custom {
                    @GetMapping("/custom")
                    public String custom() { return ""; }
                }
                """);

        assertThat(routes).isEmpty();
    }

    @Test
    void clientCallsInMethodBodiesAreNotRoutes() {
        List<Route> routes = routes("src/test/java/a/UserControllerTest.java", """
                package a;

                import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

                @WebMvcTest
                class UserControllerTest {
                    @Test
                    void listsUsers() throws Exception {
                        mockMvc.perform(get("/api/users")).andExpect(status().isOk());
                        webClient.get().uri("/api/users/{id}", 1).retrieve();
                        restTemplate.postForObject("/api/users", user, User.class);
                    }
                }
                """);

        assertThat(routes).isEmpty();
    }

    @Test
    void messagingAndExceptionHandlersAreNotHttpRoutes() {
        List<Route> routes = routes(FILE, """
                @Controller
                class ChatController {
                    @MessageMapping("/chat.send")
                    @SendTo("/topic/public")
                    public Message send(Message message) { return message; }
                }

                @RestControllerAdvice
                class Errors {
                    @ExceptionHandler(NotFound.class)
                    public ResponseEntity<String> notFound() { return ResponseEntity.notFound().build(); }
                }
                """);

        assertThat(routes).isEmpty();
    }

    @Test
    void homeMadeAnnotationsOfTheSameNameAreNotSpring() {
        List<Route> routes = routes("src/main/kotlin/framework/Annotations.kt", """
                package framework

                @Target(AnnotationTarget.CLASS)
                annotation class RestController(val path: String = "")

                @Target(AnnotationTarget.FUNCTION)
                annotation class GetMapping(val path: String = "")
                """, "src/main/kotlin/framework/Controllers.kt", """
                package framework

                @RestController("/api")
                class Controllers {
                    @GetMapping("/games") fun games() = listOf<String>()
                }
                """);

        assertThat(routes).isEmpty();
    }
}
