package dev.raftops.simulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime learns of pods and Jobs changed by others from watches, not from a read per cluster
 * per tick (docs/decisions/runtime-pod-and-job-watches.md): what a user of the runtime sees.
 */
@EnableKubernetesMockClient(crud = true)
class PodAndJobWatchTest {

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path dir;

    private ClusterRuntime runtime(Path trace) {
        return new ClusterRuntime(client, new ClusterRuntime.Settings("ns", 3, Duration.ofMillis(25),
                Duration.ofMillis(100), Duration.ofMillis(40), 0, trace), Clock.systemUTC());
    }

    private Pod pod(String name) {
        return client.pods().inNamespace("ns").withName(name).get();
    }

    private void awaitReady(String... pods) {
        await().atMost(Duration.ofSeconds(20)).until(() -> List.of(pods).stream().map(this::pod)
                .allMatch(p -> p != null && ClusterRuntimeTest.ready(p)));
    }

    private Job job(String name) {
        return client.batch().v1().jobs().inNamespace("ns").withName(name).get();
    }

    /** Until the runtime has written the Job's status (it started or finished it). */
    private void awaitStatus(String job) {
        await().atMost(Duration.ofSeconds(20)).until(() -> job(job).getStatus() != null);
    }

    private static List<String> lines(Path trace, String kind, String field) throws Exception {
        return Files.readAllLines(trace).stream().filter(l -> l.contains("\"kind\":\"" + kind + "\"") && l.contains(field))
                .toList();
    }

    @Test
    void aPodDeletedByAPersonIsTracedOnceAsThePersonsAndCreatedAgainOnce() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        client.resource(ClusterRuntimeTest.statefulSet("repo:2.4.0")).create();
        try (ClusterRuntime runtime = runtime(trace)) {
            runtime.start();
            awaitReady("db-0", "db-1", "db-2");
            String before = pod("db-2").getMetadata().getUid();

            client.pods().inNamespace("ns").withName("db-2").delete();

            await().atMost(Duration.ofSeconds(20)).until(() -> pod("db-2") != null
                    && !before.equals(pod("db-2").getMetadata().getUid()) && ClusterRuntimeTest.ready(pod("db-2")));
            String again = pod("db-2").getMetadata().getUid();
            Thread.sleep(300); // a dozen ticks: a runtime that missed its own create would create once more
            assertThat(pod("db-2").getMetadata().getUid()).isEqualTo(again);
            runtime.settle();
        }
        assertThat(lines(trace, "pod.deleted", "\"pod\":\"db-2\"")).singleElement().asString()
                .contains("\"cause\":\"person\"");
        assertThat(lines(trace, "pod.created", "\"pod\":\"db-2\"")).hasSize(2);
    }

    @Test
    void aPodDeleteTheControllerWasNamedForIsTracedAsTheControllers() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        client.resource(ClusterRuntimeTest.statefulSet("repo:2.4.0")).create();
        try (ClusterRuntime runtime = runtime(trace)) {
            runtime.start();
            awaitReady("db-0", "db-1", "db-2");
            String before = pod("db-1").getMetadata().getUid();

            runtime.podDeleters().controllerDeletes("db-1");
            client.pods().inNamespace("ns").withName("db-1").delete();

            await().atMost(Duration.ofSeconds(20)).until(() -> pod("db-1") != null
                    && !before.equals(pod("db-1").getMetadata().getUid()));
            runtime.settle();
        }
        assertThat(lines(trace, "pod.deleted", "\"pod\":\"db-1\"")).singleElement().asString()
                .contains("\"cause\":\"controller\"");
    }

    @Test
    void aJobTheControllerCreatesIsFinishedOnce() throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        client.resource(ClusterRuntimeTest.statefulSet("repo:2.4.0")).create();
        try (ClusterRuntime runtime = runtime(trace)) {
            runtime.start();
            awaitReady("db-0", "db-1", "db-2");

            client.resource(ClusterRuntimeTest.job("db-backup", "backup")).create();

            awaitStatus("db-backup");
            Thread.sleep(300); // a dozen ticks, with the Job's own status change reported back
            runtime.settle();
        }
        assertThat(lines(trace, "job.created", "db-backup")).hasSize(1);
        assertThat(lines(trace, "job.finished", "db-backup")).singleElement().asString()
                .contains("\"result\":\"succeeded\"");
    }

    @Test
    void aJobDeletedAndCreatedAgainUnderItsNameRunsAgain() throws Exception {
        client.resource(ClusterRuntimeTest.statefulSet("repo:2.4.0")).create();
        try (ClusterRuntime runtime = runtime(null)) {
            runtime.start();
            awaitReady("db-0", "db-1", "db-2");
            client.resource(ClusterRuntimeTest.job("db-backup", "backup")).create();
            awaitStatus("db-backup");

            client.batch().v1().jobs().inNamespace("ns").withName("db-backup").delete();
            await().atMost(Duration.ofSeconds(20)).until(() -> job("db-backup") == null);
            client.resource(ClusterRuntimeTest.job("db-backup", "backup")).create();

            awaitStatus("db-backup");
        }
    }

    @Test
    void aSettledRuntimeSendsNoRequestWhileNothingChanges() throws Exception {
        client.resource(ClusterRuntimeTest.statefulSet("repo:2.4.0")).create();
        try (ClusterRuntime runtime = runtime(null)) {
            runtime.start();
            awaitReady("db-0", "db-1", "db-2");
            await().atMost(Duration.ofSeconds(20)).until(() -> List.of("db-0", "db-1", "db-2").stream()
                    .allMatch(p -> "0".equals(pod(p).getMetadata().getAnnotations().get("raftops.dev/raft-lag"))));
            runtime.settle();
            Thread.sleep(200); // the last writes' watch events taken

            int before = server.getRequestCount();
            Thread.sleep(500); // twenty ticks
            assertThat(server.getRequestCount()).as("requests in twenty quiet ticks").isEqualTo(before);
        }
    }
}
