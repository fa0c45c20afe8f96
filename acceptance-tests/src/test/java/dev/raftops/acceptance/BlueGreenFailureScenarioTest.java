package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.UpgradeSpec;
import dev.raftops.domain.resource.UpgradeStrategy;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 10: an executor Job of a blue/green cutover fails (the scenario marks it failed before the
 * simulated executor finishes it, as a crashed executor pod would), with {@code maxJobFailures: 1}.
 * Before promotion the attempt aborts: Green deleted, Blue untouched, the target latched. After
 * promotion it rolls back: Blue voters and leading again, Green's peers removed, Green deleted.
 */
class BlueGreenFailureScenarioTest {

    private static final String TO = "2.5.0";

    @TempDir
    Path dir;

    private static ClusterSpec strict() {
        ClusterSpec base = ClusterSpec.of(FROM, null, 3);
        return base.withUpgrade(UpgradeSpec.defaults().withStrategy(UpgradeStrategy.BLUE_GREEN)
                .withBlueGreen(new BlueGreenSpec(true, 1, null, null)));
    }

    /** Waits for the first Job of {@code action} and marks it Failed before the executor can finish it. */
    private static void failFirstJob(Scenario s, String action) {
        Job[] found = new Job[1];
        await(s.why("a " + action + " Job is created")).atMost(Scenario.TIMEOUT).pollInterval(Duration.ofMillis(5))
                .until(() -> {
                    List<Job> jobs = s.client().batch().v1().jobs().inNamespace(Scenario.NAMESPACE)
                            .withLabel("raftops.dev/action", action).list().getItems();
                    found[0] = jobs.isEmpty() ? null : jobs.get(0);
                    return found[0] != null;
                });
        String body = s.client().getKubernetesSerialization().asJson(Map.of("status", Map.of("failed", 1,
                "conditions", List.of(Map.of("type", "Failed", "status", "True", "reason", "BackoffLimitExceeded",
                        "message", "executor pod crashed (injected by the scenario)")))));
        s.client().batch().v1().jobs().inNamespace(Scenario.NAMESPACE).withName(found[0].getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), body);
    }

    private static String startUpgrade(Scenario s) {
        s.create(CLUSTER, strict(), TO);
        RaftClusterStatus running = s.awaitStatus(CLUSTER, "the cluster runs " + FROM, st -> FROM.equals(
                st.currentVersion) && st.blueGreen != null && st.blueGreen.blueRevision != null);
        s.awaitTrace(CLUSTER, "Blue has a leader", l -> l.contains("\"kind\":\"raft.leader\"")
                && !l.contains("\"pod\":null"));
        s.patchSpec(CLUSTER, Map.of("version", TO));
        return running.blueGreen.blueRevision;
    }

    private static RaftClusterStatus awaitLatched(Scenario s, String what) {
        return s.awaitStatus(CLUSTER, what, st -> st.blueGreen != null && "Idle".equals(st.blueGreen.phase)
                && st.blueGreen.failedTarget != null && st.operationLock != null && st.operationLock.operation == null
                && s.client().apps().statefulSets().inNamespace(Scenario.NAMESPACE).list().getItems().size() == 1);
    }

    /**
     * Starts the upgrade, fails the first Job of {@code action}, and waits until the attempt has
     * unwound ({@code what}) with the target latched: Blue still runs {@link #FROM} as Blue, and the
     * failed Job is traced. The status then.
     */
    private static RaftClusterStatus unwoundAfterAFailed(Scenario s, String action, String what) {
        String blue = startUpgrade(s);
        failFirstJob(s, action);
        RaftClusterStatus done = awaitLatched(s, what);
        assertThat(done.currentVersion).as(s.why("Blue still runs " + FROM)).isEqualTo(FROM);
        assertThat(done.blueGreen.blueRevision).as(s.why("Blue is still Blue")).isEqualTo(blue);
        assertThat(s.trace(CLUSTER)).as(s.why("the failed Job is traced")).anyMatch(l -> l.contains(
                "\"kind\":\"job.finished\"") && l.contains("\"action\":\"" + action + "\"")
                && l.contains("\"result\":\"failed\""));
        return done;
    }

    @Test
    void aFailedJoinBeforePromotionAbortsAndLatchesTheTarget() {
        try (Scenario s = Scenario.start("blue-green-abort", 10L, 2, dir)) {
            RaftClusterStatus done = unwoundAfterAFailed(s, "join-green", "the attempt aborts with the target latched");

            List<String> lines = s.trace(CLUSTER);
            assertThat(done.blueGreen.rollbackReason).isEqualTo("JobFailureThresholdExceeded");
            assertThat(lines).as(s.why("never promoted, never rolled back"))
                    .noneMatch(l -> l.contains("promote-green") || l.contains("\"blueGreenPhase\":\"RollingBack\""));
            assertThat(Scenario.ofKind(lines, "sts.deleted")).as(s.why("Green deleted")).hasSize(1)
                    .allMatch(l -> l.contains(done.blueGreen.failedTarget));
            s.assertInvariants(CLUSTER);
        }
    }

    @Test
    void aFailedDemotionAfterPromotionRollsBackToBlue() {
        try (Scenario s = Scenario.start("blue-green-rollback", 11L, 0, dir)) {
            RaftClusterStatus done = unwoundAfterAFailed(s, "demote-blue",
                    "the attempt rolls back with the target latched");

            List<String> lines = s.trace(CLUSTER);
            assertThat(lines).as(s.why("rolled back through RollingBack and RollbackCleanup"))
                    .anyMatch(l -> l.contains("\"blueGreenPhase\":\"RollingBack\""))
                    .anyMatch(l -> l.contains("\"blueGreenPhase\":\"RollbackCleanup\""));
            for (String action : List.of("repair-consensus", "remove-green-peers")) {
                assertThat(lines).as(s.why(action + " succeeded")).anyMatch(l -> l.contains("\"kind\":\"job.finished\"")
                        && l.contains("\"action\":\"" + action + "\"") && l.contains("\"result\":\"succeeded\""));
            }
            String lastLeader = Scenario.ofKind(lines, "raft.leader").get(Scenario.ofKind(lines, "raft.leader").size() - 1);
            assertThat(lastLeader).as(s.why("a Blue pod leads")).contains(CLUSTER + "-" + done.blueGreen.blueRevision + "-");
            s.assertInvariants(CLUSTER);
        }
    }
}
