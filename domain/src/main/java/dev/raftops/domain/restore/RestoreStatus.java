package dev.raftops.domain.restore;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Failure;
import java.time.Instant;
import java.util.List;

/**
 * The {@code RaftRestore} status: where the restore is, and the audit of what it did.
 *
 * @param holder the operation lock's holder, {@code restore/<name>}, once taken
 * @param lockEpoch the lock's epoch the restore took; every later step checks it still holds it there
 * @param objectKey the object restored; null until resolved (with {@code latest} and no recorded
 *     backup, until the Job reports the newest object it chose)
 * @param sha256 the SHA-256 the snapshot must have, handed to the Job; null when the object's own
 *     recorded checksum is the only one known (see docs/decisions/restore.md)
 * @param job the executor Job's name
 * @param indexReached the applied index a leader reported after the restore
 */
public record RestoreStatus(RestorePhase phase, long observedGeneration, List<Condition> conditions, String holder,
        Long lockEpoch, String objectKey, String sha256, String job, Instant startedAt, Instant completedAt,
        Failure failure, Long indexReached) {

    public RestoreStatus {
        phase = phase == null ? RestorePhase.Pending : phase;
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public static RestoreStatus initial() {
        return new RestoreStatus(RestorePhase.Pending, 0, List.of(), null, null, null, null, null, null, null, null,
                null);
    }

    public RestoreStatus withPhase(RestorePhase value) {
        return new RestoreStatus(value, observedGeneration, conditions, holder, lockEpoch, objectKey, sha256, job,
                startedAt, completedAt, failure, indexReached);
    }

    public RestoreStatus withObservedGeneration(long value) {
        return new RestoreStatus(phase, value, conditions, holder, lockEpoch, objectKey, sha256, job, startedAt,
                completedAt, failure, indexReached);
    }

    public RestoreStatus withCondition(String type, Condition.Status value, String reason, String message,
            long generation, Instant now) {
        return new RestoreStatus(phase, observedGeneration,
                Condition.set(conditions, type, value, reason, message, generation, now), holder, lockEpoch, objectKey,
                sha256, job, startedAt, completedAt, failure, indexReached);
    }

    /** The lock taken: holder and epoch, the snapshot resolved, the start time. */
    public RestoreStatus locked(String who, long epoch, String key, String sum, Instant now) {
        return new RestoreStatus(RestorePhase.Locked, observedGeneration, conditions, who, epoch, key, sum, job,
                startedAt == null ? now : startedAt, completedAt, failure, indexReached);
    }

    public RestoreStatus withJob(String value) {
        return new RestoreStatus(phase, observedGeneration, conditions, holder, lockEpoch, objectKey, sha256, value,
                startedAt, completedAt, failure, indexReached);
    }

    /** What the Job reported: the object it restored, its checksum and the index a leader reached. */
    public RestoreStatus restored(String key, String sum, Long index) {
        return new RestoreStatus(phase, observedGeneration, conditions, holder, lockEpoch,
                key == null ? objectKey : key, sum == null ? sha256 : sum, job, startedAt, completedAt, failure,
                index == null ? indexReached : index);
    }

    public RestoreStatus ended(RestorePhase value, Failure why, Instant now) {
        return new RestoreStatus(value, observedGeneration, conditions, holder, lockEpoch, objectKey, sha256, job,
                startedAt, now, why, indexReached);
    }

    public boolean holds(dev.raftops.domain.opslifecycle.OperationLock lock) {
        return holder != null && lockEpoch != null
                && lock.isHeldBy(dev.raftops.domain.opslifecycle.Operation.Restore, holder) && lock.epoch() == lockEpoch;
    }
}
