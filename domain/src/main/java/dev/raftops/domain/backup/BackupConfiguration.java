package dev.raftops.domain.backup;

import static dev.raftops.domain.backup.BackupReasons.*;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.OneShotRequest;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.ClusterStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code BackupConfigurationInvalid} condition and what a disabled or broken schedule does:
 * no Job, no stored window (so a fixed schedule starts from the next window after the fix), and
 * nothing else touched, so the upgrade path is never affected.
 */
final class BackupConfiguration {

    private BackupConfiguration() {
    }

    /** {@code spec.backup} is absent: forget the window, so enabling again starts from the next one. */
    static Decision disabled(DecisionInput in, ClusterStatus status) {
        ClusterStatus next = status.withBackup(status.backup().withSchedule(null, null));
        if (Condition.isTrue(next.conditions(), Condition.BACKUP_CONFIGURATION_INVALID)) {
            next = next.withCondition(Condition.BACKUP_CONFIGURATION_INVALID, Condition.Status.False, BACKUP_DISABLED,
                    "spec.backup is not set", in.generation(), in.now());
        }
        return Decision.of(next, Wake.idle());
    }

    /**
     * The schedule or zone cannot be used: the condition carries the parser's reason; the Event is
     * emitted once per distinct reason; a pending manual token is acknowledged and skipped.
     */
    static Decision invalid(DecisionInput in, ClusterStatus status, BackupSpec spec, String reason) {
        boolean known = Condition.find(status.conditions(), Condition.BACKUP_CONFIGURATION_INVALID)
                .map(c -> c.status() == Condition.Status.True && c.message().equals(reason)).orElse(false);
        ClusterStatus next = status.withBackup(status.backup().withSchedule(null, null))
                .withCondition(Condition.BACKUP_CONFIGURATION_INVALID, Condition.Status.True,
                        BACKUP_CONFIGURATION_INVALID, reason, in.generation(), in.now());
        List<Action> actions = new ArrayList<>();
        if (!known) {
            actions.add(new Action.Emit(ClusterEvent.warning(BACKUP_CONFIGURATION_INVALID, reason
                    + "; no backup runs until the schedule is fixed", BackupDecision.audit(in, next.operationLock()))));
        }
        OneShotRequest trigger = new OneShotRequest(spec.triggerRequest(), next.requests().lastHandledBackupTrigger());
        if (trigger.pending()) {
            next = next.withRequests(next.requests().withBackupTrigger(trigger.token()));
            actions.add(new Action.Emit(ClusterEvent.normal(BACKUP_SKIPPED, "manual backup request \""
                    + trigger.token() + "\" skipped (" + BACKUP_CONFIGURATION_INVALID + "): " + reason,
                    BackupDecision.audit(in, next.operationLock()))));
        }
        // a spec edit wakes the controller; nothing to poll for
        return new Decision(actions, next, Wake.idle());
    }

    /** A readable schedule clears a {@code BackupConfigurationInvalid} condition left by an earlier spec. */
    static ClusterStatus valid(DecisionInput in, ClusterStatus status, BackupSchedule schedule) {
        if (!Condition.isTrue(status.conditions(), Condition.BACKUP_CONFIGURATION_INVALID)) {
            return status;
        }
        return status.withCondition(Condition.BACKUP_CONFIGURATION_INVALID, Condition.Status.False,
                BACKUP_CONFIGURATION_VALID, "schedule " + schedule, in.generation(), in.now());
    }
}
