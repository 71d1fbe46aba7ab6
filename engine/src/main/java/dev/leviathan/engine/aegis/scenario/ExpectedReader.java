package dev.leviathan.engine.aegis.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code expected}: the diagnosis (or diagnoses) and remedies the scenario's author reasoned are right. */
final class ExpectedReader {

    static final List<String> FIELDS = List.of("diagnosis", "diagnoses", "remedies");

    private static final Map<String, DiagnosisName> DIAGNOSES = new LinkedHashMap<>();
    private static final Map<String, ActionType> ACTIONS = new LinkedHashMap<>();

    static {
        Arrays.stream(DiagnosisName.values()).forEach(d -> DIAGNOSES.put(d.wireName(), d));
        Arrays.stream(ActionType.values()).forEach(a -> ACTIONS.put(a.wireName(), a));
    }

    private ExpectedReader() {
    }

    /** Empty when the file has no {@code expected} (or a wrong one, reported). */
    static Optional<Expected> read(YamlMapping top, ReadContext cx) {
        return top.optional("expected", Values.mapping()).flatMap(m -> {
            m.allowOnly(FIELDS);
            Optional<List<ExpectedDiagnosis>> diagnoses = diagnoses(m, cx);
            Optional<List<ActionType>> remedies = remedies(m);
            return diagnoses.isPresent() && remedies.isPresent()
                    ? Optional.of(new Expected(diagnoses.get(), remedies.get())) : Optional.empty();
        });
    }

    private static Optional<List<ExpectedDiagnosis>> diagnoses(YamlMapping m, ReadContext cx) {
        String example = "diagnosis: {name: memory_limit_too_low, subject: web}, or diagnoses: [{name: …, subject: …}, …]";
        if (m.has("diagnosis") && m.has("diagnoses")) {
            m.error("diagnoses", "expected has both diagnosis and diagnoses",
                    "give one diagnosis, or list them all under diagnoses");
            return Optional.empty();
        }
        if (m.has("diagnosis")) {
            return m.optional("diagnosis", diagnosis(cx)).map(List::of);
        }
        if (!m.has("diagnoses")) {
            m.missing("diagnosis", "expected needs " + example);
            return Optional.empty();
        }
        List<Node> items = m.optional("diagnoses", Values.list()).orElse(null);
        if (items == null) {
            return Optional.empty();
        }
        if (items.isEmpty()) {
            m.error("diagnoses", "diagnoses is empty", "list at least one: " + example);
            return Optional.empty();
        }
        List<ExpectedDiagnosis> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            diagnosis(cx).read(items.get(i), m.pathOf("diagnoses").index(i), cx.problems()).ifPresent(out::add);
        }
        return out.size() == items.size() ? Optional.of(out) : Optional.empty();
    }

    /** {@code {name, subject}}; only {@code healthy} may leave the subject out. */
    private static Values.Reader<ExpectedDiagnosis> diagnosis(ReadContext cx) {
        return (node, path, problems) -> Values.mapping().read(node, path, problems).flatMap(d -> {
            d.allowOnly(List.of("name", "subject"));
            Optional<DiagnosisName> name = d.required("name", Values.choice("diagnosis", DIAGNOSES),
                    "a diagnosis is {name: memory_limit_too_low, subject: web}");
            if (name.isEmpty()) {
                return Optional.empty();
            }
            if (name.get() == DiagnosisName.HEALTHY && !d.has("subject")) {
                return Optional.of(new ExpectedDiagnosis(name.get(), ""));
            }
            return cx.reference(d, "subject", References.Kind.SUBJECT,
                    "a " + name.get().wireName() + " diagnosis needs the workload, node, zone or policy it is about,"
                            + " like subject: web").map(s -> new ExpectedDiagnosis(name.get(), s));
        });
    }

    private static Optional<List<ActionType>> remedies(YamlMapping m) {
        String example = "remedies: [raise_memory_limit], or [noop] for a no-op control";
        Optional<List<Node>> items = m.required("remedies", Values.list(), "expected needs " + example);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            m.error("remedies", "remedies is empty", "list at least one action: " + example);
            return Optional.empty();
        }
        List<ActionType> out = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            Values.choice("remedy (action)", ACTIONS).read(items.get().get(i), m.pathOf("remedies").index(i),
                    m.problems()).ifPresent(out::add);
        }
        return out.size() == items.get().size() ? Optional.of(out) : Optional.empty();
    }
}
