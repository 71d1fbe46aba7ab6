package dev.leviathan.engine.aegis.sim;

/**
 * A 64-bit digest of a tick's state, chained over ticks: two runs with the same trace hash went through
 * the same states. It covers every pod (identity, workload, revision, node, phase, readiness,
 * restarts), every node (cordon, failure, each taint, allocation), every workload (desired replicas,
 * revision, measured load, errors, latency, HPA bounds and target, PDB), quotas, Services, policies
 * (in force, deleted), allow rules and cost. Doubles enter by their exact
 * bits, so the hash is equal on every machine only because the simulator uses no platform-dependent
 * arithmetic ({@link StrictMath} where a transcendental function is needed).
 */
final class TraceHash {

    private static final long K1 = 0x9E3779B97F4A7C15L;
    private static final long K2 = 0xC2B2AE3D27D4EB4FL;

    private TraceHash() {
    }

    static long of(ClusterState s) {
        long h = mix(s.traceHash, s.tick);
        for (int p = 0; p < s.slots; p++) {
            byte phase = s.podPhase[p];
            if (phase == ClusterState.FREE) {
                continue;
            }
            long packed = ((long) s.podId[p] << 32) ^ ((long) s.podWorkload[p] << 20) ^ ((long) s.podRevision[p] << 8)
                    ^ (phase << 1) ^ (s.podReady[p] ? 1 : 0);
            h = mix(h, packed);
            h = mix(h, ((long) s.podNode[p] << 32) ^ s.podRestarts[p]);
        }
        for (int n = 0; n < s.nodeCount; n++) {
            h = mix(h, (s.nodeCordoned[n] ? 1 : 0) | (s.nodeFailed[n] ? 2 : 0) | ((long) s.nodeTaints[n].length << 2));
            for (var taint : s.nodeTaints[n]) {
                // String.hashCode is specified by the JLS, so it is the same on every JVM.
                h = mix(h, ((long) taint.key().hashCode() << 32) ^ taint.value().hashCode() ^ taint.effect().ordinal());
            }
            h = mix(h, s.nodeAllocCpu[n] ^ (s.nodeAllocMemory[n] << 24));
        }
        for (int w = 0; w < s.desired.length; w++) {
            h = mix(h, ((long) s.desired[w] << 32) ^ s.currentRevision[w]);
            h = mix(h, Double.doubleToLongBits(s.incomingRps[w]));
            h = mix(h, Double.doubleToLongBits(s.errorRate[w]));
            h = mix(h, Double.doubleToLongBits(s.latencyMs[w]));
            h = mix(h, ((long) s.hpaMin[w] << 40) ^ ((long) s.hpaMax[w] << 20) ^ s.hpaTarget[w]);
            h = mix(h, s.pdbMinAvailable[w]);
        }
        for (int q = 0; q < s.quotaMaxPods.length; q++) {
            h = mix(h, s.quotaMaxPods[q]);
            h = mix(h, s.quotaCpu[q]);
            h = mix(h, s.quotaMemory[q]);
        }
        for (boolean deleted : s.policyDeleted) {
            h = mix(h, deleted ? 1 : 0);
        }
        for (AllowRule rule : s.allowRules) {
            h = mix(h, ((long) rule.from().hashCode() << 32) ^ rule.to().hashCode());
        }
        for (int port : s.serviceTargetPort) {
            h = mix(h, port);
        }
        for (boolean inForce : s.policyInForce) {
            h = mix(h, inForce ? 1 : 0);
        }
        return mix(h, Double.doubleToLongBits(s.nodeMinutes));
    }

    private static long mix(long h, long v) {
        h ^= v * K1;
        h = Long.rotateLeft(h, 31) * K2;
        return h ^ (h >>> 29);
    }
}
