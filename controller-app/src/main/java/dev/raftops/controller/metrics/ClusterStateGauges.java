package dev.raftops.controller.metrics;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gauges of what each cluster's status says now, refreshed from every status the controller reads
 * or writes, so they are right after a controller restart too: the upgrade in flight and its step,
 * since when that step runs, who holds the lock since when, the last successful backup,
 * consecutive backup failures, and break-glass. A series exists only while its state does (no upgrade, no {@code raftops_upgrade_step}).
 */
final class ClusterStateGauges {

    private final Map<ClusterKey, ClusterStatus> latest = new TreeMap<>();
    private final MultiGauge step;
    private final MultiGauge stepStarted;
    private final MultiGauge lockAcquired;
    private final MultiGauge backupFailures;
    private final MultiGauge lastBackup;
    private final MultiGauge neverBackedUp;
    private final MultiGauge breakGlass;

    ClusterStateGauges(MeterRegistry registry) {
        step = MultiGauge.builder("raftops_upgrade_step")
                .description("1 for each upgrade in flight, labelled with its strategy and the step it is at")
                .register(registry);
        stepStarted = MultiGauge.builder("raftops_upgrade_step_started_timestamp_seconds")
                .description("When the current step of the upgrade in flight started, in Unix seconds").register(registry);
        lockAcquired = MultiGauge.builder("raftops_lock_acquired_timestamp_seconds")
                .description("When the held operation lock was acquired, in Unix seconds").register(registry);
        backupFailures = MultiGauge.builder("raftops_backup_consecutive_failures")
                .description("Backup runs that failed in a row since the last success").register(registry);
        lastBackup = MultiGauge.builder("raftops_last_successful_backup_timestamp_seconds")
                .description("status.backup.lastBackupTime of the last successful run, in Unix seconds").register(registry);
        neverBackedUp = MultiGauge.builder("raftops_backup_never_succeeded")
                .description("1 while a cluster with a backup schedule has no successful backup yet (then "
                        + "raftops_last_successful_backup_timestamp_seconds has no series for it)").register(registry);
        breakGlass = MultiGauge.builder("raftops_break_glass_active")
                .description("1 while the cluster waits in break-glass for a person's acknowledgement").register(registry);
    }

    synchronized void observed(ClusterKey cluster, ClusterStatus status) {
        latest.put(cluster, status);
        publish();
    }

    synchronized void gone(ClusterKey cluster) {
        if (latest.remove(cluster) != null) {
            publish();
        }
    }

    private void publish() {
        List<MultiGauge.Row<?>> steps = new ArrayList<>();
        List<MultiGauge.Row<?>> started = new ArrayList<>();
        List<MultiGauge.Row<?>> locks = new ArrayList<>();
        List<MultiGauge.Row<?>> failures = new ArrayList<>();
        List<MultiGauge.Row<?>> glass = new ArrayList<>();
        List<MultiGauge.Row<?>> backups = new ArrayList<>();
        List<MultiGauge.Row<?>> never = new ArrayList<>();
        latest.forEach((key, status) -> {
            Tags cluster = Tags.of("cluster", key.toString());
            UpgradeStep.of(status).ifPresent(s -> {
                steps.add(MultiGauge.Row.of(cluster.and("strategy", s.strategy(), "step", s.step()), 1));
                if (s.since() != null) {
                    started.add(MultiGauge.Row.of(cluster, seconds(s.since())));
                }
            });
            OperationLock lock = status.operationLock();
            if (lock.isHeld() && lock.acquiredAt() != null) {
                locks.add(MultiGauge.Row.of(cluster.and("operation", lock.operation().name()), seconds(lock.acquiredAt())));
            }
            failures.add(MultiGauge.Row.of(cluster, status.backup().consecutiveFailures()));
            if (status.backup().lastBackupTime() != null) {
                backups.add(MultiGauge.Row.of(cluster, seconds(status.backup().lastBackupTime())));
            }
            // a schedule (a next window) and no success: BackupTooOld has no timestamp to measure, this says so
            never.add(MultiGauge.Row.of(cluster, status.backup().nextScheduledBackup() != null
                    && status.backup().lastBackupTime() == null ? 1 : 0));
            glass.add(MultiGauge.Row.of(cluster, status.breakGlass().active() ? 1 : 0));
        });
        step.register(steps, true);
        stepStarted.register(started, true);
        lockAcquired.register(locks, true);
        backupFailures.register(failures, true);
        breakGlass.register(glass, true);
        lastBackup.register(backups, true);
        neverBackedUp.register(never, true);
    }

    private static double seconds(Instant at) {
        return at.getEpochSecond();
    }

    /** The upgrade in flight, in words a label can carry: {@code ordinal-1}, {@code ordinal-1-step-down}, a phase. */
    record UpgradeStep(String strategy, String step, Instant since) {

        static java.util.Optional<UpgradeStep> of(ClusterStatus status) {
            RollingProgress rolling = status.upgrade();
            if (rolling != null) {
                return java.util.Optional.of(new UpgradeStep("RollingUpdate", rollingStep(rolling),
                        rolling.releasedAt() != null ? rolling.releasedAt() : rollingSince(rolling)));
            }
            BlueGreenStatus bg = status.blueGreen();
            if (bg != null && bg.inFlight()) {
                return java.util.Optional.of(new UpgradeStep("BlueGreen", bg.holdReason() != null
                        ? bg.phase() + "-held" : bg.phase().name(), bg.phaseStartedAt()));
            }
            return java.util.Optional.empty();
        }

        private static String rollingStep(RollingProgress p) {
            if (p.failed()) {
                return "failed";
            }
            if (p.snapshot() != null && p.snapshot().completedAt() == null) {
                return "pre-upgrade-snapshot";
            }
            if (p.stepDown() != null && p.stepDown().confirmedAt() == null) {
                return "ordinal-" + p.targetOrdinal() + "-step-down";
            }
            return p.targetOrdinal() < 0 ? "finishing" : "ordinal-" + p.targetOrdinal();
        }

        /** Before a release the step is the one after the last completed ordinal (or the start). */
        private static Instant rollingSince(RollingProgress p) {
            if (p.stepDown() != null) {
                return p.stepDown().startedAt();
            }
            return p.startedAt();
        }
    }
}
