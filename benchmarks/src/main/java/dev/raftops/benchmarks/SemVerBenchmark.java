package dev.raftops.benchmarks;

import dev.raftops.domain.version.SemVer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link SemVer#parse} of a plain release and of a version with pre-release and build parts, and
 * {@link SemVer#compareTo} between releases and between pre-releases of the same core (the slow
 * path: identifiers are compared one by one). Inputs sit in non-final fields so the JIT cannot
 * fold them into constants.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SemVerBenchmark {

    private String release = "2.4.1";
    private String preRelease = "2.5.0-rc.1.beta+build.7.sha.5114f85";
    private SemVer older;
    private SemVer newer;
    private SemVer rc1;
    private SemVer rc2;

    @Setup
    public void parseOperands() {
        older = SemVer.parse("2.4.1");
        newer = SemVer.parse("2.10.0");
        rc1 = SemVer.parse("2.5.0-rc.1.beta");
        rc2 = SemVer.parse("2.5.0-rc.1.alpha.3");
    }

    @Benchmark
    public void parseRelease(Blackhole bh) {
        bh.consume(SemVer.parse(release));
    }

    @Benchmark
    public void parsePreReleaseWithBuild(Blackhole bh) {
        bh.consume(SemVer.parse(preRelease));
    }

    @Benchmark
    public void compareReleases(Blackhole bh) {
        bh.consume(older.compareTo(newer));
    }

    @Benchmark
    public void comparePreReleases(Blackhole bh) {
        bh.consume(rc1.compareTo(rc2));
    }
}
