package dev.raftops.domain.decision;

import dev.raftops.domain.opslifecycle.Operation;
import java.util.Objects;
import java.util.function.Function;

/**
 * One Day-2 family's decision (blue/green, rolling, backup) and the operation it locks as. The
 * admin-operations service runs the families in order, threading the status each decides, and
 * stops at the first whose {@link Wake} ends the pass; the family holding the operation lock runs
 * first, so an operation in flight always sees its own completion even when another waits for it.
 *
 * <p>{@code whileAnotherWaits} is what a family may still do in a pass that an earlier family
 * ended: bookkeeping only (status without a lock change, Events), such as the backup family
 * recording a window it skips because an upgrade runs. The service drops anything else it returns.
 */
public record OperationFamily(Operation operation, Function<DecisionInput, Decision> decision,
        Function<DecisionInput, Decision> whileAnotherWaits) {

    public OperationFamily {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(whileAnotherWaits, "whileAnotherWaits");
    }

    /** A family that does nothing in a pass another family ended. */
    public OperationFamily(Operation operation, Function<DecisionInput, Decision> decision) {
        this(operation, decision, in -> Decision.of(in.status(), Wake.idle()));
    }

    public Decision decide(DecisionInput in) {
        return decision.apply(in);
    }

    /** The family's bookkeeping in a pass an earlier family ended. */
    public Decision decideWhileAnotherWaits(DecisionInput in) {
        return whileAnotherWaits.apply(in);
    }
}
