package dev.leviathan.engine.aegis.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code traffic}: a base rate per workload and its pattern over the run. */
final class TrafficReader {

    static final List<String> COMMON = List.of("workload", "rps", "pattern");
    static final List<String> RAMP = List.of("to", "over", "at");
    static final List<String> DIURNAL = List.of("amplitude", "period", "peak");
    static final double DEFAULT_AMPLITUDE = 0.5;

    private static final Map<String, String> PATTERNS = new java.util.LinkedHashMap<>();

    static {
        PATTERNS.put("constant", "constant");
        PATTERNS.put("ramp", "ramp");
        PATTERNS.put("diurnal", "diurnal");
    }

    private TrafficReader() {
    }

    static List<TrafficSpec> read(YamlMapping top, ReadContext cx) {
        return Sections.each(top, "traffic", m -> one(m, cx));
    }

    private static Optional<TrafficSpec> one(YamlMapping m, ReadContext cx) {
        String example = "traffic is {workload: web, rps: 180}, with pattern: constant (the default), ramp or diurnal";
        Optional<String> workload = cx.reference(m, "workload", References.Kind.WORKLOAD, example);
        Optional<Double> rps = m.required("rps", Values.decimal(0, Double.MAX_VALUE), example);
        Optional<String> pattern = m.has("pattern") ? m.optional("pattern", Values.choice("traffic pattern", PATTERNS))
                : Optional.of("constant");
        if (pattern.isEmpty()) {
            m.allowOnly(concat(COMMON, RAMP, DIURNAL));
            return Optional.empty();
        }
        Map<String, List<String>> owners = new java.util.HashMap<>();
        RAMP.forEach(f -> owners.put(f, List.of("pattern ramp")));
        DIURNAL.forEach(f -> owners.put(f, List.of("pattern diurnal")));
        Optional<TrafficPattern> shape = switch (pattern.get()) {
            case "ramp" -> {
                m.allowOnly(concat(COMMON, RAMP, List.of()), "pattern ramp", owners);
                yield ramp(m, cx);
            }
            case "diurnal" -> {
                m.allowOnly(concat(COMMON, DIURNAL, List.of()), "pattern diurnal", owners);
                yield diurnal(m);
            }
            default -> {
                m.allowOnly(COMMON, "pattern constant", owners);
                yield Optional.of(new TrafficPattern.Constant());
            }
        };
        return workload.isPresent() && rps.isPresent() && shape.isPresent()
                ? Optional.of(new TrafficSpec(workload.get(), rps.get(), shape.get())) : Optional.empty();
    }

    private static Optional<TrafficPattern> ramp(YamlMapping m, ReadContext cx) {
        String example = "a ramp is {pattern: ramp, to: 400, over: 60}: from rps to 400 over 60 ticks, from tick at (0)";
        Optional<Double> to = m.required("to", Values.decimal(0, Double.MAX_VALUE), example);
        Optional<Integer> over = m.required("over", Values.ticks(1), example);
        Optional<Integer> at = m.has("at") ? cx.tickOfRun(m, "at", false, example) : Optional.of(0);
        return to.isPresent() && over.isPresent() && at.isPresent()
                ? Optional.of(new TrafficPattern.Ramp(to.get(), over.get(), at.get())) : Optional.empty();
    }

    private static Optional<TrafficPattern> diurnal(YamlMapping m) {
        Optional<Double> amplitude = m.has("amplitude") ? m.optional("amplitude", Values.decimal(0, 1))
                : Optional.of(DEFAULT_AMPLITUDE);
        Optional<Integer> period = m.has("period") ? m.optional("period", Values.ticks(1))
                : Optional.of(TrafficPattern.Diurnal.DAY_TICKS);
        Optional<Integer> peak = m.has("peak") ? m.optional("peak", Values.ticks(0)) : Optional.of(0);
        return amplitude.isPresent() && period.isPresent() && peak.isPresent()
                ? Optional.of(new TrafficPattern.Diurnal(amplitude.get(), period.get(), peak.get())) : Optional.empty();
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        return java.util.stream.Stream.of(a, b, c).flatMap(List::stream).toList();
    }
}
