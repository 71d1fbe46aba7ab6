package dev.leviathan.engine.bootstrap.routes.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds inputs for the Go extractor and renders its routes compactly for assertions. */
final class GoSources {

    private GoSources() {
    }

    /** Alternating path and text. */
    static List<Route> extract(String... pathsAndTexts) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i + 1 < pathsAndTexts.length; i += 2) {
            files.add(new SourceFile(pathsAndTexts[i], pathsAndTexts[i + 1]));
        }
        return new GoRouteExtractor().extract(files);
    }

    /** {@code METHOD path handler line} per route, in the extractor's order. */
    static List<String> summaryWithLines(List<Route> routes) {
        return routes.stream().map(r -> r.method() + " " + r.path() + " " + r.handler() + " " + r.line()).toList();
    }

    /** Every route resolved and of {@code framework}. */
    static void assertResolvedRoutesOf(String framework, List<Route> routes) {
        assertThat(routes).isNotEmpty().allSatisfy(r -> {
            assertThat(r.framework()).isEqualTo(framework);
            assertThat(r.resolved()).isTrue();
        });
    }

    /** {@code METHOD path handler} per route, in the extractor's order. */
    static List<String> summary(List<Route> routes) {
        return routes.stream().map(r -> r.method() + " " + r.path() + " " + r.handler()).toList();
    }

    static String resource(String name) {
        try (InputStream in = GoSources.class.getResourceAsStream("/bootstrap/go-routes/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
