package dev.raftops.domain.decision;

import dev.raftops.domain.opslifecycle.Operation;
import java.util.Objects;
import java.util.function.Function;

/**
 * One Day-2 family's decision (blue/green, rolling, backup) and the operation it locks as. The
 * admin-operations service runs the families in order, threading the status each decides, and
 * stops at the first whose {@link Wake} ends the pass; the family holding the operation lock runs
 * first, so an operation in flight always sees its own completion even when another waits for it.
 */
public record OperationFamily(Operation operation, Function<DecisionInput, Decision> decision) {

    public OperationFamily {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(decision, "decision");
    }

    public Decision decide(DecisionInput in) {
        return decision.apply(in);
    }
}
