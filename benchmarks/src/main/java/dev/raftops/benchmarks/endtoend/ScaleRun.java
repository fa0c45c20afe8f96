package dev.raftops.benchmarks.endtoend;

import dev.raftops.benchmarks.endtoend.ApiRequest.Actor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * End to end at scale: {@code clusters} RaftClusters of {@code replicas} pods in one controller.
 * Measures the time to converge after the controller starts (cold: nothing but the RaftClusters
 * exists; and after a controller restart over the converged world), the controller's CPU and heap
 * in steady state (its own JVM), its writes in steady state, and an upgrade of {@code upgrade}
 * clusters at once (total time, spread of per-cluster completion).
 *
 * <pre>
 * java -cp benchmarks/target/raftops-benchmarks.jar dev.raftops.benchmarks.endtoend.ScaleRun clusters=1000
 * </pre>
 */
public final class ScaleRun {

    private ScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        RunOptions o = new RunOptions(args);
        int clusters = o.integer("clusters", 1000);
        int replicas = o.integer("replicas", 3);
        int upgrade = o.integer("upgrade", 100);
        Duration readyDelay = o.millis("readyDelayMs", 200);
        Duration tick = o.millis("tickMs", 100);
        int workers = o.integer("workers", 4);
        long seed = o.integer("seed", 1);
        Duration steady = o.millis("steadyMs", 60_000);
        Duration quietFor = o.millis("quietMs", 30_000);
        boolean restart = Boolean.parseBoolean(o.string("restart", "true"));
        Duration timeout = o.millis("timeoutMs", 1_800_000);
        List<String> jvm = o.jvm("controllerJvm", "");
        Path log = Path.of(o.string("controllerLog", "benchmarks/target/scale-controller.log"));
        o.begin();

        List<String> names = new ArrayList<>();
        try (EndToEndWorld world = new EndToEndWorld(EndToEndWorld.settings(seed, tick, readyDelay))) {
            world.startRuntime();
            long createStart = System.nanoTime();
            for (int i = 0; i < clusters; i++) {
                world.create(EndToEndWorld.name(i), replicas);
                names.add(EndToEndWorld.name(i));
            }
            System.out.printf("created %d RaftClusters in %.1f s%n", clusters, (System.nanoTime() - createStart) / 1e9);

            world.ledger().take();
            world.ledger().takeRuntimeReads();
            long start = System.nanoTime();
            world.startController(workers, jvm, log);
            Map<String, Long> cold = awaitWithProgress(world, names, start, timeout);
            System.out.println("cold start, controller start -> all converged (phase Running at "
                    + EndToEndWorld.FROM_VERSION + "): " + spread(cold, start));
            ControllerHandle.Sample coldSample = world.controller().sample();
            System.out.printf("  controller CPU since its start %.1f s over %.1f s; %s%n", coldSample.cpuNanos() / 1e9,
                    (System.nanoTime() - start) / 1e9, coldSample);
            System.out.println("  " + world.ledger().takeLoad());
            System.out.println("  " + runtimeRequests(world, world.ledger().take(), start));

            awaitRuntimeQuiet(world, quietFor, timeout);
            world.ledger().takeLoad();
            world.ledger().takeRuntimeReads();
            ControllerHandle.Sample before = world.controller().sample();
            long windowStart = System.nanoTime();
            Thread.sleep(steady.toMillis());
            ControllerHandle.Sample after = world.controller().sample();
            double seconds = (System.nanoTime() - windowStart) / 1e9;
            List<ApiRequest> quiet = world.ledger().take();
            System.out.println("  " + world.ledger().takeLoad());
            System.out.printf("steady state %.1f s: controller CPU %.3f cores (%.1f%% of one core), passes admin %d"
                    + " workload %d, threads %d, heap used %.1f MiB committed %.1f MiB; controller %s; runtime reads"
                    + " %d%n", seconds, (after.cpuNanos() - before.cpuNanos()) / 1e9 / seconds,
                    100 * (after.cpuNanos() - before.cpuNanos()) / 1e9 / seconds,
                    after.adminPasses() - before.adminPasses(), after.workloadPasses() - before.workloadPasses(),
                    after.threads(), mib(after.heapUsed()), mib(after.heapCommitted()),
                    RequestCounts.of(quiet, Actor.CONTROLLER), world.ledger().takeRuntimeReads());
            System.out.println("  runtime writes in the window: " + RequestCounts.of(quiet, Actor.RUNTIME).writesByKind());
            ControllerHandle.Sample gc = world.controller().afterGc();
            System.out.printf("steady state heap after full GC: used %.1f MiB, committed %.1f MiB%n",
                    mib(gc.heapUsed()), mib(gc.heapCommitted()));

            SteadyState.measure(world, names, System.out);

            if (upgrade == 0) {
                System.out.println("machine-end " + MachineLine.now());
                return;
            }
            List<String> batch = names.subList(0, Math.min(upgrade, names.size()));
            world.ledger().take();
            world.ledger().takeLoad();
            world.ledger().takeRuntimeReads();
            ControllerHandle.Sample beforeUpgrade = world.controller().sample();
            Map<String, Long> edited = new TreeMap<>();
            long upgradeStart = System.nanoTime();
            for (String c : batch) {
                edited.put(c, world.upgrade(c, "2.4.1"));
            }
            System.out.printf("upgrade: %d spec edits sent in %.2f s%n", batch.size(),
                    (System.nanoTime() - upgradeStart) / 1e9);
            Map<String, Long> done = awaitWithProgress(world, batch, upgradeStart, timeout);
            List<Long> durations = new ArrayList<>();
            done.forEach((c, at) -> durations.add(at - edited.get(c)));
            System.out.println("upgrade of " + batch.size() + " clusters at once, first edit -> each cluster converged on"
                    + " 2.4.1: " + spread(done, upgradeStart));
            System.out.println("  per cluster, its own edit -> converged: " + Distribution.ofNanos(durations));
            ControllerHandle.Sample afterUpgrade = world.controller().sample();
            System.out.printf("  controller CPU during the upgrade: %.1f s over %.1f s (%.2f cores)%n",
                    (afterUpgrade.cpuNanos() - beforeUpgrade.cpuNanos()) / 1e9, (System.nanoTime() - upgradeStart) / 1e9,
                    (afterUpgrade.cpuNanos() - beforeUpgrade.cpuNanos()) / (double) (System.nanoTime() - upgradeStart));
            System.out.println("  " + world.ledger().takeLoad());
            Thread.sleep(readyDelay.toMillis() * 3 + 2000);
            List<ApiRequest> window = world.ledger().take();
            world.ledger().takeLoad();
            RequestCounts counts = RequestCounts.of(window, Actor.CONTROLLER);
            StepLatencies steps = StepLatencies.of(window);
            System.out.println("  controller requests: " + counts);
            System.out.println("  " + runtimeRequests(world, window, upgradeStart));
            System.out.printf("  per upgraded pod: reads %.2f, writes %.2f%n",
                    counts.reads() / (double) (batch.size() * replicas),
                    counts.writes() / (double) (batch.size() * replicas));
            System.out.println("  rolling steps (pod Ready or Job finished -> next controller write): "
                    + Distribution.ofNanos(StepLatencies.rolling(steps.toNextWrite)));
            ControllerHandle.Sample gc2 = world.controller().afterGc();
            System.out.printf("after the upgrade, heap after full GC: used %.1f MiB, committed %.1f MiB%n",
                    mib(gc2.heapUsed()), mib(gc2.heapCommitted()));

            if (!restart) {
                System.out.println("machine-end " + MachineLine.now());
                return;
            }
            world.stopController();
            world.ledger().take();
            long restartAt = System.nanoTime();
            world.startController(workers, jvm, log);
            ControllerHandle.Sample s = world.controller().sample();
            Long readyAt = null;
            while (s.adminPasses() < clusters || s.workloadPasses() < clusters) {
                Thread.sleep(200);
                s = world.controller().sample();
                if (readyAt == null && s.ready()) {
                    readyAt = System.nanoTime();
                }
                if (System.nanoTime() - restartAt > timeout.toNanos()) {
                    throw new IllegalStateException("restart: passes did not reach " + clusters + ": " + s);
                }
            }
            double passed = (System.nanoTime() - restartAt) / 1e9;
            Thread.sleep(2000);
            System.out.printf("restart over the converged world: informers synced after %.1f s (first 200 ms sample"
                    + " seen ready), one pass per cluster in both loops after %.1f s; controller %s%n",
                    readyAt == null ? Double.NaN : (readyAt - restartAt) / 1e9, passed,
                    RequestCounts.of(world.ledger().take(), Actor.CONTROLLER));
            System.out.println("unclassified requests: " + world.ledger().unclassified().size());
        }
        System.out.println("machine-end " + MachineLine.now());
    }

    /**
     * Waits until the runtime made no write for {@code window} (at 1,000 clusters one runtime tick
     * takes seconds, so late Ready, lag and leader-label patches trickle in after convergence).
     */
    private static void awaitRuntimeQuiet(EndToEndWorld world, Duration window, Duration timeout)
            throws InterruptedException {
        long start = System.nanoTime();
        world.ledger().take();
        while (true) {
            Thread.sleep(window.toMillis());
            RequestCounts runtime = RequestCounts.of(world.ledger().take(), Actor.RUNTIME);
            System.out.printf("  settling, %.0f s: runtime writes in the last %d s: %d %s%n",
                    (System.nanoTime() - start) / 1e9, window.toSeconds(), runtime.writes(), runtime.writesByKind());
            if (runtime.writes() == 0 || System.nanoTime() - start > timeout.toNanos()) {
                return;
            }
        }
    }

    private static Map<String, Long> awaitWithProgress(EndToEndWorld world, List<String> names, long start,
            Duration timeout) throws InterruptedException {
        long deadline = start + timeout.toNanos();
        while (true) {
            try {
                return world.awaitConverged(names, Duration.ofSeconds(15));
            } catch (IllegalStateException notYet) {
                String message = notYet.getMessage();
                System.out.printf("  %.0f s: %s; controller %s%n", (System.nanoTime() - start) / 1e9,
                        message.substring(0, Math.min(message.length(), 160)), world.controller().sample());
                System.out.flush();
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    /** Completion instants relative to {@code start}: first, median, last. */
    private static String spread(Map<String, Long> done, long start) {
        List<Long> since = new ArrayList<>();
        done.values().forEach(at -> since.add(at - start));
        Distribution d = Distribution.ofNanos(since);
        return String.format("%d clusters; first %.2f s, median %.2f s, p90 %.2f s, last %.2f s", d.count(),
                d.min() / 1000, d.percentile(50) / 1000, d.percentile(90) / 1000, d.max() / 1000);
    }

    /** The runtime's own requests since {@code since}: reads (only counted by the ledger) and writes, per second. */
    private static String runtimeRequests(EndToEndWorld world, List<ApiRequest> window, long since) {
        double seconds = (System.nanoTime() - since) / 1e9;
        long reads = world.ledger().takeRuntimeReads();
        RequestCounts writes = RequestCounts.of(window, Actor.RUNTIME);
        return String.format("runtime requests over %.1f s: reads %d (%.1f/s), writes %d (%.1f/s) %s", seconds, reads,
                reads / seconds, writes.writes(), writes.writes() / seconds, writes.writesByKind());
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
