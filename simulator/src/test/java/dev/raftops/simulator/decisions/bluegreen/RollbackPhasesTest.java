package dev.raftops.simulator.decisions.bluegreen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.bluegreen.BlueGreenReasons;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.ExecutorAction;
import org.junit.jupiter.api.Test;

class RollbackPhasesTest {

    /** In DemotingBlue with Blue already demoted and Green leading, then a rollback token. */
    private static CutoverScript rollingBackAfterDemotion(boolean trafficOnGreen) {
        CutoverScript w = CutoverScript.running("1.5.0");
        w.finishedByTest.add(ExecutorAction.DEMOTE_BLUE);
        w.runCooperatively(60, x -> x.runningJob(ExecutorAction.DEMOTE_BLUE).isPresent());
        w.finishAll(ExecutorAction.DEMOTE_BLUE, true);
        if (trafficOnGreen) {
            // as if the write that entered Cleanup was lost after the Services had switched
            CutoverScript.SERVICES.forEach(s -> w.selectors.put(s, w.bg().greenRevision()));
        }
        w.request(r -> r.withRollback("back"));
        w.step();
        return w;
    }

    @Test
    void aRollbackTokenAfterPromotionEntersRollingBack() {
        CutoverScript w = rollingBackAfterDemotion(false);
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.RollingBack);
        assertThat(w.bg().rollbackReason()).isEqualTo(BlueGreenReasons.MANUAL_ROLLBACK);
        assertThat(w.bg().rollbackStartedAt()).isEqualTo(w.now);
    }

    @Test
    void rollingBackWaitsForABlueLeaderAfterTheConsensusRepair() {
        CutoverScript w = rollingBackAfterDemotion(false);
        w.step();
        w.runningJob(ExecutorAction.REPAIR_CONSENSUS).ifPresent(j -> w.finish(j, true));
        w.noLeader();
        w.step();
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.RollingBack);
        w.leaderTo(w.blueSet());
        w.step();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.RollbackCleanup);
    }

    @Test
    void rollingBackMovesTrafficBackToBlueOnceBlueLeads() {
        CutoverScript w = rollingBackAfterDemotion(true);
        w.runCooperatively(10, x -> x.phase() == BlueGreenPhase.RollbackCleanup);
        assertThat(w.selectors.values()).containsOnly(w.bg().blueRevision());
        assertThat(w.emitted(BlueGreenReasons.TRAFFIC_SWITCHED)).isTrue();
    }

    @Test
    void rollbackCleanupDeletesGreenOnlyAfterItsPeersAreRemoved() {
        CutoverScript w = rollingBackAfterDemotion(false);
        w.finishedByTest.add(ExecutorAction.REMOVE_GREEN_PEERS);
        w.runCooperatively(10, x -> x.runningJob(ExecutorAction.REMOVE_GREEN_PEERS).isPresent());
        for (int i = 0; i < 3; i++) {
            assertThat(w.step().actionsOf(Action.DeleteWorkload.class)).isEmpty();
        }
        w.finishAll(ExecutorAction.REMOVE_GREEN_PEERS, true);
        w.step();
        Decision delete = w.step();
        assertThat(delete.actionsOf(Action.DeleteWorkload.class)).singleElement()
                .satisfies(d -> assertThat(d.statefulSet()).isEqualTo(w.greenSet()));
    }

    @Test
    void aFailedGreenPeerRemovalEntersBreakGlassToo() {
        CutoverScript w = rollingBackAfterDemotion(false);
        w.finishedByTest.add(ExecutorAction.REMOVE_GREEN_PEERS);
        w.runCooperatively(10, x -> x.runningJob(ExecutorAction.REMOVE_GREEN_PEERS).isPresent());
        w.finishAll(ExecutorAction.REMOVE_GREEN_PEERS, false);
        w.step();
        assertThat(w.status.breakGlass().active()).isTrue();
        assertThat(w.phase()).isEqualTo(BlueGreenPhase.RollbackCleanup);
    }
}
