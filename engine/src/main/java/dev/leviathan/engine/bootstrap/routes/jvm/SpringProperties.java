package dev.leviathan.engine.bootstrap.routes.jvm;

import dev.leviathan.engine.bootstrap.routes.SourceFile;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The properties a Spring Boot application is started with by default: its
 * {@code application.properties} / {@code application.yml} outside test code. A controller's
 * {@code ${export.pdf.url}} placeholder takes the value of the module it belongs to (the longest
 * module root above its file); profile-specific files and documents are not read, as no profile
 * is active by default.
 */
final class SpringProperties {

    static final Set<String> FILE_NAMES = Set.of("application.properties", "application.yml", "application.yaml");

    static final SpringProperties NONE = new SpringProperties(List.of());

    private static final String RESOURCES = "src/main/resources/";

    /** One configuration file: the directory it configures and its flattened keys. */
    private record Module(String root, boolean properties, Map<String, String> values) {
    }

    private final List<Module> modules;

    private SpringProperties(List<Module> modules) {
        this.modules = modules;
    }

    static SpringProperties of(List<SourceFile> files) {
        List<Module> modules = new ArrayList<>();
        for (SourceFile file : files) {
            String path = file.path();
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (!FILE_NAMES.contains(name) || isTestCode(path) || file.text() == null) {
                continue;
            }
            boolean properties = name.endsWith(".properties");
            Map<String, String> values = properties ? properties(file.text()) : yaml(file.text());
            if (!values.isEmpty()) {
                modules.add(new Module(root(path), properties, values));
            }
        }
        // Longest root first; in one directory .properties before .yml, as Spring Boot reads them.
        modules.sort(Comparator.comparing((Module m) -> -m.root().length()).thenComparing(m -> !m.properties()));
        return new SpringProperties(List.copyOf(modules));
    }

    /** The value of {@code key} for a controller in {@code file}, as configured for its module. */
    Optional<String> value(String key, String file) {
        for (Module module : modules) {
            if (file.startsWith(module.root())) {
                String value = module.values().get(key);
                if (value != null) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isTestCode(String path) {
        return path.startsWith("test/") || path.contains("/test/");
    }

    /** {@code service/src/main/resources/application.yml} configures {@code service/}. */
    private static String root(String path) {
        int resources = path.lastIndexOf(RESOURCES);
        if (resources >= 0) {
            return path.substring(0, resources);
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    private static Map<String, String> properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return Map.of(); // a malformed escape: the file configures nothing we can trust
        }
        Map<String, String> values = new HashMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).strip()));
        return values;
    }

    private static Map<String, String> yaml(String text) {
        Map<String, String> values = new HashMap<>();
        try {
            for (Object document : new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build())
                    .loadAllFromString(text)) {
                Map<String, String> flat = new HashMap<>();
                flatten("", document, flat, 0);
                if (!flat.containsKey("spring.config.activate.on-profile") && !flat.containsKey("spring.profiles")) {
                    values.putAll(flat); // a later document overrides an earlier one
                }
            }
        } catch (YamlEngineException | ClassCastException e) {
            return values;
        }
        return values;
    }

    private static void flatten(String prefix, Object node, Map<String, String> out, int depth) {
        if (depth > 32) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                flatten(prefix.isEmpty() ? key : prefix + "." + key, entry.getValue(), out, depth + 1);
            }
        } else if (node != null && !(node instanceof List<?>) && !prefix.isEmpty()) {
            out.put(prefix, String.valueOf(node));
        }
    }
}
