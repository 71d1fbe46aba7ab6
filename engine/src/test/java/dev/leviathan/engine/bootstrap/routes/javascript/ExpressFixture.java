package dev.leviathan.engine.bootstrap.routes.javascript;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.SourceFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds inputs for the extractor and prints its routes compactly, for assertions on values. */
final class ExpressFixture {

    private ExpressFixture() {
    }

    /** Routes of files given as alternating path and text. */
    static List<Route> routes(String... pathsAndTexts) {
        return new JavaScriptRouteExtractor().extract(files(pathsAndTexts));
    }

    static List<SourceFile> files(String... pathsAndTexts) {
        List<SourceFile> files = new ArrayList<>();
        for (int k = 0; k + 1 < pathsAndTexts.length; k += 2) {
            files.add(new SourceFile(pathsAndTexts[k], pathsAndTexts[k + 1]));
        }
        return files;
    }

    /** Every file of the resource directory {@code bootstrap/js-routes/<name>}, paths relative to it. */
    static List<SourceFile> project(String name) {
        URL url = ExpressFixture.class.getResource("/bootstrap/js-routes/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            Path root = Path.of(url.toURI());
            List<SourceFile> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    files.add(new SourceFile(root.relativize(p).toString().replace('\\', '/'), Files.readString(p)));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code METHOD path}, in the extractor's order. */
    static List<String> endpoints(List<Route> routes) {
        return routes.stream().map(r -> r.method() + " " + r.path()).toList();
    }

    /** {@code METHOD path file:line handler}, with {@code [raw]} for unresolved routes. */
    static List<String> described(List<Route> routes) {
        return routes.stream().map(ExpressFixture::describe).toList();
    }

    static String describe(Route r) {
        return r.method() + " " + r.path() + (r.resolved() ? "" : " [" + r.rawExpression() + "]") + " " + r.file()
                + ":" + r.line() + " " + r.handler();
    }
}
