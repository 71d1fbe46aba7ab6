package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.scenario.Scenario;
import java.util.List;
import java.util.Optional;

/** The four reference policies, by name, made fresh for each run. */
public final class Baselines {

    public static final List<String> NAMES = List.of("noop", "rules", "random", "oracle");

    private Baselines() {
    }

    public static Optional<Policy> create(String name, Scenario scenario, long seed) {
        return switch (name) {
            case "noop" -> Optional.of(new NoopPolicy());
            case "rules" -> Optional.of(new RulesPolicy());
            case "random" -> Optional.of(new RandomPolicy(seed));
            case "oracle" -> Optional.of(new OraclePolicy(scenario));
            default -> Optional.empty();
        };
    }
}
