package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.simulator.check.InvariantChecker;
import dev.raftops.simulator.check.Violation;
import dev.raftops.simulator.run.broken.BrokenControllers;
import dev.raftops.simulator.run.broken.ReleaseWithoutWaitingForReady;
import dev.raftops.simulator.run.broken.RestartLeaderWithoutStepDown;
import dev.raftops.simulator.run.broken.VersionsComparedAsStrings;
import dev.raftops.simulator.world.Scenario;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Proof that the oracle can fail: controllers with a planted bug run in the simulator, and the
 * invariant checker must catch each one, for every replica count and leader placement tried.
 */
class PlantedBugTest {

    private static RunResult run(Function<DecisionInput, Decision> rolling, Scenario scenario) {
        return new ScenarioRunner(BrokenControllers.withRolling(rolling)).run(scenario);
    }

    /** With 3 and 5 replicas and the leader at every ordinal, the checker names {@code invariant}. */
    private static void caughtWhereverTheLeaderIs(Function<DecisionInput, Decision> rolling, long seeds,
            String invariant) {
        for (int replicas : new int[] {3, 5}) {
            for (int leader = 0; leader < replicas; leader++) {
                RunResult run = run(rolling, Scenario.upgrade(replicas, "2.1.0", "2.2.0", leader, seeds + leader));
                assertThat(run.violations()).as(run.summary()).extracting(Violation::invariant).contains(invariant);
            }
        }
    }

    @Test
    void releasingWithoutWaitingForReadyIsCaught() {
        caughtWhereverTheLeaderIs(ReleaseWithoutWaitingForReady::decide, 100, InvariantChecker.ONE_VOTER_DOWN);
    }

    @Test
    void restartingTheLeaderWithoutStepDownIsCaught() {
        caughtWhereverTheLeaderIs(RestartLeaderWithoutStepDown::decide, 200, InvariantChecker.LEADER_SPARED);
    }

    @Test
    void comparingVersionsAsStringsIsCaught() {
        RunResult run = run(VersionsComparedAsStrings::decide, Scenario.upgrade(3, "2.10.1", "2.9.0", 1, 300));
        assertThat(run.violations()).as(run.summary())
                .extracting(Violation::invariant).contains(InvariantChecker.VERSION_FORWARD);
    }

    @Test
    void theRealControllerRefusesTheSameDowngrade() {
        RunResult run = new ScenarioRunner().run(Scenario.upgrade(3, "2.10.1", "2.9.0", 1, 300));
        assertThat(run.violations()).as(run.summary()).isEmpty();
        assertThat(run.trace()).as(run.summary()).noneMatch(l -> l.contains("\"kind\":\"pod.deleted\""));
    }
}
