package dev.raftops.benchmarks.endtoend;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** When each cluster of a run first converged on the version it is expected to reach, as the driver's watch saw it. */
final class Convergence {

    /** What a cluster is expected to converge on: its version, at or after its spec's generation. */
    private record Expected(String version, long generation) {
    }

    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    /** cluster → nanoTime the driver first saw it converged on the expected version. */
    private final Map<String, Long> converged = new ConcurrentHashMap<>();

    // synchronized with expect: an event judged against the old expectation must not count as the new convergence
    synchronized void seen(RaftCluster cr) {
        String name = cr.getMetadata().getName();
        Expected want = expected.get(name);
        RaftClusterStatus s = cr.getStatus();
        if (want != null && s != null && want.version().equals(s.currentVersion) && s.upgrade == null
                && s.observedGeneration != null && s.observedGeneration >= want.generation()
                && "Running".equals(s.phase)) {
            converged.putIfAbsent(name, System.nanoTime());
        }
    }

    /** {@code cluster} is now expected on {@code version}; {@code now} is its state as the watch holds it, or null. */
    synchronized void expect(String cluster, String version, Long generation, RaftCluster now) {
        converged.remove(cluster);
        expected.put(cluster, new Expected(version, generation == null ? 0L : generation));
        if (now != null) {
            seen(now);
        }
    }

    /** cluster → nanoTime first seen converged, once all have; after {@code timeout}, an error naming a straggler's status. */
    Map<String, Long> await(Collection<String> clusters, Duration timeout, Function<String, String> statusOf)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Long> done = new TreeMap<>();
            for (String c : clusters) {
                Long at = converged.get(c);
                if (at != null) {
                    done.put(c, at);
                }
            }
            if (done.size() == clusters.size()) {
                return done;
            }
            if (System.nanoTime() > deadline) {
                String straggler = clusters.stream().filter(c -> !done.containsKey(c)).findFirst().orElseThrow();
                throw new IllegalStateException((clusters.size() - done.size()) + " of " + clusters.size()
                        + " clusters did not converge within " + timeout + "; e.g. " + straggler + ": "
                        + statusOf.apply(straggler));
            }
            Thread.sleep(20);
        }
    }
}
