package dev.raftops.domain.decision;

/**
 * One Day-2 family's decision (blue/green, rolling, backup). The admin-operations service runs the
 * families in order, threading the status each decides, and stops at the first whose
 * {@link Wake} ends the pass.
 */
@FunctionalInterface
public interface OperationFamily {

    Decision decide(DecisionInput in);
}
