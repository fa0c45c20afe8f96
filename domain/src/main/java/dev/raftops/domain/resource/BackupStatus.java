package dev.raftops.domain.resource;

import dev.raftops.domain.cluster.Failure;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code status.backup}.
 *
 * @param nextScheduledBackup the next cron window; null until a valid schedule was read
 * @param lastScheduledTime the last cron window consumed, run or skipped (manual runs do not count)
 * @param lastAttemptTime when the last run was started
 * @param lastBackupTime when the last successful run's Job finished
 * @param lastBackupJob the Job of the last successful run
 * @param consecutiveFailures failed runs since the last success
 * @param lastFailure the last failed run, kept after a success as history
 * @param successfulBackups successful runs in total
 * @param activeRun the run in flight, or null; it owns the operation lock while set
 * @param scheduleFingerprint the schedule {@code nextScheduledBackup} was computed from; a different
 *     one means the spec was edited
 * @param lastObject the last successful backup's object, as its executor reported it, or null
 */
public record BackupStatus(
        Instant nextScheduledBackup,
        Instant lastScheduledTime,
        Instant lastAttemptTime,
        Instant lastBackupTime,
        String lastBackupJob,
        int consecutiveFailures,
        Failure lastFailure,
        long successfulBackups,
        ActiveRun activeRun,
        String scheduleFingerprint,
        BackupObject lastObject) {

    public BackupStatus(Instant nextScheduledBackup, Instant lastScheduledTime, Instant lastAttemptTime,
            Instant lastBackupTime, String lastBackupJob, int consecutiveFailures, Failure lastFailure,
            long successfulBackups, ActiveRun activeRun, String scheduleFingerprint) {
        this(nextScheduledBackup, lastScheduledTime, lastAttemptTime, lastBackupTime, lastBackupJob,
                consecutiveFailures, lastFailure, successfulBackups, activeRun, scheduleFingerprint, null);
    }

    /** The fields the spec names, without in-flight bookkeeping. */
    public BackupStatus(Instant nextScheduledBackup, Instant lastScheduledTime, Instant lastAttemptTime,
            Instant lastBackupTime, String lastBackupJob, int consecutiveFailures, Failure lastFailure,
            long successfulBackups) {
        this(nextScheduledBackup, lastScheduledTime, lastAttemptTime, lastBackupTime, lastBackupJob,
                consecutiveFailures, lastFailure, successfulBackups, null, null);
    }

    /** Nothing scheduled, nothing run yet. */
    public static BackupStatus empty() {
        return new BackupStatus(null, null, null, null, null, 0, null, 0, null, null, null);
    }

    /** The schedule was read (again): the next window and the schedule it came from. */
    public BackupStatus withSchedule(Instant next, String fingerprint) {
        return new BackupStatus(next, lastScheduledTime, lastAttemptTime, lastBackupTime, lastBackupJob,
                consecutiveFailures, lastFailure, successfulBackups, activeRun, fingerprint, lastObject);
    }

    /** The window {@code window} was consumed (run or skipped); {@code next} is the one after it. */
    public BackupStatus consumed(Instant window, Instant next) {
        return new BackupStatus(next, window, lastAttemptTime, lastBackupTime, lastBackupJob, consecutiveFailures,
                lastFailure, successfulBackups, activeRun, scheduleFingerprint, lastObject);
    }

    /** A run was recorded and now owns the lock. */
    public BackupStatus started(ActiveRun run) {
        return new BackupStatus(nextScheduledBackup, lastScheduledTime, run.recordedAt(), lastBackupTime,
                lastBackupJob, consecutiveFailures, lastFailure, successfulBackups, run, scheduleFingerprint, lastObject);
    }

    /** The same status with {@code run} in flight (null: none). */
    public BackupStatus withActiveRun(ActiveRun run) {
        return new BackupStatus(nextScheduledBackup, lastScheduledTime, lastAttemptTime, lastBackupTime,
                lastBackupJob, consecutiveFailures, lastFailure, successfulBackups, run, scheduleFingerprint, lastObject);
    }

    /** The active run succeeded: failures reset, the counter goes up, the run is over. */
    public BackupStatus succeeded(String job, Instant finishedAt) {
        return succeeded(job, finishedAt, null);
    }

    /** The active run succeeded and wrote {@code object} (null: the executor did not say). */
    public BackupStatus succeeded(String job, Instant finishedAt, BackupObject object) {
        return new BackupStatus(nextScheduledBackup, lastScheduledTime, lastAttemptTime, finishedAt, job, 0,
                lastFailure, successfulBackups + 1, null, scheduleFingerprint, object);
    }

    /** The active run failed (or never produced a result): one more consecutive failure, the run is over. */
    public BackupStatus failed(Failure failure) {
        return new BackupStatus(nextScheduledBackup, lastScheduledTime, lastAttemptTime, lastBackupTime,
                lastBackupJob, consecutiveFailures + 1, failure, successfulBackups, null, scheduleFingerprint, lastObject);
    }

    /**
     * One backup run: its Job, the window it is named by, whether a manual token asked for it, when
     * it was recorded and when its Job was created (null until the create was issued). The run is
     * recorded, with the lock, one pass before the Job is created, so the name survives a restart.
     */
    public record ActiveRun(String job, Instant window, boolean manual, Instant recordedAt, Instant createdAt) {

        public ActiveRun {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(recordedAt, "recordedAt");
        }

        /** The run whose Job was created at {@code at}. */
        public ActiveRun created(Instant at) {
            return new ActiveRun(job, window, manual, recordedAt, at);
        }
    }
}
