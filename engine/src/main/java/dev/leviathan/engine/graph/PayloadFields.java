package dev.leviathan.engine.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.leviathan.engine.event.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the projection reads from a payload: its top-level scalars (as text) and top-level arrays
 * of scalars. Read with a streaming parser, without building a tree, because a rebuild reads a
 * million payloads; pages are parsed on all cores before they are applied in order.
 */
final class PayloadFields {

    private static final String[] NONE = new String[0];

    /** key, value, key, value… in the payload's order (canonical payloads are sorted by key). */
    private final String[] scalars;
    private final Map<String, List<String>> arrays;

    private PayloadFields(String[] scalars, Map<String, List<String>> arrays) {
        this.scalars = scalars;
        this.arrays = arrays;
    }

    static PayloadFields parse(String json) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new PayloadFields(NONE, Map.of());
            }
            List<String> pairs = new ArrayList<>(16);
            Map<String, List<String>> arrays = Map.of();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_ARRAY) {
                    List<String> items = new ArrayList<>();
                    boolean scalarsOnly = true;
                    for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                        if (item.isScalarValue()) {
                            items.add(parser.getText());
                        } else {
                            scalarsOnly = false;
                            parser.skipChildren();
                        }
                    }
                    if (scalarsOnly) {
                        if (arrays.isEmpty()) {
                            arrays = new java.util.HashMap<>();
                        }
                        arrays.put(name, List.copyOf(items));
                    }
                } else if (value == JsonToken.START_OBJECT) {
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_NULL) {
                    pairs.add(name);
                    pairs.add(parser.getText());
                }
            }
            return new PayloadFields(pairs.toArray(NONE), arrays);
        } catch (IOException e) {
            throw new IllegalStateException("stored payload is not JSON: " + e.getMessage(), e);
        }
    }

    String get(String name) {
        for (int i = 0; i < scalars.length; i += 2) {
            if (scalars[i].equals(name)) {
                return scalars[i + 1];
            }
        }
        return null;
    }

    String first(String... names) {
        for (String name : names) {
            String value = get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    List<String> array(String name) {
        return arrays.getOrDefault(name, List.of());
    }

    /** The scalars as key/value pairs, for copying onto a node. */
    String[] scalarPairs() {
        return scalars;
    }
}
