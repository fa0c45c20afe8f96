package dev.raftops.executor;

/**
 * Why an action did not succeed: {@link #retryable()} failures (exit 1) are worth running again
 * under the controller's retry timing; refusals (exit 2) need a person to fix something first, and
 * the message says what. Messages never carry a token or a byte of a snapshot.
 */
public final class ActionFailure extends RuntimeException {

    private final boolean retryable;

    private ActionFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Worth retrying: the workload or the store was unreachable, busy, or not there yet. */
    public static ActionFailure retryable(String message) {
        return new ActionFailure(message, true, null);
    }

    public static ActionFailure retryable(String message, Throwable cause) {
        return new ActionFailure(message, true, cause);
    }

    /** Misconfigured or refused: retrying as it is cannot help. */
    public static ActionFailure refused(String message) {
        return new ActionFailure(message, false, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
