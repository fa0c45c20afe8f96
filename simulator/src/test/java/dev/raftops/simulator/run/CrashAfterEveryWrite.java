package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.world.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Exhaustive crash testing in the manner of Sieve (OSDI 2022): the scenario runs once without a crash
 * to count its writes W; then for every k in 1..W it runs again with the controller killed right
 * after write k (a new controller with no memory takes over). The clean run (a {@link SafeRun}) and
 * every crashed run converge without breaking an invariant; every crashed run also satisfies
 * {@code alsoHolds}.
 */
final class CrashAfterEveryWrite {

    private CrashAfterEveryWrite() {
    }

    /** The clean run, once every crashed run has been checked. */
    static RunResult check(Scenario scenario, Consumer<RunResult> alsoHolds) {
        RunResult clean = SafeRun.of(scenario);
        ScenarioRunner runner = new ScenarioRunner();
        int w = clean.writes();
        for (int k = 1; k <= w; k++) {
            List<Fault> faults = new ArrayList<>(scenario.faults());
            faults.add(new Fault.CrashAfterWrite(k));
            RunResult crashed = runner.run(scenario.withFaults(faults));
            assertThat(crashed.trace()).as("the controller crashed after write %d of %d: %s", k, w, crashed.summary())
                    .anyMatch(line -> line.contains("\"fault\":\"controller-crash\""));
            assertThat(crashed.violations()).as("crash after write %d of %d: %s", k, w, crashed.summary()).isEmpty();
            assertThat(crashed.converged()).as("crash after write %d of %d: %s", k, w, crashed.summary()).isTrue();
            alsoHolds.accept(crashed);
        }
        return clean;
    }
}
