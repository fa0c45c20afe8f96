package dev.raftops.domain.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.resource.PhaseRule;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A run in flight: results, failures, restarts and Jobs that never show up. */
class BackupRunTest {

    @Test
    void aSuccessRecordsTheJobAndItsFinishTime() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        world.advance(Duration.ofMinutes(3));
        world.finish(world.runningJob(), JobResult.SUCCEEDED, null);
        world.settle();
        assertThat(world.backup().lastBackupJob()).isEqualTo("vault-backup-20260501-110000");
        assertThat(world.backup().lastBackupTime()).isEqualTo(Instant.parse("2026-05-01T11:03:00Z"));
        assertThat(world.backup().successfulBackups()).isEqualTo(1);
    }

    @Test
    void aSuccessRecordsTheObjectTheExecutorReportedAndTellsItInTheEvent() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        world.finish(world.runningJob(), JobResult.SUCCEEDED, "wrote backups/default/vault/scheduled/w.snap",
                java.util.Map.of("objectKey", "backups/default/vault/scheduled/w.snap", "bytes", "262144",
                        "sha256", "ab12"));
        world.settle();
        assertThat(world.backup().lastObject())
                .isEqualTo(new dev.raftops.domain.resource.BackupObject("backups/default/vault/scheduled/w.snap",
                        262144L, "ab12"));
        assertThat(world.events(BackupReasons.BACKUP_SUCCEEDED)).singleElement().satisfies(e -> assertThat(e.message())
                .endsWith("succeeded: backups/default/vault/scheduled/w.snap (262144 bytes, sha256 ab12)"));
    }

    @Test
    void aFailureTellsTheExecutorsMessage() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        world.finish(world.runningJob(), JobResult.FAILED, "the snapshot body is empty");
        world.settle();
        assertThat(world.backup().lastFailure().message()).endsWith("failed: the snapshot body is empty");
    }

    @Test
    void aSuccessResetsConsecutiveFailures() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        world.finish(world.runningJob(), JobResult.FAILED, "nope");
        world.settle();
        world.at("2026-05-01T12:00:00Z").runWindow(JobResult.SUCCEEDED);
        assertThat(world.backup().consecutiveFailures()).isZero();
    }

    @Test
    void aFinishedRunReleasesTheLockAndEndsBackingUp() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        world.finish(world.runningJob(), JobResult.SUCCEEDED, null);
        world.settle();
        assertThat(world.status.operationLock().isHeld()).isFalse();
        assertThat(world.backup().activeRun()).isNull();
        assertThat(Condition.isTrue(world.status.conditions(), Condition.BACKING_UP)).isFalse();
        assertThat(PhaseRule.of(world.spec, world.status)).isEqualTo(Phase.Running);
        assertThat(world.events(BackupReasons.BACKUP_SUCCEEDED)).singleElement()
                .satisfies(e -> assertThat(e.audit().asMap()).containsEntry("phase_from", "BackingUp")
                        .containsEntry("phase_to", "Running"));
    }

    @Test
    void aFailureIsCountedAndRecorded() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        world.finish(world.runningJob(), JobResult.FAILED, "upload refused");
        world.settle();
        assertThat(world.backup().consecutiveFailures()).isEqualTo(1);
        assertThat(world.backup().lastFailure().reason()).isEqualTo(BackupReasons.BACKUP_FAILED);
        assertThat(world.backup().lastFailure().message()).contains("upload refused");
        assertThat(world.events(BackupReasons.BACKUP_FAILED)).singleElement()
                .extracting(ClusterEvent::type).isEqualTo(ClusterEvent.Type.Warning);
        assertThat(world.status.operationLock().isHeld()).isFalse();
    }

    @Test
    void aFailureIsNotRetriedBeforeTheNextWindow() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        world.finish(world.runningJob(), JobResult.FAILED, "upload refused");
        Decision after = world.settle();
        world.advance(Duration.ofMinutes(30)).settle();
        assertThat(world.created).hasSize(1);
        assertThat(after.wake()).isInstanceOf(Wake.After.class);
        assertThat(world.backup().nextScheduledBackup()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
    }

    @Test
    void aResultIsCountedOnceHoweverOftenItIsObserved() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        world.finish(world.runningJob(), JobResult.FAILED, "upload refused");
        world.settle();
        world.advance(Duration.ofMinutes(1)).settle();
        world.advance(Duration.ofMinutes(1)).settle();
        assertThat(world.backup().consecutiveFailures()).isEqualTo(1);
    }

    /** {@code count} consecutive hourly runs that failed, the first at 11:00. */
    private static BackupPasses failedRuns(int count) {
        BackupPasses world = BackupPasses.firstWindowRunning();
        world.finish(world.runningJob(), JobResult.FAILED, "x");
        world.settle();
        for (int run = 2; run <= count; run++) {
            world.at(String.format("2026-05-01T%02d:00:00Z", 10 + run)).runWindow(JobResult.FAILED);
        }
        return world;
    }

    @Test
    void twoConsecutiveFailuresDoNotSetBackupFailing() {
        BackupPasses world = failedRuns(2);
        assertThat(Condition.isTrue(world.status.conditions(), Condition.BACKUP_FAILING)).isFalse();
    }

    @Test
    void threeConsecutiveFailuresSetBackupFailing() {
        BackupPasses world = failedRuns(3);
        assertThat(Condition.isTrue(world.status.conditions(), Condition.BACKUP_FAILING)).isTrue();
        assertThat(world.backup().consecutiveFailures()).isEqualTo(3);
    }

    @Test
    void aSuccessClearsBackupFailing() {
        BackupPasses world = failedRuns(3);
        world.at("2026-05-01T14:00:00Z").runWindow(JobResult.SUCCEEDED);
        assertThat(Condition.find(world.status.conditions(), Condition.BACKUP_FAILING))
                .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(Condition.Status.False));
    }

    @Test
    void aLostStatusWriteAfterCreatingTheJobCreatesNoSecondJob() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.at("2026-05-01T11:00:00Z").pass();
        world.passLosingStatus();
        world.advance(Duration.ofSeconds(10)).settle();
        assertThat(world.created).hasSize(1);
        assertThat(world.backup().activeRun().createdAt()).isNotNull();
    }

    @Test
    void aLostStatusWriteWhileRecordingTheRunGivesTheSameJobName() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.at("2026-05-01T11:00:00Z").passLosingStatus();
        world.advance(Duration.ofSeconds(10)).settle();
        assertThat(world.created).singleElement().extracting(j -> j.name()).isEqualTo("vault-backup-20260501-110000");
    }

    @Test
    void aJobThatIsNeverObservedBecomesAFailureAfterTheGrace() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        world.jobs.clear();
        world.advance(Duration.ofSeconds(30)).settle();
        assertThat(world.backup().activeRun()).isNotNull();
        world.advance(Duration.ofSeconds(60)).settle();
        assertThat(world.backup().activeRun()).isNull();
        assertThat(world.backup().lastFailure().reason()).isEqualTo(BackupReasons.BACKUP_JOB_MISSING);
        assertThat(world.status.operationLock().isHeld()).isFalse();
    }

    @Test
    void aRefusedCreateReleasesTheLockAfterTheGrace() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.refuseCreates = true;
        world.at("2026-05-01T11:00:00Z").settle();
        assertThat(world.status.operationLock().isHeld()).isTrue();
        world.advance(Duration.ofSeconds(61)).settle();
        assertThat(world.status.operationLock().isHeld()).isFalse();
        assertThat(world.backup().lastFailure().reason()).isEqualTo(BackupReasons.BACKUP_JOB_NOT_CREATED);
        assertThat(world.created).isEmpty();
    }

    @Test
    void removingTheBackupSpecWhileAJobRunsStillRecordsItsResult() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        world.spec = world.spec.withBackup(null);
        world.finish(world.runningJob(), JobResult.SUCCEEDED, null);
        world.settle();
        assertThat(world.backup().successfulBackups()).isEqualTo(1);
        assertThat(world.status.operationLock().isHeld()).isFalse();
    }

    @Test
    void removingTheBackupSpecBeforeTheJobIsCreatedCancelsTheRun() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.at("2026-05-01T11:00:00Z").pass();
        world.spec = world.spec.withBackup(null);
        world.settle();
        assertThat(world.created).isEmpty();
        assertThat(world.status.operationLock().isHeld()).isFalse();
        assertThat(world.backup().consecutiveFailures()).isZero();
    }

    @Test
    void aRunningJobIsNeverDeleted() {
        BackupPasses world = BackupPasses.firstWindowRunning();
        world.advance(Duration.ofHours(5));
        Decision decision = world.settle();
        assertThat(decision.actionsOf(Action.DeleteJob.class)).isEmpty();
        assertThat(world.created).hasSize(1);
    }
}
