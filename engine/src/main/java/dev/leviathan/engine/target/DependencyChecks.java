package dev.leviathan.engine.target;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/** Checks across the tasks of one backlog: unique ids, known dependencies, no dependency cycle. */
final class DependencyChecks {

    private DependencyChecks() {
    }

    static void check(List<TaskReader.Entry> entries, Problems problems) {
        Map<String, TaskReader.Entry> byId = uniqueIds(entries, problems);
        for (TaskReader.Entry entry : entries) {
            for (TaskReader.Dependency dependency : entry.dependencies()) {
                if (!byId.containsKey(dependency.id())) {
                    problems.error(dependency.node(), dependency.path(), "unknown dependency '" + dependency.id() + "'",
                            EditDistance.closest(dependency.id(), byId.keySet())
                                    .map(best -> "did you mean '" + best + "'?")
                                    .orElse("no task in this backlog has that id"));
                }
            }
        }
        cycles(byId, problems);
    }

    /** The first task with each id, in file order; later ones are reported naming the first. */
    private static Map<String, TaskReader.Entry> uniqueIds(List<TaskReader.Entry> entries, Problems problems) {
        Map<String, TaskReader.Entry> byId = new LinkedHashMap<>();
        for (TaskReader.Entry entry : entries) {
            if (entry.id().isEmpty()) {
                continue;
            }
            TaskReader.Entry first = byId.putIfAbsent(entry.id().get(), entry);
            if (first != null) {
                problems.error(entry.idNode(), entry.idPath(), "duplicate task id '" + entry.id().get()
                        + "', first used at " + Problems.where(first.idNode()), "give each task its own id");
            }
        }
        return byId;
    }

    /**
     * One error per group of tasks that depend on each other in a circle, at the first task of the
     * group in file order, naming the shortest cycle through it: {@code a → b → a}.
     */
    private static void cycles(Map<String, TaskReader.Entry> byId, Problems problems) {
        Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        byId.keySet().forEach(graph::addVertex);
        byId.forEach((id, entry) -> entry.dependencies().stream()
                .map(TaskReader.Dependency::id)
                .filter(byId::containsKey)
                .forEach(dependency -> graph.addEdge(id, dependency)));
        List<String> order = new ArrayList<>(byId.keySet());
        for (Set<String> component : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            if (component.size() < 2) {
                continue;
            }
            String start = order.stream().filter(component::contains).findFirst().orElseThrow();
            List<String> cycle = shortestCycle(start, component, byId);
            TaskReader.Dependency firstStep = byId.get(start).dependencies().stream()
                    .filter(d -> d.id().equals(cycle.get(1))).findFirst().orElseThrow();
            problems.error(firstStep.node(), firstStep.path(), "dependency cycle: " + String.join(" → ", cycle),
                    "remove one of these dependencies; tasks in a cycle can never run");
        }
    }

    /** Breadth-first from {@code start} back to itself inside one strongly connected component. */
    private static List<String> shortestCycle(String start, Set<String> component, Map<String, TaskReader.Entry> byId) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String current = queue.removeFirst();
            for (TaskReader.Dependency dependency : byId.get(current).dependencies()) {
                String next = dependency.id();
                if (next.equals(start)) {
                    List<String> middle = new ArrayList<>();
                    for (String step = current; !step.equals(start); step = cameFrom.get(step)) {
                        middle.add(step);
                    }
                    Collections.reverse(middle);
                    List<String> cycle = new ArrayList<>(List.of(start));
                    cycle.addAll(middle);
                    cycle.add(start);
                    return cycle;
                }
                if (component.contains(next) && !next.equals(start) && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, current);
                    queue.addLast(next);
                }
            }
        }
        throw new IllegalStateException("a strongly connected component always has a cycle through each member");
    }
}
