package dev.leviathan.engine.aegis.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leviathan.engine.aegis.scenario.ActionType;
import dev.leviathan.engine.aegis.scenario.ProbeKind;
import dev.leviathan.engine.aegis.sim.Action;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Actions on the wire, as the contract writes them: {@code {"type": "raise_memory_limit", "workload":
 * "web", "memory": "1024Mi"}}. Used in run output and in recordings, which replays read back.
 */
public final class ActionJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ActionJson() {
    }

    public static ObjectNode write(Action action) {
        ObjectNode o = JSON.objectNode();
        o.put("type", action.type().wireName());
        switch (action) {
            case Action.Scale a -> o.put("workload", a.workload()).put("replicas", a.replicas());
            case Action.RaiseMemoryLimit a -> o.put("workload", a.workload()).put("memory", a.memoryMib() + "Mi");
            case Action.RaiseCpuLimit a -> o.put("workload", a.workload()).put("cpu", a.cpuMillis() + "m");
            case Action.PatchHpa a -> {
                o.put("workload", a.workload());
                a.min().ifPresent(v -> o.put("min", v));
                a.max().ifPresent(v -> o.put("max", v));
                a.cpuTargetPercent().ifPresent(v -> o.put("cpu_target_percent", v));
            }
            case Action.AddNodes a -> o.put("like", a.like()).put("count", a.count());
            case Action.Cordon a -> o.put("node", a.node());
            case Action.Uncordon a -> o.put("node", a.node());
            case Action.Drain a -> o.put("node", a.node());
            case Action.RemoveTaint a -> o.put("node", a.node()).put("key", a.key());
            case Action.FixProbe a -> o.put("workload", a.workload()).put("probe", a.probe().name().toLowerCase(Locale.ROOT))
                    .put("timeout_ms", a.timeoutMs());
            case Action.DeleteNetworkPolicy a -> o.put("policy", a.policy());
            case Action.AllowTraffic a -> {
                ObjectNode from = o.putObject("from");
                a.from().forEach(from::put);
                ObjectNode to = o.putObject("to");
                a.to().forEach(to::put);
            }
            case Action.Rollback a -> o.put("workload", a.workload());
            case Action.FixService a -> o.put("service", a.service()).put("target_port", a.targetPort());
            case Action.RaiseQuota a -> {
                o.put("quota", a.quota());
                a.maxPods().ifPresent(v -> o.put("max_pods", v));
                a.cpuMillis().ifPresent(v -> o.put("cpu", v + "m"));
                a.memoryMib().ifPresent(v -> o.put("memory", v + "Mi"));
            }
            case Action.SetLimits a -> o.put("workload", a.workload()).put("cpu", a.cpuMillis() + "m")
                    .put("memory", a.memoryMib() + "Mi");
            case Action.RelaxPdb a -> o.put("workload", a.workload()).put("min_available", a.minAvailable());
            case Action.Restart a -> o.put("workload", a.workload());
            case Action.Noop a -> {
            }
        }
        return o;
    }

    /** Reads what {@link #write} wrote; anything else is an {@link IllegalArgumentException} naming the field. */
    public static Action read(JsonNode o) {
        String typeName = text(o, "type");
        ActionType type = ActionType.fromWire(typeName)
                .orElseThrow(() -> new IllegalArgumentException("unknown action type " + typeName));
        return switch (type) {
            case SCALE -> new Action.Scale(text(o, "workload"), integer(o, "replicas"));
            case RAISE_MEMORY_LIMIT -> new Action.RaiseMemoryLimit(text(o, "workload"), suffixed(o, "memory", "Mi"));
            case RAISE_CPU_LIMIT -> new Action.RaiseCpuLimit(text(o, "workload"), suffixed(o, "cpu", "m"));
            case PATCH_HPA -> new Action.PatchHpa(text(o, "workload"), optionalInt(o, "min"), optionalInt(o, "max"),
                    optionalInt(o, "cpu_target_percent"));
            case ADD_NODES -> new Action.AddNodes(text(o, "like"), integer(o, "count"));
            case CORDON -> new Action.Cordon(text(o, "node"));
            case UNCORDON -> new Action.Uncordon(text(o, "node"));
            case DRAIN -> new Action.Drain(text(o, "node"));
            case REMOVE_TAINT -> new Action.RemoveTaint(text(o, "node"), text(o, "key"));
            case FIX_PROBE -> new Action.FixProbe(text(o, "workload"),
                    ProbeKind.valueOf(text(o, "probe").toUpperCase(Locale.ROOT)), integer(o, "timeout_ms"));
            case DELETE_NETWORK_POLICY -> new Action.DeleteNetworkPolicy(text(o, "policy"));
            case ALLOW_TRAFFIC -> new Action.AllowTraffic(labels(o, "from"), labels(o, "to"));
            case ROLLBACK -> new Action.Rollback(text(o, "workload"));
            case FIX_SERVICE -> new Action.FixService(text(o, "service"), integer(o, "target_port"));
            case RAISE_QUOTA -> new Action.RaiseQuota(text(o, "quota"), optionalInt(o, "max_pods"),
                    o.has("cpu") ? OptionalLong.of(suffixed(o, "cpu", "m")) : OptionalLong.empty(),
                    o.has("memory") ? OptionalLong.of(suffixed(o, "memory", "Mi")) : OptionalLong.empty());
            case SET_LIMITS -> new Action.SetLimits(text(o, "workload"), suffixed(o, "cpu", "m"), suffixed(o, "memory", "Mi"));
            case RELAX_PDB -> new Action.RelaxPdb(text(o, "workload"), integer(o, "min_available"));
            case RESTART -> new Action.Restart(text(o, "workload"));
            case NOOP -> new Action.Noop();
        };
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("action field " + field + " must be a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new IllegalArgumentException("action field " + field + " must be an integer");
        }
        return v.asInt();
    }

    private static OptionalInt optionalInt(JsonNode o, String field) {
        return o.has(field) ? OptionalInt.of(integer(o, field)) : OptionalInt.empty();
    }

    private static long suffixed(JsonNode o, String field, String suffix) {
        String value = text(o, field);
        if (!value.endsWith(suffix)) {
            throw new IllegalArgumentException("action field " + field + " must end in " + suffix + ": " + value);
        }
        return Long.parseLong(value.substring(0, value.length() - suffix.length()));
    }

    private static SortedMap<String, String> labels(JsonNode o, String field) {
        SortedMap<String, String> labels = new TreeMap<>();
        JsonNode v = o.get(field);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException("action field " + field + " must be an object of labels");
        }
        v.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
