package dev.raftops.simulator.decisions.bluegreen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.bluegreen.BlueGreenReasons;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.Revision;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdleHousekeepingTest {

    @Test
    void deletesALeftoverGreenThatNoServiceSelects() {
        CutoverScript w = CutoverScript.running("1.4.0");
        String stale = Revision.of("1.5.0", CutoverScript.image("1.5.0"), 3);
        w.createWorkload(new Action.CreateWorkload(Revision.statefulSet(CutoverScript.NAME, stale), stale, "1.5.0",
                CutoverScript.image("1.5.0"), 3, null));
        Decision d = w.step();
        assertThat(d.actionsOf(Action.DeleteWorkload.class)).singleElement()
                .satisfies(del -> assertThat(del.statefulSet()).isEqualTo(Revision.statefulSet(CutoverScript.NAME, stale)));
        assertThat(w.step().wake()).isInstanceOf(Wake.After.class);
        w.settlePods();
        assertThat(w.step().wake()).isInstanceOf(Wake.Idle.class);
    }

    @Test
    void neverDeletesTheRollingStatefulSetOrBlue() {
        CutoverScript w = CutoverScript.running("1.4.0");
        w.createWorkload(new Action.CreateWorkload(CutoverScript.NAME, "rolling", "1.4.0", CutoverScript.image("1.4.0"),
                3, null));
        assertThat(w.step().actionsOf(Action.DeleteWorkload.class)).isEmpty();
    }

    @Test
    void releasesALockItStillHoldsWhileIdle() {
        CutoverScript w = CutoverScript.running("1.4.0");
        w.status = w.status.withOperationLock(w.status.operationLock()
                .acquire(Operation.BlueGreen, Holders.BLUE_GREEN, "left over", w.now).lock());
        w.step();
        assertThat(w.status.operationLock().isHeld()).isFalse();
    }

    @Test
    void aNewImageAtTheRunningVersionIsRefusedOnceAndBlueIsNotRolledInPlace() {
        CutoverScript w = CutoverScript.running("1.4.0");
        w.editSpec(s -> s.withVersion("1.4.0", "mirror.example/openbao/openbao:1.4.0"));
        Decision d = w.step();
        assertThat(d.actions()).allMatch(a -> a instanceof Action.Emit);
        assertThat(w.emitted(BlueGreenReasons.IMAGE_CHANGE_NOT_SUPPORTED)).isTrue();
        assertThat(dev.raftops.domain.cluster.Condition.find(w.status.conditions(),
                dev.raftops.domain.cluster.Condition.UPGRADING).orElseThrow().reason())
                .isEqualTo(BlueGreenReasons.IMAGE_CHANGE_NOT_SUPPORTED);
        assertThat(w.step().actions()).as("told once").isEmpty();
    }

    @Test
    void aRetryTokenWithNothingFailedIsRecordedAndIgnored() {
        CutoverScript w = CutoverScript.idleAfterRequest(r -> r.withRetry("r1"));
        assertThat(w.status.requests().lastHandledRetry()).isEqualTo("r1");
        assertThat(w.emitted(BlueGreenReasons.RETRY_IGNORED)).isTrue();
    }

    @Test
    void theStartEventCarriesTheNewLockInItsAuditFields() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.step();
        ClusterEvent started = w.events.stream().filter(e -> e.reason().equals(BlueGreenReasons.UPGRADE_STARTED))
                .findFirst().orElseThrow();
        assertThat(started.audit().holder()).isEqualTo(Holders.BLUE_GREEN);
        assertThat(started.audit().epoch()).isEqualTo(w.status.operationLock().epoch());
        assertThat(started.audit().phaseTo()).isEqualTo("DeployingGreen");
    }

    @Test
    void aPreUpgradeSnapshotRunsBeforeGreenIsCreated() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.editUpgrade(u -> u.withPreUpgradeSnapshot(true));
        w.step();
        assertThat(w.bg().snapshotJob()).isNotNull();
        Decision d = w.step();
        assertThat(d.actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().name()).isEqualTo(w.bg().snapshotJob()));
        assertThat(w.step().actionsOf(Action.CreateWorkload.class)).isEmpty();
        w.finishAll(ExecutorAction.PRE_UPGRADE_SNAPSHOT, true);
        w.step();
        assertThat(w.step().actionsOf(Action.CreateWorkload.class)).hasSize(1);
    }

    @Test
    void thePreUpgradeSnapshotJobIsToldWhereBackupsGo() {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.editUpgrade(u -> u.withPreUpgradeSnapshot(true));
        w.editSpec(s -> s.withBackup(new BackupSpec(null, null, null,
                Map.of("bucket", "snapshots", "pathStyle", "true"), null, null)));
        w.step();
        Decision d = w.step();

        assertThat(d.actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().parameters())
                        .containsEntry("RAFTOPS_TARGET_BUCKET", "snapshots")
                        .containsEntry("RAFTOPS_TARGET_PATH_STYLE", "true"));
    }
}
