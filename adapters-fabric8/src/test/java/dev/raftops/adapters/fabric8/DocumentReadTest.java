package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.SpecReading;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Documents the schema would refuse, as a server without it (or a client that skipped it) lets them
 * through: the status port reports them instead of failing the read.
 */
@EnableKubernetesMockClient(crud = true)
class DocumentReadTest {

    static KubernetesClient client;

    @BeforeAll
    static void crd() {
        ClusterFixtures.installCrd(client);
    }

    private ClusterDocument readAfter(String name, String mergePatch, boolean status) {
        ClusterFixtures.create(client, ClusterFixtures.cluster("ns", name, "2.1.0", 3));
        var resource = client.genericKubernetesResources(DocumentRead.RAFT_CLUSTERS).inNamespace("ns").withName(name);
        (status ? resource.subresource("status") : resource).patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
        return new Fabric8StatusPort(client).read(new ClusterKey("ns", name)).orElseThrow();
    }

    @Test
    void aStringWhereTheSpecWantsANumberIsAnInvalidSpecNamingTheField() {
        ClusterDocument doc = readAfter("three", "{\"spec\":{\"replicas\":\"three\"}}", false);
        assertThat(doc.spec()).isInstanceOfSatisfying(SpecReading.Invalid.class, i -> {
            assertThat(i.field()).isEqualTo("spec.replicas");
            assertThat(i.message()).startsWith("spec.replicas has the wrong type").contains("three")
                    .doesNotContain("\n");
        });
    }

    @Test
    void aFractionWhereTheSpecWantsAnIntegerIsNotTruncated() {
        ClusterDocument doc = readAfter("fraction", "{\"spec\":{\"replicas\":3.7}}", false);
        assertThat(doc.spec()).isInstanceOfSatisfying(SpecReading.Invalid.class,
                i -> assertThat(i.field()).isEqualTo("spec.replicas"));
    }

    @Test
    void aNumberTooLargeForItsFieldIsInvalidNotTruncated() {
        ClusterDocument doc = readAfter("huge", "{\"spec\":{\"upgrade\":{\"rolling\":{\"maxLagEntries\":"
                + "1000000000000000000000000000000}}}}", false);
        assertThat(doc.spec()).isInstanceOfSatisfying(SpecReading.Invalid.class,
                i -> assertThat(i.field()).isEqualTo("spec.upgrade.rolling.maxLagEntries"));
    }

    @Test
    void theStatusOfADocumentWithANumberTooLargeForItsFieldIsStillWritten() {
        ClusterDocument doc = readAfter("huge-write", "{\"spec\":{\"upgrade\":{\"blueGreen\":{\"verification\":"
                + "{\"maxLagEntries\":1000000000000000000000000000000}}}}}", false);
        Fabric8StatusPort port = new Fabric8StatusPort(client);
        var written = port.compareAndSet(doc.key(), doc.resourceVersion(), doc.status().withCurrentVersion("2.1.0"));
        assertThat(written.written()).as(written.toString()).isTrue();
        assertThat(port.read(doc.key()).orElseThrow().status().currentVersion()).isEqualTo("2.1.0");
    }

    @Test
    void aZeroRetentionAgeIsInvalid() {
        ClusterDocument doc = readAfter("zero-age", "{\"spec\":{\"backup\":{\"schedule\":\"@daily\","
                + "\"retention\":{\"maxAge\":\"0s\"}}}}", false);
        assertThat(doc.spec()).isInstanceOfSatisfying(SpecReading.Invalid.class,
                i -> assertThat(i.field()).isEqualTo("spec.backup.retention.maxAge"));
    }

    @Test
    void aWrongTypeDeepInTheSpecIsNamedByItsWholePath() {
        ClusterDocument doc = readAfter("deep",
                "{\"spec\":{\"upgrade\":{\"blueGreen\":{\"verification\":{\"maxLagEntries\":{\"a\":1}}}}}}", false);
        assertThat(doc.spec()).isInstanceOfSatisfying(SpecReading.Invalid.class, i -> assertThat(i.field())
                .isEqualTo("spec.upgrade.blueGreen.verification.maxLagEntries"));
    }

    @Test
    void aFieldThisVersionDoesNotKnowIsIgnoredInSpecAndStatus() {
        ClusterDocument doc = readAfter("unknown", "{\"spec\":{\"surprise\":1,\"upgrade\":{\"maxUnavailable\":2}}}",
                false);
        assertThat(doc.spec()).isInstanceOf(SpecReading.Valid.class);
        ClusterDocument status = readAfter("unknown-status", "{\"status\":{\"currentVersion\":\"2.1.0\","
                + "\"fromANewerController\":{\"x\":1}}}", true);
        assertThat(status.status().currentVersion()).isEqualTo("2.1.0");
    }

    @Test
    void aWrongTypedStatusPartIsReadAsAbsentAndTheRestIsKept() {
        ClusterDocument doc = readAfter("bad-status", "{\"status\":{\"currentVersion\":\"2.1.0\","
                + "\"upgrade\":{\"currentPartition\":\"x\"}}}", true);
        assertThat(doc.status().upgrade()).isNull();
        assertThat(doc.status().currentVersion()).isEqualTo("2.1.0");
        assertThat(doc.spec()).isInstanceOf(SpecReading.Valid.class);
    }
}
