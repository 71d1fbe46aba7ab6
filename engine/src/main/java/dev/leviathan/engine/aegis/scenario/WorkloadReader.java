package dev.leviathan.engine.aegis.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code workloads}: each Deployment or StatefulSet with its defaults filled in. */
final class WorkloadReader {

    static final List<String> FIELDS = List.of("name", "kind", "replicas", "requests", "limits", "usage",
            "capacity_rps", "startup_ticks", "probes", "latency_ms", "port", "node_selector", "tolerations",
            "depends_on", "labels");

    static final int DEFAULT_REPLICAS = 1;
    static final double DEFAULT_CAPACITY_RPS = 100;
    static final int DEFAULT_STARTUP_TICKS = 1;
    static final int DEFAULT_LATENCY_MS = 50;
    static final int DEFAULT_PORT = 8080;

    private static final Map<String, WorkloadKind> KINDS = new LinkedHashMap<>();
    private static final Map<String, TolerationOperator> OPERATORS = new LinkedHashMap<>();

    static {
        for (WorkloadKind kind : WorkloadKind.values()) {
            KINDS.put(kind.wireName(), kind);
        }
        OPERATORS.put("Equal", TolerationOperator.EQUAL);
        OPERATORS.put("Exists", TolerationOperator.EXISTS);
    }

    private WorkloadReader() {
    }

    /** The workloads, each located at its name for problems found later (a default Service's name). */
    static List<Located<WorkloadSpec>> read(YamlMapping top, ReadContext cx) {
        List<Node> items = top.required("workloads", Values.list(),
                "a scenario needs workloads: [{name: web, replicas: 3}]").orElse(List.of());
        if (items.isEmpty() && top.has("workloads")) {
            top.error("workloads", "a scenario needs at least one workload", "add {name: web, replicas: 3}");
        }
        UniqueNames names = UniqueNames.of("workload name", cx.problems());
        List<Located<WorkloadSpec>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Values.mapping().read(items.get(i), top.pathOf("workloads").index(i), cx.problems())
                    .flatMap(m -> one(m, cx, names)).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Located<WorkloadSpec>> one(YamlMapping m, ReadContext cx, UniqueNames names) {
        m.allowOnly(FIELDS);
        Optional<String> name = cx.declaration(m, "name", References.Kind.WORKLOAD,
                "a workload needs a name, like name: web");
        boolean unique = name.map(n -> names.add(n, m.get("name").orElseThrow(), m.pathOf("name"))).orElse(false);
        WorkloadKind kind = m.optional("kind", Values.choice("workload kind", KINDS)).orElse(WorkloadKind.DEPLOYMENT);
        int replicas = m.optional("replicas", Values.count(0, Integer.MAX_VALUE)).orElse(DEFAULT_REPLICAS);
        Optional<Limits> limits = limits(m);
        Optional<Resources> requests = limits.flatMap(l -> requests(m, l));
        Optional<Usage> usage = requests.flatMap(r -> usage(m, r));
        double capacity = m.optional("capacity_rps", Values.positive()).orElse(DEFAULT_CAPACITY_RPS);
        int startup = m.optional("startup_ticks", Values.ticks(0)).orElse(DEFAULT_STARTUP_TICKS);
        Optional<YamlMapping> probes = m.optional("probes", Values.mapping());
        probes.ifPresent(p -> p.allowOnly(List.of("readiness", "liveness")));
        Probe readiness = probes.flatMap(p -> p.optional("readiness", probe())).orElse(Probe.DEFAULT);
        Probe liveness = probes.flatMap(p -> p.optional("liveness", probe())).orElse(Probe.DEFAULT);
        int latency = m.optional("latency_ms", Values.count(0, Integer.MAX_VALUE)).orElse(DEFAULT_LATENCY_MS);
        int port = m.optional("port", Values.count(1, 65535)).orElse(DEFAULT_PORT);
        Optional<SortedMap<String, String>> selector = m.has("node_selector")
                ? m.optional("node_selector", Values.labels()) : Optional.of(new TreeMap<>());
        Optional<List<Toleration>> tolerations = tolerations(m);
        List<String> dependsOn = dependsOn(m, name, cx);
        Optional<SortedMap<String, String>> labels = m.has("labels") ? m.optional("labels", Values.labels())
                : name.map(n -> new TreeMap<>(Map.of("app", n)));
        if (!unique || usage.isEmpty() || selector.isEmpty() || tolerations.isEmpty() || labels.isEmpty()) {
            return Optional.empty();
        }
        WorkloadSpec spec = new WorkloadSpec(name.get(), kind, replicas, requests.get(), limits.get(), usage.get(),
                capacity, startup, readiness, liveness, latency, port, selector.get(), tolerations.get(), dependsOn,
                labels.get());
        return Optional.of(new Located<>(spec, m.get("name").orElseThrow(), m.pathOf("name")));
    }

    private static Optional<Limits> limits(YamlMapping m) {
        if (!m.has("limits")) {
            return Optional.of(Limits.NONE);
        }
        return m.optional("limits", Values.mapping()).map(l -> {
            l.allowOnly(List.of("cpu", "memory"));
            return new Limits(optionalLong(l.optional("cpu", Values.cpu(false))),
                    optionalLong(l.optional("memory", Values.memory(false))));
        });
    }

    /** Kubernetes' rule: a resource with a limit and no request requests its limit; otherwise 0. */
    private static Optional<Resources> requests(YamlMapping m, Limits limits) {
        Optional<YamlMapping> written = m.has("requests") ? m.optional("requests", Values.mapping()) : Optional.empty();
        if (m.has("requests") && written.isEmpty()) {
            return Optional.empty();
        }
        written.ifPresent(r -> r.allowOnly(List.of("cpu", "memory")));
        Optional<Long> cpu = written.flatMap(r -> r.optional("cpu", Values.cpu(false)));
        Optional<Long> memory = written.flatMap(r -> r.optional("memory", Values.memory(false)));
        boolean ok = written.map(r -> withinLimit(r, "cpu", cpu, limits.cpuMillis(), "m")
                & withinLimit(r, "memory", memory, limits.memoryMib(), "Mi")).orElse(true);
        if (!ok || written.filter(r -> r.has("cpu") && cpu.isEmpty() || r.has("memory") && memory.isEmpty())
                .isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Resources(cpu.orElse(limits.cpuMillis().orElse(0)),
                memory.orElse(limits.memoryMib().orElse(0))));
    }

    private static boolean withinLimit(YamlMapping requests, String key, Optional<Long> request, OptionalLong limit,
            String unit) {
        if (request.isPresent() && limit.isPresent() && request.get() > limit.getAsLong()) {
            requests.error(key, "requests." + key + " " + request.get() + unit + " is more than limits." + key + " "
                    + limit.getAsLong() + unit, "a request may not exceed its limit (Kubernetes refuses the pod); "
                    + "lower the request or raise the limit");
            return false;
        }
        return true;
    }

    /** Absent: the pod uses its requests; each absent field likewise (per-rps shares default to 0). */
    private static Optional<Usage> usage(YamlMapping m, Resources requests) {
        if (!m.has("usage")) {
            return Optional.of(new Usage(requests.cpuMillis(), requests.memoryMib(), 0, 0));
        }
        return m.optional("usage", Values.mapping()).flatMap(u -> {
            u.allowOnly(List.of("cpu", "memory", "cpu_per_rps", "memory_per_rps"));
            Optional<Long> cpu = u.optional("cpu", Values.cpu(false));
            Optional<Long> memory = u.optional("memory", Values.memory(false));
            Optional<Double> cpuPerRps = u.optional("cpu_per_rps", Values.cpuPerRps());
            Optional<Double> memoryPerRps = u.optional("memory_per_rps", Values.memoryPerRps());
            if (u.has("cpu") && cpu.isEmpty() || u.has("memory") && memory.isEmpty()
                    || u.has("cpu_per_rps") && cpuPerRps.isEmpty() || u.has("memory_per_rps") && memoryPerRps.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Usage(cpu.orElse(requests.cpuMillis()), memory.orElse(requests.memoryMib()),
                    cpuPerRps.orElse(0.0), memoryPerRps.orElse(0.0)));
        });
    }

    private static Values.Reader<Probe> probe() {
        return (node, path, problems) -> Values.mapping().read(node, path, problems).map(p -> {
            p.allowOnly(List.of("timeout_ms", "failure_threshold"));
            return new Probe(p.optional("timeout_ms", Values.count(1, Integer.MAX_VALUE)).orElse(Probe.DEFAULT.timeoutMs()),
                    p.optional("failure_threshold", Values.count(1, Integer.MAX_VALUE))
                            .orElse(Probe.DEFAULT.failureThreshold()));
        });
    }

    private static Optional<List<Toleration>> tolerations(YamlMapping m) {
        Optional<List<Node>> items = m.has("tolerations") ? m.optional("tolerations", Values.list())
                : Optional.of(List.of());
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<Toleration> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.get().size(); i++) {
            Optional<Toleration> t = Values.mapping().read(items.get().get(i), m.pathOf("tolerations").index(i),
                    m.problems()).flatMap(WorkloadReader::toleration);
            ok &= t.isPresent();
            t.ifPresent(out::add);
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    /** Kubernetes' rules: Equal needs a key; Exists takes no value, and with no key tolerates every taint. */
    private static Optional<Toleration> toleration(YamlMapping t) {
        t.allowOnly(List.of("key", "operator", "value", "effect"));
        Optional<TolerationOperator> operator = t.has("operator")
                ? t.optional("operator", Values.choice("toleration operator", OPERATORS))
                : Optional.of(TolerationOperator.EQUAL);
        Optional<String> key = t.optional("key", Values.text());
        Optional<String> value = t.optional("value", Values.text());
        Optional<Optional<TaintEffect>> effect = t.has("effect")
                ? t.optional("effect", Values.choice("taint effect", NodeReader.effects())).map(Optional::of)
                : Optional.of(Optional.empty());
        if (operator.isEmpty() || effect.isEmpty() || t.has("key") && key.isEmpty()
                || t.has("value") && value.isEmpty()) {
            return Optional.empty();
        }
        if (operator.get() == TolerationOperator.EQUAL && key.orElse("").isEmpty()) {
            t.missing("key", "with operator Equal (the default) a toleration needs a key; "
                    + "operator: Exists without a key tolerates every taint");
            return Optional.empty();
        }
        if (operator.get() == TolerationOperator.EXISTS && !value.orElse("").isEmpty()) {
            t.error("value", "a toleration with operator Exists takes no value",
                    "remove value: Exists matches the key whatever its value; or use operator: Equal");
            return Optional.empty();
        }
        return Optional.of(new Toleration(key.orElse(""), operator.get(), value.orElse(""), effect.get()));
    }

    /** Names of called workloads, each resolved later; a workload may not call itself (a cycle of two may). */
    private static List<String> dependsOn(YamlMapping m, Optional<String> self, ReadContext cx) {
        List<Node> items = m.optional("depends_on", Values.list()).orElse(List.of());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            FieldPath path = m.pathOf("depends_on").index(i);
            Optional<String> name = Values.name().read(item, path, cx.problems());
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals(self)) {
                cx.problems().error(item, path, "workload '" + name.get() + "' depends on itself",
                        "depends_on lists the other workloads this one calls; remove '" + name.get() + "'");
            } else if (out.contains(name.get())) {
                cx.problems().error(item, path, "'" + name.get() + "' is listed twice", "remove one of the two");
            } else {
                out.add(name.get());
                cx.references().expect(References.Kind.WORKLOAD, name.get(), item, path);
            }
        }
        return out;
    }

    private static OptionalLong optionalLong(Optional<Long> value) {
        return value.map(OptionalLong::of).orElse(OptionalLong.empty());
    }
}
