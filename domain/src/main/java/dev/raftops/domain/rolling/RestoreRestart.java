package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.RollingReasons.*;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A restore asked every member to restart once, so that none keeps serving the state from before
 * the snapshot: the same roll as a restart request (one pod at a time, the leader stepped down and
 * last), run under the restore's lock ({@code holder} at {@code epoch}) instead of the upgrade's.
 * The restore records the roll in {@code status.upgrade} with {@link #progress}; its
 * {@code restartAt} is {@link #token()}, so {@link RollReason#of} reads the reason back after a
 * restart. The roll's first step locks the partition with the template carrying the token; the
 * roll never takes or releases the lock, and at its end marks the lock's message
 * ({@link #restartedIn}), the restore's witness that the roll it asked for ran to its end.
 */
public record RestoreRestart(String holder, long epoch, String version, String image) implements RollReason {

    private static final String PREFIX = "restore/";

    public RestoreRestart {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(version, "version");
    }

    /** Whether a roll's {@code restartAt} names a restore's restart. */
    static boolean names(String restartAt) {
        return restartAt != null && restartAt.startsWith(PREFIX) && restartAt.lastIndexOf('@') > PREFIX.length();
    }

    static RestoreRestart of(RollingProgress progress) {
        String token = progress.restartAt();
        int at = token.lastIndexOf('@');
        long epoch;
        try {
            epoch = Long.parseLong(token.substring(at + 1));
        } catch (NumberFormatException e) {
            epoch = -1;
        }
        return new RestoreRestart(token.substring(0, at), epoch, progress.targetVersion(), progress.targetImage());
    }

    /** {@code restore/<name>@<epoch>}: the request the roll answers, and the template's restart annotation. */
    public String token() {
        return holder + "@" + epoch;
    }

    /** The roll as the restore records it: nothing rolled yet, the partition still to lock. */
    public RollingProgress progress(Instant now, int replicas) {
        return RollingProgress.started(version, version, image, now, replicas, List.of(), 1, false)
                .withRestartAt(token());
    }

    /** Whether {@code status} says this roll ran to its end: the lock is still the restore's and says so. */
    public boolean restartedIn(ClusterStatus status) {
        OperationLock lock = status.operationLock();
        return lock.isHeldBy(Operation.Restore, holder) && lock.epoch() == epoch
                && restartedMessage().equals(lock.message());
    }

    private String restartedMessage() {
        return "members restarted for " + token();
    }

    @Override
    public String target() {
        return version + " (" + token() + ")";
    }

    @Override
    public String operation() {
        return "restart after " + holder;
    }

    @Override
    public String completion() {
        return "every member restarted after " + holder;
    }

    @Override
    public ClusterStatus finished(ClusterStatus status) {
        OperationLock lock = status.operationLock();
        if (!lock.isHeldBy(Operation.Restore, holder) || lock.epoch() != epoch) {
            return status;
        }
        return status.withOperationLock(new OperationLock(lock.operation(), lock.holder(), restartedMessage(),
                lock.acquiredAt(), lock.renewedAt(), lock.epoch()));
    }

    @Override
    public Operation lockOperation() {
        return Operation.Restore;
    }

    @Override
    public String lockHolder() {
        return holder;
    }

    @Override
    public boolean ownsLock() {
        return false;
    }

    /**
     * A step of the roll: only while the restore still holds the lock at its epoch (else the roll
     * fails, the lock left alone); first the partition locked with the template carrying the token.
     */
    static Decision running(RollingPass pass, BiFunction<RollingPass, StatefulSetView, Decision> step) {
        RestoreRestart reason = (RestoreRestart) pass.reason();
        OperationLock lock = pass.status().operationLock();
        if (!lock.isHeldBy(Operation.Restore, reason.holder()) || lock.epoch() != reason.epoch()) {
            return pass.fail(OPERATION_LOCK_LOST, "restart after " + reason.holder() + " halted: the operation lock is "
                    + (lock.isHeld() ? "held by " + lock.operation() + " (" + lock.holder() + ") at epoch "
                            + lock.epoch() : "free"));
        }
        StatefulSetView sts = pass.workload().orElse(null);
        RollingProgress progress = pass.progress();
        boolean notStarted = progress.completedOrdinals().isEmpty() && progress.releasedAt() == null
                && progress.currentPartition() == pass.replicas();
        if (sts != null && notStarted && !Objects.equals(sts.templateRestartedAt(), reason.token())) {
            return start(pass, reason, sts);
        }
        return RollingUpgrade.onTemplate(pass, step);
    }

    private static Decision start(RollingPass pass, RestoreRestart reason, StatefulSetView sts) {
        if (sts.onDelete()) {
            return pass.fail(RESTART_NOT_SUPPORTED, "an OnDelete StatefulSet (adopted) is not restarted by raftops; "
                    + "restart its pods through its owner after " + reason.holder());
        }
        int replicas = pass.replicas();
        RollOrder order = RollOrder.of(sts);
        RollingProgress planned = pass.progress().withPlan(order.plan(pass.progress(), replicas, pass.pods(sts)));
        String message = "restarting every member on " + reason.version() + " after " + reason.holder()
                + ", highest ordinal first, the leader stepped down before its restart";
        ClusterStatus next = pass.status().withUpgrade(planned).withCondition(Condition.UPGRADING,
                Condition.Status.True, RESTART_STARTED, message, pass.in().generation(), pass.in().now());
        return Decision.of(next, Wake.now("partition locked"),
                order.start(sts, replicas, reason.image(), reason.token()),
                new Action.Emit(ClusterEvent.normal(RESTART_STARTED, message, pass.audit())));
    }
}
