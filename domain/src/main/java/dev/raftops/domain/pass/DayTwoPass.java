package dev.raftops.domain.pass;

import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.OperationFamily;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.gates.GateReasons;
import dev.raftops.domain.gates.LockRelease;
import dev.raftops.domain.gates.MaintenanceMarks;
import dev.raftops.domain.gates.Pause;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.resource.BreakGlass;
import dev.raftops.domain.resource.BreakGlassReason;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.PhaseRule;
import dev.raftops.domain.resource.WorkloadStatus;
import dev.raftops.domain.cluster.StatefulSetView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pure part of a pass: gates first (pause, break-glass acknowledgement, a forced lock release,
 * maintenance marks),
 * then each family in order until one ends the pass or asks to disrupt.
 */
public final class DayTwoPass {

    private final List<OperationFamily> families;

    public DayTwoPass(List<OperationFamily> families) {
        this.families = List.copyOf(families);
    }

    /** The pass's actions, its next status (the phase derived by {@link PhaseRule}) and its wake-up. */
    public Decision decide(DecisionInput in) {
        Decision d = gatesThenFamilies(in);
        return d.withStatus(PhaseRule.apply(in.spec(), d.nextStatus()));
    }

    private Decision gatesThenFamilies(DecisionInput in) {
        Optional<Decision> paused = Pause.decide(in.spec(), in.status(), in.generation(), in.now());
        if (paused.isPresent()) {
            return paused.get();
        }
        List<Action> actions = new ArrayList<>();
        ClusterStatus status = Pause.resumed(in.status(), in.generation(), in.now());
        status = acknowledgeBreakGlass(in, status, actions);
        status = status.withWorkload(WorkloadStatus.of(in.spec().workload(), in.observation()
                .statefulSet(in.statefulSetName()).map(StatefulSetView::onDelete).orElse(null)));
        Optional<Decision> release = LockRelease.decide(in, status);
        if (release.isPresent()) {
            actions.addAll(release.get().actions());
            status = release.get().nextStatus();
            if (release.get().wake().endsPass()) {
                // the released lock and the displaced operation's end are persisted before anyone acts
                return new Decision(actions, status, release.get().wake());
            }
        }
        actions.addAll(MaintenanceMarks.actions(in.spec().maintenance(), in.observation(), in.statefulSetName()));
        Wake wake = Wake.idle();
        List<OperationFamily> ordered = lockHolderFirst(status);
        int next = 0;
        while (next < ordered.size()) {
            boolean held = status.operationLock().isHeld();
            Decision d = ordered.get(next++).decide(in.withStatus(status));
            actions.addAll(d.actions());
            status = d.nextStatus();
            wake = d.wake();
            if (wake.endsPass() || d.hasDisruptiveAction()) {
                break;
            }
            if (held && !status.operationLock().isHeld()) {
                // a released lock is persisted as released before anyone takes it again, so every status
                // write shows one lock transition and the audit trail never sees a hand-over
                wake = Wake.now("operation lock released");
                break;
            }
        }
        for (OperationFamily family : ordered.subList(next, ordered.size())) {
            status = bookkeeping(family, in.withStatus(status), actions);
        }
        return new Decision(actions, status, wake);
    }

    /**
     * A family's bookkeeping in a pass an earlier family ended (a backup window skipped while an
     * upgrade runs): taken only when it changes neither the lock nor anything but Events.
     */
    private static ClusterStatus bookkeeping(OperationFamily family, DecisionInput in, List<Action> actions) {
        Decision d = family.decideWhileAnotherWaits(in);
        boolean onlyEvents = d.actions().stream().allMatch(a -> a instanceof Action.Emit);
        if (!onlyEvents || !d.nextStatus().operationLock().equals(in.status().operationLock())) {
            return in.status();
        }
        actions.addAll(d.actions());
        return d.nextStatus();
    }

    /** The family whose operation holds the lock first, the others in their order. */
    private List<OperationFamily> lockHolderFirst(ClusterStatus status) {
        if (!status.operationLock().isHeld()) {
            return families;
        }
        List<OperationFamily> ordered = new ArrayList<>();
        for (OperationFamily family : families) {
            if (family.operation() == status.operationLock().operation()) {
                ordered.add(0, family);
            } else {
                ordered.add(family);
            }
        }
        return ordered;
    }

    /**
     * Acknowledges break-glass entered by the gates' own checks (split brain). A failed blue/green
     * rollback is acknowledged by the blue/green family itself, which must retry the rollback under a
     * new attempt identity in the same step; taking the ack here would leave the family to find the
     * same failed Job and enter break-glass again with a new nonce.
     */
    private static ClusterStatus acknowledgeBreakGlass(DecisionInput in, ClusterStatus status, List<Action> actions) {
        if (BreakGlassReason.RollbackFailed.name().equals(status.breakGlass().reason())) {
            return status;
        }
        BreakGlass.Acknowledgement ack = status.breakGlass().acknowledge(in.spec().breakGlassAck(), in.now());
        AuditFields audit = AuditFields.of(in.cluster().toString(), status.operationLock(), null);
        if (ack instanceof BreakGlass.Acknowledgement.Accepted accepted) {
            actions.add(new Action.Emit(ClusterEvent.normal(GateReasons.BREAK_GLASS_ACKNOWLEDGED, "break-glass "
                    + status.breakGlass().reason() + " acknowledged; automation resumes once", audit)));
            return status.withBreakGlass(accepted.breakGlass()).withCondition(
                    dev.raftops.domain.cluster.Condition.BREAK_GLASS,
                    dev.raftops.domain.cluster.Condition.Status.False, GateReasons.BREAK_GLASS_ACKNOWLEDGED,
                    "acknowledged with the current nonce", in.generation(), in.now());
        }
        if (ack instanceof BreakGlass.Acknowledgement.Wrong) {
            actions.add(new Action.Emit(ClusterEvent.warning(GateReasons.BREAK_GLASS_ACK_REJECTED, "spec.breakGlassAck does not "
                    + "match status.breakGlass.nonce; nothing changes", audit)));
        }
        return status;
    }
}
