package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.SpecUpgrade;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.SpecReading;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class WorkloadReconciliationTest {

    static KubernetesClient client;

    @BeforeAll
    static void crd() {
        ClusterFixtures.installCrd(client);
    }

    private static Fabric8Adapters adapters() {
        return ClusterFixtures.adapters(client);
    }

    private ClusterDocument cluster(String name, int replicas) {
        RaftCluster cr = ClusterFixtures.cluster("wl", name, "2.1.0", replicas);
        cr.getSpec().image = "quay.io/openbao/openbao:2.1.0";
        return ClusterFixtures.stored(client, cr);
    }

    private static StatefulSet sts(String name) {
        return client.apps().statefulSets().inNamespace("wl").withName(name).get();
    }

    private static List<String> resourceVersions(String name) {
        return List.of(sts(name).getMetadata().getResourceVersion(),
                client.services().inNamespace("wl").withName(name).get().getMetadata().getResourceVersion(),
                client.services().inNamespace("wl").withName(name + "-internal").get().getMetadata().getResourceVersion(),
                client.policy().v1().podDisruptionBudget().inNamespace("wl").withName(name).get().getMetadata()
                        .getResourceVersion());
    }

    @Test
    void theFirstPassCreatesTheIdentitiesConfigurationStatefulSetServicesAndBudget() {
        ClusterDocument doc = cluster("first", 3);
        WorkloadReconciliation.Outcome outcome = adapters().workloadReconciliation().reconcile(doc);

        // the executor's account is shared by the namespace's clusters: created by the first, owned by each
        assertThat(outcome.writes().get(3)).matches("(created|patched) ServiceAccount wl/raftops-executor");
        assertThat(client.serviceAccounts().inNamespace("wl").withName("raftops-executor").get().getMetadata()
                .getOwnerReferences()).anySatisfy(o -> assertThat(o.getUid()).isEqualTo(doc.uid()));
        assertThat(outcome.writes()).filteredOn(w -> !w.contains("raftops-executor")).containsExactly(
                "created ServiceAccount wl/first-openbao", "created Role wl/first-openbao",
                "created RoleBinding wl/first-openbao", "created ConfigMap wl/first-config", "created StatefulSet wl/first", "created Service wl/first-internal",
                "created Service wl/first", "created PodDisruptionBudget wl/first");
        StatefulSet sts = sts("first");
        assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
        assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("OrderedReady");
        assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(sts.getSpec().getUpdateStrategy().getRollingUpdate()).isNull();
        assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("quay.io/openbao/openbao:2.1.0");
        assertThat(sts.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo(doc.uid());
        assertThat(client.services().inNamespace("wl").withName("first-internal").get().getSpec().getClusterIP())
                .isEqualTo("None");
        assertThat(client.policy().v1().podDisruptionBudget().inNamespace("wl").withName("first").get().getSpec()
                .getMaxUnavailable().getIntVal()).isEqualTo(1);
    }

    @Test
    void aSecondPassWithNothingChangedWritesNothing() {
        ClusterDocument doc = cluster("steady", 3);
        adapters().workloadReconciliation().reconcile(doc);
        List<String> before = resourceVersions("steady");

        WorkloadReconciliation.Outcome second = adapters().workloadReconciliation().reconcile(doc);

        assertThat(second.writes()).isEmpty();
        assertThat(resourceVersions("steady")).isEqualTo(before);
    }

    @Test
    void aChangedReplicaCountIsApplied() {
        ClusterDocument doc = cluster("scaled", 3);
        adapters().workloadReconciliation().reconcile(doc);
        ClusterDocument five = new ClusterDocument(doc.key(), doc.uid(), 2, doc.resourceVersion(), new SpecReading.Valid(
                new dev.raftops.domain.resource.ClusterSpec("2.1.0", "quay.io/openbao/openbao:2.1.0", 5, false, null, null,
                        null, null)), doc.status());

        WorkloadReconciliation.Outcome outcome = adapters().workloadReconciliation().reconcile(five);

        assertThat(outcome.writes()).containsExactly("patched ConfigMap wl/scaled-config", "patched StatefulSet wl/scaled");
        assertThat(ParsedHcl.blocks(ParsedHcl.of(client.configMaps().inNamespace("wl").withName("scaled-config").get()
                .getData().get(OpenBaoConfig.CONFIG_KEY)).block("storage", "raft"), "retry_join")).as("one per pod").hasSize(5);
        assertThat(sts("scaled").getSpec().getReplicas()).isEqualTo(5);
    }

    @Test
    void aRunningUpgradesPartitionAndImageAreNeverTouched() {
        ClusterDocument doc = cluster("upgrading", 3);
        adapters().workloadReconciliation().reconcile(doc);
        StatefulSet live = sts("upgrading");
        adapters().workloadPort().lockPartitionAndSetImage(doc.key(), new Action.LockPartitionAndSetImage("upgrading", 3,
                "quay.io/openbao/openbao:2.2.0", live.getMetadata().getResourceVersion()));
        adapters().workloadPort().setPartition(doc.key(), new Action.SetPartition("upgrading", 2,
                sts("upgrading").getMetadata().getResourceVersion()));
        // status says the upgrade runs, the spec asks for more replicas meanwhile
        ClusterStatus status = doc.status().withCurrentVersion("2.1.0").withUpgrade(new RollingProgress("2.1.0", "2.2.0",
                "quay.io/openbao/openbao:2.2.0", Instant.parse("2026-11-24T10:00:00Z"), 2, List.of(2), null, null, List.of(),
                null, 1, null));
        ClusterDocument during = new ClusterDocument(doc.key(), doc.uid(), 2, doc.resourceVersion(), new SpecReading.Valid(
                new dev.raftops.domain.resource.ClusterSpec("2.2.0", "quay.io/openbao/openbao:2.2.0", 4, false, null, null,
                        null, null)), status);

        adapters().workloadReconciliation().reconcile(during);

        StatefulSet after = sts("upgrading");
        assertThat(after.getSpec().getUpdateStrategy().getRollingUpdate().getPartition()).isEqualTo(2);
        assertThat(after.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("quay.io/openbao/openbao:2.2.0");
        assertThat(after.getSpec().getReplicas()).isEqualTo(4);
    }

    @Test
    void aNewImageAtTheSameVersionLeavesTheLiveTemplateAndItsPodsAlone() {
        ClusterDocument doc = cluster("mirrored", 3);
        adapters().workloadReconciliation().reconcile(doc);
        String before = sts("mirrored").getMetadata().getResourceVersion();
        // converged on 2.1.0, no upgrade in flight, partition 0: the spec now names a mirror of the same version
        ClusterDocument mirrored = new ClusterDocument(doc.key(), doc.uid(), 2, doc.resourceVersion(),
                new SpecReading.Valid(new dev.raftops.domain.resource.ClusterSpec("2.1.0",
                        "mirror.example/openbao/openbao:2.1.0", 3, false, null, null, null, null)),
                doc.status().withCurrentVersion("2.1.0"));

        WorkloadReconciliation.Outcome outcome = adapters().workloadReconciliation().reconcile(mirrored);

        assertThat(outcome.writes()).as("the image change is the Day-2 roll's, not this loop's")
                .noneMatch(w -> w.contains("StatefulSet"));
        assertThat(sts("mirrored").getMetadata().getResourceVersion()).isEqualTo(before);
        assertThat(sts("mirrored").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("quay.io/openbao/openbao:2.1.0");
    }

    @Test
    void aMissingStatefulSetIsCreatedWithTheImageTheSpecNames() {
        ClusterDocument doc = cluster("recreated", 3);
        ClusterDocument mirrored = new ClusterDocument(doc.key(), doc.uid(), 2, doc.resourceVersion(),
                new SpecReading.Valid(new dev.raftops.domain.resource.ClusterSpec("2.1.0",
                        "mirror.example/openbao/openbao:2.1.0", 3, false, null, null, null, null)),
                doc.status().withCurrentVersion("2.1.0"));

        adapters().workloadReconciliation().reconcile(mirrored);

        assertThat(sts("recreated").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("mirror.example/openbao/openbao:2.1.0");
    }

    @Test
    void theClientServiceKeepsTheRevisionBlueGreenSelected() {
        ClusterDocument doc = cluster("traffic", 3);
        adapters().workloadReconciliation().reconcile(doc);
        adapters().workloadPort().switchTraffic(doc.key(), new Action.SwitchTraffic("abc123"));

        WorkloadReconciliation.Outcome again = adapters().workloadReconciliation().reconcile(doc);

        assertThat(again.writes()).isEmpty();
        assertThat(client.services().inNamespace("wl").withName("traffic").get().getSpec().getSelector())
                .containsEntry(Labels.REVISION, "abc123");
    }

    @Test
    void anInvalidSpecWritesNothing() {
        ClusterDocument doc = cluster("invalid", 3);
        ClusterDocument bad = new ClusterDocument(doc.key(), doc.uid(), 1, doc.resourceVersion(),
                new SpecReading.Invalid("spec.version", "spec.version is required"), doc.status());
        assertThat(adapters().workloadReconciliation().reconcile(bad).writes()).isEmpty();
        assertThat(sts("invalid")).isNull();
    }

    @Test
    void theTemplateFollowsTheCurrentVersionBeforeAnUpgradeStarts() {
        var spec = new dev.raftops.domain.resource.ClusterSpec("2.2.0", "quay.io/openbao/openbao:2.2.0", 3, false, null,
                null, null, null);
        ClusterStatus converged = ClusterStatus.initial().withCurrentVersion("2.1.0");
        assertThat(WorkloadRendering.templateImage(spec, converged, AdapterSettings.openBao()))
                .isEqualTo("quay.io/openbao/openbao:2.1.0");
        assertThat(WorkloadRendering.templateImage(spec, ClusterStatus.initial(), AdapterSettings.openBao()))
                .isEqualTo("quay.io/openbao/openbao:2.2.0");
    }

    @Test
    void theQueueEntryPointReadsTheClusterAndIsDoneWhenInLine() {
        ClusterDocument doc = cluster("queued", 1);
        var reconciliation = adapters().workloadReconciliation();

        assertThat(reconciliation.reconcile(doc.key())).isInstanceOf(dev.raftops.ports.driving.ReconcileOutcome.Done.class);
        assertThat(sts("queued").getSpec().getReplicas()).isEqualTo(1);
        assertThat(reconciliation.reconcile(new ClusterKey("wl", "no-such-cluster")))
                .isInstanceOf(dev.raftops.ports.driving.ReconcileOutcome.Done.class);
    }

    @Test
    void aClusterStartingUnderBlueGreenGetsItsBlueStatefulSetOnceAndNoRollingOne() {
        ClusterDocument doc = ClusterFixtures.stored(client,
                ClusterFixtures.withStrategy(ClusterFixtures.cluster("wl", "bg", "2.1.0", 3), "BlueGreen"));
        String blue = dev.raftops.domain.resource.Revision.statefulSet("bg",
                dev.raftops.domain.resource.Revision.of("2.1.0", null, 3));

        WorkloadReconciliation.Outcome first = adapters().workloadReconciliation().reconcile(doc);

        assertThat(first.writes()).contains("created StatefulSet wl/" + blue);
        assertThat(sts("bg")).as("no rolling StatefulSet for a blue/green cluster").isNull();
        assertThat(sts(blue).getSpec().getUpdateStrategy().getType()).isEqualTo("OnDelete");
        assertThat(sts(blue).getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("raftops.dev/revision", dev.raftops.domain.resource.Revision.of("2.1.0", null, 3));
        assertThat(adapters().workloadReconciliation().reconcile(doc).writes()).as("a second pass writes nothing").isEmpty();
    }

    @Test
    void aBlueDeletedDuringABlueGreenAttemptIsNotCreatedAgain() {
        ClusterDocument read = ClusterFixtures.stored(client,
                ClusterFixtures.withStrategy(ClusterFixtures.cluster("wl", "bgcleanup", "2.1.0", 3), "BlueGreen"));
        String blueRevision = dev.raftops.domain.resource.Revision.of("2.1.0", null, 3);
        java.time.Instant now = java.time.Instant.parse("2026-11-24T19:00:00Z");
        var cleanup = dev.raftops.domain.resource.BlueGreenStatus.idle(blueRevision, null)
                .started("a1", new dev.raftops.domain.resource.BlueGreenTarget("2.2.0", null, 3, true), null, now)
                .advancedTo(dev.raftops.domain.resource.BlueGreenPhase.Cleanup, now);
        ClusterDocument doc = new ClusterDocument(read.key(), read.uid(), read.generation(), read.resourceVersion(),
                read.spec(), read.status().withBlueGreen(cleanup));

        WorkloadReconciliation.Outcome outcome = adapters().workloadReconciliation().reconcile(doc);

        assertThat(outcome.writes()).noneMatch(w -> w.contains("StatefulSet"));
        assertThat(sts(dev.raftops.domain.resource.Revision.statefulSet("bgcleanup", blueRevision))).isNull();
        assertThat(sts("bgcleanup")).isNull();
    }

    @Test
    void aPassWhoseFenceClosesAfterItsFirstWriteWritesNothingMore() {
        ClusterDocument doc = cluster("deposed", 3);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

        WorkloadReconciliation.Outcome outcome = adapters().workloadReconciliation().reconcile(doc,
                () -> asked.incrementAndGet() == 1);

        assertThat(outcome.writes()).containsExactly("created ServiceAccount wl/deposed-openbao");
        assertThat(sts("deposed")).isNull();
        assertThat(outcome.fenced()).isTrue();
        assertThat(client.services().inNamespace("wl").withName("deposed").get()).as("client Service").isNull();
        assertThat(client.services().inNamespace("wl").withName("deposed-internal").get()).as("headless").isNull();
        assertThat(client.policy().v1().podDisruptionBudget().inNamespace("wl").withName("deposed").get()).isNull();
    }

    @Test
    void aSecondClusterOfTheNamespaceSharesTheExecutorAccountAsOneMoreOwner() {
        ClusterDocument one = cluster("shared-a", 1);
        ClusterDocument two = cluster("shared-b", 1);
        adapters().workloadReconciliation().reconcile(one);

        WorkloadReconciliation.Outcome second = adapters().workloadReconciliation().reconcile(two);

        assertThat(second.writes()).contains("patched ServiceAccount wl/raftops-executor");
        assertThat(client.serviceAccounts().inNamespace("wl").withName("raftops-executor").get().getMetadata()
                .getOwnerReferences()).extracting(o -> o.getUid() + "/" + o.getController())
                .contains(one.uid() + "/false", two.uid() + "/false");
    }

    @Test
    void anExecutorAccountTheUserMadeIsLeftAlone() {
        client.serviceAccounts().inNamespace("mine").resource(new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
                .withNewMetadata().withNamespace("mine").withName("raftops-executor").endMetadata().build()).create();
        ClusterDocument doc = ClusterFixtures.stored(client, ClusterFixtures.cluster("mine", "own", "2.1.0", 1));

        WorkloadReconciliation.Outcome outcome = adapters().workloadReconciliation().reconcile(doc);

        assertThat(outcome.writes()).noneMatch(w -> w.contains("raftops-executor"));
        assertThat(client.serviceAccounts().inNamespace("mine").withName("raftops-executor").get().getMetadata()
                .getOwnerReferences()).isNullOrEmpty();
    }

    @Test
    void theServerRoleIsPutBackWhenSomeoneWidensIt() {
        ClusterDocument doc = cluster("widened", 1);
        adapters().workloadReconciliation().reconcile(doc);
        var role = client.rbac().roles().inNamespace("wl").withName("widened-openbao");
        role.edit(r -> {
            r.getRules().get(0).getResources().add("secrets");
            return r;
        });

        assertThat(adapters().workloadReconciliation().reconcile(doc).writes()).containsExactly("patched Role wl/widened-openbao");
        assertThat(role.get().getRules()).singleElement().satisfies(r -> {
            assertThat(r.getResources()).containsExactly("pods");
            assertThat(r.getVerbs()).containsExactly("get", "update", "patch");
        });
    }
}
