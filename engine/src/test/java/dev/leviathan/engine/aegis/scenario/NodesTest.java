package dev.leviathan.engine.aegis.scenario;

import static dev.leviathan.engine.aegis.scenario.Scenarios.load;
import static dev.leviathan.engine.aegis.scenario.Scenarios.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NodesTest {

    private static String withNodes(String nodes) {
        return "id: t\nticks: 10\ncluster:\n  nodes:\n" + nodes + "workloads:\n  - name: web\n";
    }

    @Test
    void expandsANodeGroupIntoZeroBasedNamesInFileOrder() {
        Scenario scenario = load(withNodes("""
                    - {name: a0, cpu: 2, memory: 4Gi}
                    - {count: 3, name_prefix: pool-b-, zone: b, cpu: 4000m, memory: 16Gi, labels: {pool: b},
                       taints: [{key: spot, effect: PreferNoSchedule}]}
                """));

        Taint spot = new Taint("spot", "", TaintEffect.PREFER_NO_SCHEDULE);
        TreeMap<String, String> pool = new TreeMap<>(Map.of("pool", "b"));
        assertThat(scenario.nodes()).containsExactly(
                new NodeSpec("a0", "", 2000, 4096, new TreeMap<>(), List.of()),
                new NodeSpec("pool-b-0", "b", 4000, 16384, pool, List.of(spot)),
                new NodeSpec("pool-b-1", "b", 4000, 16384, pool, List.of(spot)),
                new NodeSpec("pool-b-2", "b", 4000, 16384, pool, List.of(spot)));
    }

    @Test
    void rejectsNodeNameMadeTwiceNamingBothEntries() {
        ScenarioProblem p = problem(withNodes("""
                    - {count: 2, name_prefix: pool-, cpu: 2, memory: 4Gi}
                    - {name: pool-1, cpu: 2, memory: 4Gi}
                """));

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(6, 14, "cluster.nodes[1].name");
        assertThat(p.message()).isEqualTo("node name 'pool-1' is already used by cluster.nodes[0].name_prefix "
                + "(line 5, column 31)");
    }

    @Test
    void rejectsGroupThatAlsoHasAName() {
        ScenarioProblem p = problem(withNodes("    - {count: 2, name_prefix: p-, name: x, cpu: 2, memory: 4Gi}\n"));

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(5, 35, "cluster.nodes[0].name");
        assertThat(p.message()).isEqualTo("'name' is not a field of a node group; it belongs to a single node");
    }

    @Test
    void rejectsGroupWithoutANamePrefix() {
        ScenarioProblem p = problem(withNodes("    - {count: 2, cpu: 2, memory: 4Gi}\n"));

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(5, 7, "cluster.nodes[0].name_prefix");
        assertThat(p.hint()).contains("p-0 … p-(N-1)");
    }

    @Test
    void rejectsClusterWithoutNodes() {
        ScenarioProblem p = problem(withNodes("    []\n").replace("  nodes:\n    []", "  nodes: []"));

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(4, 10, "cluster.nodes");
        assertThat(p.message()).isEqualTo("a cluster needs at least one node");
    }

    @Test
    void rejectsNodeWithoutCpu() {
        ScenarioProblem p = problem(withNodes("    - {name: a, cpu: 0, memory: 4Gi}\n"));

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(5, 22, "cluster.nodes[0].cpu");
        assertThat(p.message()).isEqualTo("must be at least 1m, found 0");
    }

    @Test
    void rejectsTaintWithAnUnknownEffect() {
        ScenarioProblem p = problem(withNodes(
                "    - {name: a, cpu: 1, memory: 1Gi, taints: [{key: k, effect: NoSchedul}]}\n"));

        assertThat(p).extracting("line", "column", "fieldPath").containsExactly(5, 64, "cluster.nodes[0].taints[0].effect");
        assertThat(p.hint()).startsWith("did you mean 'NoSchedule'?");
    }
}
