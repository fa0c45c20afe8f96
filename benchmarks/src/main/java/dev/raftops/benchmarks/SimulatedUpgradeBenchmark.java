package dev.raftops.benchmarks;

import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.rolling.RollingUpgrade;
import dev.raftops.domain.testing.RollingWorld;
import java.time.Duration;
import java.util.Random;
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
 * 2.5.0 of a fresh {@link RollingWorld}, deciding with {@link RollingUpgrade#decide}, applying the
 * actions, ticking the world, until the status reports the new version. The cost includes the
 * world's own simulation (observations, ticks), not only the decisions. Seeds cycle through 16
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
        spec = RollingWorld.spec(replicas, RollingScenario.TO);
        before = ClusterStatus.initial().withCurrentVersion(RollingScenario.FROM);
    }

    @Benchmark
    public ClusterStatus rollingUpgrade(Passes counter) {
        long seed = nextSeed++ % SEEDS;
        Random random = new Random(seed);
        RollingWorld world = new RollingWorld(random, replicas, RollingScenario.FROM, (int) (seed % replicas),
                RollingScenario.START);
        ClusterStatus status = before;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Decision d = RollingUpgrade.decide(RollingScenario.input(spec, status, world, random));
            counter.passes++;
            boolean applied = true;
            for (Action a : d.actions()) {
                if (!world.apply(a)) {
                    applied = false; // a stale write: the next pass decides again from a fresh observation
                    break;
                }
            }
            if (applied) {
                status = d.nextStatus();
            }
            if (status.upgrade() == null && RollingScenario.TO.equals(status.currentVersion())) {
                return status;
            }
            world.tick();
            world.advance(Duration.ofSeconds(5));
        }
        throw new IllegalStateException("upgrade of " + replicas + " replicas (seed " + seed + ") did not finish in "
                + MAX_PASSES + " passes");
    }
}
