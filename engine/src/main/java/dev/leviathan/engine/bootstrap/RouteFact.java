package dev.leviathan.engine.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.event.CanonicalJson;
import dev.leviathan.engine.event.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A route as a fact: the route and the extractor that found it ({@code python/1}). Its JSON form
 * is one entry of {@code api_routes.json} and the heart of an {@code api.route.*} payload; an
 * incremental bootstrap reads the previous commit's entries back to see which routes went away.
 * {@code occurrence} tells identical routes apart (1 for the first): two JAX-RS resources with one
 * {@code @Path} inheriting one base class's methods serve two endpoints that read the same, mounted
 * under servlet prefixes set outside the code.
 */
record RouteFact(Route route, String extractor, int occurrence) {

    RouteFact(Route route, String extractor) {
        this(route, extractor, 1);
    }

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
        if (occurrence > 1) {
            node.put("occurrence", occurrence);
        }
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
                node.path("line").asInt(), node.path("handler").asText()), node.path("extractor").asText(),
                node.path("occurrence").asInt(1));
    }

    /** {@code sorted} with each route numbered among the routes identical to it, in order. */
    static List<RouteFact> numbered(List<RouteFact> sorted) {
        List<RouteFact> out = new ArrayList<>(sorted.size());
        for (RouteFact fact : sorted) {
            RouteFact previous = out.isEmpty() ? null : out.getLast();
            boolean repeat = previous != null && previous.route().equals(fact.route())
                    && previous.extractor().equals(fact.extractor());
            out.add(new RouteFact(fact.route(), fact.extractor(), repeat ? previous.occurrence() + 1 : 1));
        }
        return out;
    }
}
