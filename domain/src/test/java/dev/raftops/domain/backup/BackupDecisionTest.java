package dev.raftops.domain.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.ExecutorSpec;
import dev.raftops.domain.resource.PhaseRule;
import dev.raftops.domain.resource.UpgradeSpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Scheduling: when a window is due, which Job it gets, and manual tokens. */
class BackupDecisionTest {

    private static Instant t(String instant) {
        return Instant.parse(instant);
    }

    /** Hourly backups enabled at 10:15; a manual request "first" ran at 10:20 and succeeded. */
    private static BackupPasses aManualRunSucceeded() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.trigger("first");
        world.at("2026-05-01T10:20:00Z").runWindow(JobResult.SUCCEEDED);
        return world;
    }

    @Test
    void theFirstWindowIsTheNextOneAfterEnabling() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        assertThat(world.created).isEmpty();
        assertThat(world.backup().nextScheduledBackup()).isEqualTo(t("2026-05-01T11:00:00Z"));
    }

    @Test
    void enablingExactlyOnAWindowWaitsForTheFollowingOne() {
        BackupPasses world = BackupPasses.hourly("2026-05-01T10:00:00Z");
        world.settle();
        assertThat(world.created).isEmpty();
        assertThat(world.backup().nextScheduledBackup()).isEqualTo(t("2026-05-01T11:00:00Z"));
    }

    @Test
    void notDueWakesExactlyAtTheNextWindow() {
        BackupPasses world = BackupPasses.hourly("2026-05-01T10:15:00Z");
        Decision decision = world.settle();
        assertThat(decision.wake()).isInstanceOf(Wake.After.class);
        assertThat(((Wake.After) decision.wake()).delay()).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void aDueWindowStartsOneJobNamedByTheWindow() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        assertThat(world.created).extracting(JobRequest::name).containsExactly("vault-backup-20260501-110000");
        assertThat(world.created.get(0).action()).isEqualTo(ExecutorAction.BACKUP);
    }

    @Test
    void theRunAndTheLockArePersistedOnePassBeforeTheJobIsCreated() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        Decision recording = world.at("2026-05-01T11:00:00Z").pass();
        assertThat(recording.actionsOf(Action.CreateJob.class)).isEmpty();
        assertThat(world.backup().activeRun().job()).isEqualTo("vault-backup-20260501-110000");
        assertThat(world.status.operationLock().isHeldBy(Operation.Backup, Holders.BACKUP)).isTrue();
        assertThat(BackupPasses.isImmediate(recording.wake())).isTrue();
    }

    @Test
    void theJobCarriesTargetRetentionAndIdentity() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        JobRequest job = world.created.get(0);
        assertThat(job.parameters())
                .containsEntry("RAFTOPS_TARGET_BUCKET", "snapshots")
                .containsEntry("RAFTOPS_TARGET_ENDPOINT", "https://s3.example")
                .containsEntry(BackupJob.RETENTION_MAX_COUNT, "7")
                .containsEntry(BackupJob.RETENTION_MAX_AGE_SECONDS, Long.toString(Duration.ofDays(30).toSeconds()))
                .containsEntry(BackupJob.CLUSTER_NAMESPACE, "prod")
                .containsEntry(BackupJob.CLUSTER_NAME, "vault")
                .containsEntry(BackupJob.STATEFUL_SET, "vault")
                .containsEntry(BackupJob.WINDOW, "2026-05-01T11:00:00Z")
                .containsEntry(BackupJob.SNAPSHOT_KIND, BackupJob.KIND_SCHEDULED)
                .containsEntry(BackupJob.LOCK_EPOCH, Long.toString(world.status.operationLock().epoch()));
        assertThat(job.image()).isEqualTo("raftops/backup:1");
    }

    @Test
    void missedWindowsCollapseIntoOneCatchUpRun() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.at("2026-05-01T15:20:00Z").settle();
        assertThat(world.created).extracting(JobRequest::name).containsExactly("vault-backup-20260501-110000");
        assertThat(world.backup().lastScheduledTime()).isEqualTo(t("2026-05-01T11:00:00Z"));
        assertThat(world.backup().nextScheduledBackup()).isEqualTo(t("2026-05-01T16:00:00Z"));
    }

    @Test
    void theCatchUpRunIsNotFollowedByAnotherForTheMissedWindows() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.at("2026-05-01T15:20:00Z");
        world.runWindow(JobResult.SUCCEEDED);
        world.advance(Duration.ofMinutes(5)).settle();
        assertThat(world.created).hasSize(1);
    }

    @Test
    void editingTheScheduleRecomputesTheNextWindow() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.spec = world.spec.withBackup(world.spec.backup().withSchedule("30 14 * * *", "UTC"));
        world.at("2026-05-01T10:20:00Z").settle();
        assertThat(world.backup().nextScheduledBackup()).isEqualTo(t("2026-05-01T14:30:00Z"));
        assertThat(world.created).isEmpty();
    }

    @Test
    void editingTheTimeZoneRecomputesTheNextWindow() {
        BackupPasses world = new BackupPasses("0 3 * * *", "UTC", t("2026-05-01T10:15:00Z"));
        world.settle();
        world.spec = world.spec.withBackup(world.spec.backup().withSchedule("0 3 * * *", "Europe/Amsterdam"));
        world.settle();
        assertThat(world.backup().nextScheduledBackup()).isEqualTo(t("2026-05-02T01:00:00Z"));
    }

    @Test
    void aManualTokenStartsAJobBeforeTheWindowWithoutConsumingIt() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.trigger("2026-05-01T10:20:00Z");
        world.at("2026-05-01T10:20:07Z").settle();
        assertThat(world.created).extracting(JobRequest::name).containsExactly("vault-backup-20260501-102007");
        assertThat(world.created.get(0).parameters()).containsEntry(BackupJob.SNAPSHOT_KIND, BackupJob.KIND_MANUAL);
        assertThat(world.status.requests().lastHandledBackupTrigger()).isEqualTo("2026-05-01T10:20:00Z");
        assertThat(world.backup().nextScheduledBackup()).isEqualTo(t("2026-05-01T11:00:00Z"));
    }

    @Test
    void aHandledTokenNeverFiresAgain() {
        BackupPasses world = aManualRunSucceeded();
        world.advance(Duration.ofMinutes(10)).settle();
        assertThat(world.created).hasSize(1);
    }

    @Test
    void aNewTokenAfterAHandledOneStartsAnotherJob() {
        BackupPasses world = aManualRunSucceeded();
        world.trigger("second");
        world.advance(Duration.ofMinutes(10)).settle();
        assertThat(world.created).hasSize(2);
    }

    @Test
    void aDueWindowAndAPendingTokenTogetherStartOneJob() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.trigger("now");
        world.at("2026-05-01T11:00:30Z").settle();
        assertThat(world.created).extracting(JobRequest::name).containsExactly("vault-backup-20260501-110000");
        assertThat(world.status.requests().lastHandledBackupTrigger()).isEqualTo("now");
    }

    @Test
    void aTokenWhileAJobRunsIsAcknowledgedAndSkipped() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        world.trigger("impatient");
        world.advance(Duration.ofMinutes(1)).settle();
        assertThat(world.created).hasSize(1);
        assertThat(world.status.requests().lastHandledBackupTrigger()).isEqualTo("impatient");
        assertThat(world.events(BackupReasons.BACKUP_SKIPPED)).hasSize(1);
    }

    @Test
    void aSecondWindowPassingWhileAJobRunsStartsNoSecondJob() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        world.at("2026-05-01T12:30:00Z").settle();
        assertThat(world.created).hasSize(1);
    }

    @Test
    void theDerivedPhaseAndTheConditionSayBackingUpWhileTheJobRuns() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        Decision running = world.at("2026-05-01T11:00:00Z").settle();
        assertThat(PhaseRule.of(world.spec, world.status)).isEqualTo(Phase.BackingUp);
        assertThat(Condition.isTrue(world.status.conditions(), Condition.BACKING_UP)).isTrue();
        assertThat(running.wake()).isInstanceOf(Wake.OnEvent.class);
    }

    @Test
    void theStartEventCarriesTheBackupAuditFields() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        var started = world.events(BackupReasons.BACKUP_STARTED);
        assertThat(started).hasSize(1);
        assertThat(started.get(0).audit().asMap()).containsEntry("operation", "Backup")
                .containsEntry("holder", Holders.BACKUP).containsEntry("reason", BackupReasons.BACKUP_STARTED)
                .containsEntry("phase_to", "BackingUp").containsKey("epoch");
    }

    @Test
    void aLeftoverBackupLockWithoutARunIsReleased() {
        BackupPasses world = BackupPasses.hourly("2026-05-01T10:15:00Z");
        OperationLock stale = OperationLock.free().acquire(Operation.Backup, Holders.BACKUP, "old", world.now).lock();
        world.status = world.status.withOperationLock(stale);
        world.settle();
        assertThat(world.status.operationLock().isHeld()).isFalse();
    }

    @Test
    void preUpgradeSnapshotJobsAreNeitherCountedNorTouched() {
        BackupPasses world = BackupPasses.hourly("2026-05-01T10:15:00Z");
        world.jobs.put("vault-pre-upgrade-snapshot-a1-n1", new JobView("vault-pre-upgrade-snapshot-a1-n1",
                ExecutorAction.PRE_UPGRADE_SNAPSHOT.wireName(), JobResult.FAILED, world.now, world.now, "boom"));
        world.jobs.put("vault-pre-upgrade-snapshot-a2-n1", new JobView("vault-pre-upgrade-snapshot-a2-n1",
                ExecutorAction.PRE_UPGRADE_SNAPSHOT.wireName(), JobResult.RUNNING, world.now, null, null));
        world.settle();
        world.at("2026-05-01T11:00:00Z").runWindow(JobResult.SUCCEEDED);
        assertThat(world.created).hasSize(1);
        assertThat(world.backup().consecutiveFailures()).isZero();
        assertThat(world.backup().successfulBackups()).isEqualTo(1);
        assertThat(world.jobs).containsKeys("vault-pre-upgrade-snapshot-a1-n1", "vault-pre-upgrade-snapshot-a2-n1");
    }

    @Test
    void aDueWindowWhoseJobAlreadyExistsIsConsumedWithoutASecondJob() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.jobs.put("vault-backup-20260501-110000", new JobView("vault-backup-20260501-110000",
                ExecutorAction.BACKUP.wireName(), JobResult.SUCCEEDED, t("2026-05-01T11:00:05Z"),
                t("2026-05-01T11:02:00Z"), null));
        world.at("2026-05-01T11:05:00Z").settle();
        assertThat(world.created).isEmpty();
        assertThat(world.events(BackupReasons.BACKUP_SKIPPED)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains(BackupReasons.WINDOW_ALREADY_RAN));
        assertThat(world.backup().nextScheduledBackup()).isEqualTo(t("2026-05-01T12:00:00Z"));
    }

    @Test
    void aManualRequestNeverReusesTheNameOfTheRunBeforeIt() {
        BackupPasses world = aManualRunSucceeded();
        world.jobs.clear(); // garbage-collected
        world.trigger("second");
        world.settle();
        assertThat(world.created).extracting(JobRequest::name)
                .containsExactly("vault-backup-20260501-102000", "vault-backup-20260501-102001");
    }

    @Test
    void withoutABackupImageTheJobUsesTheUpgradeExecutorImage() {
        BackupPasses world = BackupPasses.hourly("2026-05-01T10:15:00Z");
        var backup = world.spec.backup();
        world.spec = world.spec.withBackup(new BackupSpec(backup.schedule(), backup.timeZone(), backup.retention(),
                backup.target(), null, null)).withUpgrade(new UpgradeSpec(null, false, null, null,
                new ExecutorSpec("raftops/executor:2", "raftops-executor", null, null), null, null));
        world.settle();
        world.at("2026-05-01T11:00:00Z").settle();
        assertThat(world.created.get(0).image()).isEqualTo("raftops/executor:2");
        assertThat(world.created.get(0).serviceAccount()).isEqualTo("raftops-executor");
    }
}
