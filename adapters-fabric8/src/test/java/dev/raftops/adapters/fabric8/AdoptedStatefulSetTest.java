package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.SpecStatefulSetRef;
import dev.raftops.adapters.fabric8.crd.SpecWorkload;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.WorkloadStatus;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.ports.service.AdminOpsService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An adopted StatefulSet shaped like the OpenBao Helm chart's ({@code chart/openbao-statefulset.yaml}:
 * OnDelete, the chart's labels and headless Service), upgraded through the adapters against the
 * embedded API server. The test plays the StatefulSet controller's one visible step (a deleted pod
 * comes back on the update revision) and the step-down Job's effect, between reconciles.
 */
@EnableKubernetesMockClient(crud = true)
class AdoptedStatefulSetTest {

    static final String NS = "secrets";
    static final ClusterKey KEY = new ClusterKey(NS, "vault");
    static final String OLD_REV = "openbao-6d9f8b7c5";
    static final String NEW_REV = "openbao-7b8c9d6e4";

    KubernetesClient client;
    final List<String> deleted = new ArrayList<>();

    @BeforeEach
    void install() throws Exception {
        ClusterFixtures.installCrd(client);
        try (var yaml = getClass().getResourceAsStream("/chart/openbao-statefulset.yaml")) {
            for (HasMetadata object : client.load(yaml).items()) {
                client.resource(object).create();
            }
        }
        statefulSetStatus(OLD_REV, 3);
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            pod(ordinal, OLD_REV, "2.4.0", ordinal == 1);
        }
        RaftCluster cr = ClusterFixtures.cluster(NS, "vault", "2.4.0", 3);
        cr.getSpec().workload = new SpecWorkload();
        cr.getSpec().workload.statefulSetRef = new SpecStatefulSetRef();
        cr.getSpec().workload.statefulSetRef.name = "openbao";
        ClusterFixtures.create(client, cr);
    }

    private Fabric8Adapters adapters() {
        return ClusterFixtures.adapters(client);
    }

    private void reconcile() {
        Fabric8Adapters a = adapters();
        new AdminOpsService(a.statusPort(), a.clusterObserver(), a.workloadPort(), a.jobPort(), a.eventPort(),
                Clock.systemUTC(), new Random(7), RetryTiming.defaults().withoutJitter()).reconcile(KEY);
    }

    private StatefulSet sts() {
        return client.apps().statefulSets().inNamespace(NS).withName("openbao").get();
    }

    /** The StatefulSet controller's status: it has observed the template, {@code updated} pods run it. */
    private void statefulSetStatus(String updateRevision, int updated) {
        StatefulSet live = sts();
        live.setStatus(new StatefulSetStatusBuilder().withReplicas(3).withReadyReplicas(3).withUpdatedReplicas(updated)
                .withCurrentRevision(OLD_REV).withUpdateRevision(updateRevision)
                .withObservedGeneration(live.getMetadata().getGeneration()).build());
        client.apps().statefulSets().inNamespace(NS).resource(live).updateStatus();
    }

    /** A Ready chart pod: the chart's labels, its revision, OpenBao's own {@code openbao-active} label. */
    private void pod(int ordinal, String revision, String version, boolean active) {
        client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("openbao-" + ordinal)
                .withNamespace(NS).addToLabels("app.kubernetes.io/name", "openbao")
                .addToLabels("app.kubernetes.io/instance", "openbao").addToLabels("component", "server")
                .addToLabels("controller-revision-hash", revision).addToLabels("openbao-active", Boolean.toString(active))
                .endMetadata().withNewSpec().addNewContainer().withName("openbao")
                .withImage("quay.io/openbao/openbao:" + version).endContainer().endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                .build()).create();
    }

    private Pod livePod(int ordinal) {
        return client.pods().inNamespace(NS).withName("openbao-" + ordinal).get();
    }

    /** The pods deleted since the last look come back on the update revision, as the StatefulSet controller does. */
    private void recreateDeleted() {
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            if (livePod(ordinal) == null) {
                deleted.add("openbao-" + ordinal);
                pod(ordinal, NEW_REV, "2.4.4", false);
            }
        }
        statefulSetStatus(NEW_REV, (int) java.util.stream.IntStream.range(0, 3)
                .filter(o -> NEW_REV.equals(livePod(o).getMetadata().getLabels().get("controller-revision-hash"))).count());
    }

    private void askFor(String version) {
        RaftCluster cr = client.resources(RaftCluster.class).inNamespace(NS).withName("vault").get();
        cr.getSpec().version = version;
        client.resources(RaftCluster.class).inNamespace(NS).resource(cr).update();
    }

    private ClusterStatus status() {
        return adapters().statusPort().read(KEY).orElseThrow().status();
    }

    /** The template with its image blanked, and the rest of the spec, as JSON: what must not change. */
    private String specWithoutImage(StatefulSet sts) {
        StatefulSet copy = client.getKubernetesSerialization().clone(sts);
        copy.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("-");
        return client.getKubernetesSerialization().asJson(copy.getSpec());
    }

    @Test
    void nothingOfTheWorkloadIsRenderedForAnAdoptedStatefulSetOnlyTheExecutorsServiceAccount() {
        var outcome = adapters().workloadReconciliation().reconcile(adapters().statusPort().read(KEY).orElseThrow());

        assertThat(outcome.writes()).singleElement().asString().contains("raftops-executor");
        assertThat(client.serviceAccounts().inNamespace(NS).withName("raftops-executor").get()).isNotNull();
        assertThat(client.configMaps().inNamespace(NS).list().getItems()).isEmpty();
        assertThat(client.services().inNamespace(NS).list().getItems()).extracting(s -> s.getMetadata().getName())
                .containsExactly("openbao-internal");
        assertThat(client.apps().statefulSets().inNamespace(NS).list().getItems()).hasSize(1);
    }

    @Test
    void theUpgradeChangesOnlyTheImageOfTheChartStatefulSetAndSaysSoInStatus() {
        reconcile(); // converge on 2.4.0
        String before = specWithoutImage(sts());
        askFor("2.4.4");

        reconcile();

        StatefulSet after = sts();
        assertThat(after.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("quay.io/openbao/openbao:2.4.4");
        assertThat(specWithoutImage(after)).as("every other field as the chart rendered it").isEqualTo(before);
        assertThat(after.getSpec().getUpdateStrategy().getType()).isEqualTo("OnDelete");
        assertThat(status().workload()).isEqualTo(new WorkloadStatus("openbao", List.of(WorkloadStatus.IMAGE)));
    }

    @Test
    void followersAreDeletedHighestOrdinalFirstAndTheLeaderLastAfterItsStepDown() {
        reconcile();
        askFor("2.4.4");
        reconcile(); // the image
        statefulSetStatus(NEW_REV, 0);

        for (int round = 0; round < 12 && status().upgrade() != null || round == 0; round++) {
            reconcile();
            recreateDeleted();
            finishStepDowns();
        }

        assertThat(deleted).containsExactly("openbao-2", "openbao-0", "openbao-1");
        assertThat(status().currentVersion()).isEqualTo("2.4.4");
        assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).as("one step-down, for the leader")
                .singleElement().satisfies(j -> assertThat(j.getMetadata().getName()).contains("step-down-1"));
    }

    @Test
    void theStepDownJobReachesThePodsThroughTheChartsHeadlessService() {
        reconcile();
        askFor("2.4.4");
        reconcile();
        statefulSetStatus(NEW_REV, 0);
        for (int round = 0; round < 6 && client.batch().v1().jobs().inNamespace(NS).list().getItems().isEmpty(); round++) {
            reconcile();
            recreateDeleted();
        }

        Job stepDown = client.batch().v1().jobs().inNamespace(NS).list().getItems().get(0);
        var env = stepDown.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertThat(env).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("RAFTOPS_POD_ADDRESS");
            assertThat(e.getValue()).isEqualTo("https://{pod}.openbao-internal.secrets.svc:8200");
        });
        assertThat(env).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("RAFTOPS_PODS");
            assertThat(e.getValue()).isEqualTo("openbao-0,openbao-1,openbao-2");
        });
    }

    @Test
    void lockingThePartitionOfAnAdoptedRollingUpdateStatefulSetKeepsItsOtherRollingUpdateFields() {
        StatefulSet live = sts();
        live.getSpec().setUpdateStrategy(new io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategyBuilder()
                .withType("RollingUpdate").withNewRollingUpdate().withNewMaxUnavailable(2).endRollingUpdate().build());
        client.apps().statefulSets().inNamespace(NS).resource(live).update();
        String rv = sts().getMetadata().getResourceVersion();

        WriteResult result = adapters().workloadPort().lockPartitionAndSetImage(KEY,
                new dev.raftops.domain.decision.Action.LockPartitionAndSetImage("openbao", 3,
                        "quay.io/openbao/openbao:2.4.4", rv));

        assertThat(result.written()).isTrue();
        var rolling = sts().getSpec().getUpdateStrategy().getRollingUpdate();
        assertThat(rolling.getPartition()).isEqualTo(3);
        assertThat(rolling.getMaxUnavailable().getIntVal()).as("not raftops's field").isEqualTo(2);
    }

    /** A step-down Job succeeds: leadership moves from openbao-1 to openbao-2, which already runs 2.4.4. */
    private void finishStepDowns() {
        for (Job job : client.batch().v1().jobs().inNamespace(NS).list().getItems()) {
            if (job.getStatus() != null && job.getStatus().getConditions() != null
                    && !job.getStatus().getConditions().isEmpty()) {
                continue;
            }
            job.setStatus(new JobStatusBuilder().addNewCondition().withType("Complete").withStatus("True")
                    .withLastTransitionTime("2026-12-04T10:00:00Z").endCondition().withSucceeded(1).build());
            client.batch().v1().jobs().inNamespace(NS).resource(job).updateStatus();
            Pod leader = livePod(1);
            leader.getMetadata().getLabels().put("openbao-active", "false");
            client.pods().inNamespace(NS).resource(leader).update();
            Pod next = livePod(2);
            next.getMetadata().getLabels().put("openbao-active", "true");
            client.pods().inNamespace(NS).resource(next).update();
        }
    }

    @Test
    void aPodDeleteWithAStaleResourceVersionIsAConflictAndDeletesNothing() {
        Pod live = livePod(0);

        WriteResult result = adapters().workloadPort().deletePod(KEY, new dev.raftops.domain.decision.Action.DeletePod(
                "openbao-0", live.getMetadata().getUid(), "1"));

        assertThat(result).isInstanceOf(WriteResult.Conflict.class);
        assertThat(livePod(0)).isNotNull();
    }
}
