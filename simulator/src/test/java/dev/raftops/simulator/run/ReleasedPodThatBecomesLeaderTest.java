package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.check.InvariantChecker;
import dev.raftops.simulator.check.Violation;
import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.world.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A known race, pinned down: the controller releases a follower, then (before the StatefulSet
 * controller restarts it) leadership moves onto that pod, and the rollout restarts the leader.
 * The controller did nothing wrong at release time, so {@code LEADER_SPARED} holds; the strict
 * trace invariant {@code RELEASED_POD_LED} reports it. See
 * docs/decisions/simulator-leader-after-release.md.
 */
class ReleasedPodThatBecomesLeaderTest {

    @Test
    void aLeaderChangeRightAfterAReleaseIsReportedAsTheRaceNotAsAControllerBug() {
        RunResult hit = null;
        for (long seed = 0; seed < 400 && hit == null; seed++) {
            Scenario scenario = Scenario.upgrade(3, "2.1.0", "2.2.0", 0, seed)
                    .withFaults(List.of(new Fault.LeaderChange(0)));
            RunResult run = new ScenarioRunner().run(scenario);
            if (!run.violations().isEmpty()) {
                hit = run;
            }
        }
        assertThat(hit).as("a leader change at the moment ordinal 2 is released hits it for some seed").isNotNull();
        assertThat(hit.violations()).as(hit.summary()).extracting(Violation::invariant)
                .containsExactly(InvariantChecker.RELEASED_POD_LED);
    }
}
