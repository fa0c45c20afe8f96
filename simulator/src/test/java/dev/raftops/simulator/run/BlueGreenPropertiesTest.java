package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.world.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random blue/green cutovers of 1 to 5 replicas, auto-promoted or held for a token, with or
 * without a strict Job failure budget and a pre-upgrade snapshot, under a random mix of faults (409s, stale reads, dropped
 * and delayed events, leader changes, pod crashes, controller crashes, failed Jobs, a new target
 * mid-attempt). Every trace
 * line is checked as it is written (one colour selected, lock exclusivity, version only forward
 * and exact, ...); each run must either converge on the target or end with a stated reason
 * (aborted, rolled back, or held for a person) and never time out silently.
 */
class BlueGreenPropertiesTest {

    static Stream<Arguments> scenarios() {
        return PropertyCases.of(150, BlueGreenPropertiesTest::scenario);
    }

    static Scenario scenario(Random random) {
        int replicas = Generate.between(random, 1, 5);
        List<Fault> faults = new ArrayList<>();
        int count = Generate.between(random, 0, 6);
        for (int i = 0; i < count; i++) {
            faults.add(switch (random.nextInt(7)) {
                case 0 -> new Fault.ConflictOnWrite(Generate.between(random, 1, 30));
                case 1 -> new Fault.StaleRead(Generate.between(random, 1, 60));
                case 2 -> new Fault.DropEvent(Generate.between(random, 1, 40));
                case 3 -> new Fault.DelayEvent(Generate.between(random, 1, 40), Generate.between(random, 1, 20));
                case 4 -> new Fault.LeaderChange(Generate.between(random, 0, 60));
                case 5 -> new Fault.PodCrash(Generate.between(random, 0, 60), random.nextInt(replicas));
                default -> new Fault.CrashAfterWrite(Generate.between(random, 1, 30));
            });
        }
        if (Generate.chance(random, 0.4)) {
            faults.add(new Fault.JobFailure(Generate.between(random, 1, 6)));
        }
        if (Generate.chance(random, 0.2)) {
            faults.add(new Fault.NewTarget(Generate.between(random, 0, 40), "2." + Generate.between(random, 21, 24) + ".0"));
        }
        Scenario.BlueGreenRun run = new Scenario.BlueGreenRun(Generate.chance(random, 0.7),
                Generate.chance(random, 0.5) ? 1 : 5);
        String from = "2." + Generate.between(random, 0, 12) + ".0";
        String to = "2." + Generate.between(random, 13, 20) + ".0";
        return Scenario.blueGreen(replicas, from, to, random.nextInt(replicas), random.nextLong(), run)
                .withFaults(faults).withSnapshot(Generate.chance(random, 0.2)).withLimit(Duration.ofHours(2));
    }

    private static final Set<String> ENDINGS = Set.of("converged", "failed", "blocked");

    @ParameterizedTest
    @MethodSource("scenarios")
    void cutoversKeepOneColourAndOneLockAndEndWithAStatedOutcome(Case<Scenario> c) {
        ScenarioRunner runner = new ScenarioRunner();
        RunResult run = runner.run(c.value());
        if (!run.safe() || "timeout".equals(run.result())) {
            RunResult shrunk = new FaultShrinker(runner).shrink(run, r -> !r.safe() || "timeout".equals(r.result()));
            System.out.println(shrunk.summary());
            run = shrunk;
        }
        assertThat(run.violations()).as(c.why("invariants hold on every step; " + run.summary())).isEmpty();
        assertThat(run.result()).as(c.why("the cutover ends; " + run.summary())).isIn(ENDINGS);
        if (!run.converged()) {
            assertThat(run.reason()).as(c.why("a stated reason; " + run.summary())).isNotBlank();
        }
        if (run.scenario().faults().stream().noneMatch(f -> f instanceof Fault.JobFailure)) {
            assertThat(run.result()).as(c.why("without a failed Job the cutover converges; " + run.summary()))
                    .isEqualTo("converged");
        }
    }
}
