package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static dev.raftops.acceptance.Scenario.REPLICAS;
import static dev.raftops.acceptance.Scenario.TO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.sandbox.SandboxFault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 2: the controller is restarted right after each one of its writes during a rolling
 * upgrade (3 replicas, the leader on the highest ordinal so the step-down comes first). A
 * fault-free run counts the upgrade's W writes; then, for every k in 1..W, a run whose controller
 * crashes after write k must still converge with no pod restarted twice.
 */
class ControllerCrashScenarioTest {

    private static final int LEADER = 2;
    private static final long SEED = 2;

    /** No controller write for this long: the run is over (a restarted controller's first pass included). */
    private static final Duration QUIET = Duration.ofMillis(1000);

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> theUpgradeConvergesWhateverWriteTheControllerCrashesAfter() {
        int writes = upgrade("crash-count-writes", List.of());
        assertThat(writes).as("scenario crash-count-writes, seed " + Scenario.seed(SEED)
                + ": a fault-free upgrade writes").isPositive();
        return IntStream.rangeClosed(1, writes).mapToObj(k -> DynamicTest.dynamicTest(
                "crash after write " + k + " of " + writes,
                () -> upgrade("crash-after-write-" + k, List.of(new SandboxFault.ControllerCrash(k)))));
    }

    private static int crashAfter(List<SandboxFault> faults) {
        return ((SandboxFault.ControllerCrash) faults.get(0)).write();
    }

    /** Runs the upgrade with {@code faults} injected at the request; the controller's writes it took. */
    private int upgrade(String name, List<SandboxFault> faults) {
        try (Scenario s = Scenario.start(name, SEED, LEADER, Scenario.READY_DELAY, dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, REPLICAS), TO);
            s.inject(CLUSTER, faults);
            long generation = s.patchSpec(CLUSTER, Map.of("version", TO)).getMetadata().getGeneration();

            s.awaitStatus(CLUSTER, "the cluster converges on " + TO, st -> st.observedGeneration != null
                    && st.observedGeneration >= generation && TO.equals(st.currentVersion) && st.upgrade == null);

            s.awaitQuiet(QUIET);
            int writes = s.environment().controllerWrites();
            if (!faults.isEmpty() && writes >= crashAfter(faults)) {
                s.awaitTrace(CLUSTER, "invariant: the controller crashed after write " + crashAfter(faults)
                        + " and a new one started", l -> l.contains("\"kind\":\"controller.start\"")
                        && l.contains("\"instance\":\"controller-2\""));
            }
            List<String> lines = s.trace(CLUSTER);
            List<Integer> restarts = Scenario.ofKind(lines, "pod.deleted").stream().map(Scenario::ordinal)
                    .collect(Collectors.toList());
            assertThat(restarts).as(s.why("invariant: every pod restarted exactly once, highest first\n"
                    + String.join("\n", lines))).containsExactly(2, 1, 0);
            s.assertInvariants(CLUSTER);
            return writes;
        }
    }
}
