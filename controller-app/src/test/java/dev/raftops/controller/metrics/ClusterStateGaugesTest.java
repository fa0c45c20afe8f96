package dev.raftops.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.rolling.RollingReasons;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStateGaugesTest {

    static final ClusterKey KEY = new ClusterKey("ns", "db");
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final DayTwoMetrics metrics = new DayTwoMetrics(registry);
    final ClusterStatus running = ClusterStatus.initial().withCurrentVersion("2.4.0");
    final RollingProgress released = RollingProgress.started("2.4.0", "2.4.4", "img", T0, 3, List.of(), 1, false)
            .withReleasedAt(T0.plusSeconds(30));

    @Test
    void anUpgradeInFlightIsOneSeriesNamingItsStepAndWhenTheStepStarted() {
        metrics.observed(KEY, running.withUpgrade(released));
        assertThat(registry.get("raftops_upgrade_step").tags("cluster", "ns/db", "strategy", "RollingUpdate",
                "step", "ordinal-2").gauge().value()).isEqualTo(1);
        assertThat(registry.get("raftops_upgrade_step_started_timestamp_seconds").gauge().value())
                .isEqualTo(T0.plusSeconds(30).getEpochSecond());
    }

    @Test
    void theUpgradeSeriesGoesWhenTheUpgradeEnds() {
        metrics.observed(KEY, running.withUpgrade(released));
        metrics.observed(KEY, running.withCurrentVersion("2.4.4"));
        assertThat(registry.find("raftops_upgrade_step").gauges()).isEmpty();
        assertThat(registry.find("raftops_upgrade_step_started_timestamp_seconds").gauges()).isEmpty();
    }

    @Test
    void aHeldLockIsExportedWithItsOperationAndAcquisitionTimeUntilReleased() {
        OperationLock held = OperationLock.free().acquire(Operation.Backup, Holders.UPGRADE, "x", T0).lock();
        metrics.observed(KEY, running.withOperationLock(held));
        assertThat(registry.get("raftops_lock_acquired_timestamp_seconds").tag("operation", "Backup").gauge().value())
                .isEqualTo(T0.getEpochSecond());
        metrics.observed(KEY, running.withOperationLock(held.release(Operation.Backup, Holders.UPGRADE).lock()));
        assertThat(registry.find("raftops_lock_acquired_timestamp_seconds").gauges()).isEmpty();
    }

    @Test
    void aClusterThatIsGoneLeavesNoSeries() {
        metrics.observed(KEY, running.withUpgrade(released));
        metrics.gone(KEY);
        assertThat(registry.find("raftops_upgrade_step").gauges()).isEmpty();
        assertThat(registry.find("raftops_break_glass_active").gauges()).isEmpty();
    }

    @Test
    void aStepDownJobThatFailedTheUpgradeCountsAsAnExecutorJobFailure() {
        ClusterStatus failing = running.withUpgrade(released.withFailure(
                new Failure(RollingReasons.STEP_DOWN_FAILED, "step-down job failed", T0)));
        metrics.transition(KEY, running.withUpgrade(released), failing, T0);
        metrics.transition(KEY, failing, failing, T0);
        assertThat(registry.get("raftops_executor_job_failures").tag("action", "step-down").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("raftops_upgrade_step").tag("step", "failed").gauge().value()).isEqualTo(1);
    }
}
