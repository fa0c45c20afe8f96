package dev.raftops.domain.opslifecycle;

/** {@code status.requests}: the last one-shot token of each kind that was handled (acted on or ignored). */
public record HandledRequests(String lastHandledRetry, String lastHandledPromote, String lastHandledRollback,
        String lastHandledBackupTrigger) {

    public static HandledRequests none() {
        return new HandledRequests(null, null, null, null);
    }

    public HandledRequests withRetry(String token) {
        return new HandledRequests(token, lastHandledPromote, lastHandledRollback, lastHandledBackupTrigger);
    }

    public HandledRequests withPromote(String token) {
        return new HandledRequests(lastHandledRetry, token, lastHandledRollback, lastHandledBackupTrigger);
    }

    public HandledRequests withRollback(String token) {
        return new HandledRequests(lastHandledRetry, lastHandledPromote, token, lastHandledBackupTrigger);
    }

    public HandledRequests withBackupTrigger(String token) {
        return new HandledRequests(lastHandledRetry, lastHandledPromote, lastHandledRollback, token);
    }
}
