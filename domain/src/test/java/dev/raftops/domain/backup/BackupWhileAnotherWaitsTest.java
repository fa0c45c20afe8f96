package dev.raftops.domain.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The backup family in a pass that a running upgrade ended: it may only record a window it skips,
 * never start a run or consume a person's token.
 */
class BackupWhileAnotherWaitsTest {

    private static BackupPasses hourlyAt1100(java.util.function.UnaryOperator<dev.raftops.domain.resource.ClusterStatus> status) {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.status = status.apply(world.status);
        return world.at("2026-05-01T11:00:00Z");
    }

    private static String skipMessage(Decision d) {
        return d.actionsOf(Action.Emit.class).stream().map(e -> e.event())
                .filter(e -> e.reason().equals(BackupReasons.BACKUP_SKIPPED)).map(e -> e.message()).findFirst()
                .orElse(null);
    }

    @Test
    void aWindowDueWhileAnUpgradeRunsIsConsumedWithBackupSkipped() {
        BackupPasses world = hourlyAt1100(BackupSuppressionTest::upgradeRunning);
        Decision d = BackupDecision.whileAnotherWaits(world.input());
        assertThat(skipMessage(d)).contains(BackupReasons.UPGRADE_IN_PROGRESS);
        assertThat(d.nextStatus().backup().nextScheduledBackup()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
        assertThat(d.nextStatus().operationLock()).isEqualTo(world.status.operationLock());
        assertThat(d.actionsOf(Action.CreateJob.class)).isEmpty();
    }

    @Test
    void aManualTokenGivenWhileAnUpgradeRunsStaysPending() {
        BackupPasses world = BackupPasses.hourlyFrom1015();
        world.status = BackupSuppressionTest.upgradeRunning(world.status);
        world.trigger("before-the-maintenance-window");
        Decision d = BackupDecision.whileAnotherWaits(world.input());
        assertThat(d.actions()).isEmpty();
        assertThat(d.nextStatus().requests().lastHandledBackupTrigger()).isNull();
    }

    @Test
    void aWindowThatCouldRunIsLeftForAPassOfItsOwn() {
        BackupPasses world = hourlyAt1100(s -> s);
        Decision d = BackupDecision.whileAnotherWaits(world.input());
        assertThat(d.actions()).isEmpty();
        assertThat(d.nextStatus()).isEqualTo(world.status);
    }

    @Test
    void aWindowNotYetDueChangesNothing() {
        BackupPasses world = hourlyAt1100(BackupSuppressionTest::upgradeRunning).at("2026-05-01T10:59:59Z");
        Decision d = BackupDecision.whileAnotherWaits(world.input());
        assertThat(d.actions()).isEmpty();
        assertThat(d.nextStatus()).isEqualTo(world.status);
    }
}
