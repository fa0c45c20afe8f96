package dev.raftops.acceptance.faults;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.adapters.fabric8.crd.RaftRestore;
import dev.raftops.adapters.fabric8.crd.RaftRestoreSpec;
import dev.raftops.adapters.fabric8.crd.RaftRestoreStatus;
import dev.raftops.adapters.fabric8.crd.RestoreSourceSpec;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.RaftStateSource;
import dev.raftops.domain.resource.UpgradeSpec;
import dev.raftops.domain.resource.UpgradeStrategy;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;

/**
 * A Day-2 operation a fault run interrupts: the cluster it starts from, the user's edit that starts
 * it, and the status that says it is done. The simulated pods publish their Raft state as labels
 * (they serve no OpenBao API to probe). A restore is a {@code RaftRestore} of the cluster; its
 * Jobs are played on the runtime's model like every executor Job here, so it restores no bytes:
 * what the runs test is the lock, the restore Job run once, and every member restarted once.
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
                    trigger(seed)), "target", TARGET)));
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
    },

    RESTORE {
        @Override
        ClusterSpec spec() {
            return ROLLING_UPGRADE.spec();
        }

        @Override
        void start(ProcessWorld world, String cluster, long seed) {
            world.patchSpec(cluster, Map.of("backup", Map.of("schedule", "@daily", "target", TARGET)));
            RaftRestore restore = new RaftRestore();
            restore.setMetadata(new ObjectMetaBuilder().withName(restore(cluster)).withNamespace(ProcessWorld.NAMESPACE)
                    .build());
            RaftRestoreSpec spec = new RaftRestoreSpec();
            spec.clusterRef = cluster;
            spec.source = new RestoreSourceSpec();
            spec.source.key = "sandbox/" + cluster + "/fault-run-" + seed + ".snap";
            restore.setSpec(spec);
            world.client().resource(restore).create();
        }

        @Override
        boolean done(RaftClusterStatus st, long seed) {
            throw new UnsupportedOperationException("a restore is done when its RaftRestore says so");
        }

        @Override
        boolean done(ProcessWorld world, String cluster, long seed) {
            RaftRestoreStatus restore = restoreStatus(world, cluster);
            RaftClusterStatus st = world.status(cluster);
            return restore != null && "Completed".equals(restore.phase) && st != null && lockFree(st);
        }

        @Override
        String stopped(ProcessWorld world, String cluster) {
            RaftRestoreStatus restore = restoreStatus(world, cluster);
            if (restore == null || !"Failed".equals(restore.phase)) {
                return null;
            }
            return "RaftRestore/Failed" + (restore.failure == null ? "" : ": " + restore.failure.reason);
        }

        private RaftRestoreStatus restoreStatus(ProcessWorld world, String cluster) {
            RaftRestore r = world.client().resources(RaftRestore.class).inNamespace(ProcessWorld.NAMESPACE)
                    .withName(restore(cluster)).get();
            return r == null ? null : r.getStatus();
        }

        private String restore(String cluster) {
            return cluster + "-restore";
        }
    };

    /** The runtime plays backup and restore Jobs on its model: the target is named, never dialled. */
    private static final Map<String, String> TARGET = Map.of("bucket", "snapshots", "endpoint", "http://127.0.0.1:9",
            "pathStyle", "true", "region", "us-east-1");

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

    /** The operation completed, as the cluster's status says. */
    abstract boolean done(RaftClusterStatus st, long seed);

    /** The operation completed: what {@link #done(RaftClusterStatus, long)} says, unless it has an object of its own. */
    boolean done(ProcessWorld world, String cluster, long seed) {
        return done(world.status(cluster), seed);
    }

    /** Why the operation stopped, as its own object says (the cluster's conditions are read apart); null: it did not. */
    String stopped(ProcessWorld world, String cluster) {
        return null;
    }

    /** The version the operation ends on. */
    String target() {
        return this == BACKUP || this == RESTORE ? FROM : TO;
    }

    static boolean lockFree(RaftClusterStatus st) {
        return st.operationLock == null || st.operationLock.operation == null;
    }
}
