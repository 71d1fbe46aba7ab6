package dev.leviathan.engine.aegis.sim;

/**
 * The HorizontalPodAutoscaler, once per tick for each workload that has one and is not at zero
 * replicas: desired = ⌈current × utilisation / target⌉ outside a 10% tolerance, scale-up at most to
 * double (or +4), scale-down to the highest recommendation of the stabilisation window, within min–max.
 */
final class HpaPhase {

    static final double TOLERANCE = 0.1;

    private HpaPhase() {
    }

    static void run(ClusterState s, double[] cpuUsed, int[] cpuPods) {
        for (int w = 0; w < s.desired.length; w++) {
            if (s.hpaMax[w] < 0 || s.desired[w] == 0) {
                continue;
            }
            int current = s.desired[w];
            int recommendation = current;
            long request = s.current(w).requests().cpuMillis();
            if (cpuPods[w] > 0 && request > 0 && s.hpaTarget[w] > 0) {
                double utilisation = cpuUsed[w] / cpuPods[w] / request * 100;
                double ratio = utilisation / s.hpaTarget[w];
                if (Math.abs(ratio - 1) > TOLERANCE) {
                    recommendation = (int) Math.ceil(current * ratio);
                }
            }
            recommendation = Math.max(s.hpaMin[w], Math.min(s.hpaMax[w], recommendation));
            int[] window = s.hpaRecommendations[w];
            window[s.tick % window.length] = recommendation;
            int next;
            if (recommendation > current) {
                next = Math.min(recommendation, Math.max(current * 2, current + 4));
            } else {
                int highest = recommendation;
                for (int r : window) {
                    highest = Math.max(highest, r);
                }
                next = Math.min(current, highest);
            }
            s.desired[w] = Math.max(s.hpaMin[w], Math.min(s.hpaMax[w], next));
        }
    }
}
