package dev.raftops.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.MemberStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberShowingTest {

    static final ClusterKey KEY = new ClusterKey("default", "db");
    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    static final List<PodView> READY = List.of(pod(true));
    static final List<PodView> RESTARTING = List.of(pod(false));
    static final ClusterStatus UPGRADING = ClusterStatus.initial().withOperationLock(
            OperationLock.free().acquire(Operation.Upgrade, Holders.UPGRADE, "rolling", T0).lock())
            .withMembers(MemberStatus.of(READY));

    final MemberShowing showing = new MemberShowing();

    static PodView pod(boolean ready) {
        return new PodView("db-0", "db", 0, "uid", "rev", "img", "2.4.0", ready, false, 0, Leadership.FOLLOWER, 0L,
                true, Map.of());
    }

    @Test
    void duringAnOperationAPassThatWritesNothingElseLeavesTheMembersLastWritten() {
        showing.written(KEY, T0);

        assertThat(showing.shown(KEY, UPGRADING, UPGRADING, RESTARTING, T0.plusSeconds(5)))
                .isEqualTo(UPGRADING.members());
    }

    @Test
    void duringAnOperationTheMembersRideOnTheOperationsOwnStatusWrite() {
        showing.written(KEY, T0);
        ClusterStatus step = UPGRADING.withCondition(Condition.PROGRESSING, Condition.Status.True, "WaitingForPod",
                "ordinal 0 waits for: PodReady", 1, T0);

        assertThat(showing.shown(KEY, UPGRADING, step, RESTARTING, T0.plusSeconds(5)))
                .isEqualTo(MemberStatus.of(RESTARTING));
    }

    @Test
    void duringAnOperationMembersOlderThanTheRefreshIntervalAreWrittenAnyway() {
        showing.written(KEY, T0);

        assertThat(showing.shown(KEY, UPGRADING, UPGRADING, RESTARTING, T0.plus(MemberShowing.REFRESH)))
                .isEqualTo(MemberStatus.of(RESTARTING));
    }

    @Test
    void inSteadyStateEveryChangeOfTheMembersIsShown() {
        ClusterStatus steady = ClusterStatus.initial().withMembers(MemberStatus.of(READY));
        showing.written(KEY, T0);

        assertThat(showing.shown(KEY, steady, steady, RESTARTING, T0.plusSeconds(5)))
                .isEqualTo(MemberStatus.of(RESTARTING));
    }

    @Test
    void aControllerThatHasNotWrittenTheStatusYetShowsWhatItSees() {
        assertThat(showing.shown(KEY, UPGRADING, UPGRADING, RESTARTING, T0.plusSeconds(5)))
                .isEqualTo(MemberStatus.of(RESTARTING));
    }
}
