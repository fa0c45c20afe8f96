package dev.raftops.acceptance.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.check.InvariantChecker;
import dev.raftops.simulator.check.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad documents, in the manner of the Acto study (SOSP 2023): seeded mutations of valid
 * {@code RaftCluster} specs and statuses, each applied through the API in the middle of a rolling
 * upgrade of one of several clusters, against the real controller in this JVM
 * ({@link MutationRun} says what each must hold). The default suite runs a seeded sample;
 * {@code -Draftops.documents.count=1000} runs the long form the figures in docs/reliability.md come
 * from, {@code -Draftops.documents.only=N} replays mutation N of the seed alone, and
 * {@code -Draftops.documents.seed=S} another sequence.
 */
class BadDocumentsScenarioTest {

    private static final long SEED = 2023;
    /** Two of each class: about a minute and a half on a loaded two-core machine. */
    private static final int SAMPLE = 18;
    private static final int CLUSTERS = 6;

    @TempDir
    Path dir;

    @Test
    void everyBadDocumentIsReportedNothingDisruptiveFollowsAndTheFixedDocumentFinishesTheUpgrade() throws Exception {
        long seed = Long.getLong("raftops.documents.seed", SEED);
        int count = Integer.getInteger("raftops.documents.count", SAMPLE);
        List<Mutation> all = Mutations.generate(seed, count);
        Integer only = Integer.getInteger("raftops.documents.only");
        List<Mutation> chosen = only == null ? all : List.of(Mutations.generate(seed, only + 1).get(only));
        int clusters = Math.min(Integer.getInteger("raftops.documents.clusters", CLUSTERS), chosen.size());
        String why = "bad documents, seed " + seed + " (replay one: -Draftops.documents.seed=" + seed
                + " -Draftops.documents.only=N)";

        try (DocumentWorld world = DocumentWorld.start(seed, dir)) {
            run(world, seed, chosen, clusters, why);
        }
    }

    @Test
    void thePackagedControllerProcessReportsOneBadDocumentOfEachClassAndStaysUp() throws Exception {
        long seed = Long.getLong("raftops.documents.seed", SEED);
        List<Mutation> chosen = Mutations.generate(seed, MutationClass.values().length);
        String why = "bad documents against the packaged process, seed " + seed;
        try (DocumentWorld world = ProcessBackend.start(seed, dir)) {
            run(world, seed, chosen, 3, why);
        }
    }

    /** Runs {@code chosen} on {@code clusters} clusters of {@code world} at once, and asserts no violation. */
    private static void run(DocumentWorld world, long seed, List<Mutation> chosen, int clusters, String why)
            throws Exception {
        ConcurrentLinkedQueue<Mutation> queue = new ConcurrentLinkedQueue<>(chosen);
        List<MutationRun.Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        List<String> controllers = world.controllers();
        ExecutorService pool = Executors.newFixedThreadPool(clusters);
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            String name = "doc" + c;
            runs.add(pool.submit(() -> drive(world, name, queue, outcomes)));
        }
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.MINUTES);
        }
        pool.shutdown();
        List<String> violations = new ArrayList<>();
        outcomes.forEach(o -> violations.addAll(o.violations()));
        for (int c = 0; c < clusters; c++) {
            List<String> lines = world.trace("doc" + c);
            for (Violation v : InvariantChecker.check(lines)) {
                violations.add("doc" + c + ": invariant " + v + " (trace " + world.traceFile() + ")");
            }
        }
        assertThat(world.controllers()).as(why + ": the controller instance that started is the one running")
                .isEqualTo(controllers);
        System.out.println(figures(seed, outcomes, violations.size(), System.nanoTime() - started));
        assertThat(violations).as(why).isEmpty();
        assertThat(outcomes).as(why + ": every mutation ran").hasSize(chosen.size());
    }

    private static void drive(DocumentWorld world, String name, ConcurrentLinkedQueue<Mutation> queue,
            List<MutationRun.Outcome> outcomes) {
        int minor = 0;
        world.create(name, "2.4.0");
        if (!MutationRun.awaitRunning(world, name, "2.4.0")) {
            outcomes.add(new MutationRun.Outcome(queue.poll(), false, false, List.of(name + " never ran 2.4.0")));
            return;
        }
        for (Mutation m = queue.poll(); m != null; m = queue.poll()) {
            String from = "2.4." + minor;
            String to = "2.4." + (++minor);
            MutationRun.Outcome o = runOnce(world, name, m, from, to);
            outcomes.add(o);
            System.out.println("bad document " + m.describe() + " on " + name + (o.midUpgrade() ? " mid-upgrade" : "")
                    + (o.noOp() ? " (no change)" : "") + ": " + (o.violations().isEmpty() ? "ok" : o.violations()));
        }
    }

    /**
     * One mutation; a request of this harness that the API server did not answer in time (this JVM
     * also runs the API server, the controller and twelve clusters' runtime) runs it again on the
     * next version, once. A second timeout is a violation: the run goes on with the next mutation.
     */
    private static MutationRun.Outcome runOnce(DocumentWorld world, String name, Mutation m, String from, String to) {
        for (int attempt = 1; ; attempt++) {
            try {
                return new MutationRun(world, name).run(m, from, to, m.index() % 2 == 1);
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                System.out.println("bad document " + m.describe() + " on " + name + ": the harness's request failed ("
                        + e.getMessage() + "), attempt " + attempt);
                if (attempt == 2) {
                    return new MutationRun.Outcome(m, false, false, List.of(m.describe()
                            + ": the API server did not answer the harness twice: " + e.getMessage()));
                }
            }
        }
    }

    /** The figures of the run, one block, as docs/reliability.md shows them. */
    static String figures(long seed, List<MutationRun.Outcome> outcomes, int violations, long nanos) {
        Map<MutationClass, int[]> byClass = new EnumMap<>(MutationClass.class);
        for (MutationRun.Outcome o : outcomes) {
            int[] f = byClass.computeIfAbsent(o.mutation().type(), k -> new int[4]);
            f[0]++;
            f[1] += o.midUpgrade() ? 1 : 0;
            f[2] += o.noOp() ? 1 : 0;
            f[3] += o.violations().isEmpty() ? 0 : 1;
        }
        StringBuilder out = new StringBuilder("bad documents seed " + seed + ": " + outcomes.size()
                + " mutations in " + TimeUnit.NANOSECONDS.toSeconds(nanos) + " s, " + violations + " violations\n");
        out.append(String.format("%-18s %6s %6s %6s %6s%n", "class", "tried", "mid", "no-op", "failed"));
        byClass.forEach((k, f) -> out.append(String.format("%-18s %6d %6d %6d %6d%n", k.wire(), f[0], f[1], f[2],
                f[3])));
        return out.toString();
    }
}
