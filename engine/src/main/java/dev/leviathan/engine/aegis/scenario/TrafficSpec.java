package dev.leviathan.engine.aegis.scenario;

/** Requests per second arriving at a workload's Service from outside the cluster. */
public record TrafficSpec(String workload, double rps, TrafficPattern pattern) {

    public double rpsAt(int tick) {
        return pattern.rpsAt(rps, tick);
    }
}
