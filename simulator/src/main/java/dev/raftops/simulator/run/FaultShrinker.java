package dev.raftops.simulator.run;

import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.world.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing scenario: removes faults one at a time for as long as the run still fails,
 * then tries a smaller cluster and no snapshot, and repeats until nothing more can go. What is left
 * is a small scenario (under this greedy search) that still fails; {@link RunResult#summary()}
 * prints it as a one-line replay.
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
            for (Scenario candidate : simpler(smallest.scenario())) {
                RunResult run = runner.run(candidate);
                if (fails.test(run)) {
                    smallest = run;
                    progress = true;
                    break;
                }
            }
        }
        return smallest;
    }

    /** One step simpler each: one fault fewer, one replica fewer, no snapshot. */
    private static List<Scenario> simpler(Scenario s) {
        List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < s.faults().size(); i++) {
            List<Fault> fewer = new ArrayList<>(s.faults());
            fewer.remove(i);
            out.add(s.withFaults(fewer));
        }
        if (s.replicas() > 1) {
            int replicas = s.replicas() - 1;
            List<Fault> fitting = new ArrayList<>();
            for (Fault f : s.faults()) {
                if (!(f instanceof Fault.PodCrash crash) || crash.ordinal() < replicas) {
                    fitting.add(f);
                }
            }
            out.add(new Scenario(replicas, s.fromVersion(), s.toVersion(), Math.min(s.leader(), replicas - 1),
                    s.seed(), fitting, s.brokenVersion(), s.failureMode(), s.autoRetry(), s.snapshot(), s.labelLag(),
                    s.limit(), s.blueGreen()));
        }
        if (s.snapshot()) {
            out.add(s.withSnapshot(false));
        }
        return out;
    }
}
