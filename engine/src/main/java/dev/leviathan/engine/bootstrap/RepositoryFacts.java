package dev.leviathan.engine.bootstrap;

import dev.leviathan.engine.bootstrap.ci.CiFact;
import dev.leviathan.engine.bootstrap.routes.Route;
import java.util.List;

/**
 * What a bootstrap learns of one commit, as values, without recording anything: for executors
 * that write from the facts (API route reference, workflow overview, backlog proposals). The
 * same extractors and the same commit give the same facts the store holds.
 */
public record RepositoryFacts(String commit, List<File> files, List<Doc> docs, List<CiFact> workflows,
        List<Route> routes) {

    public RepositoryFacts {
        files = List.copyOf(files);
        docs = List.copyOf(docs);
        workflows = List.copyOf(workflows);
        routes = List.copyOf(routes);
    }

    /** An indexed file; {@code language} is null for files that are not code. */
    public record File(String path, String fileType, String language, String category, boolean binary, long size) {
    }

    /** A documentation file and its title. */
    public record Doc(String path, String title) {
    }
}
