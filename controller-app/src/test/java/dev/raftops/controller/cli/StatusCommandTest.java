package dev.raftops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.controller.watch.ClusterInformers;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code raftops status} through the shipped command line against an API server (the fabric8 mock in
 * CRUD mode) named by a kubeconfig file: a cluster in the middle of a rolling upgrade, its pods and Events.
 */
@EnableKubernetesMockClient(crud = true)
class StatusCommandTest {

    KubernetesClient client;
    final KubernetesSerialization serialization = new KubernetesSerialization();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @BeforeEach
    void cluster() throws Exception {
        try (InputStream in = Fabric8Adapters.class.getResourceAsStream(Fabric8Adapters.CRD_RESOURCE)) {
            client.resource(serialization.unmarshal(in, CustomResourceDefinition.class)).create();
        }
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
                users: [{name: me, user: {token: t}}]
                contexts: [{name: mock, context: {cluster: mock, user: me, namespace: secrets}}]
                current-context: mock
                """.formatted(client.getMasterUrl()));
        System.setProperty("kubeconfig", kubeconfig.toString());
    }

    @AfterEach
    void forgetKubeconfig() {
        System.clearProperty("kubeconfig");
    }

    @SuppressWarnings("unchecked")
    void upgrading(Map<String, Object> extraStatus) throws Exception {
        GenericKubernetesResource cr = serialization.unmarshal(resource("upgrading.yaml"), GenericKubernetesResource.class);
        var clusters = client.genericKubernetesResources(ClusterInformers.RAFT_CLUSTERS).inNamespace("secrets");
        GenericKubernetesResource created = clusters.resource(cr).create();
        Map<String, Object> status = serialization.unmarshal(resource("upgrading-status.yaml"), Map.class);
        status.putAll(extraStatus);
        created.setAdditionalProperty("status", status);
        clusters.resource(created).updateStatus();
        Map<String, String> labels = Map.of("raftops.dev/cluster", "vault", "app.kubernetes.io/managed-by", "raftops");
        client.apps().statefulSets().inNamespace("secrets").resource(new StatefulSetBuilder().withNewMetadata()
                .withName("vault").withLabels(labels).endMetadata().withNewSpec().withReplicas(3).endSpec().build()).create();
        String[] versions = {"2.4.0", "2.4.4", "2.4.4"};
        boolean[] ready = {true, false, true};
        for (int i = 0; i < 3; i++) {
            client.pods().inNamespace("secrets").resource(new PodBuilder().withNewMetadata().withName("vault-" + i)
                    .addToLabels(labels).addToLabels("openbao-active", i == 0 ? "true" : "false")
                    .addToAnnotations("raftops.dev/version", versions[i]).addToAnnotations("raftops.dev/raft-lag", "" + i)
                    .endMetadata().withNewStatus().addNewCondition().withType("Ready").withStatus(ready[i] ? "True" : "False")
                    .endCondition().endStatus().build()).create();
        }
        client.v1().events().inNamespace("secrets").resource(new EventBuilder().withNewMetadata().withName("vault.1")
                .endMetadata().withNewInvolvedObject().withKind("RaftCluster").withName("vault").withNamespace("secrets")
                .endInvolvedObject().withType("Normal").withReason("PodReleased")
                .withMessage("released ordinal 1 (pod vault-1) to 2.4.4").withLastTimestamp("2026-12-04T10:00:30Z")
                .withCount(1).build()).create();
    }

    String resource(String name) throws Exception {
        return new String(getClass().getResourceAsStream("/status/" + name).readAllBytes());
    }

    int status(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "status";
        System.arraycopy(args, 0, all, 1, args.length);
        return RaftopsCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all);
    }

    @Test
    void aRollingUpgradeShowsTheOperationInWordsTheLockTheBackupAndTheEvents() throws Exception {
        upgrading(Map.of());
        assertThat(status("vault")).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("RaftCluster secrets/vault: phase Upgrading, runs 2.4.0, spec.version 2.4.4")
                .containsPattern("operation: +upgrading 2\\.4\\.0 → 2\\.4\\.4: ordinal 1 waits for: PodReady on 2\\.4\\.4, "
                        + "caught up, [0-9hms ]+ of 10 m; done 2; then 0 \\(step-down first\\)\\n")
                .containsPattern("lock: +Upgrade held by raftcluster/upgrade since 2026-12-04T10:00:00Z \\(.+\\): "
                        + "upgrade to 2\\.4\\.4 \\(in progress\\)")
                .containsPattern("backup: +last 2026-12-04T02:00:41Z \\(.+ ago\\), job vault-backup-20261204-020000; "
                        + "next window 2026-12-05T02:00:00Z")
                .containsPattern("Progressing +True +WaitingForPod")
                .contains("Normal PodReleased: released ordinal 1 (pod vault-1) to 2.4.4");
    }

    @Test
    void theClustersRestoresAreShownWithTheirPhaseAndObjectAndNoOtherClustersOnes() throws Exception {
        upgrading(Map.of());
        restore("r1", "vault", "Restoring", "sandbox/vault/2026-12-04.snap");
        restore("other", "consul", "Completed", "sandbox/consul/x.snap");

        assertThat(status("vault")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("restore:    r1 Restoring, object sandbox/vault/2026-12-04.snap\n")
                .doesNotContain("consul");
    }

    private void restore(String name, String cluster, String phase, String objectKey) {
        var restore = new dev.raftops.adapters.fabric8.crd.RaftRestore();
        restore.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace("secrets")
                .build());
        restore.setSpec(new dev.raftops.adapters.fabric8.crd.RaftRestoreSpec());
        restore.getSpec().clusterRef = cluster;
        var created = client.resource(restore).create();
        var status = new dev.raftops.adapters.fabric8.crd.RaftRestoreStatus();
        status.phase = phase;
        status.objectKey = objectKey;
        status.startedAt = "2026-12-04T10:00:00Z";
        created.setStatus(status);
        client.resource(created).updateStatus();
    }

    @Test
    void withoutStatusMembersTheTableIsReadOffThePods() throws Exception {
        upgrading(Map.of());
        assertThat(status("vault", "-n", "secrets")).isZero();
        assertThat(out.toString()).contains("members (from pods):")
                .containsPattern("0 +vault-0 +2\\.4\\.0 +yes +yes +yes +0 +\\?")
                .containsPattern("1 +vault-1 +2\\.4\\.4 +no +no +yes +1 +\\?")
                .containsPattern("2 +vault-2 +2\\.4\\.4 +yes +no +yes +2 +\\?");
    }

    @Test
    void statusMembersWhenPresentAreTheTable() throws Exception {
        upgrading(Map.of("members", List.of(Map.of("name", "vault-0", "ordinal", 0, "version", "2.4.0", "ready", true,
                "leading", false, "voter", true, "lag", 12, "sealed", true))));
        assertThat(status("vault")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("members (from status.members):")
                .containsPattern("0 +vault-0 +2\\.4\\.0 +yes +no +yes +12 +yes");
    }

    @Test
    void jsonCarriesTheSameReport() throws Exception {
        upgrading(Map.of());
        assertThat(status("vault", "-o", "json")).isZero();
        Map<?, ?> json = serialization.unmarshal(out.toString(), Map.class);
        assertThat(json.get("phase")).isEqualTo("Upgrading");
        assertThat((List<?>) json.get("members")).hasSize(3);
        assertThat(((Map<?, ?>) json.get("operation")).get("summary").toString()).startsWith("upgrading 2.4.0 → 2.4.4");
    }

    @Test
    void anUnknownClusterIsOneLineAndExitTwo() {
        assertThat(status("nope")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("raftops status: no RaftCluster nope in namespace secrets"
                + System.lineSeparator());
    }

    @Test
    void aBadOutputFormatIsOneLineAndExitTwo() {
        assertThat(status("vault", "-o", "yaml")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("raftops status: --output yaml: must be text or json" + System.lineSeparator());
    }

    @Test
    void watchingThroughAPipePrintsOnlyTheLinesThatChanged() throws Exception {
        upgrading(Map.of());
        Thread watching = new Thread(() -> status("vault", "--watch"));
        watching.start();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> out.toString().contains("PodReleased"));
            int before = out.toString().lines().toList().size();
            client.pods().inNamespace("secrets").withName("vault-1").edit(p -> new PodBuilder(p).editStatus()
                    .editFirstCondition().withStatus("True").endCondition().endStatus().build());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> out.toString().lines().toList().size() > before);
            List<String> added = out.toString().lines().skip(before).toList();
            assertThat(added).hasSize(1);
            assertThat(added.get(0)).matches("\\d\\d:\\d\\d:\\d\\d +1 +vault-1 +2\\.4\\.4 +yes +no +yes +1 +\\?");
        } finally {
            watching.interrupt();
            watching.join(10_000);
        }
    }
}
