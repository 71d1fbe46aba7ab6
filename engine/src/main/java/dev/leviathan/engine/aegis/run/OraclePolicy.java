package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.scenario.ActionType;
import dev.leviathan.engine.aegis.scenario.ChaosSpec;
import dev.leviathan.engine.aegis.scenario.DiagnosisName;
import dev.leviathan.engine.aegis.scenario.Expected;
import dev.leviathan.engine.aegis.scenario.ExpectedDiagnosis;
import dev.leviathan.engine.aegis.scenario.Labels;
import dev.leviathan.engine.aegis.scenario.Scenario;
import dev.leviathan.engine.aegis.sim.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Knows the answer: applies the scenario's {@code expected.remedies}, each at the onset of the chaos
 * event its diagnosis is about (the first onset when none matches), with parameters worked out from
 * the scenario. The upper bound a policy is measured against, and a check on the scenario itself: if
 * the oracle fails, the scenario's objectives or expectations are wrong.
 */
public final class OraclePolicy implements Policy {

    private final Scenario scenario;
    private final RemedyPlanner planner;
    private final TreeMap<Integer, List<Step>> byTick = new TreeMap<>();

    private record Step(ActionType remedy, ExpectedDiagnosis diagnosis) {
    }

    public OraclePolicy(Scenario scenario) {
        this.scenario = scenario;
        this.planner = new RemedyPlanner(scenario);
        Expected expected = scenario.expected().orElse(new Expected(List.of(), List.of()));
        int firstOnset = scenario.chaos().stream().mapToInt(ChaosSpec::at).min().orElse(0);
        List<ExpectedDiagnosis> covered = new ArrayList<>();
        for (ActionType remedy : expected.remedies()) {
            if (remedy == ActionType.NOOP || expected.diagnoses().isEmpty()) {
                continue;
            }
            // Of the diagnoses this remedy treats, the first that no earlier remedy took: in a compound
            // fault each remedy goes to its own cause.
            List<ExpectedDiagnosis> treated = expected.diagnoses().stream()
                    .filter(d -> RemedyPlanner.treats(remedy, d.name())).toList();
            ExpectedDiagnosis diagnosis = treated.stream().filter(d -> !covered.contains(d)).findFirst()
                    .orElse(treated.isEmpty() ? expected.diagnoses().getFirst() : treated.getFirst());
            covered.add(diagnosis);
            int onset = onsetOf(diagnosis.subject()).orElse(firstOnset);
            byTick.computeIfAbsent(onset, t -> new ArrayList<>()).add(new Step(remedy, diagnosis));
        }
        for (ExpectedDiagnosis diagnosis : expected.diagnoses()) {
            // A cause no remedy is for (a lost node with room to spare): named at its onset, and left alone.
            if (!covered.contains(diagnosis) && diagnosis.name() != DiagnosisName.HEALTHY) {
                int onset = onsetOf(diagnosis.subject()).orElse(firstOnset);
                byTick.computeIfAbsent(onset, t -> new ArrayList<>()).add(new Step(ActionType.NOOP, diagnosis));
            }
        }
        oneDiagnosisPerTick();
    }

    /**
     * One decision names one diagnosis, so where several causes begin at the same tick the later ones
     * are decided on the ticks after, in the order {@code expected} lists them.
     */
    private void oneDiagnosisPerTick() {
        TreeMap<Integer, List<Step>> spread = new TreeMap<>();
        for (var entry : byTick.entrySet()) {
            int tick = entry.getKey();
            List<ExpectedDiagnosis> order = entry.getValue().stream().map(Step::diagnosis).distinct().toList();
            for (Step step : entry.getValue()) {
                int at = tick + order.indexOf(step.diagnosis());
                while (spread.containsKey(at) && !spread.get(at).getFirst().diagnosis().equals(step.diagnosis())) {
                    at++;
                }
                spread.computeIfAbsent(at, t -> new ArrayList<>()).add(step);
            }
        }
        byTick.clear();
        byTick.putAll(spread);
    }

    private Optional<Integer> onsetOf(String subject) {
        return scenario.chaos().stream().filter(c -> concerns(c, subject)).map(ChaosSpec::at).min(Integer::compare);
    }

    private boolean concerns(ChaosSpec chaos, String subject) {
        String about = switch (chaos) {
            case ChaosSpec.NodeDrain c -> c.node();
            case ChaosSpec.NodeFailure c -> c.node();
            case ChaosSpec.ZoneOutage c -> c.zone();
            case ChaosSpec.NodeTaint c -> c.node();
            case ChaosSpec.NetpolLockout c -> c.policy();
            case ChaosSpec.ServiceMisconfig c -> c.service();
            case ChaosSpec.QuotaSqueeze c -> c.quota();
            case ChaosSpec.OomStorm c -> c.workload();
            case ChaosSpec.BurstTraffic c -> c.workload();
            case ChaosSpec.ProbeFailure c -> c.workload();
            case ChaosSpec.BadRollout c -> c.workload();
            case ChaosSpec.ImagePullFailure c -> c.workload();
            case ChaosSpec.CpuThrottle c -> c.workload();
            case ChaosSpec.DependencySlowdown c -> c.workload();
            case ChaosSpec.ScaleToZero c -> c.workload();
            case ChaosSpec.MissingLimits c -> c.workload();
            case ChaosSpec.HpaMisconfig c -> c.workload();
        };
        if (about.equals(subject)) {
            return true;
        }
        if (chaos instanceof ChaosSpec.ServiceMisconfig m) {
            return scenario.services().stream().filter(s -> s.name().equals(m.service()))
                    .anyMatch(s -> scenario.workload(subject).map(w -> s.selects(w.labels())).orElse(false));
        }
        if (chaos instanceof ChaosSpec.QuotaSqueeze q) {
            return scenario.quotas().stream().anyMatch(quota -> quota.name().equals(q.quota()) && quota.workloads().contains(subject));
        }
        if (chaos instanceof ChaosSpec.NetpolLockout n) {
            return scenario.networkPolicies().stream().filter(p -> p.name().equals(n.policy()))
                    .anyMatch(p -> scenario.workload(subject).map(w -> Labels.matches(p.selector(), w.labels())).orElse(false));
        }
        return false;
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public Optional<Decision> observe(Observation observation) {
        List<Step> steps = byTick.remove(observation.tick());
        if (steps == null) {
            return Optional.empty();
        }
        List<Action> actions = new ArrayList<>();
        for (Step step : steps) {
            if (step.remedy() == ActionType.NOOP) {
                actions.add(new Action.Noop());
            } else {
                actions.addAll(planner.plan(step.remedy(), step.diagnosis().name(), step.diagnosis().subject(),
                        observation.view()));
            }
        }
        if (actions.isEmpty()) {
            return Optional.empty();
        }
        ExpectedDiagnosis first = steps.getFirst().diagnosis();
        return Optional.of(Decision.of(new Diagnosis(first.name(), first.subject(), 1), actions,
                "expected remedies " + steps.stream().map(s -> s.remedy().wireName()).toList()));
    }
}
