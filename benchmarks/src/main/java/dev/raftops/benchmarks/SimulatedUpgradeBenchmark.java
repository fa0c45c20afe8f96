package dev.raftops.benchmarks;

import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.rolling.RollingUpgrade;
import dev.raftops.simulator.world.FamilyDrive;
import java.time.Duration;
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
 * Simulated rolling upgrades per second, single thread: one operation is a whole upgrade 2.4.0 →
 * 2.5.0 of a fresh simulated cluster (the simulator's model, {@link FamilyDrive}), deciding with
 * {@link RollingUpgrade#decide}, performing the actions, running the world five seconds, until the status reports the new version. The cost includes the
 * world's own simulation (observations, scheduled events), not only the decisions. Seeds cycle through 16
 * values so the figure is an average over 16 different leader elections and pod start times.
 * The {@code passes} counter reports decide() passes per second alongside.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class SimulatedUpgradeBenchmark {

    private static final int MAX_PASSES = 600;
    private static final int SEEDS = 16;

    @Param({"3", "5", "9"})
    public int replicas;

    private ClusterSpec spec;
    private ClusterStatus before;
    private int nextSeed;

    /** decide() passes, reported by JMH as a rate next to the upgrades. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Passes {
        public long passes;

        @Setup(Level.Iteration)
        public void reset() {
            passes = 0;
        }
    }

    @Setup
    public void prepare() {
        spec = ClusterSpec.of(RollingScenario.TO, null, replicas);
        before = ClusterStatus.initial().withCurrentVersion(RollingScenario.FROM);
    }

    @Benchmark
    public ClusterStatus rollingUpgrade(Passes counter) {
        long seed = nextSeed++ % SEEDS;
        FamilyDrive world = RollingScenario.world(replicas, (int) (seed % replicas), seed);
        ClusterStatus status = before;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Decision d = RollingUpgrade.decide(world.input(spec, status, world.observe()));
            counter.passes++;
            if (world.perform(d)) { // a stale write: the next pass decides again from a fresh observation
                status = d.nextStatus();
            }
            if (status.upgrade() == null && RollingScenario.TO.equals(status.currentVersion())) {
                return status;
            }
            world.runFor(Duration.ofSeconds(5));
        }
        throw new IllegalStateException("upgrade of " + replicas + " replicas (seed " + seed + ") did not finish in "
                + MAX_PASSES + " passes");
    }
}
