package dev.raftops.domain.backup;

import dev.raftops.domain.cluster.Failure;
import java.time.Instant;

/** {@code status.backup}. */
public record BackupStatus(
        Instant nextScheduledBackup,
        Instant lastScheduledTime,
        Instant lastAttemptTime,
        Instant lastBackupTime,
        String lastBackupJob,
        int consecutiveFailures,
        Failure lastFailure,
        long successfulBackups) {

    public static BackupStatus empty() {
        return new BackupStatus(null, null, null, null, null, 0, null, 0);
    }
}
