package dev.raftops.domain.opslifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditFieldsTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void usesTheWireNamesInAFixedOrder() {
        AuditFields audit = new AuditFields("ns/c", Operation.Upgrade, Holders.UPGRADE, 7L, "Running", "Upgrading",
                "UpgradeStarted");

        assertThat(List.copyOf(audit.asMap().keySet()))
                .containsExactly("cluster", "operation", "holder", "epoch", "phase_from", "phase_to", "reason");
        assertThat(List.copyOf(audit.asMap().values()))
                .containsExactly("ns/c", "Upgrade", "raftcluster/upgrade", "7", "Running", "Upgrading", "UpgradeStarted");
    }

    @Test
    void leavesAbsentFieldsOut() {
        assertThat(AuditFields.of("ns/c", "BackupSkipped").asMap())
                .containsExactly(java.util.Map.entry("cluster", "ns/c"), java.util.Map.entry("reason", "BackupSkipped"));
    }

    @Test
    void takesOperationHolderAndEpochFromAHeldLock() {
        OperationLock lock = OperationLock.free().acquire(Operation.Backup, Holders.BACKUP, "nightly", T0).lock();

        AuditFields audit = AuditFields.of("ns/c", lock, "BackupStarted").withPhases("Running", "BackingUp");

        assertThat(audit.asMap()).containsEntry("operation", "Backup").containsEntry("holder", "raftcluster/backup")
                .containsEntry("epoch", "1").containsEntry("phase_from", "Running").containsEntry("phase_to", "BackingUp");
    }

    @Test
    void aFreeLockContributesNoEpoch() {
        OperationLock freed = OperationLock.free().acquire(Operation.Backup, Holders.BACKUP, null, T0).lock()
                .release(Operation.Backup, Holders.BACKUP).lock();

        assertThat(AuditFields.of("ns/c", freed, "LockReleased").asMap()).doesNotContainKeys("epoch", "holder", "operation");
    }

    @Test
    void replacesTheReasonOnly() {
        AuditFields first = new AuditFields("ns/c", Operation.Upgrade, Holders.UPGRADE, 3L, "Running", "Upgrading", "a");

        AuditFields second = first.withReason("b");

        assertThat(second).isEqualTo(new AuditFields("ns/c", Operation.Upgrade, Holders.UPGRADE, 3L, "Running",
                "Upgrading", "b"));
    }
}
