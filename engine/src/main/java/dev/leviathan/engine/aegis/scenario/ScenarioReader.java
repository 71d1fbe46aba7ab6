package dev.leviathan.engine.aegis.scenario;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads a composed scenario document into a {@link Scenario}, reporting every problem it finds. */
final class ScenarioReader {

    static final List<String> FIELDS = List.of("id", "description", "seed", "ticks", "cluster", "workloads", "hpas",
            "services", "quotas", "pdbs", "network_policies", "traffic", "chaos", "objectives", "expected");
    static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    static final long DEFAULT_SEED = 0;

    /** The scenario and where its id is written, for a duplicate id found across a suite. */
    record Read(Scenario scenario, Node idNode) {
    }

    private ScenarioReader() {
    }

    /** The scenario, or empty when anything is wrong (everything found is in {@code problems}). */
    static Optional<Read> read(Node root, Problems problems) {
        Optional<YamlMapping> mapping = Values.mapping().read(root, FieldPath.root(), problems);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping top = mapping.get();
        top.allowOnly(FIELDS);
        Optional<String> id = top.required("id", Values.name(), "a scenario needs an id, like id: web-oom-storm")
                .filter(value -> {
                    if (!ID.matcher(value).matches()) {
                        top.error("id", "id '" + value + "' is not made of a-z, 0-9 and '-'",
                                "use lower-case letters, digits and dashes, like web-oom-storm");
                        return false;
                    }
                    return true;
                });
        String description = top.optional("description", Values.text()).orElse("");
        long seed = top.optional("seed", Values.integer(Long.MIN_VALUE, Long.MAX_VALUE)).orElse(DEFAULT_SEED);
        Optional<Integer> ticks = top.required("ticks", Values.ticks(1),
                "a scenario needs ticks: its length in ticks of 10 s, like ticks: 240");
        References references = new References();
        ReadContext cx = new ReadContext(problems, references,
                ticks.map(OptionalInt::of).orElse(OptionalInt.empty()));

        List<NodeSpec> nodes = NodeReader.read(top, cx);
        List<Located<WorkloadSpec>> workloads = WorkloadReader.read(top, cx);
        List<HpaSpec> hpas = ControlsReader.hpas(top, cx);
        List<Located<ServiceSpec>> declared = NetworkReader.services(top, cx);
        List<QuotaSpec> quotas = ControlsReader.quotas(top, cx);
        List<PdbSpec> pdbs = ControlsReader.pdbs(top, cx);
        List<TrafficSpec> traffic = TrafficReader.read(top, cx);
        List<ChaosSpec> chaos = ChaosReader.read(top, cx);
        Set<String> lockedOut = new LinkedHashSet<>();
        chaos.stream().filter(c -> c instanceof ChaosSpec.NetpolLockout)
                .forEach(c -> lockedOut.add(((ChaosSpec.NetpolLockout) c).policy()));
        List<NetworkPolicySpec> policies = NetworkReader.policies(top, cx, lockedOut);
        List<Objective> objectives = ObjectiveReader.read(top, cx);
        Optional<Expected> expected = ExpectedReader.read(top, cx);
        List<ServiceSpec> services = DefaultServices.complete(declared, workloads, problems);

        List<WorkloadSpec> workloadSpecs = workloads.stream().map(Located::value).toList();
        services.forEach(service -> references.declare(References.Kind.SERVICE, service.name()));
        // A workload whose entry is wrong may or may not get a default Service; assume it does rather
        // than call a reference to it unknown on top of the real problem.
        references.declared(References.Kind.WORKLOAD).stream()
                .filter(name -> workloadSpecs.stream().noneMatch(w -> w.name().equals(name)))
                .forEach(name -> references.declare(References.Kind.SERVICE, name));
        references.check(problems);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        Scenario scenario = new Scenario(id.orElseThrow(), description, seed, ticks.orElseThrow(), nodes, workloadSpecs,
                hpas, services, quotas, pdbs, policies, traffic, chaos, objectives,
                expected);
        return Optional.of(new Read(scenario, top.get("id").orElseThrow()));
    }
}
