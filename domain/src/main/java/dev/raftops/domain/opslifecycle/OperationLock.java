package dev.raftops.domain.opslifecycle;

import java.time.Instant;

/**
 * {@code status.operationLock}. A free lock keeps its {@code epoch} (holder and operation null), so
 * the epoch keeps increasing across acquisitions and can fence stale writers.
 */
public record OperationLock(Operation operation, String holder, String message, Instant acquiredAt, Instant renewedAt,
        long epoch) {

    public OperationLock {
        if ((operation == null) != (holder == null)) {
            throw new IllegalArgumentException("a lock has both an operation and a holder, or neither");
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("negative lock epoch " + epoch);
        }
    }

    public static OperationLock free() {
        return new OperationLock(null, null, null, null, null, 0);
    }

    public boolean isHeld() {
        return holder != null;
    }

    public boolean isHeldBy(Operation op, String who) {
        return isHeld() && operation == op && holder.equals(who);
    }
}
