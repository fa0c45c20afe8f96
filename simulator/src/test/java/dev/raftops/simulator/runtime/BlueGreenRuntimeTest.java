package dev.raftops.simulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.raftops.simulator.check.InvariantChecker;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime playing a blue/green cutover's Kubernetes objects, written by hand as the fabric8
 * adapter writes them: two revisioned OnDelete StatefulSets sharing one Raft, executor Jobs
 * acting on it, the client Service's selector traced, and a deleted StatefulSet's pods collected.
 */
@EnableKubernetesMockClient(crud = true)
class BlueGreenRuntimeTest {

    static final String BLUE_REVISION = "aaaaaaaaaaaaaaaa";
    static final String GREEN_REVISION = "bbbbbbbbbbbbbbbb";
    static final String BLUE = "db-" + BLUE_REVISION;
    static final String GREEN = "db-" + GREEN_REVISION;

    KubernetesClient client;

    @TempDir
    Path dir;

    private static Map<String, String> labels() {
        return new TreeMap<>(Map.of("app.kubernetes.io/managed-by", "raftops", "raftops.dev/cluster", "db"));
    }

    private static StatefulSet colour(String name, String revision, String image, String joins) {
        Map<String, String> labels = labels();
        labels.put("raftops.dev/revision", revision);
        Map<String, String> podLabels = new TreeMap<>(labels);
        podLabels.put("raftops.dev/statefulset", name);
        return new StatefulSetBuilder()
                .withNewMetadata().withName(name).withNamespace("ns").withLabels(labels)
                .withAnnotations(joins == null ? Map.of() : Map.of("raftops.dev/join-revision", joins)).endMetadata()
                .withNewSpec().withReplicas(3).withPodManagementPolicy("OrderedReady")
                .withNewUpdateStrategy().withType("OnDelete").endUpdateStrategy()
                .withNewTemplate().withNewMetadata().withLabels(podLabels).endMetadata()
                .withNewSpec().addNewContainer().withName("server").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    private Job job(String action) {
        Map<String, String> labels = labels();
        labels.put("raftops.dev/action", action);
        return new JobBuilder()
                .withNewMetadata().withName("db-" + action).withNamespace("ns").withLabels(labels).endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("executor")
                .withImage("executor").addNewEnv().withName("RAFTOPS_BLUE_STATEFUL_SET").withValue(BLUE).endEnv()
                .addNewEnv().withName("RAFTOPS_GREEN_STATEFUL_SET").withValue(GREEN).endEnv()
                .addNewEnv().withName("RAFTOPS_MAX_LAG_ENTRIES").withValue("100").endEnv()
                .endContainer().endSpec().endTemplate().endSpec().build();
    }

    /** Creates the Job and waits for its terminal condition: Complete or Failed. */
    private String run(String action) {
        client.resource(job(action)).create();
        String[] result = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Job job = client.batch().v1().jobs().inNamespace("ns").withName("db-" + action).get();
            if (job.getStatus() == null || job.getStatus().getConditions() == null) {
                return false;
            }
            job.getStatus().getConditions().stream().filter(c -> "True".equals(c.getStatus())).findFirst()
                    .ifPresent(c -> result[0] = c.getType());
            return result[0] != null;
        });
        return result[0];
    }

    private List<Pod> pods(String statefulSet) {
        return client.pods().inNamespace("ns").withLabel("raftops.dev/statefulset", statefulSet).list().getItems();
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
                .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static boolean leads(Pod pod) {
        return "true".equals(pod.getMetadata().getLabels().get("openbao-active"));
    }

    private static String voter(Pod pod) {
        return pod.getMetadata().getAnnotations().get("raftops.dev/voter");
    }

    private ClusterRuntime runtime(Path trace) {
        return new ClusterRuntime(client, new ClusterRuntime.Settings("ns", 5, Duration.ofMillis(20),
                Duration.ofMillis(100), Duration.ofMillis(40), 1, trace), Clock.systemUTC());
    }

    private void awaitReady(String statefulSet, String voter) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pods(statefulSet)).hasSize(3)
                .allMatch(BlueGreenRuntimeTest::ready).allMatch(p -> voter.equals(voter(p))));
    }

    @Test
    void greenJoinsBluesRaftTakesOverAndBlueIsCollected() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        client.resource(colour(BLUE, BLUE_REVISION, "repo:2.4.0", null)).create();
        try (ClusterRuntime runtime = runtime(trace)) {
            runtime.start();
            awaitReady(BLUE, "true");
            await().atMost(Duration.ofSeconds(20)).until(() -> pods(BLUE).stream().anyMatch(BlueGreenRuntimeTest::leads));
            assertThat(pods(BLUE)).filteredOn(BlueGreenRuntimeTest::leads).extracting(p -> p.getMetadata().getName())
                    .containsExactly(BLUE + "-1");
            // the client Service selects Blue once Blue leads, as the controller pins it
            client.resource(new ServiceBuilder().withNewMetadata().withName("db").withNamespace("ns")
                    .withLabels(new TreeMap<>(Map.of("app.kubernetes.io/managed-by", "raftops", "raftops.dev/cluster", "db",
                            "raftops.dev/service", "client"))).endMetadata()
                    .withNewSpec().withSelector(Map.of("raftops.dev/cluster", "db", "raftops.dev/revision", BLUE_REVISION))
                    .endSpec().build()).create();

            client.resource(colour(GREEN, GREEN_REVISION, "repo:2.5.0", BLUE_REVISION)).create();
            awaitReady(GREEN, "false");
            assertThat(run("join-green")).isEqualTo("Complete");
            assertThat(run("wait-synced")).as("Green catches up within its patience").isEqualTo("Complete");
            assertThat(run("promote-green")).isEqualTo("Complete");
            awaitReady(GREEN, "true");
            assertThat(run("demote-blue")).isEqualTo("Complete");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(pods(GREEN)).filteredOn(BlueGreenRuntimeTest::leads).hasSize(1);
                assertThat(pods(BLUE)).noneMatch(BlueGreenRuntimeTest::leads).allMatch(p -> "false".equals(voter(p)));
            });
            client.services().inNamespace("ns").withName("db").edit(s -> {
                s.getSpec().setSelector(Map.of("raftops.dev/cluster", "db", "raftops.dev/revision", GREEN_REVISION));
                return s;
            });
            assertThat(run("remove-blue-peers")).isEqualTo("Complete");
            client.apps().statefulSets().inNamespace("ns").withName(BLUE).delete();
            await().atMost(Duration.ofSeconds(20)).until(() -> pods(BLUE).isEmpty());
            runtime.settle();
        }
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines).filteredOn(l -> l.contains("\"kind\":\"service.selector\"")).hasSize(2)
                .last().asString().contains(GREEN_REVISION);
        assertThat(lines).filteredOn(l -> l.contains("\"cause\":\"garbage-collection\"")).hasSize(3)
                .allMatch(l -> l.contains(BLUE));
        assertThat(lines).anyMatch(l -> l.contains("\"kind\":\"sts.deleted\"") && l.contains(BLUE));
        assertThat(InvariantChecker.check(lines)).isEmpty();
    }

    @Test
    void joiningAGreenThatIsNotThereFailsTheJob() {
        client.resource(colour(BLUE, BLUE_REVISION, "repo:2.4.0", null)).create();
        try (ClusterRuntime runtime = runtime(null)) {
            runtime.start();
            awaitReady(BLUE, "true");

            assertThat(run("join-green")).isEqualTo("Failed");
        }
        assertThat(client.batch().v1().jobs().inNamespace("ns").withName("db-join-green").get().getStatus()
                .getConditions().get(0).getMessage()).contains("not all Ready");
    }
}
