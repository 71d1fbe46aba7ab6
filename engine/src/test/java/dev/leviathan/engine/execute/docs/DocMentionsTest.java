package dev.leviathan.engine.execute.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import org.junit.jupiter.api.Test;

class DocMentionsTest {

    private static Route route(String path) {
        return new Route("flask", "GET", path, true, null, "app.py", 1, "view");
    }

    @Test
    void parametersAreTheSameWhateverTheFrameworkCallsThem() {
        DocMentions docs = DocMentions.of("Fetch a user with `GET /users/:id`.");

        assertThat(docs.mentions(route("/users/<int:user_id>"))).isTrue();
        assertThat(docs.mentions(route("/users/{user_id}"))).isTrue();
        assertThat(docs.mentions(route("/users/{user_id}/posts"))).isFalse();
    }

    @Test
    void theRouteOfAUrlIsItsPathAfterTheHost() {
        DocMentions docs = DocMentions.of("curl -X POST https://api.example.com:8443/v1/orders?dry=1");

        assertThat(docs.mentions(route("/v1/orders"))).isTrue();
        assertThat(docs.mentions(route("/orders"))).isFalse();
    }

    @Test
    void aPathInsideALongerPathIsNotMentioned() {
        DocMentions docs = DocMentions.of("The admin pages live under /admin/users.");

        assertThat(docs.mentions(route("/users"))).isFalse();
        assertThat(docs.mentions(route("/admin/users"))).isTrue();
    }

    @Test
    void trailingSlashesAndPunctuationDoNotMatter() {
        DocMentions docs = DocMentions.of("See /health, /status: and /items/.\n\"/openapi.json\": the spec");

        assertThat(docs.mentions(route("/health/"))).isTrue();
        assertThat(docs.mentions(route("/status"))).isTrue();
        assertThat(docs.mentions(route("/items"))).isTrue();
        assertThat(docs.mentions(route("/openapi.json"))).isTrue();
    }

    @Test
    void wordsJoinedByASlashAreNotPaths() {
        DocMentions docs = DocMentions.of("Read and/or write the input/output of the job.");

        assertThat(docs.mentions(route("/or"))).isFalse();
        assertThat(docs.mentions(route("/output"))).isFalse();
    }

    @Test
    void djangoRegexAnchorsAreIgnored() {
        DocMentions docs = DocMentions.of("| GET | /blog/archive |");

        assertThat(docs.mentions(route("/blog/archive/$"))).isTrue();
    }
}
