package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static dev.raftops.acceptance.Scenario.REPLICAS;
import static dev.raftops.acceptance.Scenario.TO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.sandbox.SandboxFault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 3: a pod that never becomes Ready after its update fails the upgrade with
 * {@code PodNotReady}, keeping its progress; once the pod is fixed, a {@code requests.retry} token
 * resumes the upgrade, which completes.
 */
class PodNeverReadyScenarioTest {

    private static final int STUCK = 1;
    private static final String POD_READY_TIMEOUT = "2s";

    @TempDir
    Path dir;

    @Test
    void theUpgradeFailsWithPodNotReadyKeepsItsProgressAndARetryAfterTheFixCompletesIt() throws Exception {
        try (Scenario s = Scenario.start("pod-never-ready", 3, 0, dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, REPLICAS), TO);
            s.inject(CLUSTER, List.of(new SandboxFault.PodNeverReady(STUCK)));
            s.patchSpec(CLUSTER, Map.of("version", TO,
                    "upgrade", Map.of("timeouts", Map.of("podReady", POD_READY_TIMEOUT))));

            RaftClusterStatus failed = s.awaitStatus(CLUSTER, "the upgrade fails with PodNotReady",
                    st -> st.upgrade != null && st.upgrade.failure != null);
            assertThat(failed.upgrade.failure.reason).as(s.why("invariant: the failure is PodNotReady"))
                    .isEqualTo("PodNotReady");
            assertThat(Scenario.condition(failed, "Degraded")).as(s.why("invariant: Degraded says PodNotReady"))
                    .isNotNull().matches(c -> "True".equals(c.status) && "PodNotReady".equals(c.reason));
            assertThat(failed.upgrade.completedOrdinals).as(s.why("invariant: the failure keeps the progress"))
                    .containsExactly(2);
            assertThat(failed.upgrade.currentPartition).as(s.why("invariant: the recorded partition is the last "
                    + "completed ordinal")).isEqualTo(2);
            assertThat(s.client().apps().statefulSets().inNamespace(Scenario.NAMESPACE).withName(CLUSTER).get()
                    .getSpec().getUpdateStrategy().getRollingUpdate().getPartition())
                    .as(s.why("invariant: the stuck ordinal stays released")).isEqualTo(STUCK);
            assertThat(failed.currentVersion).as(s.why("invariant: currentVersion stays until convergence"))
                    .isEqualTo(FROM);

            s.inject(CLUSTER, List.of()); // the pod is fixed
            s.awaitTrace(CLUSTER, "the fixed pod " + STUCK + " becomes Ready at " + TO,
                    l -> l.contains("\"kind\":\"pod.ready\"") && Scenario.ordinal(l) == STUCK
                            && l.contains("\"version\":\"" + TO + "\""));
            Thread.sleep(1000); // time enough to move on, were a failure lifted without a retry token
            RaftClusterStatus waiting = s.status(CLUSTER);
            assertThat(waiting.upgrade).as(s.why("invariant: a failed upgrade waits for a retry token")).isNotNull();
            assertThat(waiting.upgrade.failure).as(s.why("invariant: a failed upgrade waits for a retry token"))
                    .isNotNull();
            assertThat(s.trace(CLUSTER)).as(s.why("invariant: ordinal 0 is not released before the retry"))
                    .noneMatch(l -> l.contains("\"kind\":\"sts.partition\"") && l.contains("\"value\":0"));

            s.patchSpec(CLUSTER, Map.of("upgrade", Map.of("requests", Map.of("retry", "retry-1"))));
            RaftClusterStatus done = s.awaitStatus(CLUSTER, "the retried upgrade converges on " + TO,
                    st -> TO.equals(st.currentVersion) && st.upgrade == null);

            assertThat(done.requests.lastHandledRetry).as(s.why("invariant: the retry token is recorded as handled"))
                    .isEqualTo("retry-1");
            assertThat(Scenario.condition(done, "Degraded")).as(s.why("invariant: Degraded is cleared"))
                    .matches(c -> c == null || !"True".equals(c.status));
            List<String> lines = s.trace(CLUSTER);
            List<Integer> restarts = Scenario.ofKind(lines, "pod.deleted").stream().map(Scenario::ordinal)
                    .collect(Collectors.toList());
            assertThat(restarts).as(s.why("invariant: every pod restarted once, highest first; the stuck pod not "
                    + "again")).containsExactly(2, 1, 0);
            s.assertInvariants(CLUSTER);
        }
    }
}
