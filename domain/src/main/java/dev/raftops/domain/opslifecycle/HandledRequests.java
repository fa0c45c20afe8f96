package dev.raftops.domain.opslifecycle;

/**
 * {@code status.requests}: the last one-shot token of each kind that was handled (acted on or ignored).
 *
 * @param lastHandledForceRelease the identity ({@code holder@epoch}) of the last forced-release request handled
 * @param lastHandledRestart the last {@code spec.maintenance.restartAt} handled (rolled, folded or refused)
 */
public record HandledRequests(String lastHandledRetry, String lastHandledPromote, String lastHandledRollback,
        String lastHandledBackupTrigger, String lastHandledForceRelease, String lastHandledRestart) {

    public HandledRequests(String lastHandledRetry, String lastHandledPromote, String lastHandledRollback,
            String lastHandledBackupTrigger, String lastHandledForceRelease) {
        this(lastHandledRetry, lastHandledPromote, lastHandledRollback, lastHandledBackupTrigger,
                lastHandledForceRelease, null);
    }

    public HandledRequests(String lastHandledRetry, String lastHandledPromote, String lastHandledRollback,
            String lastHandledBackupTrigger) {
        this(lastHandledRetry, lastHandledPromote, lastHandledRollback, lastHandledBackupTrigger, null, null);
    }

    public static HandledRequests none() {
        return new HandledRequests(null, null, null, null, null, null);
    }

    public HandledRequests withRetry(String token) {
        return new HandledRequests(token, lastHandledPromote, lastHandledRollback, lastHandledBackupTrigger,
                lastHandledForceRelease, lastHandledRestart);
    }

    public HandledRequests withPromote(String token) {
        return new HandledRequests(lastHandledRetry, token, lastHandledRollback, lastHandledBackupTrigger,
                lastHandledForceRelease, lastHandledRestart);
    }

    public HandledRequests withRollback(String token) {
        return new HandledRequests(lastHandledRetry, lastHandledPromote, token, lastHandledBackupTrigger,
                lastHandledForceRelease, lastHandledRestart);
    }

    public HandledRequests withBackupTrigger(String token) {
        return new HandledRequests(lastHandledRetry, lastHandledPromote, lastHandledRollback, token,
                lastHandledForceRelease, lastHandledRestart);
    }

    public HandledRequests withForceRelease(String identity) {
        return new HandledRequests(lastHandledRetry, lastHandledPromote, lastHandledRollback, lastHandledBackupTrigger,
                identity, lastHandledRestart);
    }

    public HandledRequests withRestart(String token) {
        return new HandledRequests(lastHandledRetry, lastHandledPromote, lastHandledRollback, lastHandledBackupTrigger,
                lastHandledForceRelease, token);
    }
}
