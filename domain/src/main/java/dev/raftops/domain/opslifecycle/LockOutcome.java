package dev.raftops.domain.opslifecycle;

/** The answer of a lock operation: the lock to persist, or who holds it instead. */
public sealed interface LockOutcome {

    /** The lock value to persist (unchanged when nothing happened). */
    OperationLock lock();

    /** Whether the caller holds the lock after this outcome. */
    default boolean holds() {
        return this instanceof Acquired || this instanceof Renewed;
    }

    /** The lock was free and is now the caller's; the epoch went up. */
    record Acquired(OperationLock lock) implements LockOutcome {
    }

    /** The caller already held it (same operation and holder); renewedAt moved. */
    record Renewed(OperationLock lock) implements LockOutcome {
    }

    /** Someone else holds it; nothing changed. */
    record HeldByOther(OperationLock lock) implements LockOutcome {
    }

    /** The caller held it and it is free now (the epoch is kept). */
    record Released(OperationLock lock) implements LockOutcome {
    }

    /** Release by a caller that does not hold it: nothing changed. */
    record NotHolder(OperationLock lock) implements LockOutcome {
    }

    /**
     * A forced release of {@code previous}: the lock is free with the next epoch, so the displaced
     * holder's epoch is stale; always audited by the caller.
     */
    record ForceReleased(OperationLock lock, OperationLock previous) implements LockOutcome {
    }

    /** A forced release that named a holder or an epoch the lock does not have: nothing changed. */
    record Stale(OperationLock lock) implements LockOutcome {
    }
}
