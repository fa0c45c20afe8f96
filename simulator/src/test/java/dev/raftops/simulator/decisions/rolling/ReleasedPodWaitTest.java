package dev.raftops.simulator.decisions.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.MemberState;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import org.junit.jupiter.api.Test;

/** What a released pod's wait says while it rolls: the wait written with its release, until a gate has a name worth a write. */
class ReleasedPodWaitTest extends RollingUpgradeFixture {

    @Test
    void aReleasedPodThatIsReadyButStillCatchingUpWritesNothingNew() {
        passUntil(Action.SetPartition.class);
        for (int i = 0; i < 60 && !(pod(2).ready() && pod(2).image().endsWith(":2.4.4")); i++) {
            world.runFor(STEP);
        }
        ClusterObservation seen = world.observe();
        // from the workload's API: Ready and unsealed on the new revision, 10,000 entries behind the leader
        ClusterObservation lagging = seen.withPods(seen.pods().stream().map(p -> p.ordinal() == 2
                ? p.probed(new MemberState(true, false, false, true, "2.4.4", 0L, 0L, world.now(), null), 10_000L)
                : p).toList());

        Decision d = decide(lagging);

        assertThat(d.actions()).isEmpty();
        assertThat(d.nextStatus()).isEqualTo(status);
    }

}
