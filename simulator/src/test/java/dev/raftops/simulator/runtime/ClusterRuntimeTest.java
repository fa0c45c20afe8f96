package dev.raftops.simulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ClusterRuntimeTest {

    KubernetesClient client;

    static StatefulSet statefulSet(String image) {
        Map<String, String> labels = Map.of("app.kubernetes.io/managed-by", "raftops", "raftops.dev/cluster", "db");
        return new StatefulSetBuilder()
                .withNewMetadata().withName("db").withNamespace("ns").withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(3).withPodManagementPolicy("OrderedReady")
                .withNewUpdateStrategy().withType("RollingUpdate").withNewRollingUpdate().withPartition(0)
                .endRollingUpdate().endUpdateStrategy()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("server").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    private ClusterRuntime runtime() {
        return new ClusterRuntime(client, new ClusterRuntime.Settings("ns", 11, Duration.ofMillis(50),
                Duration.ofMillis(150), Duration.ofMillis(50), null, null), Clock.systemUTC());
    }

    private List<Pod> pods() {
        return client.pods().inNamespace("ns").withLabel("raftops.dev/cluster", "db").list().getItems();
    }

    static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
                .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static String version(Pod pod) {
        return pod.getMetadata().getAnnotations().get("raftops.dev/version");
    }

    private void awaitThreeReadyWithOneLeader() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Pod> pods = pods();
            assertThat(pods).hasSize(3).allMatch(ClusterRuntimeTest::ready);
            assertThat(pods).filteredOn(p -> "true".equals(p.getMetadata().getLabels().get("openbao-active"))).hasSize(1);
            assertThat(pods).allMatch(p -> "0".equals(p.getMetadata().getAnnotations().get("raftops.dev/raft-lag")));
            assertThat(client.apps().statefulSets().inNamespace("ns").withName("db").get().getStatus().getReadyReplicas())
                    .isEqualTo(3);
        });
    }

    @Test
    void createsEveryPodReadyAndCaughtUpWithExactlyOneLeader() {
        client.resource(statefulSet("repo:2.4.0")).create();
        try (ClusterRuntime runtime = runtime()) {
            runtime.start();

            awaitThreeReadyWithOneLeader();
        }
        assertThat(pods()).allMatch(p -> p.getMetadata().getLabels().get("controller-revision-hash")
                .equals(PlayedTemplate.revision("db", "repo:2.4.0")));
    }

    @Test
    void rollsOnlyTheOrdinalsAtOrAboveThePartition() throws Exception {
        client.resource(statefulSet("repo:2.4.0")).create();
        try (ClusterRuntime runtime = runtime()) {
            runtime.start();
            awaitThreeReadyWithOneLeader();

            client.apps().statefulSets().inNamespace("ns").withName("db").edit(s -> {
                s.getSpec().getUpdateStrategy().getRollingUpdate().setPartition(2);
                s.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("repo:2.4.4");
                return s;
            });

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Pod second = client.pods().inNamespace("ns").withName("db-2").get();
                assertThat(second).isNotNull().matches(ClusterRuntimeTest::ready);
                assertThat(version(second)).isEqualTo("2.4.4");
                assertThat(client.apps().statefulSets().inNamespace("ns").withName("db").get().getStatus()
                        .getUpdatedReplicas()).isEqualTo(1);
            });
            Thread.sleep(500); // several ticks: nothing below the partition may roll
            assertThat(pods()).filteredOn(p -> !p.getMetadata().getName().equals("db-2"))
                    .extracting(ClusterRuntimeTest::version).containsOnly("2.4.0");
        }
    }

    private void release(int partition, String image) {
        client.apps().statefulSets().inNamespace("ns").withName("db").edit(s -> {
            s.getSpec().getUpdateStrategy().getRollingUpdate().setPartition(partition);
            s.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
            return s;
        });
    }

    @Test
    void aPodThatNeverGetsReadyStaysUnreadyOnItsNewRevisionUntilHealed() throws Exception {
        client.resource(statefulSet("repo:2.4.0")).create();
        try (ClusterRuntime runtime = runtime()) {
            runtime.inject(RuntimeFaults.none().withNeverReady(2).withNeverReady(1));
            runtime.start();
            awaitThreeReadyWithOneLeader(); // the first revision is not affected

            release(2, "repo:2.4.4");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Pod stuck = client.pods().inNamespace("ns").withName("db-2").get();
                assertThat(stuck).isNotNull();
                assertThat(version(stuck)).isEqualTo("2.4.4");
            });
            Thread.sleep(600); // four ready delays: a healthy pod would be Ready by now
            assertThat(client.pods().inNamespace("ns").withName("db-2").get()).matches(p -> !ready(p));

            runtime.inject(runtime.faults().healed(2));
            await().atMost(Duration.ofSeconds(20)).until(() -> ready(client.pods().inNamespace("ns").withName("db-2").get()));
        }
    }

    static io.fabric8.kubernetes.api.model.batch.v1.Job job(String name, String action) {
        return new io.fabric8.kubernetes.api.model.batch.v1.JobBuilder().withNewMetadata().withName(name)
                .withNamespace("ns").withLabels(Map.of("raftops.dev/cluster", "db", "raftops.dev/action", action))
                .endMetadata().withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("run")
                .withImage("executor").endContainer().endSpec().endTemplate().endSpec().build();
    }

    private String jobResult(String name) {
        var job = client.batch().v1().jobs().inNamespace("ns").withName(name).get();
        if (job.getStatus() == null) {
            return null;
        }
        return job.getStatus().getSucceeded() != null ? "succeeded" : job.getStatus().getFailed() != null ? "failed" : null;
    }

    @Test
    void onlyTheFirstJobsOfTheFailingActionFail() {
        client.resource(statefulSet("repo:2.4.0")).create();
        try (ClusterRuntime runtime = runtime()) {
            runtime.inject(RuntimeFaults.none().withFailingJob("backup"));
            runtime.start();
            awaitThreeReadyWithOneLeader();

            client.resource(job("first", "backup")).create();
            client.resource(job("other", "pre-upgrade-snapshot")).create();
            await().atMost(Duration.ofSeconds(20)).until(() -> jobResult("first") != null && jobResult("other") != null);
            client.resource(job("second", "backup")).create();
            await().atMost(Duration.ofSeconds(20)).until(() -> jobResult("second") != null);

            assertThat(jobResult("first")).isEqualTo("failed");
            assertThat(jobResult("other")).isEqualTo("succeeded");
            assertThat(jobResult("second")).isEqualTo("succeeded");
        }
    }

    private static boolean leads(Pod pod) {
        return "true".equals(pod.getMetadata().getLabels().get("openbao-active"));
    }

    @Test
    void aCrashedLeaderIsUnreadyInPlaceThenReadyAgainUnderAnotherLeader() {
        client.resource(statefulSet("repo:2.4.0")).create();
        try (ClusterRuntime runtime = runtime()) {
            runtime.start();
            awaitThreeReadyWithOneLeader();
            Pod leader = pods().stream().filter(ClusterRuntimeTest::leads).findFirst().orElseThrow();
            int ordinal = Integer.parseInt(leader.getMetadata().getName().substring(3));

            assertThat(runtime.crashPod("db", ordinal)).isTrue();

            Pod crashed = client.pods().inNamespace("ns").withName(leader.getMetadata().getName()).get();
            assertThat(crashed.getMetadata().getUid()).isEqualTo(leader.getMetadata().getUid());
            assertThat(crashed).matches(p -> !ready(p) && !leads(p));
            awaitThreeReadyWithOneLeader();
            assertThat(client.pods().inNamespace("ns").withName(leader.getMetadata().getName()).get().getMetadata()
                    .getUid()).isEqualTo(leader.getMetadata().getUid());
        }
        assertThat(new ClusterRuntime(client, new ClusterRuntime.Settings("ns", 1, Duration.ofMillis(50),
                Duration.ofMillis(150), Duration.ofMillis(50), null, null), Clock.systemUTC()).crashPod("db", 0))
                .as("a runtime that plays nothing crashes nothing").isFalse();
    }

    @Test
    void leadershipMovesToTheChosenReadyPodWithoutAStepDown() {
        client.resource(statefulSet("repo:2.4.0")).create();
        try (ClusterRuntime runtime = runtime()) {
            runtime.start();
            awaitThreeReadyWithOneLeader();
            String leader = pods().stream().filter(ClusterRuntimeTest::leads).findFirst().orElseThrow().getMetadata()
                    .getName();
            int next = (Integer.parseInt(leader.substring(3)) + 1) % 3;

            assertThat(runtime.changeLeader("db", next)).isTrue();

            assertThat(pods()).filteredOn(ClusterRuntimeTest::leads).extracting(p -> p.getMetadata().getName())
                    .containsExactly("db-" + next);
            assertThat(runtime.changeLeader("db", next)).as("it leads already").isFalse();
        }
    }
}
