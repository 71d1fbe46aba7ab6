package dev.leviathan.engine.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.event.CanonicalJson;
import dev.leviathan.engine.event.Json;
import java.util.Comparator;

/**
 * A route as a fact: the route and the extractor that found it ({@code python/1}). Its JSON form
 * is one entry of {@code api_routes.json} and the heart of an {@code api.route.*} payload; an
 * incremental bootstrap reads the previous commit's entries back to see which routes went away.
 */
record RouteFact(Route route, String extractor) {

    static final Comparator<RouteFact> ORDER = Comparator.comparing(RouteFact::route, Route.ORDER)
            .thenComparing(f -> f.route().framework())
            .thenComparing(f -> f.route().handler())
            .thenComparing(RouteFact::key);

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("framework", route.framework());
        node.put("method", route.method());
        node.put("path", route.path());
        node.put("file", route.file());
        node.put("line", route.line());
        node.put("handler", route.handler());
        node.put("resolved", route.resolved());
        if (route.rawExpression() != null) {
            node.put("raw_expression", route.rawExpression());
        }
        node.put("extractor", extractor);
        return node;
    }

    /** What identifies the route between commits: everything it says, canonically. */
    String key() {
        return CanonicalJson.write(toJson());
    }

    static RouteFact fromJson(JsonNode node) {
        JsonNode raw = node.get("raw_expression");
        return new RouteFact(new Route(node.path("framework").asText(), node.path("method").asText(),
                node.path("path").asText(), node.path("resolved").asBoolean(true),
                raw == null || raw.isNull() ? null : raw.asText(), node.path("file").asText(),
                node.path("line").asInt(), node.path("handler").asText()), node.path("extractor").asText());
    }
}
