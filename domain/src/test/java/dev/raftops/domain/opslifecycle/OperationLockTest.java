package dev.raftops.domain.opslifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OperationLockTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(30);

    private static OperationLock heldByUpgrade() {
        return OperationLock.free().acquire(Operation.Upgrade, Holders.UPGRADE, "rolling to 1.2.0", T0).lock();
    }

    @Test
    void acquiringAFreeLockTakesItWithTheNextEpoch() {
        LockOutcome outcome = OperationLock.free().acquire(Operation.Upgrade, Holders.UPGRADE, "rolling", T0);

        assertThat(outcome).isInstanceOf(LockOutcome.Acquired.class);
        assertThat(outcome.holds()).isTrue();
        assertThat(outcome.lock()).isEqualTo(new OperationLock(Operation.Upgrade, Holders.UPGRADE, "rolling", T0, T0, 1));
    }

    @Test
    void acquiringAFreedLockContinuesItsEpoch() {
        OperationLock freed = heldByUpgrade().release(Operation.Upgrade, Holders.UPGRADE).lock();

        LockOutcome outcome = freed.acquire(Operation.Backup, Holders.BACKUP, "backup", T1);

        assertThat(outcome.lock().epoch()).isEqualTo(2);
    }

    @Test
    void renewingByTheExactHolderKeepsEpochAndAcquiredAt() {
        LockOutcome outcome = heldByUpgrade().acquire(Operation.Upgrade, Holders.UPGRADE, "ordinal 1", T1);

        assertThat(outcome).isInstanceOf(LockOutcome.Renewed.class);
        assertThat(outcome.holds()).isTrue();
        assertThat(outcome.lock().epoch()).isEqualTo(1);
        assertThat(outcome.lock().acquiredAt()).isEqualTo(T0);
        assertThat(outcome.lock().renewedAt()).isEqualTo(T1);
        assertThat(outcome.lock().message()).isEqualTo("ordinal 1");
    }

    @Test
    void anotherHolderIsToldWhoHoldsTheLock() {
        OperationLock held = heldByUpgrade();

        LockOutcome outcome = held.acquire(Operation.Backup, Holders.BACKUP, "backup", T1);

        assertThat(outcome).isInstanceOf(LockOutcome.HeldByOther.class);
        assertThat(outcome.holds()).isFalse();
        assertThat(outcome.lock()).isSameAs(held);
    }

    @Test
    void sameHolderWithAnotherOperationIsHeldByOther() {
        OperationLock held = heldByUpgrade();

        LockOutcome outcome = held.acquire(Operation.BlueGreen, Holders.UPGRADE, "blue/green", T1);

        assertThat(outcome).isInstanceOf(LockOutcome.HeldByOther.class);
        assertThat(outcome.lock()).isSameAs(held);
    }

    @Test
    void sameOperationWithAnotherHolderIsHeldByOther() {
        OperationLock held = OperationLock.free().acquire(Operation.Restore, Holders.restore("a"), "restore a", T0).lock();

        LockOutcome outcome = held.acquire(Operation.Restore, Holders.restore("b"), "restore b", T1);

        assertThat(outcome).isInstanceOf(LockOutcome.HeldByOther.class);
    }

    @Test
    void releaseByTheExactHolderFreesTheLockAndKeepsTheEpoch() {
        LockOutcome outcome = heldByUpgrade().release(Operation.Upgrade, Holders.UPGRADE);

        assertThat(outcome).isInstanceOf(LockOutcome.Released.class);
        assertThat(outcome.holds()).isFalse();
        assertThat(outcome.lock().isHeld()).isFalse();
        assertThat(outcome.lock().epoch()).isEqualTo(1);
    }

    @Test
    void releaseByAnyoneElseChangesNothing() {
        OperationLock held = heldByUpgrade();

        assertThat(held.release(Operation.Backup, Holders.BACKUP)).isEqualTo(new LockOutcome.NotHolder(held));
        assertThat(held.release(Operation.BlueGreen, Holders.UPGRADE)).isEqualTo(new LockOutcome.NotHolder(held));
        assertThat(held.release(Operation.Upgrade, Holders.BACKUP)).isEqualTo(new LockOutcome.NotHolder(held));
    }

    @Test
    void releasingAFreeLockIsANoOp() {
        OperationLock free = OperationLock.free();

        LockOutcome outcome = free.release(Operation.Upgrade, Holders.UPGRADE);

        assertThat(outcome).isInstanceOf(LockOutcome.NotHolder.class);
        assertThat(outcome.lock()).isEqualTo(free);
    }

    @Test
    void aForcedReleaseNamingTheHolderAndItsEpochFreesTheLockAndMovesTheEpochOn() {
        OperationLock held = heldByUpgrade();

        LockOutcome outcome = held.forceRelease(Holders.UPGRADE, held.epoch());

        assertThat(outcome).isInstanceOf(LockOutcome.ForceReleased.class);
        assertThat(((LockOutcome.ForceReleased) outcome).previous()).isEqualTo(held);
        assertThat(outcome.holds()).isFalse();
        assertThat(outcome.lock()).isEqualTo(new OperationLock(null, null, null, null, null, held.epoch() + 1));
    }

    @Test
    void aForcedReleaseNamingAnOlderEpochChangesNothing() {
        OperationLock held = heldByUpgrade();

        LockOutcome outcome = held.forceRelease(Holders.UPGRADE, held.epoch() - 1);

        assertThat(outcome).isInstanceOf(LockOutcome.Stale.class);
        assertThat(outcome.lock()).isEqualTo(held);
    }

    @Test
    void aForcedReleaseNamingAnotherHolderChangesNothing() {
        OperationLock held = heldByUpgrade();

        LockOutcome outcome = held.forceRelease(Holders.BACKUP, held.epoch());

        assertThat(outcome).isInstanceOf(LockOutcome.Stale.class);
        assertThat(outcome.lock()).isEqualTo(held);
    }

    @Test
    void aLockHasBothOperationAndHolderOrNeither() {
        assertThatThrownBy(() -> new OperationLock(Operation.Upgrade, null, null, null, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OperationLock(null, Holders.UPGRADE, null, null, null, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeEpochIsRefused() {
        assertThatThrownBy(() -> new OperationLock(null, null, null, null, null, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void holdersAreLogicalNames() {
        assertThat(Holders.UPGRADE).isEqualTo("raftcluster/upgrade");
        assertThat(Holders.BACKUP).isEqualTo("raftcluster/backup");
        assertThat(Holders.restore("nightly")).isEqualTo("restore/nightly");
    }
}
