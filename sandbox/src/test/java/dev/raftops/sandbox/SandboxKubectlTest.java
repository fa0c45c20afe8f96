package dev.raftops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.simulator.runtime.ClusterRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl against the sandbox's API server, through the kubeconfig the sandbox writes: it
 * finds the resources by discovery, lists, describes and patches them, and the controller acts on
 * the patch.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class SandboxKubectlTest {

    @TempDir
    static Path dir;
    static SandboxEnvironment environment;
    static Path kubeconfig;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void sandbox() throws Exception {
        boolean present = new ProcessBuilder("sh", "-c", "command -v kubectl").start().waitFor() == 0;
        if (!present) {
            assertThat("true".equals(System.getenv("CI"))).as("kubectl is missing; .ci/run installs it").isFalse();
            org.junit.jupiter.api.Assumptions.abort("kubectl is not installed (apt-get install kubernetes-client)");
        }
        environment = SandboxEnvironment.open(new ClusterRuntime.Settings("sandbox", 1, Duration.ofMillis(100),
                Duration.ofMillis(300), Duration.ofMillis(150), null, null));
        environment.start();
        environment.client().resource(Fabric8Adapters.raftCluster(new ClusterKey("sandbox", "demo"),
                ClusterSpec.of("2.4.0", null, 3))).create();
        until(Duration.ofSeconds(60), () -> status() != null && "2.4.0".equals(status().currentVersion));
        kubeconfig = dir.resolve("kubeconfig");
        SandboxKubeconfig.write(kubeconfig, environment.client().getMasterUrl().toString(), "sandbox");
    }

    @AfterAll
    static void close() {
        if (environment != null) {
            environment.close();
        }
    }

    static void until(Duration limit, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + limit).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    static dev.raftops.adapters.fabric8.crd.RaftClusterStatus status() {
        RaftCluster cr = environment.client().resources(RaftCluster.class).inNamespace("sandbox").withName("demo").get();
        return cr == null ? null : cr.getStatus();
    }

    static Run kubectl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", dir.resolve("cache").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes());
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err.get());
    }

    @Test
    void theKubeconfigNamesTheSandboxesApiServerAndNamespace() throws Exception {
        assertThat(Files.readString(kubeconfig)).contains("server: " + environment.client().getMasterUrl().toString()
                .replaceAll("/+$", "")).contains("namespace: sandbox");
    }

    @Test
    void kubectlGetRaftclustersListsTheCluster() throws Exception {
        Run run = kubectl("get", "raftclusters");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("NAME +PHASE +CURRENT +TARGET +READY +AGE\n").containsPattern("demo +Running +2\\.4\\.0 +2\\.4\\.0 +True");
        assertThat(kubectl("get", "raft", "demo", "-o", "jsonpath={.status.currentVersion}").out()).isEqualTo("2.4.0");
    }

    @Test
    void kubectlGetPodsShowsTheLeaderLabel() throws Exception {
        Run run = kubectl("get", "pods", "-L", "openbao-active");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("NAME +READY +STATUS +RESTARTS +AGE +OPENBAO-ACTIVE")
                .containsPattern("demo-0 +1/1 +Running").contains("demo-1").contains("demo-2").contains("true");
    }

    @Test
    void kubectlGetEventsListsTheControllersEvents() throws Exception {
        Run run = kubectl("get", "events");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("raftcluster/demo");
    }

    @Test
    void kubectlDescribeShowsTheClustersStatus() throws Exception {
        Run run = kubectl("describe", "raftcluster", "demo");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Name:").contains("demo").containsPattern("Current Version: +2\\.4\\.0");
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: it moves the cluster on
    void kubectlPatchOfTheVersionStartsAnUpgrade() throws Exception {
        Run run = kubectl("patch", "raftcluster", "demo", "--type", "merge", "-p", "{\"spec\":{\"version\":\"2.4.5\"}}");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("raftcluster.raftops.dev/demo patched");
        until(Duration.ofSeconds(60), () -> status().upgrade != null && "2.4.5".equals(status().upgrade.targetVersion)
                || "2.4.5".equals(status().currentVersion));
    }
}
