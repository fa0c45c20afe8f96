package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.world.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rolling upgrades of 1 to 5 replicas (Raft state read from the pods' API, the default) while the
 * API of random pods refuses connections or answers sealed for a while, with leader changes and pod
 * crashes mixed in: every invariant holds on every step and the upgrade converges once the API
 * answers again.
 */
class ApiOutagePropertiesTest {

    static Stream<Arguments> scenarios() {
        return PropertyCases.of(100, ApiOutagePropertiesTest::scenario);
    }

    static Scenario scenario(Random random) {
        int replicas = Generate.between(random, 1, 5);
        List<Fault> faults = new ArrayList<>();
        int outages = Generate.between(random, 1, 3);
        for (int i = 0; i < outages; i++) {
            faults.add(new Fault.ApiOutage(Generate.between(random, 0, 60), random.nextInt(replicas),
                    Generate.between(random, 1, 40), random.nextBoolean()));
        }
        if (Generate.chance(random, 0.5)) {
            faults.add(new Fault.LeaderChange(Generate.between(random, 0, 60)));
        }
        if (Generate.chance(random, 0.3)) {
            faults.add(new Fault.PodCrash(Generate.between(random, 0, 60), random.nextInt(replicas)));
        }
        String from = "2." + Generate.between(random, 0, 12) + ".0";
        String to = "2." + Generate.between(random, 13, 20) + ".0";
        return Scenario.upgrade(replicas, from, to, random.nextInt(replicas), random.nextLong()).withFaults(faults)
                .withAutoRetry(true);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void upgradesStaySafeAndConvergeWhileAPodsApiIsDownForAWhile(Case<Scenario> c) {
        ScenarioRunner runner = new ScenarioRunner().tolerating(RandomFaultsPropertiesTest.KNOWN_RACES);
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
