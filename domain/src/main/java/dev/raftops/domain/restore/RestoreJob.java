package dev.raftops.domain.restore;

import dev.raftops.domain.backup.BackupJob;
import dev.raftops.domain.decision.JobNames;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.ExecutorSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * The executor's {@code restore} Job of one restore: the storage target (the cluster's
 * {@code spec.backup.target} with the source's bucket and prefix over it), the object, the SHA-256
 * it must have, {@code snapshot-force}, and the lock epoch it runs under. Its name carries the
 * restore and the epoch, so a second attempt under a new lock is a new Job.
 */
public final class RestoreJob {

    /** The object to restore; absent: the newest snapshot in the cluster's folder. */
    public static final String OBJECT = "RAFTOPS_RESTORE_OBJECT";
    /** The SHA-256 the object must have, from the controller's record of the backup. */
    public static final String SHA256 = "RAFTOPS_RESTORE_SHA256";
    public static final String FORCE = "RAFTOPS_RESTORE_FORCE";

    private RestoreJob() {
    }

    public static String name(RestoredCluster cluster, String restore, long epoch) {
        return JobNames.of(cluster.key().name(), ExecutorAction.RESTORE, restore, epoch);
    }

    static JobRequest request(RestoreInput in, RestoredCluster cluster, RestoreStatus status) {
        BackupSpec backup = cluster.spec().backup();
        Map<String, String> target = new TreeMap<>(backup == null ? Map.of() : backup.target());
        RestoreSource source = in.spec().source();
        if (source.bucket() != null) {
            target.put("bucket", source.bucket());
        }
        if (source.prefix() != null) {
            target.put("prefix", source.prefix());
        }
        Map<String, String> parameters = new TreeMap<>(
                new BackupSpec(null, null, null, target, null, null).targetVariables());
        parameters.put(BackupJob.CLUSTER_NAMESPACE, cluster.key().namespace());
        parameters.put(BackupJob.CLUSTER_NAME, cluster.key().name());
        parameters.put(BackupJob.STATEFUL_SET, cluster.spec().workload().statefulSetName(cluster.key().name()));
        parameters.put(BackupJob.LOCK_EPOCH, Long.toString(status.lockEpoch()));
        parameters.put(FORCE, Boolean.toString(in.spec().force()));
        if (status.objectKey() != null) {
            parameters.put(OBJECT, status.objectKey());
        }
        if (status.sha256() != null) {
            parameters.put(SHA256, status.sha256());
        }
        ExecutorSpec executor = cluster.spec().upgrade().executor();
        String image = backup != null && backup.executorImage() != null && !backup.executorImage().isBlank()
                ? backup.executorImage() : executor.image();
        return new JobRequest(status.job(), ExecutorAction.RESTORE, image, executor.serviceAccount(), parameters, 0);
    }

    /** The bucket the restore reads: the source's, else the cluster's target's; null when neither names one. */
    static String bucket(RestoreSource source, RestoredCluster cluster) {
        if (source.bucket() != null) {
            return source.bucket();
        }
        BackupSpec backup = cluster.spec().backup();
        return backup == null ? null : backup.target().get("bucket");
    }
}
