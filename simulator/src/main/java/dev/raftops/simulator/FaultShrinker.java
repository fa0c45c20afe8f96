package dev.raftops.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing scenario: removes faults one at a time for as long as the run still fails,
 * until no single fault can go. What is left is the smallest set of faults (under this greedy
 * search) that still breaks the run; {@link Scenario#replay()} prints it on one line.
 */
public final class FaultShrinker {

    private final ScenarioRunner runner;

    public FaultShrinker(ScenarioRunner runner) {
        this.runner = runner;
    }

    /** The smallest failing run found, starting from {@code failing} (which must fail). */
    public RunResult shrink(RunResult failing, Predicate<RunResult> fails) {
        RunResult smallest = failing;
        boolean progress = true;
        while (progress) {
            progress = false;
            List<Fault> faults = smallest.scenario().faults();
            for (int i = 0; i < faults.size(); i++) {
                List<Fault> fewer = new ArrayList<>(faults);
                fewer.remove(i);
                RunResult candidate = runner.run(smallest.scenario().withFaults(fewer));
                if (fails.test(candidate)) {
                    smallest = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return smallest;
    }
}
