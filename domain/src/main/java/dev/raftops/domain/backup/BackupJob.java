package dev.raftops.domain.backup;

import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.BackupStatus.ActiveRun;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.ExecutorSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * The executor Job of one backup run. The Job gets everything it needs to stream the snapshot and
 * apply retention by itself: the storage target (opaque here), the retention limits, and its
 * identity (cluster, workload, window, kind, lock epoch). The controller never reads or deletes
 * snapshots.
 */
public final class BackupJob {

    /** Parameter names handed to the executor (as environment). */
    public static final String CLUSTER_NAMESPACE = "RAFTOPS_CLUSTER_NAMESPACE";
    public static final String CLUSTER_NAME = "RAFTOPS_CLUSTER_NAME";
    public static final String STATEFUL_SET = "RAFTOPS_STATEFULSET";
    public static final String SNAPSHOT_KIND = "RAFTOPS_SNAPSHOT_KIND";
    public static final String WINDOW = "RAFTOPS_BACKUP_WINDOW";
    public static final String LOCK_EPOCH = "RAFTOPS_LOCK_EPOCH";
    public static final String RETENTION_MAX_COUNT = "RAFTOPS_RETENTION_MAX_COUNT";
    public static final String RETENTION_MAX_AGE_SECONDS = "RAFTOPS_RETENTION_MAX_AGE_SECONDS";
    /** Each {@code spec.backup.target} entry becomes {@code RAFTOPS_TARGET_<KEY>}. */
    public static final String TARGET_PREFIX = BackupSpec.TARGET_PREFIX;

    /** {@link #SNAPSHOT_KIND} values; the pre-upgrade kind belongs to the upgrade. */
    public static final String KIND_SCHEDULED = "scheduled";
    public static final String KIND_MANUAL = "manual";

    private BackupJob() {
    }

    /** The Job for {@code run}; {@code lockEpoch} is the epoch of the lock the run holds, for fencing. */
    public static JobRequest request(DecisionInput in, BackupSpec spec, ActiveRun run, long lockEpoch) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put(CLUSTER_NAMESPACE, in.cluster().namespace());
        parameters.put(CLUSTER_NAME, in.cluster().name());
        parameters.put(STATEFUL_SET, workload(in));
        parameters.put(SNAPSHOT_KIND, run.manual() ? KIND_MANUAL : KIND_SCHEDULED);
        parameters.put(WINDOW, run.window().toString());
        parameters.put(LOCK_EPOCH, Long.toString(lockEpoch));
        if (spec.retention().maxCount() != null) {
            parameters.put(RETENTION_MAX_COUNT, spec.retention().maxCount().toString());
        }
        if (spec.retention().maxAge() != null) {
            parameters.put(RETENTION_MAX_AGE_SECONDS, Long.toString(spec.retention().maxAge().toSeconds()));
        }
        parameters.putAll(spec.targetVariables());
        ExecutorSpec executor = in.spec().upgrade().executor();
        String image = spec.executorImage() != null && !spec.executorImage().isBlank() ? spec.executorImage()
                : executor.image();
        return new JobRequest(run.job(), ExecutorAction.BACKUP, image, executor.serviceAccount(), parameters, 0);
    }

    /** The StatefulSet serving traffic: the Blue one in blue/green mode, else the cluster's own. */
    private static String workload(DecisionInput in) {
        BlueGreenStatus blueGreen = in.status().blueGreen();
        if (blueGreen != null && blueGreen.blueRevision() != null && !blueGreen.blueRevision().isBlank()) {
            return blueGreen.blueSet(in.cluster().name());
        }
        return in.statefulSetName();
    }

}
