package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.simulator.check.InvariantChecker;
import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.world.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random mode: rolling upgrades of 1 to 5 replicas under a random mix of faults (409s, stale
 * reads, dropped and delayed events, leader changes, pod crashes, controller crashes, Job failures, a
 * retarget to a newer version mid-upgrade, and a simulated operator who retries a failed upgrade). Invariants are checked on every trace line
 * as it is written; a failing run is shrunk and printed as a one-line replay.
 */
class RandomFaultsPropertiesTest {

    static Stream<Arguments> scenarios() {
        return PropertyCases.of(200, RandomFaultsPropertiesTest::scenario);
    }

    static Scenario scenario(Random random) {
        int replicas = Generate.between(random, 1, 5);
        List<Fault> faults = new ArrayList<>();
        int count = Generate.between(random, 1, 8);
        for (int i = 0; i < count; i++) {
            faults.add(switch (random.nextInt(8)) {
                case 0 -> new Fault.ConflictOnWrite(Generate.between(random, 1, 25));
                case 1 -> new Fault.StaleRead(Generate.between(random, 1, 50));
                case 2 -> new Fault.DropEvent(Generate.between(random, 1, 25));
                case 3 -> new Fault.DelayEvent(Generate.between(random, 1, 25), Generate.between(random, 1, 20));
                case 4 -> new Fault.LeaderChange(Generate.between(random, 0, 50));
                case 5 -> new Fault.PodCrash(Generate.between(random, 0, 50), random.nextInt(replicas));
                case 6 -> new Fault.CrashAfterWrite(Generate.between(random, 1, 25));
                default -> new Fault.JobFailure(Generate.between(random, 1, 3));
            });
        }
        if (Generate.chance(random, 0.3)) {
            faults.add(new Fault.NewTarget(Generate.between(random, 0, 60), "2." + Generate.between(random, 21, 24) + ".0"));
        }
        String from = "2." + Generate.between(random, 0, 12) + "." + Generate.between(random, 0, 3);
        String to = "2." + Generate.between(random, 13, 20) + ".0";
        return Scenario.upgrade(replicas, from, to, random.nextInt(replicas), random.nextLong()).withFaults(faults)
                .withAutoRetry(true).withSnapshot(Generate.chance(random, 0.3));
    }

    /**
     * Tolerated, not ignored: a follower released by the controller can be elected leader before
     * the StatefulSet controller restarts it (see docs/decisions/simulator-leader-after-release.md);
     * {@link ReleasedPodThatBecomesLeaderTest} pins that race down. Every other invariant stops the run.
     */
    static final Set<String> KNOWN_RACES = Set.of(InvariantChecker.RELEASED_POD_LED);

    @ParameterizedTest
    @MethodSource("scenarios")
    void upgradesConvergeSafelyUnderMixedFaults(Case<Scenario> c) {
        convergesSafely(c);
    }

    /**
     * Runs the case tolerating only {@link #KNOWN_RACES}; a run that breaks an invariant or does not
     * converge is shrunk and its one-line replay printed before the assertions fail.
     */
    static void convergesSafely(Case<Scenario> c) {
        ScenarioRunner runner = new ScenarioRunner().tolerating(KNOWN_RACES);
        RunResult run = runner.run(c.value());
        if (!run.safe() || !run.converged()) {
            RunResult shrunk = new FaultShrinker(runner).shrink(run, r -> !r.safe() || !r.converged());
            System.out.println(shrunk.summary());
            run = shrunk;
        }
        assertThat(run.violations()).as(c.why("invariants hold on every step; " + run.summary())).isEmpty();
        assertThat(run.result()).as(c.why("the upgrade converges; " + run.summary())).isEqualTo("converged");
    }
}
