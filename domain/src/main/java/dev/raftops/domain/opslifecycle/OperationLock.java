package dev.raftops.domain.opslifecycle;

import java.time.Instant;
import java.util.Objects;

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

    /**
     * Acquires the lock for {@code (op, who)}: a free lock is taken with a new epoch; a lock already
     * held by exactly {@code (op, who)} is renewed; anyone else's lock is left alone.
     */
    public LockOutcome acquire(Operation op, String who, String why, Instant now) {
        Objects.requireNonNull(op, "operation");
        Objects.requireNonNull(who, "holder");
        Objects.requireNonNull(now, "now");
        if (!isHeld()) {
            return new LockOutcome.Acquired(new OperationLock(op, who, why, now, now, epoch + 1));
        }
        if (isHeldBy(op, who)) {
            Instant acquired = acquiredAt == null ? now : acquiredAt;
            return new LockOutcome.Renewed(new OperationLock(op, who, why, acquired, now, epoch));
        }
        return new LockOutcome.HeldByOther(this);
    }

    /** Releases the lock if {@code (op, who)} holds it; otherwise nothing changes. Releasing a free lock is a no-op. */
    public LockOutcome release(Operation op, String who) {
        if (isHeldBy(op, who)) {
            return new LockOutcome.Released(new OperationLock(null, null, null, null, null, epoch));
        }
        return new LockOutcome.NotHolder(this);
    }

    /**
     * Breaks the lock on a person's explicit request naming what it breaks: when {@code who} holds
     * it at {@code heldEpoch}, it is free afterwards and its epoch has moved on, so anything the
     * displaced holder decided under the old epoch is stale. A request naming another holder or an
     * older epoch changes nothing. The caller audits either answer with an Event.
     */
    public LockOutcome forceRelease(String who, long heldEpoch) {
        if (isHeld() && holder.equals(who) && epoch == heldEpoch) {
            return new LockOutcome.ForceReleased(new OperationLock(null, null, null, null, null, epoch + 1), this);
        }
        return new LockOutcome.Stale(this);
    }
}
