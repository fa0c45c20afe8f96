package dev.raftops.benchmarks;

import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.rolling.RollingUpgrade;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link RollingUpgrade#decide} over 3-, 5- and 9-replica observations in four states of an upgrade
 * (see {@link RollingScenario}). The target in the issue: under 20 µs for 9 replicas.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RollingDecisionBenchmark {

    @Param({"3", "5", "9"})
    public int replicas;

    private DecisionInput start;
    private DecisionInput waiting;
    private DecisionInput release;
    private DecisionInput stepDown;

    @Setup
    public void record() {
        RollingScenario scenario = RollingScenario.record(replicas, 42L);
        start = scenario.start();
        waiting = scenario.waiting();
        release = scenario.release();
        stepDown = scenario.stepDown();
    }

    @Benchmark
    public void start(Blackhole bh) {
        bh.consume(RollingUpgrade.decide(start));
    }

    @Benchmark
    public void waitingForPod(Blackhole bh) {
        bh.consume(RollingUpgrade.decide(waiting));
    }

    @Benchmark
    public void release(Blackhole bh) {
        bh.consume(RollingUpgrade.decide(release));
    }

    @Benchmark
    public void stepDown(Blackhole bh) {
        bh.consume(RollingUpgrade.decide(stepDown));
    }
}
