package dev.raftops.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

    @Test
    void aFaultFreeUpgradeConverges() {
        RunResult run = new ScenarioRunner().run(Scenario.upgrade(3, "2.1.0", "2.2.0", 0, 7));
        System.out.println(run.summary() + "\n" + run.traceText());
        assertThat(run.converged()).as(run.summary() + "\n" + run.traceText()).isTrue();
        assertThat(run.violations()).as(run.traceText()).isEmpty();
    }
}
