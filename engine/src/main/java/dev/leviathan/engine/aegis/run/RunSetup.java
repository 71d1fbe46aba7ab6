package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.scenario.Scenario;

/**
 * One run to make: which scenario (and the exact text it was read from, so a replay needs nothing
 * else), the seed, and who operates.
 */
public record RunSetup(String runId, Scenario scenario, String scenarioText, String scenarioSha256, long seed,
        String policy) {
}
