package dev.raftops.controller.metrics;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.rolling.RollingReasons;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/**
 * Day-2 metrics, read off status transitions (the status before and after a successful write), so
 * they count what was recorded, never what was only attempted. Label: {@code cluster} (namespace/name)
 * where per-cluster values are useful, {@code operation} for the lock.
 */
public final class DayTwoMetrics {

    private final MeterRegistry registry;
    private final ClusterStateGauges state;
    private final ExecutorJobFailures jobFailures;

    public DayTwoMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.state = new ClusterStateGauges(registry);
        this.jobFailures = new ExecutorJobFailures(registry);
    }

    /** The status the controller just read or wrote for {@code cluster}: the state gauges follow it. */
    public void observed(ClusterKey cluster, ClusterStatus status) {
        state.observed(cluster, status);
    }

    /** The cluster is gone: its state gauges go too. */
    public void gone(ClusterKey cluster) {
        state.gone(cluster);
    }

    /** Records what changed between {@code before} and {@code after} (a persisted status) at {@code now}. */
    public void transition(ClusterKey cluster, ClusterStatus before, ClusterStatus after, Instant now) {
        upgrade(cluster, before.upgrade(), after, now);
        lock(before.operationLock(), after.operationLock(), before, now);
        backup(before, after);
        jobFailures.transition(before, after);
        state.observed(cluster, after);
    }

    private void upgrade(ClusterKey cluster, RollingProgress before, ClusterStatus after, Instant now) {
        RollingProgress progress = after.upgrade();
        if (before != null && progress != null && progress.attempt() == before.attempt()
                && progress.completedOrdinals().size() > before.completedOrdinals().size()) {
            Counter.builder("raftops_pods_upgraded").description("Pods rolled to an upgrade target")
                    .register(registry).increment(progress.completedOrdinals().size() - before.completedOrdinals().size());
            Instant stepStart = before.releasedAt() != null ? before.releasedAt() : before.startedAt();
            Timer.builder("raftops_upgrade_step_duration").description("From a pod's release to it being Ready and caught up")
                    .register(registry).record(Duration.between(stepStart, now));
        }
        if (before != null && progress == null && before.targetVersion().equals(after.currentVersion())) {
            Timer.builder("raftops_upgrade_duration").description("From the start of a rolling upgrade to its completion")
                    .register(registry).record(Duration.between(before.startedAt(), now));
        }
    }

    private void lock(OperationLock before, OperationLock after, ClusterStatus statusBefore, Instant now) {
        // a restore waits on its own resource: MeteredRestorePort times it from its Locked condition
        if (after.isHeld() && after.epoch() > before.epoch() && after.operation() != Operation.Restore) {
            Instant blockedSince = Condition.find(statusBefore.conditions(), Condition.PROGRESSING)
                    .filter(c -> c.reason().equals(RollingReasons.OPERATION_LOCK_BLOCKED))
                    .map(Condition::lastTransitionTime).orElse(now);
            Timer.builder("raftops_lock_wait").description("Time an operation waited for the operation lock")
                    .tags(Tags.of("operation", after.operation().name())).register(registry)
                    .record(Duration.between(blockedSince, now));
        }
        if (before.isHeld() && (!after.isHeld() || after.epoch() != before.epoch()) && before.acquiredAt() != null) {
            Timer.builder("raftops_lock_hold").description("Time an operation held the operation lock")
                    .tags(Tags.of("operation", before.operation().name())).register(registry)
                    .record(Duration.between(before.acquiredAt(), now));
        }
    }

    /** A restore took the cluster's lock after waiting {@code waited} for it. */
    public void restoreLockWait(Duration waited) {
        Timer.builder("raftops_lock_wait").description("Time an operation waited for the operation lock")
                .tags(Tags.of("operation", Operation.Restore.name())).register(registry).record(waited);
    }

    private void backup(ClusterStatus before, ClusterStatus after) {
        if (after.backup().successfulBackups() > before.backup().successfulBackups()) {
            Counter.builder("raftops_backups").tag("result", "succeeded").register(registry).increment();
        }
        if (after.backup().consecutiveFailures() > before.backup().consecutiveFailures()) {
            Counter.builder("raftops_backups").tag("result", "failed").register(registry).increment();
        }
    }
}
