package dev.raftops.benchmarks;

import dev.raftops.simulator.run.RunResult;
import dev.raftops.simulator.run.ScenarioRunner;
import dev.raftops.simulator.world.Scenario;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Simulated rolling upgrades per second in {@code SimWorld}, single thread: one operation is a whole
 * {@link ScenarioRunner} run of an upgrade 2.4.0 → 2.5.0, the way the property tests run it: the full
 * {@code AdminOpsService} pass (every family, the gates) through the simulated ports, the simulated
 * StatefulSet, Raft and Jobs, the trace and the invariant checker reading it. Seeds and the initial
 * leader cycle through 16 values. The {@code reconciles} counter reports the controller's reconcile
 * calls per second in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class SimWorldUpgradeBenchmark {

    private static final int SEEDS = 16;

    @Param({"3", "5", "9"})
    public int replicas;

    private final ScenarioRunner runner = new ScenarioRunner();
    private int nextSeed;

    /** reconcile() calls, reported by JMH as a rate next to the upgrades. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Reconciles {
        public long reconciles;

        @Setup(Level.Iteration)
        public void reset() {
            reconciles = 0;
        }
    }

    @Benchmark
    public RunResult rollingUpgrade(Reconciles counter) {
        int seed = nextSeed++ % SEEDS;
        RunResult run = runner.run(Scenario.upgrade(replicas, "2.4.0", "2.5.0", seed % replicas, seed));
        if (!run.converged() || !run.safe()) {
            throw new IllegalStateException("the benchmarked run did not converge safely: " + run.summary());
        }
        counter.reconciles += run.reconciles();
        return run;
    }
}
