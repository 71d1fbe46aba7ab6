package dev.leviathan.engine.aegis.run;

import dev.leviathan.engine.aegis.scenario.Scenario;

/** One scenario of a suite, with the text and digest it was read from. */
public record EvalCase(Scenario scenario, String text, String sha256) {
}
