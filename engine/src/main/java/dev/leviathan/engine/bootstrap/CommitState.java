package dev.leviathan.engine.bootstrap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;

/**
 * Everything the bootstrap knows of one commit: its indexed files, its CI definitions (payloads
 * by path) and its routes. The artifacts and counts are made from it; an incremental bootstrap
 * rebuilds the previous commit's state from its artifacts and patches it.
 *
 * @param excluded paths of the tree that the path filter left out
 * @param configKey the canonical form of the bootstrap configuration the state was made with: a
 *     state made with another configuration cannot be patched, the commit is read whole
 */
record CommitState(String commit, SortedMap<String, ManifestFile> files, SortedMap<String, ObjectNode> workflows,
        List<RouteFact> routes, int excluded, String configKey) {

    CommitState {
        files = Collections.unmodifiableSortedMap(files);
        workflows = Collections.unmodifiableSortedMap(workflows);
        routes = routes.stream().sorted(RouteFact.ORDER).toList();
    }
}
