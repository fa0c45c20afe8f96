package dev.raftops.benchmarks.endtoend;

import dev.raftops.benchmarks.endtoend.ApiRequest.Actor;
import java.io.PrintStream;
import java.util.List;

/**
 * Steady state with nothing to do: first a quiet window (no change at all), then a window in which
 * the driver adds an annotation to every RaftCluster, which wakes both controllers for every
 * cluster with nothing to change. Prints the controller's reads and writes and its passes in each.
 */
final class SteadyState {

    private SteadyState() {
    }

    static void measure(EndToEndWorld world, List<String> clusters, PrintStream out) throws InterruptedException {
        world.ledger().take();
        ControllerHandle.Sample before = world.controller().sample();
        long quietStart = System.nanoTime();
        Thread.sleep(5000);
        ControllerHandle.Sample quiet = world.controller().sample();
        List<ApiRequest> quietWindow = world.ledger().take();
        out.printf("steady state, quiet %.1f s: controller %s; passes admin %d workload %d; runtime writes %s%n",
                (System.nanoTime() - quietStart) / 1e9, RequestCounts.of(quietWindow, Actor.CONTROLLER),
                quiet.adminPasses() - before.adminPasses(), quiet.workloadPasses() - before.workloadPasses(),
                RequestCounts.of(quietWindow, Actor.RUNTIME).writesByKind());
        long touchStart = System.nanoTime();
        for (String c : clusters) {
            world.touch(c, "1");
        }
        ControllerHandle.Sample touched;
        do {
            Thread.sleep(500);
            touched = world.controller().sample();
        } while ((touched.adminPasses() - quiet.adminPasses() < clusters.size()
                || touched.workloadPasses() - quiet.workloadPasses() < clusters.size())
                && System.nanoTime() - touchStart < 600_000_000_000L);
        Thread.sleep(2000);
        touched = world.controller().sample();
        List<ApiRequest> touchWindow = world.ledger().take();
        out.printf("steady state, every RaftCluster annotated (%d clusters), %.1f s: controller %s; passes admin %d"
                + " workload %d; runtime writes %s%n", clusters.size(), (System.nanoTime() - touchStart) / 1e9,
                RequestCounts.of(touchWindow, Actor.CONTROLLER), touched.adminPasses() - quiet.adminPasses(),
                touched.workloadPasses() - quiet.workloadPasses(), RequestCounts.of(touchWindow, Actor.RUNTIME)
                        .writesByKind());
    }
}
