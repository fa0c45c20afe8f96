package dev.raftops.sandbox;

import dev.raftops.simulator.runtime.ClusterRuntime;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sandbox world: an embedded API server (the fabric8 CRUD mock) with the RaftCluster CRD, the
 * simulated cluster runtime playing one namespace, and the real controller watching it, as one
 * instance or several competing for the Lease. Shared by the {@code sandbox} command and the
 * acceptance tests so both run exactly the same wiring, faults included
 * (docs/decisions/controller-faults.md).
 */
public final class SandboxEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxEnvironment.class);

    private final KubernetesMockServer server;
    private final ControllerWrites writes;
    private final KubernetesClient client;
    private final ClusterRuntime cluster;
    private final int controllers;
    private final ControllerInstances instances;
    private final SandboxExecutor executor;
    /** Plays what a fault sets off (a trace line, a restart) off the API server's threads. */
    private final ExecutorService faultPlayer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sandbox-faults");
        t.setDaemon(true);
        return t;
    });
    /** What the faults did, for a person watching the sandbox, until taken. */
    private final List<String> notices = new ArrayList<>();

    private SandboxEnvironment(KubernetesMockServer server, ControllerWrites writes, KubernetesClient client,
            ClusterRuntime cluster, String namespace, int controllers, SandboxExecutor executor) {
        this.server = server;
        this.executor = executor;
        this.writes = writes;
        this.client = client;
        this.cluster = cluster;
        this.controllers = controllers;
        this.instances = new ControllerInstances(server, cluster, namespace, controllers);
    }

    /** {@link #open(ClusterRuntime.Settings, int)} with one controller and no leader election. */
    public static SandboxEnvironment open(ClusterRuntime.Settings settings) {
        return open(settings, 1);
    }

    /**
     * Starts the API server and installs the CRD; the runtime and the controllers are built but not
     * started, so the caller can record {@code run.start} first and then call {@link #start()}. With
     * more than one controller, each competes for the {@code raftops-controller} Lease in the namespace.
     */
    public static SandboxEnvironment open(ClusterRuntime.Settings settings, int controllers) {
        if (controllers < 1) {
            throw new IllegalArgumentException("at least one controller, was " + controllers);
        }
        SandboxEnvironment[] environment = new SandboxEnvironment[1];
        ControllerWrites writes = new ControllerWrites(new ControllerWrites.Observer() {
            @Override
            public void conflicted(String instance, int write, SandboxFault.WriteKind kind, String request) {
                environment[0].conflicted(instance, write, kind, request);
            }

            @Override
            public void crashed(String instance, int write) {
                environment[0].crashed(instance, write);
            }

            @Override
            public void deletingPod(String pod) {
                environment[0].cluster.podDeleters().controllerDeletes(pod);
            }

            @Override
            public void podDeleteRefused(String pod) {
                environment[0].cluster.podDeleters().refused(pod);
            }
        });
        KubernetesMockServer server = SandboxApiServer.start(writes);
        KubernetesClient client = server.createClient();
        ClusterRuntime cluster = new ClusterRuntime(client, settings, Clock.systemUTC());
        SandboxExecutor executor = SandboxExecutor.start();
        cluster.playJobsWith(executor.executor());
        environment[0] = new SandboxEnvironment(server, writes, client, cluster, settings.namespace(), controllers,
                executor);
        return environment[0];
    }

    /** Starts the simulated cluster, then the controllers. */
    public void start() throws IOException {
        cluster.start();
        for (int i = 0; i < controllers; i++) {
            instances.start();
        }
    }

    /** Per running controller instance, the addresses its health and metrics endpoints listen on. */
    public Map<String, List<InetSocketAddress>> endpointAddresses() {
        return instances.endpointAddresses();
    }

    /** A client of the embedded API server, as a user with kubectl would have. */
    public KubernetesClient client() {
        return client;
    }

    /** The S3-compatible store every Job's snapshot lands in; {@link ObjectStore#target()} is {@code spec.backup.target}. */
    public ObjectStore objectStore() {
        return executor.store();
    }

    /** The simulated cluster: its trace takes the caller's own lines through {@code record}. */
    public ClusterRuntime cluster() {
        return cluster;
    }

    /**
     * Plays {@code faults} from now on: the runtime's at its next tick, the controller's on its
     * writes counted from zero now. An empty list ends every fault (and restarts the count).
     */
    public void inject(List<SandboxFault> faults) {
        cluster.inject(SandboxFault.runtimeFaults(faults));
        writes.inject(faults);
    }

    /** The controllers' writes since the last {@link #inject} (0 before any). */
    public int controllerWrites() {
        return writes.writes();
    }

    /** Per controller instance, its writes since the last {@link #inject}. */
    public Map<String, Integer> controllerWritesByInstance() {
        return writes.writesByInstance();
    }

    /** The running controller instances, oldest first ({@code controller-1}, {@code controller-2}, ...). */
    public List<String> controllers() {
        return instances.names();
    }

    /** The instance that leads (holds the Lease, or the only one without leader election), or null. */
    public String leader() {
        return instances.leader();
    }

    /**
     * Kills {@code instance} as a node failure would: from now on the API server refuses its
     * requests (so it neither writes nor releases its Lease), then its runtime is stopped. It is not
     * restarted; another instance takes over once the Lease expires.
     */
    public void kill(String instance) {
        ControllerInstances.Instance victim = instances.remove(instance);
        if (victim == null) {
            throw new IllegalArgumentException("no running controller " + instance);
        }
        writes.cutOff(instance);
        notice("fault: " + instance + " killed");
        cluster.recordEverywhere("fault", l -> l.put("fault", "controller-kill").put("instance", instance));
        instances.halt(victim);
    }

    /** What the faults did since the last call (one sentence each), for the sandbox's output. */
    public synchronized List<String> takeNotices() {
        List<String> taken = new ArrayList<>(notices);
        notices.clear();
        return taken;
    }

    private synchronized void notice(String text) {
        notices.add(text);
    }

    private void conflicted(String instance, int write, SandboxFault.WriteKind kind, String request) {
        notice("fault: write " + write + " of " + instance + " (" + request + ") answered 409 Conflict");
        faultPlayer.execute(() -> cluster.recordEverywhere("fault", l -> l.put("fault", "conflict")
                .put("instance", instance).put("write", write).put("writeKind", kind.name()).put("request", request)));
    }

    /** The instance was cut off right after write {@code write}: discard it and start a new one. */
    private void crashed(String instance, int write) {
        faultPlayer.execute(() -> {
            ControllerInstances.Instance victim = instances.remove(instance);
            cluster.recordEverywhere("fault", l -> l.put("fault", "controller-crash").put("instance", instance)
                    .put("afterWrite", write));
            if (victim != null) {
                instances.halt(victim);
            }
            try {
                String next = instances.start();
                notice("fault: " + instance + " crashed right after write " + write
                        + (next == null ? "" : "; " + next + " started"));
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not restart the controller after {} crashed: {}", instance, e.toString());
            }
        });
    }

    /** Stops the controllers, then the runtime (closing the trace), the executor and its store, then the API server. */
    @Override
    public void close() {
        List<ControllerInstances.Instance> running = instances.closing();
        faultPlayer.shutdown();
        try {
            faultPlayer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            running.forEach(ControllerInstances::stop);
        } finally {
            try {
                cluster.close();
            } finally {
                executor.close();
                client.close();
                SandboxApiServer.stop(server);
            }
        }
    }
}
