package dev.raftops.acceptance.faults;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.RaftStateSource;
import dev.raftops.domain.resource.UpgradeSpec;
import dev.raftops.domain.resource.UpgradeStrategy;
import java.util.Map;

/**
 * A Day-2 operation a fault run interrupts: the cluster it starts from, the user's edit that starts
 * it, and the status that says it is done. The simulated pods publish their Raft state as labels
 * (they serve no OpenBao API to probe). A restore joins here once {@code spec.restore} exists: a
 * constant with its spec, its request and its done status.
 */
public enum Operation {

    ROLLING_UPGRADE {
        @Override
        ClusterSpec spec() {
            ClusterSpec spec = ClusterSpec.of(FROM, null, REPLICAS);
            return spec.withUpgrade(spec.upgrade().withRaftState(RaftStateSource.LABELS));
        }

        @Override
        void start(ProcessWorld world, String cluster, long seed) {
            world.patchSpec(cluster, Map.of("version", TO));
        }

        @Override
        boolean done(RaftClusterStatus st, long seed) {
            return TO.equals(st.currentVersion) && st.upgrade == null && lockFree(st);
        }
    },

    BLUE_GREEN {
        @Override
        ClusterSpec spec() {
            ClusterSpec spec = ClusterSpec.of(FROM, null, REPLICAS);
            return spec.withUpgrade(UpgradeSpec.defaults().withStrategy(UpgradeStrategy.BLUE_GREEN)
                    .withRaftState(RaftStateSource.LABELS)
                    .withBlueGreen(new BlueGreenSpec(true, BlueGreenSpec.DEFAULT_MAX_JOB_FAILURES, null, null)));
        }

        @Override
        boolean running(RaftClusterStatus st) {
            return super.running(st) && st.blueGreen != null && st.blueGreen.blueRevision != null;
        }

        @Override
        void start(ProcessWorld world, String cluster, long seed) {
            world.patchSpec(cluster, Map.of("version", TO));
        }

        @Override
        boolean done(RaftClusterStatus st, long seed) {
            return TO.equals(st.currentVersion) && st.blueGreen != null && "Idle".equals(st.blueGreen.phase)
                    && lockFree(st);
        }
    },

    BACKUP {
        @Override
        ClusterSpec spec() {
            return ROLLING_UPGRADE.spec();
        }

        @Override
        void start(ProcessWorld world, String cluster, long seed) {
            // the simulated runtime plays the backup Job on its model: the target is named, never dialled
            world.patchSpec(cluster, Map.of("backup", Map.of("schedule", "@daily", "requests", Map.of("trigger",
                    trigger(seed)), "target", Map.of("bucket", "snapshots", "endpoint", "http://127.0.0.1:9",
                    "pathStyle", "true", "region", "us-east-1"))));
        }

        @Override
        boolean done(RaftClusterStatus st, long seed) {
            return st.requests != null && trigger(seed).equals(st.requests.lastHandledBackupTrigger)
                    && st.backup != null && st.backup.activeRun == null && st.backup.successfulBackups != null
                    && st.backup.successfulBackups >= 1 && lockFree(st);
        }

        private String trigger(long seed) {
            return "fault-run-" + seed;
        }
    };

    static final String FROM = "2.4.0";
    static final String TO = "2.4.4";
    static final int REPLICAS = 3;

    /** The cluster before the operation. */
    abstract ClusterSpec spec();

    /** The cluster was created and runs {@link #FROM}. */
    boolean running(RaftClusterStatus st) {
        return FROM.equals(st.currentVersion);
    }

    /** The user's edit that starts the operation. */
    abstract void start(ProcessWorld world, String cluster, long seed);

    /** The operation completed. */
    abstract boolean done(RaftClusterStatus st, long seed);

    /** The version the operation ends on. */
    String target() {
        return this == BACKUP ? FROM : TO;
    }

    static boolean lockFree(RaftClusterStatus st) {
        return st.operationLock == null || st.operationLock.operation == null;
    }
}
