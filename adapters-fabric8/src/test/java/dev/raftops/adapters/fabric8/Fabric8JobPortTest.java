package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.ports.driven.JobCreation;
import dev.raftops.ports.driven.JobPort;
import dev.raftops.ports.driven.WriteResult;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class Fabric8JobPortTest {

    static KubernetesClient client;

    @BeforeAll
    static void crd() {
        ClusterFixtures.installCrd(client);
        ClusterFixtures.create(client, ClusterFixtures.cluster("jobs", "db", "2.1.0", 3));
    }

    private static final ClusterKey DB = new ClusterKey("jobs", "db");

    private static JobPort port() {
        return ClusterFixtures.adapters(client).jobPort();
    }

    private static JobRequest stepDown(String name) {
        return new JobRequest(name, ExecutorAction.STEP_DOWN, null, null, Map.of("targetPod", "db-2"), 120);
    }

    private static Job job(String name) {
        return client.batch().v1().jobs().inNamespace("jobs").withName(name).get();
    }

    @Test
    void aJobGetsTheMembersAddressesLoginAndResultFileTheExecutorNeeds() {
        port().createIfAbsent(DB, stepDown("db-step-down-env"));
        var pod = job("db-step-down-env").getSpec().getTemplate().getSpec();
        Map<String, String> env = new java.util.HashMap<>();
        pod.getContainers().get(0).getEnv().forEach(e -> env.put(e.getName(), e.getValue()));

        assertThat(env).containsEntry("RAFTOPS_PODS", "db-0,db-1,db-2")
                .containsEntry("RAFTOPS_POD_ADDRESS", "https://{pod}.db-internal.jobs.svc:8200")
                .containsEntry("RAFTOPS_CA_FILE", "/var/run/secrets/raftops-ca/ca.crt")
                .containsEntry("RAFTOPS_AUTH_MOUNT", "kubernetes").containsEntry("RAFTOPS_AUTH_ROLE", "raftops-executor")
                .containsEntry("RAFTOPS_DEADLINE_SECONDS", "110").containsEntry("RAFTOPS_RESULT_FILE", "/dev/termination-log");
        assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("ca")).singleElement().satisfies(v -> {
            var secret = v.getProjected().getSources().get(0).getSecret();
            assertThat(secret.getName()).as("the TLS Secret, by default <cluster>-tls").isEqualTo("db-tls");
            assertThat(secret.getItems()).as("its CA only, never the key").extracting(i -> i.getKey()).containsExactly("ca.crt");
            assertThat(secret.getOptional()).isTrue();
        });
        assertThat(pod.getContainers().get(0).getImage()).startsWith("ghcr.io/raftops/executor:").doesNotEndWith(":latest");
    }

    @Test
    void theProjectedTokenIsBoundToTheDefaultAudienceAndTheJobRunsAsTheExecutorAccount() {
        port().createIfAbsent(DB, stepDown("db-step-down-audience"));
        var pod = job("db-step-down-audience").getSpec().getTemplate().getSpec();

        assertThat(pod.getServiceAccountName()).isEqualTo("raftops-executor");
        assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("token")).singleElement()
                .satisfies(v -> assertThat(v.getProjected().getSources().get(0).getServiceAccountToken().getAudience())
                        .isEqualTo(WorkloadSpec.DEFAULT_TOKEN_AUDIENCE));
    }

    @Test
    void blueGreenJobsNameThePodsOfBothColours() {
        JobRequest join = new JobRequest("db-join-green-1", ExecutorAction.JOIN_GREEN, null, null,
                Map.of("blueStatefulSet", "db-aaaa", "greenStatefulSet", "db-bbbb", "greenReplicas", "2"), 0);
        port().createIfAbsent(DB, join);

        assertThat(job("db-join-green-1").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue())
                        .isEqualTo("RAFTOPS_PODS=db-aaaa-0,db-aaaa-1,db-aaaa-2,db-bbbb-0,db-bbbb-1"));
    }

    @Test
    void createsAJobOnceAndAnswersAlreadyExistsAfterwards() {
        assertThat(port().createIfAbsent(DB, stepDown("db-step-down-1-2"))).isInstanceOf(JobCreation.Created.class);
        String rv = job("db-step-down-1-2").getMetadata().getResourceVersion();

        assertThat(port().createIfAbsent(DB, stepDown("db-step-down-1-2"))).isInstanceOf(JobCreation.AlreadyExists.class);
        assertThat(job("db-step-down-1-2").getMetadata().getResourceVersion()).isEqualTo(rv);
    }

    @Test
    void aJobAskedForWhileTheSpecBecameInvalidIsRefusedNotRenderedWithoutPods() {
        ClusterFixtures.create(client, ClusterFixtures.cluster("jobs", "edited", "2.1.0", 3));
        client.genericKubernetesResources(DocumentRead.RAFT_CLUSTERS).inNamespace("jobs").withName("edited")
                .patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                        io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                        "{\"spec\":{\"workload\":{\"statefulSetRef\":{\"name\":\"\"}}}}");
        assertThat(port().createIfAbsent(new ClusterKey("jobs", "edited"), stepDown("edited-step-down-1-2")))
                .isInstanceOfSatisfying(JobCreation.Refused.class,
                        r -> assertThat(r.reason()).contains("spec.workload.statefulSetRef.name"));
        assertThat(job("edited-step-down-1-2")).isNull();
    }

    @Test
    void aJobOfTheSameNameNotOwnedByTheClusterIsRefused() {
        client.batch().v1().jobs().inNamespace("jobs").resource(new JobBuilder().withNewMetadata().withName("db-backup-x")
                .endMetadata().withNewSpec().withNewTemplate().withNewSpec().withRestartPolicy("Never").addNewContainer()
                .withName("c").withImage("busybox").endContainer().endSpec().endTemplate().endSpec().build()).create();

        JobCreation answer = port().createIfAbsent(DB, new JobRequest("db-backup-x", ExecutorAction.BACKUP, null, null, null, 0));

        assertThat(answer).isInstanceOf(JobCreation.Refused.class);
        assertThat(job("db-backup-x").getMetadata().getLabels()).doesNotContainKey("raftops.dev/cluster");
    }

    @Test
    void everyJobIsOwnedLabelledNeverRetriedAndCleanedUp() {
        port().createIfAbsent(DB, stepDown("db-step-down-1-1"));
        Job job = job("db-step-down-1-1");

        assertThat(job.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("RaftCluster"));
        assertThat(job.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "raftops")
                .containsEntry("raftops.dev/cluster", "db").containsEntry("raftops.dev/action", "step-down");
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(3600);
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(120L);
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("RAFTOPS_TARGET_POD=db-2"));
    }

    @Test
    void aParameterAlreadyNamedLikeAVariableIsNotPrefixedTwice() {
        port().createIfAbsent(DB, new JobRequest("db-step-down-1-9", ExecutorAction.STEP_DOWN, null, null,
                Map.of("RAFTOPS_TARGET_POD", "db-1"), 120));

        assertThat(job("db-step-down-1-9").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("RAFTOPS_TARGET_POD=db-1"))
                .noneSatisfy(e -> assertThat(e.getName()).startsWith("RAFTOPS_RAFTOPS_"));
    }

    @Test
    void aParameterNamingAFixedVariableDoesNotAppearTwice() {
        port().createIfAbsent(DB, new JobRequest("db-join-green-1", ExecutorAction.JOIN_GREEN, null, null,
                Map.of("cluster", "db"), 120));

        var names = job("db-join-green-1").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .map(e -> e.getName()).toList();
        assertThat(names).doesNotHaveDuplicates().contains("RAFTOPS_CLUSTER");
    }

    @Test
    void theExecutorPodRunsRestrictedWithAProjectedTokenAndNoSecret() {
        port().createIfAbsent(DB, stepDown("db-step-down-1-0"));
        PodSpec pod = job("db-step-down-1-0").getSpec().getTemplate().getSpec();
        var sc = pod.getContainers().get(0).getSecurityContext();

        assertThat(sc.getRunAsNonRoot()).isTrue();
        assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
        assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
        assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(sc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getVolumes()).noneMatch(v -> v.getSecret() != null);
        assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getProjected().getSources().get(0)
                .getServiceAccountToken().getExpirationSeconds()).isEqualTo(3600L));
    }

    @Test
    void deleteRemovesOnlyExecutorJobsOfTheCluster() {
        port().createIfAbsent(DB, stepDown("db-step-down-9-9"));
        assertThat(port().delete(DB, "db-step-down-9-9").written()).isTrue();
        assertThat(job("db-step-down-9-9")).isNull();
        assertThat(port().delete(DB, "db-step-down-9-9")).isInstanceOf(WriteResult.NotFound.class);
    }

    @Test
    void theObserverSeesTheJobWithItsAction() {
        port().createIfAbsent(DB, stepDown("db-step-down-5-1"));
        var view = new Fabric8ClusterObserver(client, AdapterSettings.openBao()).observe(DB).job("db-step-down-5-1");
        assertThat(view).hasValueSatisfying(v -> {
            assertThat(v.action()).isEqualTo("step-down");
            assertThat(v.result()).isEqualTo(dev.raftops.domain.cluster.JobResult.RUNNING);
        });
    }
}
