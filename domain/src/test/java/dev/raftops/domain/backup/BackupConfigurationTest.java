package dev.raftops.domain.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.resource.BackupSpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Invalid, fixed, disabled and re-enabled schedules. */
class BackupConfigurationTest {

    private static BackupPasses withSchedule(String schedule, String zone) {
        return new BackupPasses(schedule, zone, Instant.parse("2026-05-01T10:15:00Z"));
    }

    @Test
    void anInvalidCronSetsTheConditionWithTheParsersReason() {
        BackupPasses world = withSchedule("0 25 * * *", "UTC");
        world.settle();
        assertThat(Condition.find(world.status.conditions(), Condition.BACKUP_CONFIGURATION_INVALID))
                .hasValueSatisfying(c -> {
                    assertThat(c.status()).isEqualTo(Condition.Status.True);
                    assertThat(c.message()).contains("25 not in range");
                });
    }

    @Test
    void anInvalidScheduleCreatesNoJobAndWaitsForASpecEdit() {
        BackupPasses world = withSchedule("every day", "UTC");
        Decision decision = world.settle();
        world.advance(Duration.ofDays(2)).settle();
        assertThat(world.created).isEmpty();
        assertThat(decision.wake()).isInstanceOf(Wake.Idle.class);
    }

    @Test
    void anInvalidTimeZoneSetsTheCondition() {
        BackupPasses world = withSchedule("@daily", "Europe/Atlantis");
        world.settle();
        assertThat(Condition.find(world.status.conditions(), Condition.BACKUP_CONFIGURATION_INVALID))
                .hasValueSatisfying(c -> assertThat(c.message()).contains("Europe/Atlantis"));
    }

    @Test
    void theInvalidConfigurationEventIsEmittedOncePerReason() {
        BackupPasses world = withSchedule("0 25 * * *", "UTC");
        world.settle();
        world.advance(Duration.ofMinutes(1)).settle();
        assertThat(world.events(BackupReasons.BACKUP_CONFIGURATION_INVALID)).hasSize(1);
    }

    @Test
    void aScheduleThatNeverFiresIsInvalid() {
        BackupPasses world = withSchedule("0 0 30 2 *", "UTC");
        world.settle();
        assertThat(Condition.isTrue(world.status.conditions(), Condition.BACKUP_CONFIGURATION_INVALID)).isTrue();
    }

    @Test
    void fixingTheScheduleClearsTheConditionAndStartsFromTheNextWindow() {
        BackupPasses world = withSchedule("0 25 * * *", "UTC");
        world.settle();
        world.spec = world.spec.withBackup(world.spec.backup().withSchedule("@hourly", "UTC"));
        world.settle();
        assertThat(Condition.isTrue(world.status.conditions(), Condition.BACKUP_CONFIGURATION_INVALID)).isFalse();
        assertThat(world.backup().nextScheduledBackup()).isEqualTo(Instant.parse("2026-05-01T11:00:00Z"));
        assertThat(world.created).isEmpty();
    }

    @Test
    void aTokenWhileTheScheduleIsInvalidIsAcknowledgedAndSkipped() {
        BackupPasses world = withSchedule("0 25 * * *", "UTC");
        world.trigger("please");
        world.settle();
        assertThat(world.created).isEmpty();
        assertThat(world.status.requests().lastHandledBackupTrigger()).isEqualTo("please");
        assertThat(world.events(BackupReasons.BACKUP_SKIPPED)).hasSize(1);
    }

    @Test
    void anInvalidScheduleLeavesTheUpgradePathAlone() {
        BackupPasses world = withSchedule("0 25 * * *", "UTC");
        var before = world.status;
        world.settle();
        assertThat(world.status.operationLock()).isEqualTo(before.operationLock());
        assertThat(world.status.upgrade()).isEqualTo(before.upgrade());
        assertThat(world.status.currentVersion()).isEqualTo(before.currentVersion());
    }

    @Test
    void disablingForgetsTheWindow() {
        BackupPasses world = withSchedule("@hourly", "UTC");
        world.settle();
        world.spec = world.spec.withBackup(null);
        Decision decision = world.settle();
        assertThat(world.backup().nextScheduledBackup()).isNull();
        assertThat(decision.wake()).isInstanceOf(Wake.Idle.class);
    }

    @Test
    void reEnablingLongAfterAWindowStartsFromTheNextWindowNotImmediately() {
        BackupPasses world = withSchedule("@hourly", "UTC");
        world.settle();
        BackupSpec backup = world.spec.backup();
        world.spec = world.spec.withBackup(null);
        world.settle();
        world.spec = world.spec.withBackup(backup);
        world.at("2026-05-01T13:30:00Z").settle();
        assertThat(world.created).isEmpty();
        assertThat(world.backup().nextScheduledBackup()).isEqualTo(Instant.parse("2026-05-01T14:00:00Z"));
    }
}
