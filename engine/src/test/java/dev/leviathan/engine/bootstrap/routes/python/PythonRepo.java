package dev.leviathan.engine.bootstrap.routes.python;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A repository of Python files, built in a line, and the routes the extractor finds in it. */
final class PythonRepo {

    private final List<SourceFile> files = new ArrayList<>();

    static PythonRepo repo() {
        return new PythonRepo();
    }

    PythonRepo file(String path, String text) {
        files.add(new SourceFile(path, text));
        return this;
    }

    /** Every .py file under a test resource folder, with paths relative to it. */
    static PythonRepo fixture(String name) {
        PythonRepo repo = new PythonRepo();
        try {
            Path root = Path.of(PythonRepo.class.getResource("/bootstrap/python-routes/" + name).toURI());
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                    repo.file(root.relativize(p).toString().replace('\\', '/'),
                            Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return repo;
    }

    List<SourceFile> files() {
        return List.copyOf(files);
    }

    List<Route> routes() {
        return new PythonRouteExtractor().extract(files);
    }

    /** The routes as {@code METHOD path} strings, in extractor order. */
    List<String> endpoints() {
        return routes().stream().map(r -> r.method() + " " + r.path()).toList();
    }

    /** The routes as {@code METHOD path file:line handler} strings. */
    List<String> described() {
        return routes().stream()
                .map(r -> r.method() + " " + r.path() + " " + r.file() + ":" + r.line() + " " + r.handler()).toList();
    }
}
