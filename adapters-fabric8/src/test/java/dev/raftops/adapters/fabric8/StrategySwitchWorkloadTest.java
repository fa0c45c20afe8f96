package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.Revision;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driven.WriteResult;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A strategy switch on a running cluster as the adapters write it: the adopted Blue's pods are
 * labelled in place and then selected by the client Service's revision selector; reconciliation
 * never patches an adopted Blue under BlueGreen, and never creates {@code <name>} beside a revisioned
 * Blue after a switch back (docs/decisions/strategy-switch.md).
 */
@EnableKubernetesMockClient(crud = true)
class StrategySwitchWorkloadTest {

    static KubernetesClient client;

    static final String REVISION = Revision.of("2.1.0", "quay.io/openbao/openbao:2.1.0", 3);

    @BeforeAll
    static void crd() {
        ClusterFixtures.installCrd(client);
    }

    private static Fabric8Adapters adapters() {
        return ClusterFixtures.adapters(client);
    }

    private static ClusterDocument rolling(String name) {
        var cr = ClusterFixtures.cluster("sw", name, "2.1.0", 3);
        cr.getSpec().image = "quay.io/openbao/openbao:2.1.0";
        ClusterDocument doc = ClusterFixtures.stored(client, cr);
        adapters().workloadReconciliation().reconcile(doc);
        return doc;
    }

    /** The pods the StatefulSet controller would have made (the mock server runs none). */
    private static void podsOf(String statefulSet, int replicas) {
        StatefulSet sts = client.apps().statefulSets().inNamespace("sw").withName(statefulSet).get();
        for (int i = 0; i < replicas; i++) {
            client.resource(new PodBuilder().withNewMetadata().withName(statefulSet + "-" + i).withNamespace("sw")
                    .withLabels(sts.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
                    .withNewSpec().addNewContainer().withName("openbao").withImage("quay.io/openbao/openbao:2.1.0")
                    .endContainer().endSpec().build()).create();
        }
    }

    private static Pod pod(String name) {
        return client.pods().inNamespace("sw").withName(name).get();
    }

    private static ClusterDocument with(ClusterDocument doc, ClusterSpec spec, String strategy, BlueGreenStatus bg) {
        return new ClusterDocument(doc.key(), doc.uid(), doc.generation() + 1, doc.resourceVersion(),
                new SpecReading.Valid(spec), doc.status().withCurrentVersion("2.1.0")
                        .withAcceptedUpgradeStrategy(strategy).withBlueGreen(bg));
    }

    private static boolean selects(Map<String, String> selector, Pod pod) {
        return pod.getMetadata().getLabels().entrySet().containsAll(selector.entrySet());
    }

    @Test
    void anAdoptedBluesPodsAreLabelledInPlaceAndThenTheClientServicePinnedToBlueSelectsEveryOne() {
        ClusterDocument doc = rolling("adopt");
        podsOf("adopt", 3);
        String uid = pod("adopt-1").getMetadata().getUid();

        for (int i = 0; i < 3; i++) {
            Pod live = pod("adopt-" + i);
            WriteResult labelled = adapters().workloadPort().labelPod(doc.key(),
                    new Action.LabelPod(live.getMetadata().getName(), live.getMetadata().getUid(), REVISION));
            assertThat(labelled.written()).isTrue();
        }
        adapters().workloadPort().switchTraffic(doc.key(), new Action.SwitchTraffic(REVISION));

        assertThat(pod("adopt-1").getMetadata().getUid()).as("the same pod: nothing was re-created").isEqualTo(uid);
        Map<String, String> selector = client.services().inNamespace("sw").withName("adopt").get().getSpec()
                .getSelector();
        assertThat(selector).containsEntry(Labels.REVISION, REVISION);
        for (int i = 0; i < 3; i++) {
            assertThat(selects(selector, pod("adopt-" + i))).as("adopt-" + i + " is selected").isTrue();
        }
        ClusterObservation seen = adapters().clusterObserver().observe(doc.key());
        assertThat(seen.podsOf("adopt").values()).extracting(PodView::trafficRevision).containsOnly(REVISION);
    }

    @Test
    void aLabelForAPodThatWasReplacedIsRefused() {
        ClusterDocument doc = rolling("stale");
        podsOf("stale", 1);

        WriteResult stale = adapters().workloadPort().labelPod(doc.key(), new Action.LabelPod("stale-0", "old-uid",
                REVISION));

        assertThat(stale.written()).isFalse();
        assertThat(pod("stale-0").getMetadata().getLabels()).doesNotContainKey(Labels.REVISION);
    }

    @Test
    void underBlueGreenReconciliationNeverPatchesTheAdoptedBlue() {
        ClusterDocument doc = rolling("owned");
        ClusterSpec five = new ClusterSpec("2.2.0", "quay.io/openbao/openbao:2.2.0", 5, false, null, null, null, null);
        ClusterDocument adopted = with(doc, five, "BlueGreen", BlueGreenStatus.adopted("owned", REVISION, null));

        WorkloadReconciliation.Outcome outcome = adapters().workloadReconciliation().reconcile(adopted);

        assertThat(outcome.writes()).noneMatch(w -> w.contains("StatefulSet"));
        assertThat(client.apps().statefulSets().inNamespace("sw").withName("owned").get().getSpec().getReplicas())
                .isEqualTo(3);
    }

    @Test
    void backUnderRollingUpdateARevisionedBlueStaysTheWorkloadAndNoNameStatefulSetIsCreated() {
        var cr = ClusterFixtures.withStrategy(ClusterFixtures.cluster("sw", "back", "2.1.0", 3), "BlueGreen");
        ClusterDocument doc = ClusterFixtures.stored(client, cr);
        adapters().workloadReconciliation().reconcile(doc);
        String revision = Revision.of("2.1.0", null, 3);
        assertThat(client.apps().statefulSets().inNamespace("sw").withName(Revision.statefulSet("back", revision))
                .get()).isNotNull();
        ClusterSpec spec = new ClusterSpec("2.1.0", null, 3, false, null, null, null, null);

        WorkloadReconciliation.Outcome outcome = adapters().workloadReconciliation()
                .reconcile(with(doc, spec, "RollingUpdate", BlueGreenStatus.idle(revision, null)));

        assertThat(outcome.writes()).noneMatch(w -> w.contains("StatefulSet"));
        assertThat(client.apps().statefulSets().inNamespace("sw").withName("back").get()).isNull();
    }
}
