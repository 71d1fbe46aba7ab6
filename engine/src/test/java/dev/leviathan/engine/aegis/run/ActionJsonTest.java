package dev.leviathan.engine.aegis.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leviathan.engine.aegis.scenario.ActionType;
import dev.leviathan.engine.aegis.scenario.ProbeKind;
import dev.leviathan.engine.aegis.sim.Action;
import dev.leviathan.engine.event.Json;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ActionJsonTest {

    private static final List<Action> EVERY_ACTION = List.of(
            new Action.Scale("web", 6),
            new Action.RaiseMemoryLimit("web", 1024),
            new Action.RaiseCpuLimit("web", 1500),
            new Action.PatchHpa("web", OptionalInt.of(2), OptionalInt.of(12), OptionalInt.empty()),
            new Action.PatchHpa("web", OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(60)),
            new Action.AddNodes("pool-a-0", 2),
            new Action.Cordon("pool-a-1"),
            new Action.Uncordon("pool-a-1"),
            new Action.Drain("pool-a-2"),
            new Action.RemoveTaint("pool-a-2", "dedicated"),
            new Action.FixProbe("api", ProbeKind.READINESS, 3000),
            new Action.DeleteNetworkPolicy("deny-api"),
            new Action.AllowTraffic(new TreeMap<>(java.util.Map.of("app", "web")), new TreeMap<>(java.util.Map.of("app", "api", "tier", "backend"))),
            new Action.Rollback("api"),
            new Action.FixService("api", 8080),
            new Action.RaiseQuota("team", OptionalInt.of(30), OptionalLong.of(16000), OptionalLong.empty()),
            new Action.SetLimits("batch", 1000, 2048),
            new Action.RelaxPdb("db", 1),
            new Action.Restart("api"),
            new Action.Noop());

    @Test
    void everyActionTypeOfTheContractIsCovered() {
        assertThat(EVERY_ACTION).extracting(Action::type).containsAll(Arrays.asList(ActionType.values()));
    }

    @Test
    void everyActionSurvivesWriteThenReadThroughJsonText() throws Exception {
        for (Action action : EVERY_ACTION) {
            String text = Json.MAPPER.writeValueAsString(ActionJson.write(action));
            assertThat(ActionJson.read(Json.MAPPER.readTree(text))).as(text).isEqualTo(action);
        }
    }

    @Test
    void writesTheContractsFieldNamesAndUnits() {
        assertThat(ActionJson.write(new Action.RaiseMemoryLimit("web", 1024)).toString())
                .isEqualTo("{\"type\":\"raise_memory_limit\",\"workload\":\"web\",\"memory\":\"1024Mi\"}");
        assertThat(ActionJson.write(new Action.AddNodes("n-0", 2)).toString())
                .isEqualTo("{\"type\":\"add_nodes\",\"like\":\"n-0\",\"count\":2}");
    }

    @Test
    void readingSomethingElseNamesTheField() {
        assertThatThrownBy(() -> ActionJson.read(Json.MAPPER.readTree("{\"type\":\"scale\",\"workload\":\"web\"}")))
                .hasMessage("action field replicas must be an integer");
        assertThatThrownBy(() -> ActionJson.read(Json.MAPPER.readTree("{\"type\":\"reboot\"}")))
                .hasMessage("unknown action type reboot");
        assertThatThrownBy(() -> ActionJson.read(Json.MAPPER.readTree(
                "{\"type\":\"raise_memory_limit\",\"workload\":\"web\",\"memory\":\"1Gi\"}")))
                .hasMessage("action field memory must end in Mi: 1Gi");
    }
}
