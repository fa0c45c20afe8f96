package dev.raftops.domain.rolling;

import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import java.util.Objects;

/**
 * Why the pods roll: data handed to the partition roll, never a code path of its own. The order
 * (highest ordinal first, the leader stepped down first, one release at a time) and the gates
 * (quorum, one known leader, time budgets) are the same for every reason; a reason only says what
 * the template carries, what a rolled pod runs and what the cluster records once all have rolled.
 *
 * <p>A changed {@code spec.version} and a restart request ({@code spec.maintenance.restartAt},
 * named by {@code status.upgrade.restartAt}) and a restore ({@link RestoreRestart}, whose
 * {@code restartAt} names the restore's lock) are the reasons; see
 * docs/decisions/rolling-one-owner.md, rolling-restart.md and restore.md.
 */
public sealed interface RollReason permits RollReason.VersionChange, RollReason.Restart, RestoreRestart {

    /** The template image the StatefulSet carries while this roll runs; any other image is drift. */
    String image();

    /** What a rolled pod runs, as Events, conditions and Job names show it. */
    String target();

    /** The operation, as the operation lock and the Events name it. */
    String operation();

    /** The Event text once every pod has rolled. */
    String completion();

    /** The cluster status once every pod has rolled. */
    ClusterStatus finished(ClusterStatus status);

    /** The operation whose lock the roll runs under. */
    default Operation lockOperation() {
        return Operation.Upgrade;
    }

    /** The holder of that lock. */
    default String lockHolder() {
        return Holders.UPGRADE;
    }

    /**
     * Whether the roll takes and releases the lock itself; a roll that runs under another
     * operation's lock (a restore's) only checks that the lock is still that operation's.
     */
    default boolean ownsLock() {
        return true;
    }

    /**
     * Whether {@code pod} has rolled: the StatefulSet has observed its current template (until then
     * {@code updateRevision} still names the old revision and every old pod would look rolled), and
     * the pod runs the update revision, Ready and within {@code maxLag} entries of the leader.
     */
    default boolean rolled(PodView pod, StatefulSetView sts, long maxLag) {
        return sts.observedGeneration() >= sts.generation() && pod != null
                && Objects.equals(pod.revision(), sts.updateRevision()) && pod.caughtUp(maxLag);
    }

    /** The reason of the upgrade recorded in {@code status.upgrade}. */
    static RollReason of(RollingProgress progress) {
        if (progress.restartOnly() && RestoreRestart.names(progress.restartAt())) {
            return RestoreRestart.of(progress);
        }
        if (progress.restartOnly()) {
            return new Restart(progress.restartAt(), progress.targetVersion(), progress.targetImage());
        }
        return new VersionChange(progress.fromVersion(), progress.targetVersion(), progress.targetImage());
    }

    /**
     * {@code spec.maintenance.restartAt} asked for every pod to restart once on the version it runs:
     * the template keeps {@code image} and carries {@code restartAt} as its restart annotation.
     */
    record Restart(String restartAt, String version, String image) implements RollReason {

        public Restart {
            Objects.requireNonNull(restartAt, "restartAt");
            Objects.requireNonNull(version, "version");
        }

        /** The version and the request: Job names of one restart never meet those of an upgrade or another restart. */
        @Override
        public String target() {
            return version + " (restart " + restartAt + ")";
        }

        @Override
        public String operation() {
            return "restart requested at " + restartAt;
        }

        @Override
        public String completion() {
            return "rolling restart requested at " + restartAt + " complete";
        }

        @Override
        public ClusterStatus finished(ClusterStatus status) {
            return status;
        }
    }

    /** {@code spec.version} moved from {@code from} to {@code to}, which runs {@code image}. */
    record VersionChange(String from, String to, String image) implements RollReason {

        public VersionChange {
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String target() {
            return to;
        }

        @Override
        public String operation() {
            return "upgrade to " + to;
        }

        @Override
        public String completion() {
            return "upgrade from " + from + " to " + to + " complete";
        }

        @Override
        public ClusterStatus finished(ClusterStatus status) {
            return status.withCurrentVersion(to);
        }
    }
}
