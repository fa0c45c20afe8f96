package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static dev.raftops.acceptance.Scenario.REPLICAS;
import static dev.raftops.acceptance.Scenario.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.sandbox.SandboxEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 13: two controller instances with leader election. Only the Lease holder writes;
 * killing it mid-upgrade (its requests refused from then on, so it cannot release the Lease) hands
 * the Lease to the other once it expires, and the upgrade completes.
 */
class TwoControllersScenarioTest {

    /** The Lease lasts 15 s (ControllerRuntime); the takeover needs that plus a retry period. */
    private static final Duration TAKEOVER = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void onlyTheLeaseHolderWritesAndKillingItHandsTheUpgradeToTheOther() {
        try (Scenario s = Scenario.start("two-controllers", 131, 0, Duration.ofMillis(500), 2, dir)) {
            SandboxEnvironment world = s.environment();
            await(s.why("one controller takes the Lease")).atMost(Scenario.TIMEOUT).until(() -> world.leader() != null);
            String leader = world.leader();
            String standby = world.controllers().stream().filter(c -> !c.equals(leader)).findFirst().orElseThrow();
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, REPLICAS), TO);
            s.patchSpec(CLUSTER, Map.of("version", TO));
            s.awaitTrace(CLUSTER, "the first pod is released", l -> l.contains("\"kind\":\"sts.partition\"")
                    && l.contains("\"value\":" + (REPLICAS - 1)));

            world.kill(leader);
            Map<String, Integer> beforeKill = world.controllerWritesByInstance();
            assertThat(beforeKill).as(s.why("invariant: only the Lease holder " + leader + " writes"))
                    .containsOnlyKeys(leader);

            await(s.why("the standby " + standby + " takes the Lease")).atMost(TAKEOVER)
                    .until(() -> standby.equals(world.leader()));
            s.awaitStatus(CLUSTER, "the upgrade converges on " + TO, st -> TO.equals(st.currentVersion)
                    && st.upgrade == null);

            Map<String, Integer> afterKill = world.controllerWritesByInstance();
            assertThat(afterKill.get(leader)).as(s.why("invariant: the killed controller writes nothing more"))
                    .isEqualTo(beforeKill.get(leader));
            assertThat(afterKill.get(standby)).as(s.why("the new Lease holder finished the upgrade")).isPositive();
            List<Integer> restarts = Scenario.ofKind(s.trace(CLUSTER), "pod.deleted").stream().map(Scenario::ordinal)
                    .collect(Collectors.toList());
            assertThat(restarts).as(s.why("invariant: every pod restarted once, highest first"))
                    .containsExactly(2, 1, 0);
            s.assertInvariants(CLUSTER);
        }
    }
}
