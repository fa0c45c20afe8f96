package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static dev.raftops.acceptance.Scenario.NAMESPACE;
import static dev.raftops.acceptance.Scenario.REPLICAS;
import static dev.raftops.acceptance.Scenario.TO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.adapters.fabric8.crd.StatusMember;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.sandbox.SandboxFault;
import dev.raftops.simulator.runtime.RuntimeFaults.ApiFault;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pods' OpenBao API (issue 20): the controller reads Raft state from it (the default
 * {@code raftState: api}), and the simulated pods serve it on loopback. A released pod whose API
 * refuses connections, then answers sealed, holds the roll (though Kubernetes calls it Ready) until
 * it recovers; one whose API never answers ends the upgrade in {@code PodNotReady} with the probe's
 * error, and nothing is disrupted after.
 */
class PodApiFaultScenarioTest {

    /** With ordinal 0 leading, ordinal 2 is released first, without a step-down. */
    private static final int HELD = 2;
    private static final List<String> DISRUPTIONS = List.of("sts.partition", "sts.template", "pod.deleted", "job.created");

    @TempDir
    Path dir;

    @Test
    void aPodWhoseApiRefusesThenAnswersSealedHoldsTheRollUntilItRecoversAndTheUpgradeCompletes() throws Exception {
        try (Scenario s = Scenario.start("pod-api-recovers", 15, 0, dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, REPLICAS), TO);
            s.inject(CLUSTER, List.of(new SandboxFault.PodApi(HELD, ApiFault.REFUSED)));
            s.patchSpec(CLUSTER, Map.of("version", TO));

            s.awaitStatus(CLUSTER, "the probe of the released ordinal " + HELD + " is refused", st -> {
                StatusMember m = member(st, HELD);
                return m != null && TO.equals(m.version) && m.probeError != null
                        && m.probeError.contains("connection refused");
            });
            Thread.sleep(1500); // time enough to release the next ordinal, were an unknown member trusted
            assertThat(released(s, HELD - 1)).as(s.why("invariant: nothing more is released while the API refuses"))
                    .isFalse();

            s.inject(CLUSTER, List.of(new SandboxFault.PodApi(HELD, ApiFault.SEALED)));
            RaftClusterStatus sealed = s.awaitStatus(CLUSTER, "ordinal " + HELD + " answers sealed", st -> {
                StatusMember m = member(st, HELD);
                return m != null && Boolean.TRUE.equals(m.sealed);
            });
            assertThat(member(sealed, HELD).ready).as(s.why("the sealed pod is Ready to Kubernetes")).isTrue();
            s.awaitStatus(CLUSTER, "the wait names the seal", st -> st.conditions != null && st.conditions.stream()
                    .anyMatch(c -> c.message != null && c.message.contains("ordinal " + HELD + " waits for: Unsealed")));
            Thread.sleep(1500);
            assertThat(released(s, HELD - 1)).as(s.why("invariant: nothing more is released while the pod is sealed"))
                    .isFalse();

            s.inject(CLUSTER, List.of()); // the pod recovers
            RaftClusterStatus done = s.awaitStatus(CLUSTER, "the upgrade converges on " + TO,
                    st -> TO.equals(st.currentVersion) && st.upgrade == null);

            List<String> lines = s.trace(CLUSTER);
            int healed = Scenario.indexOf(lines, "the API fault heals", l -> l.contains("\"fault\":\"api-healed\""));
            int next = Scenario.indexOf(lines, "ordinal " + (HELD - 1) + " is released",
                    l -> l.contains("\"kind\":\"sts.partition\"") && l.contains("\"value\":" + (HELD - 1)));
            assertThat(next).as(s.why("invariant: the next ordinal is released only after the API recovered"))
                    .isGreaterThan(healed);
            assertThat(Scenario.ofKind(lines, "pod.deleted").stream().map(Scenario::ordinal).collect(Collectors.toList()))
                    .as(s.why("invariant: every pod restarted once, highest first")).containsExactly(2, 1, 0);
            assertThat(done.members).as(s.why("status.members shows every pod probed, none failing"))
                    .hasSize(REPLICAS).allMatch(m -> m.probeError == null && m.lastProbeTime != null);
            assertThat(s.client().pods().inNamespace(NAMESPACE).withLabel("raftops.dev/cluster", CLUSTER).list()
                    .getItems()).as(s.why("in api mode no pod carries the Raft annotations nothing real writes"))
                    .noneMatch(PodApiFaultScenarioTest::annotatedWithRaftState);
            s.assertInvariants(CLUSTER);
        }
    }

    @Test
    void aPodWhoseApiNeverAnswersEndsInPodNotReadyWithTheProbesErrorAndNothingIsDisruptedAfter() throws Exception {
        try (Scenario s = Scenario.start("pod-api-never-answers", 16, 0, dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, REPLICAS), TO);
            s.inject(CLUSTER, List.of(new SandboxFault.PodApi(HELD, ApiFault.REFUSED)));
            s.patchSpec(CLUSTER, Map.of("version", TO, "upgrade", Map.of("timeouts", Map.of("podReady", "3s"))));

            RaftClusterStatus failed = s.awaitStatus(CLUSTER, "the upgrade fails",
                    st -> st.upgrade != null && st.upgrade.failure != null);
            assertThat(failed.upgrade.failure.reason).as(s.why("the failure is PodNotReady")).isEqualTo("PodNotReady");
            assertThat(failed.upgrade.failure.message).as(s.why("the failure carries the probe's error"))
                    .contains("pod " + CLUSTER + "-" + HELD).contains("raft state unknown").contains("connection refused");
            List<String> before = s.trace(CLUSTER);
            int failedAt = Scenario.indexOf(before, "the failure in the status",
                    l -> l.contains("\"kind\":\"status\"") && l.contains("\"failure\":\"PodNotReady\""));

            Thread.sleep(3000); // passes enough to disrupt again, were the failure not final
            List<String> after = s.trace(CLUSTER);
            assertThat(after.subList(failedAt, after.size())).as(s.why("invariant: no disruptive write after the failure"))
                    .noneMatch(l -> DISRUPTIONS.stream().anyMatch(k -> l.contains("\"kind\":\"" + k + "\"")));
            assertThat(s.client().apps().statefulSets().inNamespace(NAMESPACE).withName(CLUSTER).get().getSpec()
                    .getUpdateStrategy().getRollingUpdate().getPartition())
                    .as(s.why("invariant: the held ordinal stays the last released")).isEqualTo(HELD);
            s.assertInvariants(CLUSTER);
        }
    }

    private static StatusMember member(RaftClusterStatus status, int ordinal) {
        return status.members == null ? null : status.members.stream()
                .filter(m -> m.ordinal != null && m.ordinal == ordinal).findFirst().orElse(null);
    }

    private static boolean released(Scenario s, int ordinal) {
        return s.trace(CLUSTER).stream()
                .anyMatch(l -> l.contains("\"kind\":\"sts.partition\"") && l.contains("\"value\":" + ordinal));
    }

    private static boolean annotatedWithRaftState(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        return annotations != null && (annotations.containsKey("raftops.dev/raft-lag")
                || annotations.containsKey("raftops.dev/voter"));
    }
}
