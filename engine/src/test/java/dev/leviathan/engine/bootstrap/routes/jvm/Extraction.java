package dev.leviathan.engine.bootstrap.routes.jvm;

import dev.leviathan.engine.bootstrap.routes.Route;
import dev.leviathan.engine.bootstrap.routes.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Runs the extractor on sources written inline, and renders routes compactly for assertions. */
final class Extraction {

    private Extraction() {
    }

    /** Routes of the files given as path, text, path, text... */
    static List<Route> routes(String... pathsAndTexts) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.add(new SourceFile(pathsAndTexts[i], pathsAndTexts[i + 1]));
        }
        return new JvmRouteExtractor().extract(files);
    }

    /** {@code METHOD path} of each route, in output order. */
    static List<String> endpoints(List<Route> routes) {
        return routes.stream().map(r -> r.method() + " " + r.path()).toList();
    }

    /** {@code METHOD path handler file:line}, plus {@code unresolved(raw)} when not resolved. */
    static List<String> described(List<Route> routes) {
        return routes.stream().map(Extraction::describe).toList();
    }

    static String describe(Route r) {
        String text = r.method() + " " + r.path() + " " + r.handler() + " " + r.file() + ":" + r.line();
        return r.resolved() ? text : text + " unresolved(" + r.rawExpression() + ")";
    }
}
