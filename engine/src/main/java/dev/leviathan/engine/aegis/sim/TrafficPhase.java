package dev.leviathan.engine.aegis.sim;

import dev.leviathan.engine.aegis.scenario.Labels;
import dev.leviathan.engine.aegis.scenario.TrafficSpec;
import dev.leviathan.engine.aegis.scenario.WorkloadSpec;

/**
 * Requests: where they arrive, how many each ready pod serves, how long they take and how many fail.
 *
 * <p>External traffic arrives at a workload's Service; each request a workload admits makes one call to
 * each workload it depends on. A Service's endpoints are the workload's ready pods when its target port
 * is the port the app listens on, none otherwise. Latency is the pod's own (slowed pods count at their
 * slowed latency, throttling multiplies, queueing adds past 70% utilisation) plus the latency of each
 * call, cut at the client timeout. A request fails when there is no endpoint, when it is beyond
 * capacity, or when a call fails: the callee failed, the edge is blocked by a network policy (the
 * caller waits out its timeout), or the callee answered too late. Response times of one workload are
 * log-normal around its latency L (σ = {@value #LATENCY_SIGMA} in log space: most requests within ±35%), so
 * the share later than the timeout T is Q(ln(T/L)/σ): nothing measurable while L is a third of T, about
 * 1% at half of T, a half at T.
 */
final class TrafficPhase {

    /** Every client, inside the cluster or not, gives up after this long. */
    static final double CLIENT_TIMEOUT_MS = 1000;
    /** Spread of one workload's response times, in log space. */
    static final double LATENCY_SIGMA = 0.3;
    /** Request-rate jitter from tick to tick. */
    static final double TRAFFIC_NOISE = 0.02;

    private TrafficPhase() {
    }

    /** Spreads this tick's requests over last tick's ready pods, callers before callees. */
    static void distributeLoad(ClusterState s) {
        World world = s.world;
        int workloads = world.workloads.length;
        double[] admitted = new double[workloads];
        if (s.edgesDirty) {
            recomputeBlockedEdges(s);
        }
        for (int w = 0; w < workloads; w++) {
            double external = 0;
            for (TrafficSpec traffic : world.trafficOf[w]) {
                external += traffic.rpsAt(s.tick);
            }
            s.incomingRps[w] = external * s.trafficFactor[w] * Noise.around1(s.seed, s.tick, -1 - w, TRAFFIC_NOISE);
        }
        int[] order = world.calleesFirst;
        for (int i = order.length - 1; i >= 0; i--) {
            int w = order[i];
            int endpoints = endpoints(s, w);
            double capacity = endpoints * world.workloads[w].capacityRps() / Math.max(1, s.throttle[w]);
            admitted[w] = endpoints == 0 ? 0 : Math.min(s.incomingRps[w], capacity);
            s.rpsPerPod[w] = endpoints == 0 ? 0 : admitted[w] / endpoints;
            for (int e : world.edgesOf[w]) {
                if (!s.edgeBlocked[e]) {
                    s.incomingRps[world.edgeTo[e]] += admitted[w];
                }
            }
        }
    }

    /** Latency and error rate of every workload for this tick, callees before callers. */
    static void measure(ClusterState s, double[] slowedShare) {
        World world = s.world;
        for (int w : world.calleesFirst) {
            WorkloadSpec spec = world.workloads[w];
            int endpoints = endpoints(s, w);
            double rps = s.incomingRps[w];
            double capacity = endpoints * spec.capacityRps() / Math.max(1, s.throttle[w]);
            double utilisation = capacity > 0 ? rps / capacity : (rps > 0 ? Double.POSITIVE_INFINITY : 0);
            double ownError = endpoints == 0 ? (rps > 0 ? 1 : 0) : (utilisation > 1 ? 1 - 1 / utilisation : 0);
            double base = spec.latencyMs() * (1 - slowedShare[w]) + Math.max(spec.latencyMs(), s.slowLatencyMs[w]) * slowedShare[w];
            double own = base * Math.max(1, s.throttle[w]) * queueing(utilisation);
            double success = 1 - ownError;
            double latency = own;
            for (int e : world.edgesOf[w]) {
                int callee = world.edgeTo[e];
                if (s.edgeBlocked[e]) {
                    success = 0;
                    latency += CLIENT_TIMEOUT_MS;
                    continue;
                }
                double calleeLatency = s.latencyMs[callee];
                double late = lateShare(calleeLatency);
                success *= (1 - s.errorRate[callee]) * (1 - late);
                latency += Math.min(calleeLatency, CLIENT_TIMEOUT_MS);
            }
            s.servedRps[w] = rps * success;
            s.errorRate[w] = rps > 0 ? 1 - success : 0;
            s.latencyMs[w] = latency;
        }
    }

    /** The share of responses slower than the client timeout when the median response takes {@code latencyMs}. */
    static double lateShare(double latencyMs) {
        if (latencyMs <= 0) {
            return 0;
        }
        double z = StrictMath.log(CLIENT_TIMEOUT_MS / latencyMs) / LATENCY_SIGMA;
        return 0.5 * erfc(z / StrictMath.sqrt(2));
    }

    /** Complementary error function, fractional error below 1.2e-7 (Chebyshev fit), in StrictMath for determinism. */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * StrictMath.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /** 1 up to 70% utilisation, then growing as a queue does, capped at 6× when saturated. */
    static double queueing(double utilisation) {
        if (utilisation <= 0.7) {
            return 1;
        }
        double u = Math.min(utilisation, 0.95);
        return 1 + (u - 0.7) / (1 - u);
    }

    static int endpoints(ClusterState s, int w) {
        int service = s.world.serviceOf[w];
        return s.serviceTargetPort[service] == s.world.workloads[w].port() ? s.readyCount[w] : 0;
    }

    /**
     * An edge is open unless a policy in force selects the callee and neither any such policy's
     * {@code allow_from} nor an {@code allow_traffic} rule matches the caller.
     */
    static void recomputeBlockedEdges(ClusterState s) {
        World world = s.world;
        for (int e = 0; e < world.edgeFrom.length; e++) {
            int caller = world.edgeFrom[e];
            int callee = world.edgeTo[e];
            boolean selected = false;
            boolean allowed = false;
            for (int p = 0; p < world.policies.length; p++) {
                if (!s.policyInForce[p] || !world.policySelects(p, callee)) {
                    continue;
                }
                selected = true;
                for (var from : world.policies[p].allowFrom()) {
                    if (Labels.matches(from, world.workloads[caller].labels())) {
                        allowed = true;
                    }
                }
            }
            for (AllowRule rule : s.allowRules) {
                if (Labels.matches(rule.from(), world.workloads[caller].labels())
                        && Labels.matches(rule.to(), world.workloads[callee].labels())) {
                    allowed = true;
                }
            }
            s.edgeBlocked[e] = selected && !allowed;
        }
        s.edgesDirty = false;
    }
}
