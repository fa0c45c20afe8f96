package dev.raftops.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.BackupStatus;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DayTwoMetricsTest {

    static final ClusterKey KEY = new ClusterKey("ns", "db");
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final DayTwoMetrics metrics = new DayTwoMetrics(registry);
    final ClusterStatus base = ClusterStatus.initial().withCurrentVersion("2.4.0");

    RollingProgress progress(int partition, List<Integer> done, Instant releasedAt) {
        return new RollingProgress("2.4.0", "2.4.4", "img:2.4.4", T0, partition, done, releasedAt, null, List.of(), null,
                1, null);
    }

    @Test
    void aCompletedOrdinalCountsOnePodAndItsStepDuration() {
        ClusterStatus before = base.withUpgrade(progress(3, List.of(), T0.plusSeconds(10)));
        ClusterStatus after = base.withUpgrade(progress(2, List.of(2), null));
        metrics.transition(KEY, before, after, T0.plusSeconds(40));
        assertThat(registry.get("raftops_pods_upgraded").counter().count()).isEqualTo(1);
        assertThat(registry.get("raftops_upgrade_step_duration").timer().totalTime(TimeUnit.SECONDS)).isEqualTo(30);
    }

    @Test
    void completionRecordsTheUpgradeDuration() {
        ClusterStatus before = base.withUpgrade(progress(0, List.of(2, 1, 0), null));
        ClusterStatus after = base.withCurrentVersion("2.4.4");
        metrics.transition(KEY, before, after, T0.plus(Duration.ofMinutes(3)));
        assertThat(registry.get("raftops_upgrade_duration").timer().totalTime(TimeUnit.SECONDS)).isEqualTo(180);
    }

    @Test
    void releasingTheLockRecordsHowLongItWasHeld() {
        OperationLock held = OperationLock.free().acquire(Operation.Upgrade, Holders.UPGRADE, "x", T0).lock();
        metrics.transition(KEY, base, base.withOperationLock(held), T0);
        OperationLock free = held.release(Operation.Upgrade, Holders.UPGRADE).lock();
        metrics.transition(KEY, base.withOperationLock(held), base.withOperationLock(free), T0.plusSeconds(90));
        assertThat(registry.get("raftops_lock_hold").tag("operation", "Upgrade").timer().totalTime(TimeUnit.SECONDS))
                .isEqualTo(90);
        assertThat(registry.get("raftops_lock_wait").tag("operation", "Upgrade").timer().count()).isEqualTo(1);
    }

    @Test
    void backupsCountSuccessesFailuresAndTheLastSuccessTime() {
        ClusterStatus ok = base.withBackup(new BackupStatus(null, null, null, T0, "db-backup-1", 0, null, 1));
        metrics.transition(KEY, base, ok, T0);
        ClusterStatus failed = ok.withBackup(new BackupStatus(null, null, null, T0, "db-backup-1", 1, null, 1));
        metrics.transition(KEY, ok, failed, T0.plusSeconds(3600));
        assertThat(registry.get("raftops_backups").tag("result", "succeeded").counter().count()).isEqualTo(1);
        assertThat(registry.get("raftops_backups").tag("result", "failed").counter().count()).isEqualTo(1);
        assertThat(registry.get("raftops_last_successful_backup_timestamp_seconds").gauge().value())
                .isEqualTo(T0.getEpochSecond());
    }

    @Test
    void aScheduleThatNeverSucceededIsSaidSoAndTheFirstSuccessClearsIt() {
        ClusterStatus scheduled = base.withBackup(new BackupStatus(T0.plusSeconds(3600), null, T0, null, null, 1, null,
                0));
        metrics.transition(KEY, base, scheduled, T0);
        assertThat(registry.find("raftops_last_successful_backup_timestamp_seconds").gauges())
                .as("BackupTooOld has nothing to measure").isEmpty();
        assertThat(registry.get("raftops_backup_never_succeeded").gauge().value()).isEqualTo(1);

        ClusterStatus ok = base.withBackup(new BackupStatus(T0.plusSeconds(7200), null, T0, T0.plusSeconds(60),
                "db-backup-1", 0, null, 1));
        metrics.transition(KEY, scheduled, ok, T0.plusSeconds(60));
        assertThat(registry.get("raftops_backup_never_succeeded").gauge().value()).isZero();
    }

    @Test
    void aClusterWithoutABackupScheduleIsNotReportedAsNeverBackedUp() {
        metrics.transition(KEY, base.withPhase(dev.raftops.domain.cluster.Phase.Running), base, T0);
        assertThat(registry.get("raftops_backup_never_succeeded").gauge().value()).isZero();
    }

    @Test
    void anUnchangedStatusRecordsNothing() {
        metrics.transition(KEY, base, base, T0);
        assertThat(registry.getMeters()).noneMatch(m -> m instanceof io.micrometer.core.instrument.Counter
                || m instanceof io.micrometer.core.instrument.Timer);
    }
}
