package dev.raftops.simulator.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.OperationFamily;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.Maintenance;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driving.ReconcileOutcome;
import dev.raftops.ports.service.AdminOpsService;
import dev.raftops.simulator.trace.SimClock;
import dev.raftops.simulator.trace.Trace;
import dev.raftops.simulator.world.Scenario;
import dev.raftops.simulator.world.SimWorld;
import dev.raftops.simulator.world.SimulatedPorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The admin-operations service over a simulated cluster: the simulator's one model of the
 * StatefulSet and Raft plays the workload ({@link SimulatedPorts}); the {@code RaftCluster} resource,
 * the write log and the planned faults are the test's ({@link RecordedCluster}).
 */
class AdminOpsServiceTest {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final ClusterKey KEY = new ClusterKey(SimWorld.NAMESPACE, SimWorld.NAME);
    static final Duration STEP = Duration.ofSeconds(5);

    final Random random = new Random(11);
    final SimClock clock = new SimClock(T0);
    final SimWorld world = world(clock, 1, 11);
    final RecordedCluster cluster = new RecordedCluster(new SimulatedPorts(world), spec(3, "2.4.0"));

    /** Three pods Ready on 2.4.0, the leader at {@code leader}. */
    static SimWorld world(SimClock clock, int leader, long seed) {
        return new SimWorld(Scenario.upgrade(3, "2.4.0", "2.4.4", leader, seed), clock, new Trace(clock, "sim/raft"));
    }

    static ClusterSpec spec(int replicas, String version) {
        return ClusterSpec.of(version, null, replicas);
    }

    AdminOpsService service() {
        return new AdminOpsService(cluster, cluster, cluster, cluster, cluster, clock, random,
                RetryTiming.defaults().withoutJitter());
    }

    /** A converged cluster at {@code version} with a daily backup to a bucket; the backup spec it carries. */
    dev.raftops.domain.resource.BackupSpec dailyBackupsAt(String version) {
        dev.raftops.domain.resource.BackupSpec backup = new dev.raftops.domain.resource.BackupSpec("@daily", "UTC", null,
                java.util.Map.of("bucket", "snapshots"), "backup-executor:1", null);
        cluster.setSpec(spec(3, version).withBackup(backup));
        runUntil(version, 5);
        return backup;
    }

    /** {@code count} passes, each by a new service instance, with the world running a step between them. */
    void passes(int count) {
        for (int i = 0; i < count; i++) {
            service().reconcile(KEY);
            world.runFor(STEP);
        }
    }

    /** Reconciles (a new service instance every call: nothing survives in memory) until converged. */
    void runUntil(String version, int maxPasses) {
        for (int i = 0; i < maxPasses; i++) {
            service().reconcile(KEY);
            if (version.equals(cluster.status.currentVersion()) && cluster.status.upgrade() == null) {
                return;
            }
            world.runFor(STEP);
        }
    }

    @Test
    void anIdleDecisionOnAStatusItJustChangedIsDecidedOnceMoreInTheSameCall() {
        // a family that needs two idle passes to settle: no condition -> One -> Two -> nothing more
        OperationFamily twoSteps = new OperationFamily(Operation.Backup, in -> {
            String reason = Condition.find(in.status().conditions(), "Steps").map(Condition::reason).orElse("None");
            String next = reason.equals("None") ? "One" : "Two";
            return Decision.of(in.status().withCondition("Steps", Condition.Status.True, next, next, in.generation(),
                    in.now()), Wake.idle());
        });
        AdminOpsService service = new AdminOpsService(cluster, cluster, cluster, cluster, cluster,
                Clock.fixed(T0, ZoneOffset.UTC), random, RetryTiming.defaults().withoutJitter(), List.of(twoSteps));

        ReconcileOutcome outcome = service.reconcile(KEY);

        assertThat(outcome).isInstanceOf(ReconcileOutcome.Done.class);
        assertThat(Condition.find(cluster.status.conditions(), "Steps")).hasValueSatisfying(
                c -> assertThat(c.reason()).isEqualTo("Two"));
    }

    @Test
    void recordsTheFirstVersionOnceTheClusterConverged() {
        runUntil("2.4.0", 5);
        assertThat(cluster.status.currentVersion()).isEqualTo("2.4.0");
        assertThat(cluster.status.phase()).isEqualTo(Phase.Running);
        assertThat(cluster.status.observedGeneration()).isEqualTo(1);
    }

    @Test
    void drivesARollingUpgradeToCompletion() {
        runUntil("2.4.0", 5);
        cluster.setSpec(spec(3, "2.4.4"));
        runUntil("2.4.4", 300);
        assertThat(cluster.status.currentVersion()).isEqualTo("2.4.4");
        assertThat(world.runsEverywhere("2.4.4")).isTrue();
        assertThat(cluster.status.phase()).isEqualTo(Phase.Running);
        assertThat(cluster.events).extracting(e -> e.reason()).contains("UpgradeStarted", "UpgradeComplete");
        assertThat(cluster.disruptiveWrites()).as("one release per pod: " + cluster.writes).isEqualTo(3);
    }

    @Test
    void aConflictOnAnyWriteNeverDuplicatesADisruptiveAction() {
        runUntil("2.4.0", 5);
        cluster.setSpec(spec(3, "2.4.4"));
        runUntil("2.4.4", 300);
        int writes = cluster.writeCount;
        assertThat(writes).as("a fault-free upgrade writes the lock, partitions, jobs and status").isGreaterThan(10);
        for (int k = 1; k <= writes; k++) {
            Random r = new Random(k);
            SimClock time = new SimClock(T0);
            SimWorld w = world(time, k % 3, k);
            RecordedCluster c = new RecordedCluster(new SimulatedPorts(w), spec(3, "2.4.0"));
            c.status = cluster.status.withCurrentVersion("2.4.0").withConditions(java.util.List.of());
            c.setSpec(spec(3, "2.4.4"));
            int conflictAt = k;
            c.conflictOnWrite = n -> n == conflictAt;
            for (int i = 0; i < 300 && !"2.4.4".equals(c.status.currentVersion()); i++) {
                new AdminOpsService(c, c, c, c, c, Clock.fixed(time.instant(), ZoneOffset.UTC), r,
                        RetryTiming.defaults().withoutJitter()).reconcile(KEY);
                w.runFor(STEP);
            }
            assertThat(c.status.currentVersion()).as("conflict on write " + k + " still converges: " + c.writes)
                    .isEqualTo("2.4.4");
            Map<String, Integer> releases = new HashMap<>();
            c.writes.stream().filter(x -> x.startsWith("partition ")).forEach(x -> releases.merge(x, 1, Integer::sum));
            assertThat(releases.values()).as("conflict on write " + k + ": each ordinal released once " + c.writes)
                    .allMatch(n -> n == 1);
        }
    }

    @Test
    void anExceptionFromAPortBecomesLastErrorNotACrash() {
        runUntil("2.4.0", 5);
        cluster.failObserve = new IllegalStateException("api server unreachable");
        ReconcileOutcome outcome = service().reconcile(KEY);
        assertThat(outcome).isInstanceOf(ReconcileOutcome.Error.class);
        assertThat(cluster.status.lastError().message()).contains("api server unreachable");
        cluster.failObserve = null;
        service().reconcile(KEY);
        assertThat(cluster.status.lastError()).as("a clean pass clears it").isNull();
    }

    @Test
    void aPausedClusterGetsNoWritesButItsCondition() {
        runUntil("2.4.0", 5);
        cluster.setSpec(spec(3, "2.4.4").withPaused(true));
        int before = cluster.writes.size();
        passes(5);
        assertThat(cluster.writes.subList(before, cluster.writes.size())).containsOnly("status");
        assertThat(cluster.status.phase()).isEqualTo(Phase.Paused);
        assertThat(cluster.status.upgrade()).isNull();
        assertThat(Condition.isTrue(cluster.status.conditions(), Condition.PAUSED)).isTrue();
    }

    @Test
    void maintenanceMarksTheStatefulSetAndPodsWithoutStoppingTheUpgrade() {
        runUntil("2.4.0", 5);
        cluster.setSpec(spec(3, "2.4.0").withMaintenance(Maintenance.on()));
        service().reconcile(KEY);
        assertThat(cluster.writes).contains("maintenance raft=true", "maintenance raft-0=true",
                "maintenance raft-1=true", "maintenance raft-2=true");
    }

    @Test
    void anInvalidSpecIsReportedOnceAndNothingIsWritten() {
        cluster.specReading = new SpecReading.Invalid("spec.replicas", "must be at least 1, was 0");
        service().reconcile(KEY);
        service().reconcile(KEY);
        assertThat(cluster.writes).containsOnly("status");
        assertThat(cluster.events).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("InvalidSpec");
            assertThat(e.message()).contains("spec.replicas");
        });
        assertThat(cluster.status.phase()).isEqualTo(Phase.Degraded);
    }

    @Test
    void pausingMidUpgradeWritesNothingAndUnpausingResumesAtTheRecordedOrdinal() {
        runUntil("2.4.0", 5);
        cluster.setSpec(spec(3, "2.4.4"));
        for (int i = 0; i < 300 && (cluster.status.upgrade() == null || cluster.status.upgrade().releasedAt() == null); i++) {
            service().reconcile(KEY);
            world.runFor(STEP);
        }
        int released = cluster.status.upgrade().targetOrdinal();
        cluster.setSpec(spec(3, "2.4.4").withPaused(true));
        int before = cluster.writes.size();
        passes(20);
        assertThat(cluster.writes.subList(before, cluster.writes.size())).containsOnly("status");
        assertThat(world.api().observe().podsOf(SimWorld.NAME).get(released).ready())
                .as("the released pod still becomes Ready").isTrue();
        assertThat(cluster.status.upgrade().targetOrdinal()).as("progress kept while paused").isEqualTo(released);
        cluster.setSpec(spec(3, "2.4.4"));
        runUntil("2.4.4", 300);
        assertThat(cluster.status.currentVersion()).isEqualTo("2.4.4");
        assertThat(cluster.disruptiveWrites()).as("no pod released twice: " + cluster.writes).isEqualTo(3);
    }

    @Test
    void anUpgradeRequestedWhileABackupJobRunsWaitsForItThenCompletes() {
        dev.raftops.domain.resource.BackupSpec backup = dailyBackupsAt("2.4.0");
        cluster.setSpec(spec(3, "2.4.0").withBackup(backup.withTriggerRequest("now")));
        for (int i = 0; i < 5 && !cluster.status.operationLock().isHeld(); i++) {
            service().reconcile(KEY);
        }
        assertThat(cluster.status.operationLock().operation()).isEqualTo(dev.raftops.domain.opslifecycle.Operation.Backup);
        service().reconcile(KEY);
        assertThat(cluster.writes).anyMatch(w -> w.startsWith("job raft-backup-"));
        cluster.setSpec(spec(3, "2.4.4").withBackup(backup.withTriggerRequest("now")));
        service().reconcile(KEY);
        assertThat(cluster.writes).noneMatch(w -> w.startsWith("lock-partition"));
        runUntil("2.4.4", 300);
        assertThat(cluster.status.currentVersion()).isEqualTo("2.4.4");
        assertThat(cluster.status.backup().successfulBackups()).isEqualTo(1);
        int backupBeforeLock = cluster.writes.indexOf(cluster.writes.stream().filter(w -> w.startsWith("job raft-backup-"))
                .findFirst().orElseThrow());
        assertThat(cluster.writes.indexOf("lock-partition 3")).isGreaterThan(backupBeforeLock);
        assertThat(cluster.lockTransitions).as("every status write changes the lock holder at most once: free in between")
                .noneMatch(t -> t.startsWith("Backup->Upgrade") || t.startsWith("Upgrade->Backup"));
    }

    @Test
    void aBackupDueWhenAnUpgradeCompletesTakesTheLockOnlyAfterTheReleaseWasWritten() {
        dev.raftops.domain.resource.BackupSpec backup = dailyBackupsAt("2.4.0");
        cluster.setSpec(spec(3, "2.4.4").withBackup(backup.withTriggerRequest("during-upgrade")));
        runUntil("2.4.4", 300);
        passes(5);
        assertThat(cluster.lockTransitions).as("lock transitions " + cluster.lockTransitions)
                .contains("Upgrade->-", "-->Backup").doesNotContain("Upgrade->Backup");
    }

    @Test
    void aScheduledWindowDueDuringARollingUpgradeIsSkippedAndTheUpgradeGoesOn() {
        dev.raftops.domain.resource.BackupSpec everyMinute = new dev.raftops.domain.resource.BackupSpec("* * * * *", "UTC",
                null, java.util.Map.of("bucket", "snapshots"), "backup-executor:1", null);
        cluster.setSpec(spec(3, "2.4.0").withBackup(everyMinute));
        runUntil("2.4.0", 5);
        Instant window = T0.plus(Duration.ofMinutes(1));
        world.runFor(Duration.between(clock.instant(), window.minusSeconds(15))); // the upgrade is asked just before 10:01
        Instant upgradeAsked = clock.instant();
        cluster.setSpec(spec(3, "2.4.4").withBackup(everyMinute));
        runUntil("2.4.4", 300);
        assertThat(upgradeAsked).as("the upgrade spans the 10:01 window").isBefore(window);
        assertThat(clock.instant()).as("the upgrade spans the 10:01 window").isAfter(window);
        assertThat(cluster.status.currentVersion()).isEqualTo("2.4.4");
        assertThat(cluster.events).filteredOn(e -> e.reason().equals("BackupSkipped"))
                .anyMatch(e -> e.message().contains("UpgradeInProgress"));
        assertThat(cluster.writes).as("no backup Job while the upgrade runs").noneMatch(w -> w.startsWith("job raft-backup-"));
        assertThat(cluster.disruptiveWrites()).as("one release per pod: " + cluster.writes).isEqualTo(3);
    }
}
