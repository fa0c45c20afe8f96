package dev.raftops.benchmarks.endtoend;

import dev.raftops.benchmarks.endtoend.ApiRequest.Actor;
import dev.raftops.benchmarks.endtoend.ApiRequest.Signal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * End to end: rolling upgrades of 3-, 5- and 7-replica clusters (rounds in sequence; within a round at
 * most {@code parallel} clusters upgrade at once) against the embedded API server, the simulated
 * runtime and the real controller; prints the controller-added latency per rolling step, the
 * controller's API requests per upgraded pod, and its writes in steady-state passes with nothing to do.
 *
 * <pre>
 * java -cp benchmarks/target/raftops-benchmarks.jar dev.raftops.benchmarks.endtoend.StepLatencyRun \
 *     clusters3=6 clusters5=6 rounds=3
 * </pre>
 */
public final class StepLatencyRun {

    private StepLatencyRun() {
    }

    public static void main(String[] args) throws Exception {
        RunOptions o = new RunOptions(args);
        int clusters3 = o.integer("clusters3", 6);
        int clusters5 = o.integer("clusters5", 6);
        int clusters7 = o.integer("clusters7", 0);
        int rounds = o.integer("rounds", 3);
        int parallel = o.integer("parallel", Integer.MAX_VALUE);
        Duration readyDelay = o.millis("readyDelayMs", 200);
        Duration tick = o.millis("tickMs", 25);
        int workers = o.integer("workers", 4);
        long seed = o.integer("seed", 1);
        List<String> jvm = o.jvm("controllerJvm", "");
        int printWrites = o.integer("printWrites", 0);
        // true: before each round every cluster's leader moves to a seeded uniform ordinal, as the elections model assumes
        boolean placeLeaders = Boolean.parseBoolean(o.string("placeLeaders", "false"));
        Path log = Path.of(o.string("controllerLog", "benchmarks/target/step-latency-controller.log"));
        o.begin();

        List<String> names = new ArrayList<>();
        try (EndToEndWorld world = new EndToEndWorld(EndToEndWorld.settings(seed, tick, readyDelay))) {
            world.startRuntime();
            world.startController(workers, jvm, log);
            int pods = 0;
            for (int i = 0; i < clusters3 + clusters5 + clusters7; i++) {
                int replicas = i < clusters3 ? 3 : i < clusters3 + clusters5 ? 5 : 7;
                world.create(EndToEndWorld.name(i), replicas);
                names.add(EndToEndWorld.name(i));
                pods += replicas;
            }
            world.awaitConverged(names, Duration.ofMinutes(3));
            Thread.sleep(readyDelay.toMillis() * 3 + 1000);
            world.ledger().take();
            world.ledger().takeLoad();

            List<ApiRequest> upgrades = new ArrayList<>();
            Random placement = new Random(seed);
            for (int round = 1; round <= rounds; round++) {
                String version = "2.4." + round;
                if (placeLeaders) {
                    placeLeaders(world, names, clusters3, clusters5, placement, readyDelay);
                }
                long start = System.nanoTime();
                for (int from = 0; from < names.size(); from += parallel) {
                    List<String> batch = names.subList(from, Math.min(names.size(), from + parallel));
                    for (String c : batch) {
                        world.upgrade(c, version);
                    }
                    world.awaitConverged(batch, Duration.ofMinutes(5));
                }
                System.out.printf("round %d to %s: %d clusters (at most %d at once) converged in %.1f s%n", round,
                        version, names.size(), Math.min(parallel, names.size()), (System.nanoTime() - start) / 1e9);
                upgrades.addAll(world.ledger().take());
            }
            System.out.println(world.ledger().takeLoad());
            // trailing writes of the last round (after the status showed convergence) still belong to it
            Thread.sleep(readyDelay.toMillis() * 3 + 2000);
            upgrades.addAll(world.ledger().take());

            StepLatencies steps = StepLatencies.of(upgrades);
            upgrades.stream().filter(r -> r.verb() == ApiRequest.Verb.WRITE).limit(printWrites)
                    .forEach(r -> System.out.println("write " + r));
            int upgradedPods = pods * rounds;
            RequestCounts during = RequestCounts.of(upgrades, Actor.CONTROLLER);
            System.out.println("rolling steps (pod Ready or Job finished -> next controller write): "
                    + Distribution.ofNanos(StepLatencies.rolling(steps.toNextWrite)));
            System.out.println("  of which pod Ready -> next write: "
                    + Distribution.ofNanos(steps.toNextWrite.getOrDefault(Signal.POD_READY, List.of())));
            System.out.println("  of which Job finished -> next write: "
                    + Distribution.ofNanos(steps.toNextWrite.getOrDefault(Signal.JOB_FINISHED, List.of())));
            System.out.println("rolling steps (pod Ready or Job finished -> StatefulSet write or Job creation): "
                    + Distribution.ofNanos(StepLatencies.rolling(steps.toStepWrite)));
            System.out.println("upgrade start (spec edit -> next controller write): "
                    + Distribution.ofNanos(steps.toNextWrite.getOrDefault(Signal.SPEC_EDIT, List.of())));
            System.out.println("upgrade start (spec edit -> StatefulSet write): "
                    + Distribution.ofNanos(steps.toStepWrite.getOrDefault(Signal.SPEC_EDIT, List.of())));
            System.out.println("enabling events with no controller write after them: " + steps.unanswered);
            System.out.printf("controller requests during %d upgrades (%d pods): %s%n", names.size() * rounds,
                    upgradedPods, during);
            System.out.printf("per upgraded pod: reads %.2f, writes %.2f, watch requests %d in total%n",
                    during.reads() / (double) upgradedPods, during.writes() / (double) upgradedPods, during.watches());

            // per cluster size: the writes an upgrade needs once (lock, start, finish) spread over fewer pods
            // in a 3-replica cluster, and every upgrade needs at least one step-down
            printBySize("3 replicas", names.subList(0, clusters3), 3, rounds, upgrades);
            printBySize("5 replicas", names.subList(clusters3, clusters3 + clusters5), 5, rounds, upgrades);
            printBySize("7 replicas", names.subList(clusters3 + clusters5, names.size()), 7, rounds, upgrades);

            SteadyState.measure(world, names, System.out);
            System.out.println("unclassified requests: " + world.ledger().unclassified().size());
        }
        System.out.println("machine-end " + MachineLine.now());
    }

    /**
     * Moves every cluster's leader to a seeded uniform ordinal, waits for the runtime's labels and the
     * controller's steady passes, and drops those requests: they are not the upgrade's.
     */
    private static void placeLeaders(EndToEndWorld world, List<String> names, int clusters3, int clusters5,
            Random placement, Duration readyDelay) throws InterruptedException {
        for (int i = 0; i < names.size(); i++) {
            int replicas = i < clusters3 ? 3 : i < clusters3 + clusters5 ? 5 : 7;
            world.moveLeader(names.get(i), placement.nextInt(replicas));
        }
        Thread.sleep(readyDelay.toMillis() * 3 + 1000);
        world.ledger().take();
    }

    private static void printBySize(String label, List<String> clusters, int replicas, int rounds,
            List<ApiRequest> upgrades) {
        if (clusters.isEmpty()) {
            return;
        }
        List<ApiRequest> theirs = upgrades.stream().filter(r -> clusters.contains(r.cluster())).toList();
        RequestCounts counts = RequestCounts.of(theirs, Actor.CONTROLLER);
        int upgradesDone = clusters.size() * rounds;
        // the run asks for no pre-upgrade snapshot: every Job the controller creates is a step-down
        long stepDowns = theirs.stream().filter(r -> r.actor() == Actor.CONTROLLER && r.signal() == Signal.JOB_CREATE
                && r.code() == 201).count();
        System.out.printf("  %s: %d upgrades, writes per upgraded pod %.2f (%.2f without 409s), step-down Jobs per"
                + " upgrade %.2f%n", label, upgradesDone, counts.writes() / (double) (upgradesDone * replicas),
                (counts.writes() - counts.conflicts()) / (double) (upgradesDone * replicas),
                stepDowns / (double) upgradesDone);
    }
}
