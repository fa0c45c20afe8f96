package dev.raftops.benchmarks.endtoend;

import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.RaftStateSource;
import dev.raftops.simulator.runtime.PodEndpoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * End to end, the cost of reading Raft state from the pods' OpenBao API: {@code clusters} 3-replica
 * clusters with {@code raftState: api} and as many with {@code labels}, upgraded side by side in the
 * same run by one controller (in this JVM: it probes the loopback API the simulated pods serve).
 * Prints the HTTP requests the pods' API answered per upgraded pod and per steady-state pass, and the
 * controller-added latency per rolling step of each mode.
 *
 * <pre>
 * java -cp benchmarks/target/raftops-benchmarks.jar dev.raftops.benchmarks.endtoend.ProbeCostRun clusters=3 rounds=2
 * </pre>
 */
public final class ProbeCostRun {

    private static final int REPLICAS = 3;

    private ProbeCostRun() {
    }

    public static void main(String[] args) throws Exception {
        RunOptions o = new RunOptions(args);
        int clusters = o.integer("clusters", 3);
        int rounds = o.integer("rounds", 2);
        Duration readyDelay = o.millis("readyDelayMs", 200);
        Duration tick = o.millis("tickMs", 25);
        int workers = o.integer("workers", 4);
        long seed = o.integer("seed", 1);
        int touches = o.integer("touches", 10);
        o.begin();

        try (EndToEndWorld world = new EndToEndWorld(EndToEndWorld.settings(seed, tick, readyDelay))) {
            world.startRuntime();
            world.startControllerHere(workers);
            List<String> api = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < 2 * clusters; i++) {
                ClusterSpec spec = ClusterSpec.of(EndToEndWorld.FROM_VERSION, null, REPLICAS);
                boolean fromLabels = i % 2 == 1;
                world.create(EndToEndWorld.name(i), fromLabels
                        ? spec.withUpgrade(spec.upgrade().withRaftState(RaftStateSource.LABELS)) : spec);
                (fromLabels ? labels : api).add(EndToEndWorld.name(i));
            }
            List<String> all = new ArrayList<>(api);
            all.addAll(labels);
            world.awaitConverged(all, Duration.ofMinutes(3));
            Thread.sleep(readyDelay.toMillis() * 3 + 1000);
            world.ledger().take();
            PodEndpoints pods = world.runtime().podEndpoints();

            long requests = 0;
            List<ApiRequest> upgrades = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                long before = pods.requests();
                long start = System.nanoTime();
                for (String c : all) {
                    world.upgrade(c, "2.4." + round);
                }
                world.awaitConverged(all, Duration.ofMinutes(5));
                requests += pods.requests() - before;
                System.out.printf("round %d: %d clusters converged in %.1f s%n", round, all.size(),
                        (System.nanoTime() - start) / 1e9);
                upgrades.addAll(world.ledger().take());
            }
            Thread.sleep(readyDelay.toMillis() * 3 + 2000);
            upgrades.addAll(world.ledger().take());
            int upgradedPods = api.size() * REPLICAS * rounds;
            System.out.printf("HTTP requests to the pods' API during %d api-mode upgrades (%d pods): %d, %.2f per"
                    + " upgraded pod (labels mode: none)%n", api.size() * rounds, upgradedPods, requests,
                    requests / (double) upgradedPods);
            print("api", api, upgrades);
            print("labels", labels, upgrades);

            steady(world, pods, api, touches);
        }
        System.out.println("machine-end " + MachineLine.now());
    }

    private static void print(String mode, List<String> clusters, List<ApiRequest> upgrades) {
        StepLatencies steps = StepLatencies.of(upgrades.stream().filter(r -> clusters.contains(r.cluster())).toList());
        System.out.println(mode + ": rolling steps (pod Ready or Job finished -> StatefulSet write or Job creation): "
                + Distribution.ofNanos(StepLatencies.rolling(steps.toStepWrite)));
        System.out.println(mode + ": upgrade start (spec edit -> StatefulSet write): "
                + Distribution.ofNanos(steps.toStepWrite.getOrDefault(ApiRequest.Signal.SPEC_EDIT, List.of())));
    }

    /**
     * Steady passes with nothing to do: every api-mode cluster annotated {@code touches} times, a second
     * apart (each annotation one pass), then again after the probe interval has run out.
     */
    private static void steady(EndToEndWorld world, PodEndpoints pods, List<String> api, int touches)
            throws InterruptedException {
        for (String window : List.of("within 30 s of the last probe", "after 31 s without a probe")) {
            if (window.startsWith("after")) {
                Thread.sleep(31_000);
            }
            long requests = pods.requests();
            long passes = world.passesHere();
            for (int i = 0; i < touches; i++) {
                for (String c : api) {
                    world.touch(c, window.charAt(0) + "-" + i);
                }
                Thread.sleep(1000);
            }
            Thread.sleep(1000);
            long made = pods.requests() - requests;
            long passed = world.passesHere() - passes;
            System.out.printf("steady state, %s: %d passes, %d HTTP requests to the pods' API, %.2f per pass"
                    + " (%d pods per cluster)%n", window, passed, made, made / (double) Math.max(1, passed), REPLICAS);
        }
    }
}
