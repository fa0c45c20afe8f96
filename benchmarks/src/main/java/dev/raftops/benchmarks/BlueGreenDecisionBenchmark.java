package dev.raftops.benchmarks;

import dev.raftops.domain.bluegreen.BlueGreenDecision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.resource.BlueGreenPhase;
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
 * {@link BlueGreenDecision#decide} over 3-, 5- and 9-replica clusters in the phases of one cooperative
 * upgrade on the simulator's model (see {@link CutoverDriver}): the pass that starts it, Syncing, Promoting, Cleanup, and the
 * steady pass after it (Idle, nothing to do).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BlueGreenDecisionBenchmark {

    @Param({"3", "5", "9"})
    public int replicas;

    private DecisionInput start;
    private DecisionInput syncing;
    private DecisionInput promoting;
    private DecisionInput cleanup;
    private DecisionInput steady;

    @Setup
    public void record() {
        CutoverDriver.Recording recording = CutoverDriver.record(replicas, 42L);
        start = phase(recording, BlueGreenPhase.Idle);
        syncing = phase(recording, BlueGreenPhase.Syncing);
        promoting = phase(recording, BlueGreenPhase.Promoting);
        cleanup = phase(recording, BlueGreenPhase.Cleanup);
        steady = recording.steady();
    }

    private static DecisionInput phase(CutoverDriver.Recording recording, BlueGreenPhase phase) {
        DecisionInput in = recording.firstInPhase().get(phase);
        if (in == null) {
            throw new IllegalStateException("the recorded upgrade never entered " + phase + ": "
                    + recording.firstInPhase().keySet());
        }
        return in;
    }

    @Benchmark
    public void start(Blackhole bh) {
        bh.consume(BlueGreenDecision.decide(start));
    }

    @Benchmark
    public void syncing(Blackhole bh) {
        bh.consume(BlueGreenDecision.decide(syncing));
    }

    @Benchmark
    public void promoting(Blackhole bh) {
        bh.consume(BlueGreenDecision.decide(promoting));
    }

    @Benchmark
    public void cleanup(Blackhole bh) {
        bh.consume(BlueGreenDecision.decide(cleanup));
    }

    @Benchmark
    public void steadyIdle(Blackhole bh) {
        bh.consume(BlueGreenDecision.decide(steady));
    }
}
