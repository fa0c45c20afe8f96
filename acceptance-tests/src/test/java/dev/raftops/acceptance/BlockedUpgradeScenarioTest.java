package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.resource.ClusterSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scenario 4: version requests the controller refuses touch nothing and say why. */
class BlockedUpgradeScenarioTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "version {0}, image {1} -> {2}")
    @CsvSource({"2.3.0, , DowngradeBlocked, 41", "2.4.x, , InvalidVersion, 42",
        "2.4.4, quay.io/openbao/openbao:2.4.3, ImageVersionMismatch, 43", "3.0.0, , MajorUpgradeBlocked, 44"})
    void aRefusedVersionSetsUpgradingFalseAndWritesNothing(String to, String image, String reason, long seed) {
        try (Scenario s = Scenario.start("blocked-upgrade-" + reason, seed, 0, dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, 3), to);
            Map<String, Object> patch = new TreeMap<>(Map.of("version", to));
            if (image != null) {
                patch.put("image", image);
            }
            s.patchSpec(CLUSTER, patch);

            RaftClusterStatus blocked = s.awaitStatus(CLUSTER, "condition Upgrading False with reason " + reason,
                    st -> Scenario.condition(st, "Upgrading") != null
                            && "False".equals(Scenario.condition(st, "Upgrading").status)
                            && reason.equals(Scenario.condition(st, "Upgrading").reason));
            s.awaitEvents(CLUSTER, "a Warning Event with reason " + reason,
                    e -> "Warning".equals(e.getType()) && reason.equals(e.getReason()));

            List<String> lines = s.trace(CLUSTER);
            int operator = Scenario.indexOfKind(lines, "operator");
            List<String> after = lines.subList(operator, lines.size());
            assertThat(Scenario.ofKind(after, "pod.deleted")).as(s.why("invariant: no pod deletion")).isEmpty();
            assertThat(Scenario.ofKind(after, "sts.partition")).as(s.why("invariant: no partition write")).isEmpty();
            assertThat(Scenario.ofKind(after, "sts.template")).as(s.why("invariant: no template write")).isEmpty();
            assertThat(Scenario.ofKind(after, "job.created")).as(s.why("invariant: no Job")).isEmpty();
            assertThat(s.client().batch().v1().jobs().inNamespace(Scenario.NAMESPACE).list().getItems())
                    .as(s.why("invariant: no Job object")).isEmpty();
            StatefulSet sts = s.client().apps().statefulSets().inNamespace(Scenario.NAMESPACE).withName(CLUSTER).get();
            assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .as(s.why("invariant: the StatefulSet still runs " + FROM)).endsWith(":" + FROM);
            Integer partition = sts.getSpec().getUpdateStrategy() == null
                    || sts.getSpec().getUpdateStrategy().getRollingUpdate() == null ? null
                    : sts.getSpec().getUpdateStrategy().getRollingUpdate().getPartition();
            assertThat(partition == null || partition == 0).as(s.why("invariant: the partition object is untouched ("
                    + partition + ")")).isTrue();
            assertThat(blocked.currentVersion).as(s.why("invariant: currentVersion stays")).isEqualTo(FROM);
            assertThat(blocked.operationLock == null || blocked.operationLock.epoch == null
                    || blocked.operationLock.epoch == 0).as(s.why("invariant: the lock is never taken")).isTrue();
            s.assertInvariants(CLUSTER);
        }
    }
}
