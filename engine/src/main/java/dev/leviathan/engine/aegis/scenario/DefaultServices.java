package dev.leviathan.engine.aegis.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contract's rule that every workload is reachable: a workload that no declared Service selects gets
 * a Service of its own name, selecting its labels, on port 80 to the workload's port.
 */
final class DefaultServices {

    static final int PORT = 80;

    private DefaultServices() {
    }

    /** The declared Services, then one default Service per workload none of them selects, in workload order. */
    static List<ServiceSpec> complete(List<Located<ServiceSpec>> declared, List<Located<WorkloadSpec>> workloads,
            Problems problems) {
        List<ServiceSpec> out = new ArrayList<>(declared.stream().map(Located::value).toList());
        for (Located<WorkloadSpec> located : workloads) {
            WorkloadSpec workload = located.value();
            if (declared.stream().anyMatch(s -> s.value().selects(workload.labels()))) {
                continue;
            }
            Optional<Located<ServiceSpec>> sameName = declared.stream()
                    .filter(s -> s.value().name().equals(workload.name())).findFirst();
            if (sameName.isPresent()) {
                problems.error(located.at(), located.path(), "no declared Service selects workload '"
                        + workload.name() + "', and its default Service cannot be named '" + workload.name()
                        + "': " + sameName.get().path() + " (" + Problems.where(sameName.get().at())
                        + ") has that name and selects " + sameName.get().value().selector(),
                        "declare a Service for that workload (a selector matching its labels " + workload.labels()
                                + "), or rename the declared Service");
                continue;
            }
            out.add(new ServiceSpec(workload.name(), workload.labels(), PORT, workload.port(), false));
        }
        return out;
    }
}
