package dev.raftops.domain.opslifecycle;

/**
 * {@code status.requests}: the last one-shot token of each kind that was handled (acted on or ignored).
 *
 * @param lastHandledForceRelease the identity ({@code holder@epoch}) of the last forced-release request handled
 */
public record HandledRequests(String lastHandledRetry, String lastHandledPromote, String lastHandledRollback,
        String lastHandledBackupTrigger, String lastHandledForceRelease) {

    public HandledRequests(String lastHandledRetry, String lastHandledPromote, String lastHandledRollback,
            String lastHandledBackupTrigger) {
        this(lastHandledRetry, lastHandledPromote, lastHandledRollback, lastHandledBackupTrigger, null);
    }

    public static HandledRequests none() {
        return new HandledRequests(null, null, null, null, null);
    }

    public HandledRequests withRetry(String token) {
        return new HandledRequests(token, lastHandledPromote, lastHandledRollback, lastHandledBackupTrigger,
                lastHandledForceRelease);
    }

    public HandledRequests withPromote(String token) {
        return new HandledRequests(lastHandledRetry, token, lastHandledRollback, lastHandledBackupTrigger,
                lastHandledForceRelease);
    }

    public HandledRequests withRollback(String token) {
        return new HandledRequests(lastHandledRetry, lastHandledPromote, token, lastHandledBackupTrigger,
                lastHandledForceRelease);
    }

    public HandledRequests withBackupTrigger(String token) {
        return new HandledRequests(lastHandledRetry, lastHandledPromote, lastHandledRollback, token,
                lastHandledForceRelease);
    }

    public HandledRequests withForceRelease(String identity) {
        return new HandledRequests(lastHandledRetry, lastHandledPromote, lastHandledRollback, lastHandledBackupTrigger,
                identity);
    }
}
