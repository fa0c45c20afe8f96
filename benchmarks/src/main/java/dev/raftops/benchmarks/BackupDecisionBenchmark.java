package dev.raftops.benchmarks;

import dev.raftops.domain.backup.BackupDecision;
import dev.raftops.domain.decision.DecisionInput;
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
 * {@link BackupDecision#decide} in the four states of one scheduled backup (see {@link BackupScenario}).
 * The backup decision reads no pods, so the replica count only changes the spec; it is a parameter
 * to show that, not because the work scales with it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BackupDecisionBenchmark {

    @Param({"3", "9"})
    public int replicas;

    private DecisionInput waiting;
    private DecisionInput due;
    private DecisionInput running;
    private DecisionInput finished;

    @Setup
    public void record() {
        BackupScenario scenario = BackupScenario.record(replicas);
        waiting = scenario.waiting();
        due = scenario.due();
        running = scenario.running();
        finished = scenario.finished();
    }

    @Benchmark
    public void waitingForWindow(Blackhole bh) {
        bh.consume(BackupDecision.decide(waiting));
    }

    @Benchmark
    public void windowDue(Blackhole bh) {
        bh.consume(BackupDecision.decide(due));
    }

    @Benchmark
    public void jobRunning(Blackhole bh) {
        bh.consume(BackupDecision.decide(running));
    }

    @Benchmark
    public void jobFinished(Blackhole bh) {
        bh.consume(BackupDecision.decide(finished));
    }
}
