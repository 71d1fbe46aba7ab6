package dev.leviathan.engine.aegis.scenario;

import static dev.leviathan.engine.aegis.scenario.ControlsReader.optionalInt;
import static dev.leviathan.engine.aegis.scenario.ControlsReader.optionalLong;

import dev.leviathan.engine.aegis.scenario.References.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * {@code chaos}: each event has a {@code type}, a start tick {@code at} and an optional {@code duration};
 * the other fields are the type's own, and a field of another type is an error.
 */
final class ChaosReader {

    static final List<String> COMMON = List.of("type", "at", "duration");

    /** Each type's own fields, required unless the type says "at least one of". */
    static final Map<ChaosType, List<String>> FIELDS = new EnumMap<>(ChaosType.class);

    /** One line a user can copy, per type. */
    private static final Map<ChaosType, String> EXAMPLES = new EnumMap<>(ChaosType.class);

    private static final Map<String, ChaosType> BY_WIRE = new LinkedHashMap<>();
    private static final Map<String, ProbeKind> PROBES = new LinkedHashMap<>();

    static {
        type(ChaosType.NODE_DRAIN, "node: node-a", "node");
        type(ChaosType.NODE_FAILURE, "node: node-a", "node");
        type(ChaosType.ZONE_OUTAGE, "zone: a", "zone");
        type(ChaosType.OOM_STORM, "workload: web, factor: 2.2", "workload", "factor");
        type(ChaosType.BURST_TRAFFIC, "workload: web, factor: 3", "workload", "factor");
        type(ChaosType.PROBE_FAILURE, "workload: web, probe: readiness, latency_ms: 1500", "workload", "probe",
                "latency_ms");
        type(ChaosType.NETPOL_LOCKOUT, "policy: api-ingress", "policy");
        type(ChaosType.BAD_ROLLOUT, "workload: web", "workload");
        type(ChaosType.IMAGE_PULL_FAILURE, "workload: web", "workload");
        type(ChaosType.NODE_TAINT, "node: node-a, taint: {key: k, value: v, effect: NoSchedule}", "node", "taint");
        type(ChaosType.CPU_THROTTLE, "workload: web, factor: 3", "workload", "factor");
        type(ChaosType.DEPENDENCY_SLOWDOWN, "workload: api, latency_ms: 900", "workload", "latency_ms");
        type(ChaosType.SERVICE_MISCONFIG, "service: api, target_port: 9090", "service", "target_port");
        type(ChaosType.QUOTA_SQUEEZE, "quota: team-quota, max_pods: 4 (and/or cpu, memory)", "quota", "max_pods",
                "cpu", "memory");
        type(ChaosType.SCALE_TO_ZERO, "workload: web", "workload");
        type(ChaosType.MISSING_LIMITS, "workload: web", "workload");
        type(ChaosType.HPA_MISCONFIG, "workload: web, max: 2 (and/or cpu_target_percent, min)", "workload",
                "cpu_target_percent", "max", "min");
        for (ProbeKind kind : ProbeKind.values()) {
            PROBES.put(kind.name().toLowerCase(java.util.Locale.ROOT), kind);
        }
    }

    private static void type(ChaosType type, String example, String... fields) {
        FIELDS.put(type, List.of(fields));
        EXAMPLES.put(type, "{at: 30, type: " + type.wireName() + ", " + example + "}");
        BY_WIRE.put(type.wireName(), type);
    }

    private ChaosReader() {
    }

    static List<ChaosSpec> read(YamlMapping top, ReadContext cx) {
        return Sections.each(top, "chaos", m -> one(m, cx));
    }

    private static Optional<ChaosSpec> one(YamlMapping m, ReadContext cx) {
        Optional<ChaosType> type = m.required("type", Values.choice("chaos type", BY_WIRE),
                "a chaos event needs a type: " + String.join(", ", BY_WIRE.keySet()));
        Optional<Integer> at = cx.tickOfRun(m, "at", true, "a chaos event needs at: the tick it starts, like at: 30");
        Optional<Integer> duration = m.optional("duration", Values.ticks(1));
        if (type.isEmpty()) {
            m.allowOnly(Stream.concat(COMMON.stream(), FIELDS.values().stream().flatMap(List::stream))
                    .distinct().toList());
            return Optional.empty();
        }
        m.allowOnly(Stream.concat(COMMON.stream(), FIELDS.get(type.get()).stream()).toList(),
                "chaos type " + type.get().wireName(), owners(type.get()));
        Event event = new Event(m, cx, type.get());
        Optional<ChaosSpec> spec = event.build(at.orElse(0), duration.map(OptionalInt::of).orElse(OptionalInt.empty()));
        boolean timed = at.isPresent() && (duration.isPresent() || !m.has("duration"));
        return timed ? spec : Optional.empty();
    }

    /** For each field of another type, the types it belongs to. */
    private static Map<String, List<String>> owners(ChaosType self) {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        FIELDS.forEach((type, fields) -> {
            if (type != self) {
                fields.forEach(f -> owners.computeIfAbsent(f, k -> new ArrayList<>()).add(type.wireName()));
            }
        });
        return owners;
    }

    /** The fields of one event, read as its type needs them. */
    private record Event(YamlMapping m, ReadContext cx, ChaosType type) {

        Optional<ChaosSpec> build(int at, OptionalInt duration) {
            return switch (type) {
                case NODE_DRAIN -> ref("node", Kind.NODE).map(n -> new ChaosSpec.NodeDrain(at, duration, n));
                case NODE_FAILURE -> ref("node", Kind.NODE).map(n -> new ChaosSpec.NodeFailure(at, duration, n));
                case ZONE_OUTAGE -> ref("zone", Kind.ZONE).map(z -> new ChaosSpec.ZoneOutage(at, duration, z));
                case OOM_STORM -> both(workload(), factor(), (w, f) -> new ChaosSpec.OomStorm(at, duration, w, f));
                case BURST_TRAFFIC -> both(workload(), factor(),
                        (w, f) -> new ChaosSpec.BurstTraffic(at, duration, w, f));
                case CPU_THROTTLE -> both(workload(), factor(), (w, f) -> new ChaosSpec.CpuThrottle(at, duration, w, f));
                case PROBE_FAILURE -> {
                    Optional<String> w = workload();
                    Optional<ProbeKind> probe = m.required("probe", Values.choice("probe", PROBES), example());
                    Optional<Integer> latency = latency();
                    yield w.isPresent() && probe.isPresent() && latency.isPresent()
                            ? Optional.of(new ChaosSpec.ProbeFailure(at, duration, w.get(), probe.get(), latency.get()))
                            : Optional.empty();
                }
                case NETPOL_LOCKOUT -> ref("policy", Kind.POLICY).map(p -> new ChaosSpec.NetpolLockout(at, duration, p));
                case BAD_ROLLOUT -> workload().map(w -> new ChaosSpec.BadRollout(at, duration, w));
                case IMAGE_PULL_FAILURE -> workload().map(w -> new ChaosSpec.ImagePullFailure(at, duration, w));
                case SCALE_TO_ZERO -> workload().map(w -> new ChaosSpec.ScaleToZero(at, duration, w));
                case MISSING_LIMITS -> workload().map(w -> new ChaosSpec.MissingLimits(at, duration, w));
                case NODE_TAINT -> both(ref("node", Kind.NODE), m.required("taint", NodeReader.taint(), example()),
                        (n, t) -> new ChaosSpec.NodeTaint(at, duration, n, t));
                case DEPENDENCY_SLOWDOWN -> both(workload(), latency(),
                        (w, l) -> new ChaosSpec.DependencySlowdown(at, duration, w, l));
                case SERVICE_MISCONFIG -> both(ref("service", Kind.SERVICE),
                        m.required("target_port", Values.count(1, 65535), example()),
                        (s, p) -> new ChaosSpec.ServiceMisconfig(at, duration, s, p));
                case QUOTA_SQUEEZE -> quotaSqueeze(at, duration);
                case HPA_MISCONFIG -> hpaMisconfig(at, duration);
            };
        }

        private Optional<ChaosSpec> quotaSqueeze(int at, OptionalInt duration) {
            Optional<String> quota = ref("quota", Kind.QUOTA);
            Optional<Integer> maxPods = m.optional("max_pods", Values.count(0, Integer.MAX_VALUE));
            Optional<Long> cpu = m.optional("cpu", Values.cpu(false));
            Optional<Long> memory = m.optional("memory", Values.memory(false));
            if (!atLeastOne("max_pods", "cpu", "memory") || quota.isEmpty()
                    || wrong("max_pods", maxPods) || wrong("cpu", cpu) || wrong("memory", memory)) {
                return Optional.empty();
            }
            return Optional.of(new ChaosSpec.QuotaSqueeze(at, duration, quota.get(), optionalInt(maxPods),
                    optionalLong(cpu), optionalLong(memory)));
        }

        private Optional<ChaosSpec> hpaMisconfig(int at, OptionalInt duration) {
            Optional<String> workload = ref("workload", Kind.HPA_WORKLOAD);
            Optional<Integer> target = m.optional("cpu_target_percent", Values.count(1, 1000));
            Optional<Integer> max = m.optional("max", Values.count(1, Integer.MAX_VALUE));
            Optional<Integer> min = m.optional("min", Values.count(1, Integer.MAX_VALUE));
            if (!atLeastOne("cpu_target_percent", "max", "min") || workload.isEmpty()
                    || wrong("cpu_target_percent", target) || wrong("max", max) || wrong("min", min)) {
                return Optional.empty();
            }
            return Optional.of(new ChaosSpec.HpaMisconfig(at, duration, workload.get(), optionalInt(target),
                    optionalInt(max), optionalInt(min)));
        }

        private boolean atLeastOne(String... keys) {
            if (Stream.of(keys).noneMatch(m::has)) {
                m.error(type.wireName() + " needs at least one of " + String.join(", ", keys), example());
                return false;
            }
            return true;
        }

        private boolean wrong(String key, Optional<?> value) {
            return m.has(key) && value.isEmpty();
        }

        private Optional<String> workload() {
            return ref("workload", Kind.WORKLOAD);
        }

        private Optional<String> ref(String key, Kind kind) {
            return cx.reference(m, key, kind, example());
        }

        private Optional<Double> factor() {
            return m.required("factor", Values.positive(), example() + "; factor multiplies the workload's value");
        }

        private Optional<Integer> latency() {
            return m.required("latency_ms", Values.count(0, Integer.MAX_VALUE), example());
        }

        private String example() {
            List<String> fields = FIELDS.get(type);
            String needs = switch (type) {
                case QUOTA_SQUEEZE, HPA_MISCONFIG -> fields.getFirst() + " and at least one of "
                        + String.join(", ", fields.subList(1, fields.size()));
                default -> String.join(", ", fields);
            };
            return type.wireName() + " needs " + needs + ", like " + EXAMPLES.get(type);
        }

        private static <A, B> Optional<ChaosSpec> both(Optional<A> a, Optional<B> b,
                java.util.function.BiFunction<A, B, ChaosSpec> make) {
            return a.isPresent() && b.isPresent() ? Optional.of(make.apply(a.get(), b.get())) : Optional.empty();
        }
    }
}
