package dev.leviathan.engine.bootstrap.routes.jvm;

import static dev.leviathan.engine.bootstrap.routes.jvm.Extraction.described;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.SourceFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A small multi-module shop under {@code bootstrap/jvm-routes/shop/}: a shared API module with
 * constants and a contract interface, a Spring server in Java and Kotlin, a Feign client, a
 * JAX-RS legacy module with a sub-resource, and a Retrofit Android client.
 */
class JvmRepositoryFixtureTest {

    private static List<SourceFile> shop() throws IOException, URISyntaxException {
        Path root = Path.of(JvmRepositoryFixtureTest.class.getResource("/bootstrap/jvm-routes/shop").toURI());
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                files.add(new SourceFile(relative, Files.readString(path, StandardCharsets.UTF_8)));
            }
        }
        return files;
    }

    @Test
    void findsEveryRouteOfTheShopOnceWithItsPrefixes() throws Exception {
        List<Route> routes = new JvmRouteExtractor().extract(shop());

        String web = "server/src/main/java/com/shop/web/";
        String legacy = "legacy/src/main/java/com/shop/legacy/";
        String placeholder = " unresolved(${shop.suppliers.path:/api/v1/suppliers})";
        assertThat(described(routes)).containsExactly(
                "GET /legacy/stores/{storeId}/shelves list " + legacy + "ShelfResource.java:13",
                "DELETE /legacy/stores/{storeId}/shelves/{shelfId} remove " + legacy + "ShelfResource.java:19",
                "GET /legacy/stores list " + legacy + "StoreResource.java:10",
                "GET /legacy/stores/{storeId: [0-9]+} get " + legacy + "StoreResource.java:16",
                "GET /api/v1/products all " + web + "CrudController.java:11",
                "GET /api/v1/suppliers all " + web + "CrudController.java:11" + placeholder,
                "GET /api/v1/products/{id} one " + web + "CrudController.java:16",
                "GET /api/v1/suppliers/{id} one " + web + "CrudController.java:16" + placeholder,
                "POST /api/v1/products create " + web + "CrudController.java:21",
                "POST /api/v1/suppliers create " + web + "CrudController.java:21" + placeholder,
                "GET /api/v1/orders list " + web + "OrderController.java:19",
                "GET /api/v1/orders/{id} get " + web + "OrderController.java:24",
                "POST /api/v1/orders/{id}/cancel cancel " + web + "OrderController.java:29",
                "PUT /api/v1/orders/{id}/cancel cancel " + web + "OrderController.java:29",
                "GET /api/v1/products/search search " + web + "ProductController.java:21",
                "GET /api/v1/catalog index server/src/main/kotlin/com/shop/web/CatalogController.kt:20",
                "GET /api/v1/catalog/categories/{slug} category server/src/main/kotlin/com/shop/web/CatalogController.kt:23",
                "GET /api/v1/catalog/categories/{slug}/items category server/src/main/kotlin/com/shop/web/CatalogController.kt:23",
                "POST /api/v1/catalog/refresh refresh server/src/main/kotlin/com/shop/web/CatalogController.kt:28");
    }

    @Test
    void frameworkOfEachRouteIsNamed() throws Exception {
        List<Route> routes = new JvmRouteExtractor().extract(shop());

        assertThat(routes).filteredOn(route -> route.file().startsWith("legacy/"))
                .extracting(Route::framework).containsOnly("jaxrs");
        assertThat(routes).filteredOn(route -> route.file().startsWith("server/"))
                .extracting(Route::framework).containsOnly("spring");
    }
}
