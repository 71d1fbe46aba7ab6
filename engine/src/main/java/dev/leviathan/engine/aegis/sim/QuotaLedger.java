package dev.leviathan.engine.aegis.sim;

/** What each ResourceQuota has in use this tick, and whether one more pod still fits. */
final class QuotaLedger {

    private final int[] pods;
    private final long[] cpu;
    private final long[] memory;

    private QuotaLedger(int quotas) {
        pods = new int[quotas];
        cpu = new long[quotas];
        memory = new long[quotas];
    }

    static QuotaLedger measure(ClusterState s) {
        QuotaLedger ledger = new QuotaLedger(s.world.quotas.length);
        if (s.world.quotas.length == 0) {
            return ledger;
        }
        for (int p = 0; p < s.slots; p++) {
            if (s.podPhase[p] == ClusterState.FREE) {
                continue;
            }
            int w = s.podWorkload[p];
            Revision r = s.revision(w, s.podRevision[p]);
            for (int q : s.world.quotasOf[w]) {
                ledger.pods[q]++;
                ledger.cpu[q] += r.requests().cpuMillis();
                ledger.memory[q] += r.requests().memoryMib();
            }
        }
        return ledger;
    }

    static long used(ClusterState s, int q, int which) {
        QuotaLedger ledger = measure(s);
        return switch (which) {
            case 0 -> ledger.pods[q];
            case 1 -> ledger.cpu[q];
            default -> ledger.memory[q];
        };
    }

    /** Admits one pod of workload {@code w} at {@code revision} into every quota it counts against, or none. */
    boolean admit(ClusterState s, int w, int revision) {
        Revision r = s.revision(w, revision);
        for (int q : s.world.quotasOf[w]) {
            if (pods[q] + 1 > s.quotaMaxPods[q] || cpu[q] + r.requests().cpuMillis() > s.quotaCpu[q]
                    || memory[q] + r.requests().memoryMib() > s.quotaMemory[q]) {
                return false;
            }
        }
        for (int q : s.world.quotasOf[w]) {
            pods[q]++;
            cpu[q] += r.requests().cpuMillis();
            memory[q] += r.requests().memoryMib();
        }
        return true;
    }
}
