package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.gates.MaintenanceMarks;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.WorkloadPort;
import dev.raftops.ports.driven.WriteResult;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class Fabric8WorkloadPortTest {

    static KubernetesClient client;

    @BeforeAll
    static void crd() {
        ClusterFixtures.installCrd(client);
    }

    private static WorkloadPort port() {
        return ClusterFixtures.adapters(client).workloadPort();
    }

    /** A cluster with its steady-state workload. */
    private ClusterKey deployed(String name) {
        ClusterDocument doc = ClusterFixtures.stored(client, ClusterFixtures.cluster("wp", name, "2.1.0", 3));
        ClusterFixtures.adapters(client).workloadReconciliation().reconcile(doc);
        return doc.key();
    }

    private static StatefulSet sts(String name) {
        return client.apps().statefulSets().inNamespace("wp").withName(name).get();
    }

    private static Pod pod(String name) {
        return client.pods().inNamespace("wp").resource(new PodBuilder().withNewMetadata().withName(name)
                .withNamespace("wp").endMetadata().withNewSpec().addNewContainer().withName("server").withImage("x")
                .endContainer().endSpec().build()).create();
    }

    @Test
    void lockPartitionAndSetImageWritesBothInOnePatch() {
        ClusterKey key = deployed("lock");
        String rv = sts("lock").getMetadata().getResourceVersion();

        WriteResult result = port().lockPartitionAndSetImage(key,
                new Action.LockPartitionAndSetImage("lock", 3, "quay.io/openbao/openbao:2.2.0", rv));

        assertThat(result).isInstanceOf(WriteResult.Written.class);
        StatefulSet after = sts("lock");
        assertThat(after.getSpec().getUpdateStrategy().getRollingUpdate().getPartition()).isEqualTo(3);
        assertThat(WorkloadViews.templateImage(after)).isEqualTo("quay.io/openbao/openbao:2.2.0");
    }

    @Test
    void aRestartLockSetsTheTemplateAnnotationInTheSamePatchAndALaterLockKeepsIt() {
        ClusterKey key = deployed("restart");
        String rv = sts("restart").getMetadata().getResourceVersion();
        String image = WorkloadViews.templateImage(sts("restart"));

        WriteResult result = port().lockPartitionAndSetImage(key,
                new Action.LockPartitionAndSetImage("restart", 3, image, rv, "2026-11-24T10:00:00Z"));

        assertThat(result).isInstanceOf(WriteResult.Written.class);
        StatefulSet after = sts("restart");
        assertThat(WorkloadViews.templateRestartedAt(after)).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(WorkloadViews.partition(after)).isEqualTo(3);
        port().lockPartitionAndSetImage(key, new Action.LockPartitionAndSetImage("restart", 3,
                "quay.io/openbao/openbao:2.2.0", after.getMetadata().getResourceVersion()));
        assertThat(WorkloadViews.templateRestartedAt(sts("restart"))).isEqualTo("2026-11-24T10:00:00Z");
    }

    @Test
    void aStaleLockIsAConflictAndWritesNothing() {
        ClusterKey key = deployed("stale-lock");
        String stale = sts("stale-lock").getMetadata().getResourceVersion();
        port().setPartition(key, new Action.SetPartition("stale-lock", 3, stale));
        String current = sts("stale-lock").getMetadata().getResourceVersion();

        WriteResult result = port().lockPartitionAndSetImage(key,
                new Action.LockPartitionAndSetImage("stale-lock", 3, "quay.io/openbao/openbao:9.9.9", stale));

        assertThat(result).isInstanceOf(WriteResult.Conflict.class);
        assertThat(sts("stale-lock").getMetadata().getResourceVersion()).isEqualTo(current);
        assertThat(WorkloadViews.templateImage(sts("stale-lock"))).doesNotContain("9.9.9");
    }

    @Test
    void setPartitionWithAStaleResourceVersionIsAConflict() {
        ClusterKey key = deployed("stale-partition");
        String stale = sts("stale-partition").getMetadata().getResourceVersion();
        assertThat(port().setPartition(key, new Action.SetPartition("stale-partition", 3, stale)).written()).isTrue();

        WriteResult second = port().setPartition(key, new Action.SetPartition("stale-partition", 1, stale));

        assertThat(second).isInstanceOf(WriteResult.Conflict.class);
        assertThat(WorkloadViews.partition(sts("stale-partition"))).isEqualTo(3);
    }

    @Test
    void settingThePartitionOfAMissingStatefulSetIsNotFound() {
        assertThat(port().setPartition(new ClusterKey("wp", "none"), new Action.SetPartition("none", 1, "1")))
                .isInstanceOf(WriteResult.NotFound.class);
    }

    @Test
    void deletePodOnlyDeletesThePodWithTheExpectedUid() {
        Pod p = pod("uid-0");
        ClusterKey key = new ClusterKey("wp", "uid");

        assertThat(port().deletePod(key, new Action.DeletePod("uid-0", "another-uid")))
                .isInstanceOf(WriteResult.Conflict.class);
        assertThat(client.pods().inNamespace("wp").withName("uid-0").get()).isNotNull();

        assertThat(port().deletePod(key, new Action.DeletePod("uid-0", p.getMetadata().getUid())).written()).isTrue();
        assertThat(client.pods().inNamespace("wp").withName("uid-0").get()).isNull();
    }

    @Test
    void maintenanceMarksAreSetAndRemoved() {
        ClusterKey key = deployed("maint");
        Pod p = pod("maint-0");
        String rv = sts("maint").getMetadata().getResourceVersion();

        assertThat(port().markMaintenance(key, new Action.MarkMaintenance(Action.MarkMaintenance.Target.STATEFUL_SET,
                "maint", true, rv)).written()).isTrue();
        assertThat(port().markMaintenance(key, new Action.MarkMaintenance(Action.MarkMaintenance.Target.POD,
                "maint-0", true, p.getMetadata().getUid())).written()).isTrue();
        assertThat(sts("maint").getMetadata().getAnnotations()).containsEntry(MaintenanceMarks.ANNOTATION, "true");
        assertThat(client.pods().inNamespace("wp").withName("maint-0").get().getMetadata().getAnnotations())
                .containsEntry(MaintenanceMarks.ANNOTATION, "true");

        assertThat(port().markMaintenance(key, new Action.MarkMaintenance(Action.MarkMaintenance.Target.STATEFUL_SET,
                "maint", false, rv))).isInstanceOf(WriteResult.Conflict.class);
        assertThat(port().markMaintenance(key, new Action.MarkMaintenance(Action.MarkMaintenance.Target.STATEFUL_SET,
                "maint", false, sts("maint").getMetadata().getResourceVersion())).written()).isTrue();
        assertThat(sts("maint").getMetadata().getAnnotations()).doesNotContainKey(MaintenanceMarks.ANNOTATION);
    }

    @Test
    void greenWorkloadsAreCreatedOnDeleteAndLabelledWithTheirRevision() {
        ClusterKey key = deployed("bg");
        Action.CreateWorkload green = new Action.CreateWorkload("bg-g1", "g1", "2.2.0", "quay.io/openbao/openbao:2.2.0", 3, "b0");

        assertThat(port().createWorkload(key, green).written()).isTrue();
        assertThat(port().createWorkload(key, green).written()).as("same revision again is the same work").isTrue();

        StatefulSet sts = sts("bg-g1");
        assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("OnDelete");
        assertThat(sts.getMetadata().getLabels()).containsEntry(Labels.REVISION, "g1").containsEntry(Labels.CLUSTER, "bg");
        assertThat(sts.getSpec().getTemplate().getMetadata().getLabels()).containsEntry(Labels.REVISION, "g1");
        assertThat(sts.getSpec().getSelector().getMatchLabels()).containsEntry(Labels.STATEFUL_SET, "bg-g1");

        assertThat(port().deleteWorkload(key, new Action.DeleteWorkload("bg-g1", "wrong-uid")))
                .isInstanceOf(WriteResult.Conflict.class);
        assertThat(port().deleteWorkload(key, new Action.DeleteWorkload("bg-g1", sts.getMetadata().getUid())).written()).isTrue();
        assertThat(sts("bg-g1")).isNull();
    }

    @Test
    void aGreenStatefulSetGetsItsOwnConfigurationWithoutRetryJoinAndLosesItWithItsStatefulSet() {
        ClusterKey key = deployed("bgc");
        Action.CreateWorkload green = new Action.CreateWorkload("bgc-g1", "g1", "2.2.0", "quay.io/openbao/openbao:2.2.0", 3, "b0");

        assertThat(port().createWorkload(key, green).written()).isTrue();

        var config = client.configMaps().inNamespace(key.namespace()).withName("bgc-g1-config");
        ParsedHcl hcl = ParsedHcl.of(config.get().getData().get(OpenBaoConfig.CONFIG_KEY));
        assertThat(ParsedHcl.blocks(hcl.block("storage", "raft"), "retry_join")).as("the executor joins Green").isEmpty();
        assertThat(sts("bgc-g1").getSpec().getTemplate().getSpec().getVolumes())
                .anySatisfy(v -> assertThat(v.getName()).isEqualTo("config"));
        assertThat(port().deleteWorkload(key, new Action.DeleteWorkload("bgc-g1", sts("bgc-g1").getMetadata().getUid()))
                .written()).isTrue();
        assertThat(config.get()).isNull();
    }

    @Test
    void switchTrafficPointsTheClientServiceAtTheRevision() {
        ClusterKey key = deployed("switch");

        assertThat(port().switchTraffic(key, new Action.SwitchTraffic("g2")).written()).isTrue();

        assertThat(client.services().inNamespace("wp").withName("switch").get().getSpec().getSelector())
                .containsEntry(Labels.REVISION, "g2").containsEntry(Labels.CLUSTER, "switch");
        assertThat(client.services().inNamespace("wp").withName("switch-internal").get().getSpec().getSelector())
                .doesNotContainKey(Labels.REVISION);
        assertThat(ClusterFixtures.adapters(client).clusterObserver().observe(key).serviceSelectors()).containsExactly(java.util.Map.entry("switch", "g2"));
    }

    @Test
    void aWorkloadOfTheSameNameButAnotherRevisionIsAConflict() {
        ClusterKey key = deployed("clash");
        port().createWorkload(key, new Action.CreateWorkload("clash-g1", "g1", "2.2.0", null, 3, null));

        WriteResult other = port().createWorkload(key, new Action.CreateWorkload("clash-g1", "g9", "2.3.0", null, 3, null));

        assertThat(other).isInstanceOf(WriteResult.Conflict.class);
        assertThat(sts("clash-g1").getMetadata().getLabels()).containsEntry(Labels.REVISION, "g1");
    }

    @Test
    void reconciliationKeepsTheMaintenanceMarkAndWritesNothing() {
        ClusterKey key = deployed("kept");
        port().markMaintenance(key, new Action.MarkMaintenance(Action.MarkMaintenance.Target.STATEFUL_SET, "kept", true,
                sts("kept").getMetadata().getResourceVersion()));
        String rv = sts("kept").getMetadata().getResourceVersion();

        var outcome = ClusterFixtures.adapters(client).workloadReconciliation().reconcile(ClusterFixtures.adapters(client).statusPort().read(key).orElseThrow());

        assertThat(outcome.writes()).isEmpty();
        assertThat(sts("kept").getMetadata().getResourceVersion()).isEqualTo(rv);
        assertThat(sts("kept").getMetadata().getAnnotations()).containsEntry(MaintenanceMarks.ANNOTATION, "true");
    }
}
