package dev.raftops.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodViewCaughtUpTest {

    static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    static PodView pod(String name, Long lag) {
        return new PodView(name, "db", Integer.parseInt(name.substring(3)), "uid", "rev", "img", "2.4.0", true, false,
                0, Leadership.UNKNOWN, lag, true, Map.of());
    }

    static MemberState answered(boolean leading, boolean sealed, boolean initialized, Long applied) {
        return new MemberState(true, leading, sealed, initialized, "2.4.4", applied, 100L, AT, null);
    }

    @Test
    void fromLabelsAReadyPodWithoutALagAnnotationCountsAsCaughtUp() {
        assertThat(pod("db-0", null).caughtUp(0)).isTrue();
    }

    @Test
    void fromTheApiAReadyPodWhoseProbeFailedIsNotCaughtUpAndMayLead() {
        PodView probed = pod("db-0", null).probed(MemberState.failed(AT, "connection refused"), 100L);
        assertThat(probed.caughtUp(1000)).isFalse();
        assertThat(probed.leadership()).isEqualTo(Leadership.UNKNOWN);
        assertThat(probed.waitsFor(1000)).containsExactly(MemberState.RAFT_STATE);
        assertThat(probed.probeError()).isEqualTo("connection refused");
    }

    @Test
    void aSealedMemberWaitsForUnsealedByName() {
        PodView probed = pod("db-2", null).probed(answered(false, true, true, null), 100L);
        assertThat(probed.waitsFor(10)).containsExactly(MemberState.UNSEALED);
    }

    @Test
    void anUninitialisedMemberWaitsForInitializedByName() {
        PodView probed = pod("db-2", null).probed(answered(false, true, false, null), 100L);
        assertThat(probed.waitsFor(10)).containsExactly(MemberState.INITIALIZED, MemberState.UNSEALED);
    }

    @Test
    void theLagIsTheLeadersCommittedIndexMinusThePodsAppliedIndex() {
        ClusterObservation observed = ClusterObservation.of(List.of(), List.of(pod("db-0", null), pod("db-1", null)),
                List.of());
        ClusterObservation probed = observed.withMembers(Map.of(
                "db-0", new MemberState(true, true, false, true, "2.4.4", 120L, 120L, AT, null),
                "db-1", new MemberState(true, false, false, true, "2.4.4", 95L, 118L, AT, null)), AT);
        assertThat(probed.pods()).extracting(PodView::lag).containsExactly(0L, 25L);
        assertThat(probed.pods()).extracting(PodView::leadership).containsExactly(Leadership.LEADER, Leadership.FOLLOWER);
    }

    @Test
    void withoutAKnownLeaderEveryLagIsUnknownSoNobodyIsCaughtUp() {
        ClusterObservation observed = ClusterObservation.of(List.of(), List.of(pod("db-0", null), pod("db-1", null)),
                List.of());
        ClusterObservation probed = observed.withMembers(Map.of(
                "db-0", MemberState.failed(AT, "timed out"), "db-1", answered(false, false, true, 100L)), AT);
        assertThat(probed.pods()).noneMatch(p -> p.caughtUp(1000));
    }

    @Test
    void twoClaimingLeadersCountTheLagFromTheHigherCommitIndex() {
        ClusterObservation observed = ClusterObservation.of(List.of(), List.of(pod("db-0", null), pod("db-1", null),
                pod("db-2", null)), List.of());
        ClusterObservation probed = observed.withMembers(Map.of(
                "db-0", new MemberState(true, true, false, true, "2.4.4", 100L, 100L, AT, null),
                "db-1", new MemberState(true, true, false, true, "2.4.4", 90L, 90L, AT, null),
                "db-2", answered(false, false, true, 95L)), AT);
        assertThat(probed.pods()).extracting(PodView::lag).containsExactly(0L, 10L, 5L);
    }

    @Test
    void aPodTheProbeDidNotReachIsUnknown() {
        ClusterObservation probed = ClusterObservation.of(List.of(), List.of(pod("db-0", null)), List.of())
                .withMembers(Map.of(), AT);
        assertThat(probed.pods().get(0).member().known()).isFalse();
    }
}
