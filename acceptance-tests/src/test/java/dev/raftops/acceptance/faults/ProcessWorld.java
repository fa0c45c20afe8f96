package dev.raftops.acceptance.faults;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The controller as shipped, under faults: the packaged jar's {@code run} as two processes (the
 * arguments of the Deployment we ship, Lease election on) against the embedded API server (the
 * fabric8 CRUD mock behind an {@link ApiAudit} and its {@link HttpFaults}), each process through
 * its own {@link FaultProxy}, while the simulated runtime plays the cluster (its own client goes to
 * the API server directly). A {@link LeaseWatch} samples the Lease all along. Reusable: the world
 * knows no scenario.
 */
public final class ProcessWorld implements AutoCloseable {

    public static final String NAMESPACE = "acceptance";
    public static final String LEASE = "raftops-controller";
    /** Short so a takeover takes seconds; long enough that a loaded machine never lets a healthy holder lapse. */
    public static final int LEASE_SECONDS = 6;
    /** Relative to this module's directory, where surefire runs. */
    private static final Path DEPLOYMENT = Path.of("..", "controller-app", "deploy", "base", "deployment.yaml");

    private final long seed;
    private final HttpFaults httpFaults;
    private final ApiAudit audit;
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final ClusterRuntime cluster;
    private final List<ControllerSlot> slots = new ArrayList<>();
    private final LeaseWatch leaseWatch;

    private ProcessWorld(long seed, Path dir, int controllers) {
        this.seed = seed;
        this.httpFaults = new HttpFaults(seed);
        this.audit = new ApiAudit(httpFaults);
        this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), audit, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        this.client = server.createClient();
        audit.exempt(client.getConfiguration().getOauthToken()); // the simulated cluster's and the test's requests
        this.cluster = new ClusterRuntime(client, new ClusterRuntime.Settings(NAMESPACE, seed, Duration.ofMillis(10),
                Duration.ofMillis(500), Duration.ofMillis(250), 0, dir.resolve("trace-seed" + seed + ".jsonl")),
                Clock.systemUTC());
        installCrd(client);
        cluster.start();
        List<String> args = runArguments();
        InetSocketAddress api = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort());
        for (int i = 0; i < controllers; i++) {
            String identity = "controller-" + (char) ('a' + i);
            slots.add(new ControllerSlot(identity, FaultProxy.start(api, seed * 31 + i), NAMESPACE, dir, args, 2000));
        }
        this.leaseWatch = new LeaseWatch(client, NAMESPACE, this::slot, Duration.ofSeconds(4));
    }

    /** Starts the world: API server, simulated cluster, {@code controllers} processes competing for the Lease. */
    public static ProcessWorld open(long seed, Path dir, int controllers) {
        return new ProcessWorld(seed, dir, controllers);
    }

    /** The shipped Deployment's arguments after {@code run}, with free ports, this namespace and a short Lease. */
    private static List<String> runArguments() {
        try {
            Deployment deployment = new KubernetesSerialization().unmarshal(Files.readString(DEPLOYMENT),
                    Deployment.class);
            List<String> shipped = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
            if (!"run".equals(shipped.get(0))) {
                throw new IllegalStateException(DEPLOYMENT + " does not run the controller: " + shipped);
            }
            List<String> args = new ArrayList<>(shipped.subList(1, shipped.size()));
            // the processes share this machine: free ports instead of the pod's fixed ones
            args.removeIf(arg -> arg.startsWith("--health-port") || arg.startsWith("--metrics-port"));
            args.addAll(List.of("--health-port", "0", "--metrics-port", "0", "--namespace", NAMESPACE,
                    "--lease-duration", String.valueOf(LEASE_SECONDS), "--workers", "2"));
            return args;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Both CRDs the controller serves, as the adapters generate them: clusters and restores. */
    private static void installCrd(KubernetesClient client) {
        for (String resource : List.of(Fabric8Adapters.CRD_RESOURCE, Fabric8Adapters.RESTORE_CRD_RESOURCE)) {
            try (InputStream crd = Fabric8Adapters.class.getResourceAsStream(resource)) {
                client.resource(client.getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class))
                        .create();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public long seed() {
        return seed;
    }

    /** The test's own client, straight to the API server (never refused, never proxied). */
    public KubernetesClient client() {
        return client;
    }

    public ClusterRuntime cluster() {
        return cluster;
    }

    public ApiAudit audit() {
        return audit;
    }

    public HttpFaults httpFaults() {
        return httpFaults;
    }

    public List<ControllerSlot> slots() {
        return List.copyOf(slots);
    }

    /** The slot of {@code identity}, or null. */
    public ControllerSlot slot(String identity) {
        return slots.stream().filter(s -> s.identity().equals(identity)).findFirst().orElse(null);
    }

    public Lease lease() {
        return client.leases().inNamespace(NAMESPACE).withName(LEASE).get();
    }

    /** The Lease holder's identity, or null while nobody holds it. */
    public String holder() {
        Lease lease = lease();
        String holder = lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
        return holder == null || holder.isEmpty() ? null : holder;
    }

    /** What the {@link LeaseWatch} saw: a Lease held by a replica with no running process beyond its expiry. */
    public List<String> leaseViolations() {
        return leaseWatch.violations();
    }

    /** The Lease holders in the order the watch saw them. */
    public List<String> leaseHolders() {
        return leaseWatch.holders();
    }

    /** Creates a RaftCluster as {@code kubectl apply} would, recording run.start in its trace. */
    public void create(String name, ClusterSpec spec, String toVersion) {
        cluster.record(name, "run.start", l -> l.put("replicas", spec.replicas()).put("fromVersion", spec.version())
                .put("toVersion", toVersion).put("strategy", spec.upgrade().strategy().wireName()).put("seed", seed));
        client.resource(Fabric8Adapters.raftCluster(new ClusterKey(NAMESPACE, name), spec)).create();
    }

    /** A user's spec edit: a JSON merge patch of {@code spec}, recorded as an operator line. */
    public void patchSpec(String name, Map<String, Object> spec) {
        cluster.record(name, "operator", l -> l.put("patch", spec.toString()));
        client.resources(RaftCluster.class).inNamespace(NAMESPACE).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization()
                        .asJson(Map.of("spec", spec)));
    }

    public RaftClusterStatus status(String name) {
        RaftCluster cr = client.resources(RaftCluster.class).inNamespace(NAMESPACE).withName(name).get();
        return cr == null ? null : cr.getStatus();
    }

    /** The cluster's trace lines so far, every write made until now included. */
    public List<String> trace(String name) {
        cluster.settle();
        return cluster.traceLines(name);
    }

    /** "seed N: what": the prefix of every failure message. */
    public String why(String what) {
        return "process world, seed " + seed + ": " + what;
    }

    /** The last lines of every process, for a failure message. */
    public String diagnostics() {
        return slots.stream().map(s -> s.tails(40)).collect(Collectors.joining("\n"));
    }

    /** Waits until {@code done}; false when {@code limit} passed first. */
    public boolean within(Duration limit, Callable<Boolean> done) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (Boolean.TRUE.equals(done.call())) {
                    return true;
                }
            } catch (RuntimeException e) {
                // the API server busy or closing: look again
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Waits until {@code done}; fails naming the seed, with the processes' last lines. */
    public void await(String what, Duration limit, Callable<Boolean> done) throws Exception {
        if (!within(limit, done)) {
            throw new AssertionError(why("not within " + limit + ": " + what) + "\n" + diagnostics());
        }
    }

    @Override
    public void close() throws Exception {
        leaseWatch.close();
        for (ControllerSlot slot : slots) {
            slot.close();
        }
        cluster.close();
        client.close();
        server.destroy();
    }
}
