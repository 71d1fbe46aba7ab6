package dev.leviathan.engine.aegis.run;

/** A plan's place on the four axes of hybrid Pareto selection, each 0–1. */
public record ParetoScore(double stability, double cost, double resilience, double risk) {
}
