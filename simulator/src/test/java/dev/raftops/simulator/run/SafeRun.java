package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.world.Scenario;

/** A scenario that must converge without breaking an invariant: the run, once that is checked. */
final class SafeRun {

    private SafeRun() {
    }

    static RunResult of(Scenario scenario) {
        RunResult run = new ScenarioRunner().run(scenario);
        assertThat(run.converged()).as(run.summary()).isTrue();
        assertThat(run.violations()).as(run.summary()).isEmpty();
        return run;
    }
}
