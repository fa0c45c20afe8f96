package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static dev.raftops.acceptance.Scenario.REPLICAS;
import static dev.raftops.acceptance.Scenario.TO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.RaftStateSource;
import dev.raftops.simulator.check.InvariantChecker;
import dev.raftops.simulator.runtime.ClusterRuntime;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 13, as shipped: the packaged jar's {@code run} started twice, as two JVM processes with
 * the arguments of the Deployment we ship (leader election asked for), against one embedded API server (the fabric8 CRUD mock on
 * loopback, reached through a kubeconfig) while the simulated cluster runtime plays the pods. One
 * process holds the Lease and writes; the other writes nothing. The holder is killed with SIGKILL
 * mid-upgrade (no Lease release); the other takes the Lease once it expires and finishes the upgrade.
 * Last, SIGTERM stops the new holder as the kubelet would: exit 0, the Lease released on the way out.
 */
class TwoRunProcessesScenarioTest {

    private static final String NAMESPACE = "acceptance";
    private static final long SEED = 1313;
    /** Short so the takeover takes seconds; long enough that a loaded machine never lets a healthy holder lapse. */
    private static final int LEASE_SECONDS = 6;
    /** A standby tries every two fifteenths of the Lease ({@code run}'s retry period). */
    private static final Duration RETRY = Duration.ofMillis(LEASE_SECONDS * 1000L * 2 / 15);
    /** Two JVMs starting on a loaded machine, informers syncing, a Lease acquired. */
    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration STEP = Duration.ofSeconds(25);

    /** Relative to this module's directory, where surefire runs. */
    private static final Path DEPLOYMENT = Path.of("..", "controller-app", "deploy", "base", "deployment.yaml");

    @TempDir
    Path dir;

    @Test
    @Timeout(90)
    void onlyTheLeaseHolderWritesAndAfterItIsKilledTheOtherProcessFinishesTheUpgrade() throws Exception {
        long seed = Scenario.seed(SEED);
        Path trace = dir.resolve("two-run-processes-seed" + seed + ".jsonl");
        RequestsByToken requests = new RequestsByToken();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                requests, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        try (KubernetesClient client = server.createClient();
                ClusterRuntime cluster = new ClusterRuntime(client, new ClusterRuntime.Settings(NAMESPACE, seed,
                        Scenario.TICK, Duration.ofMillis(500), Duration.ofMillis(250), 0, trace), Clock.systemUTC())) {
            installCrd(client);
            cluster.start();
            String url = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort();
            List<String> args = new ArrayList<>(shippedRunArguments());
            // both processes share this machine: free ports instead of the pod's fixed ones
            args.removeIf(arg -> arg.startsWith("--health-port") || arg.startsWith("--metrics-port"));
            args.addAll(List.of("--health-port", "0", "--metrics-port", "0", "--namespace", NAMESPACE,
                    "--lease-duration", String.valueOf(LEASE_SECONDS), "--workers", "2"));
            try (RunProcess a = RunProcess.start("controller-a", url, NAMESPACE, dir, args);
                    RunProcess b = RunProcess.start("controller-b", url, NAMESPACE, dir, args)) {
                World world = new World(seed, client, cluster, trace, requests, List.of(a, b));
                world.await("one process takes the Lease", START, () -> world.holder() != null);
                RunProcess holder = world.process(world.holder());
                RunProcess standby = holder == a ? b : a;
                world.await(standby.identity() + " competes for the Lease", START,
                        () -> requests.requests(standby.identity()) > 0);

                // the shipped `run` probes pods at their cluster DNS names, which this machine cannot resolve (the
                // simulated pods serve their API on loopback): this scenario keeps labels mode its own
                ClusterSpec spec = ClusterSpec.of(FROM, null, REPLICAS);
                world.create(spec.withUpgrade(spec.upgrade().withRaftState(RaftStateSource.LABELS)));
                world.awaitStatus("the cluster runs " + FROM, st -> FROM.equals(st.currentVersion));
                world.patchVersion(TO);
                String firstRelease = "\"value\":" + (REPLICAS - 1);
                world.await("the first pod is released", STEP, () -> world.trace().stream()
                        .anyMatch(l -> l.contains("\"kind\":\"sts.partition\"") && l.contains(firstRelease)));

                assertThat(requests.writes(holder.identity())).as(world.why("the Lease holder wrote")).isPositive();
                assertThat(requests.writes(standby.identity())).as(world.why("the standby " + standby.identity()
                        + " makes no write; its first: " + requests.firstWrite(standby.identity()))).isZero();
                assertThat(world.holder()).as(world.why("the Lease stayed with " + holder.identity()))
                        .isEqualTo(holder.identity());

                cluster.record(CLUSTER, "fault", l -> l.put("fault", "controller-kill")
                        .put("instance", holder.identity()).put("signal", "SIGKILL"));
                Instant killed = Instant.now();
                holder.kill();
                int writesOfTheKilled = requests.writes(holder.identity());

                world.await(standby.identity() + " takes the Lease", Duration.ofSeconds(LEASE_SECONDS).plus(STEP),
                        () -> standby.identity().equals(world.holder()));
                Lease lease = world.lease();
                Duration takeover = Duration.between(killed, lease.getSpec().getAcquireTime().toInstant());
                System.out.println(world.why(standby.identity() + " took the Lease " + takeover.toMillis()
                        + " ms after " + holder.identity() + " was killed"));
                // the Lease runs out at most its duration after the last renewal; a standby notices within its retry
                // period, plus the scheduling delays of a loaded machine
                assertThat(takeover).as(world.why("the takeover came within the Lease duration (" + LEASE_SECONDS
                        + " s) and a retry period")).isLessThanOrEqualTo(Duration.ofSeconds(LEASE_SECONDS)
                        .plus(RETRY.multipliedBy(2)).plusSeconds(3));

                world.awaitStatus("the upgrade converges on " + TO, st -> TO.equals(st.currentVersion)
                        && st.upgrade == null);
                assertThat(requests.writes(holder.identity())).as(world.why("the killed process writes nothing more"))
                        .isEqualTo(writesOfTheKilled);
                assertThat(requests.writes(standby.identity())).as(world.why("the new holder finished the upgrade"))
                        .isPositive();
                assertThat(standby.alive()).as(world.why("the new holder still runs")).isTrue();
                List<String> lines = world.trace();
                List<Integer> restarts = lines.stream().filter(l -> l.contains("\"kind\":\"pod.deleted\""))
                        .map(Scenario::ordinal).collect(Collectors.toList());
                assertThat(restarts).as(world.why("every pod restarted once, highest first")).containsExactly(2, 1, 0);
                assertThat(InvariantChecker.check(lines)).as(world.why("InvariantChecker on " + trace + "\n"
                        + String.join("\n", lines))).isEmpty();

                assertThat(standby.stop()).as(world.why("SIGTERM stops " + standby.identity() + " with exit 0\n"
                        + standby.tail(30))).isZero();
                assertThat(world.holder()).as(world.why("a stopped holder released the Lease")).isNullOrEmpty();
            }
        } finally {
            server.destroy();
        }
    }

    /** The arguments after {@code run} of the Deployment we ship (controller-app/deploy/base/deployment.yaml). */
    private static List<String> shippedRunArguments() throws Exception {
        Deployment deployment = new KubernetesSerialization().unmarshal(Files.readString(DEPLOYMENT), Deployment.class);
        List<String> args = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
        assertThat(args).as(DEPLOYMENT + " runs the controller").first().isEqualTo("run");
        return args.subList(1, args.size());
    }

    private static void installCrd(KubernetesClient client) throws Exception {
        for (String resource : List.of(Fabric8Adapters.CRD_RESOURCE, Fabric8Adapters.RESTORE_CRD_RESOURCE)) {
            try (InputStream crd = Fabric8Adapters.class.getResourceAsStream(resource)) {
                client.resource(client.getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class))
                        .create();
            }
        }
    }

    /** The running world as a user with kubectl sees it, and the failure messages that name the seed. */
    private record World(long seed, KubernetesClient client, ClusterRuntime cluster, Path traceFile,
            RequestsByToken requests, List<RunProcess> processes) {

        String why(String what) {
            return "scenario two-run-processes, seed " + seed + ": " + what;
        }

        String diagnostics() {
            return processes.stream().map(p -> p.tail(30)).collect(Collectors.joining("\n"));
        }

        void await(String what, Duration limit, java.util.concurrent.Callable<Boolean> done) {
            try {
                org.awaitility.Awaitility.await(why(what)).atMost(limit).pollInterval(Duration.ofMillis(100))
                        .until(done);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(e.getMessage() + "\n" + diagnostics(), e);
            }
        }

        Lease lease() {
            return client.leases().inNamespace(NAMESPACE).withName("raftops-controller").get();
        }

        /** The Lease holder, or null while nobody holds it. */
        String holder() {
            Lease lease = lease();
            return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
        }

        RunProcess process(String identity) {
            return processes.stream().filter(p -> p.identity().equals(identity)).findFirst()
                    .orElseThrow(() -> new AssertionError(why("the Lease is held by " + identity
                            + ", which is no process of this test")));
        }

        void create(ClusterSpec spec) {
            cluster.record(CLUSTER, "run.start", l -> l.put("replicas", spec.replicas()).put("fromVersion",
                    spec.version()).put("toVersion", TO).put("strategy", spec.upgrade().strategy().wireName())
                    .put("seed", seed));
            client.resource(Fabric8Adapters.raftCluster(new ClusterKey(NAMESPACE, CLUSTER), spec)).create();
        }

        void patchVersion(String version) {
            cluster.record(CLUSTER, "operator", l -> l.put("patch", Map.of("version", version).toString()));
            client.resources(RaftCluster.class).inNamespace(NAMESPACE).withName(CLUSTER)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization()
                            .asJson(Map.of("spec", Map.of("version", version))));
        }

        RaftClusterStatus status() {
            RaftCluster cr = client.resources(RaftCluster.class).inNamespace(NAMESPACE).withName(CLUSTER).get();
            return cr == null ? null : cr.getStatus();
        }

        void awaitStatus(String what, Predicate<RaftClusterStatus> done) {
            await(what, STEP, () -> {
                RaftClusterStatus status = status();
                return status != null && done.test(status);
            });
        }

        /** The cluster's trace lines so far, every write made until now included. */
        List<String> trace() throws Exception {
            cluster.settle();
            String tag = "\"cluster\":\"" + NAMESPACE + "/" + CLUSTER + "\"";
            return Files.readAllLines(traceFile).stream().filter(l -> l.contains(tag)).collect(Collectors.toList());
        }
    }
}
