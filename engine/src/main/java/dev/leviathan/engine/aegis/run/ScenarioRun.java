package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.scenario.ChaosSpec;
import dev.leviathan.engine.aegis.scenario.Scenario;
import dev.leviathan.engine.aegis.sim.ActionReceipt;
import dev.leviathan.engine.aegis.sim.Simulation;
import dev.leviathan.engine.aegis.sim.TickMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs a scenario under a policy from tick 0 to the end: after every tick the policy sees the cluster
 * and may submit a plan, whose actions take effect after their delays.
 */
public final class ScenarioRun {

    private ScenarioRun() {
    }

    public static RunResult run(RunSetup setup, Policy policy, RunListener listener) {
        Scenario scenario = setup.scenario().withSeed(setup.seed());
        Simulation simulation = Simulation.start(scenario);
        listener.started(setup, simulation);
        ObjectiveTracker tracker = new ObjectiveTracker(scenario);
        List<DecisionRecord> decisions = new ArrayList<>();
        while (!simulation.finished()) {
            simulation.step();
            TickMetrics metrics = simulation.metrics();
            tracker.record(metrics);
            listener.ticked(metrics, simulation);
            Optional<Decision> decision = policy.observe(new Observation(simulation, metrics));
            if (decision.isPresent()) {
                List<ActionReceipt> receipts = simulation.submit(decision.get().actions());
                DecisionRecord record = new DecisionRecord(metrics.tick(), decision.get(), receipts);
                decisions.add(record);
                listener.decided(record);
            }
        }
        OptionalInt onset = scenario.chaos().stream().mapToInt(ChaosSpec::at).min();
        List<ObjectiveOutcome> outcomes = tracker.outcomes();
        var view = simulation.view();
        RunResult result = new RunResult(setup.runId(), scenario.id(), policy.name(), setup.seed(), scenario.ticks(),
                outcomes.stream().allMatch(ObjectiveOutcome::met), outcomes, onset,
                tracker.mttr(onset.orElse(0)), view.nodeMinutes(), view.replicaMinutes(), view.disruptions(), decisions,
                simulation.traceHashHex(), scenario.expected());
        listener.finished(result);
        return result;
    }
}
