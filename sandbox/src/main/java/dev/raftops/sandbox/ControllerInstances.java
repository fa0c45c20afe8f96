package dev.raftops.sandbox;

import dev.raftops.controller.ControllerRuntime;
import dev.raftops.controller.ControllerSettings;
import dev.raftops.controller.cli.Fabric8Wiring;
import dev.raftops.simulator.runtime.ClusterRuntime;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import dev.raftops.domain.cluster.ClusterKey;
import java.io.IOException;
import java.net.URI;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The controller instances of a {@link SandboxEnvironment}: each with its own client of the API
 * server (so the server knows its requests, {@link ControllerWrites#AGENT}) and its own runtime,
 * named {@code controller-1}, {@code controller-2}, ... in the order they started; with more than
 * one, they compete for the Lease. A crashed or killed instance is halted, and closed only with the rest.
 */
final class ControllerInstances {

    /** A running controller: its own client and its runtime. */
    record Instance(String name, KubernetesClient client, ControllerRuntime runtime) {
    }

    private final KubernetesMockServer server;
    private final ClusterRuntime cluster;
    private final String namespace;
    private final int controllers;
    private final Map<String, Instance> running = new TreeMap<>();
    /** Crashed and killed instances: halted, their connections closed only with the environment. */
    private final List<Instance> halted = new ArrayList<>();
    private int started;
    private boolean closed;

    ControllerInstances(KubernetesMockServer server, ClusterRuntime cluster, String namespace, int controllers) {
        this.server = server;
        this.cluster = cluster;
        this.namespace = namespace;
        this.controllers = controllers;
    }

    /** Starts a new controller instance; its name, or null once the environment is closing. */
    synchronized String start() throws IOException {
        if (closed) {
            return null;
        }
        String name = "controller-" + (++started);
        KubernetesClient own = server.createClient(b -> b.editOrNewConfig()
                .withUserAgent(ControllerWrites.AGENT + name).endConfig());
        ControllerRuntime runtime = new ControllerRuntime(own, new ControllerSettings(List.of(namespace),
                controllers > 1, name, namespace, 0, 0, 1, InetAddress.getLoopbackAddress()),
                (client, clock) -> Fabric8Wiring.create(client, clock, this::podAddress), Clock.systemUTC());
        running.put(name, new Instance(name, own, runtime));
        cluster.recordEverywhere("controller.start", l -> l.put("instance", name));
        runtime.start();
        return name;
    }

    /** Where the member probe reaches a pod: its loopback API as the runtime serves it, not its cluster DNS name. */
    private URI podAddress(ClusterKey key, String pod, boolean plainHttp) {
        return URI.create(cluster.podEndpoints().address(pod));
    }

    /** Per running instance, the addresses its health and metrics endpoints listen on. */
    synchronized Map<String, List<InetSocketAddress>> endpointAddresses() {
        Map<String, List<InetSocketAddress>> addresses = new TreeMap<>();
        running.forEach((name, instance) -> addresses.put(name, instance.runtime().endpointAddresses()));
        return addresses;
    }

    /** The running instances, oldest first. */
    synchronized List<String> names() {
        return new ArrayList<>(running.keySet());
    }

    /** The instance that leads (holds the Lease, or the only one without leader election), or null. */
    synchronized String leader() {
        return running.values().stream().filter(i -> i.runtime().leading()).map(Instance::name).findFirst()
                .orElse(null);
    }

    /** Takes {@code name} out of the running instances (to halt it); null when it does not run. */
    synchronized Instance remove(String name) {
        return running.remove(name);
    }

    /** Stops {@code instance} working, as a killed process would; it is closed with the rest. */
    void halt(Instance instance) {
        instance.runtime().halt();
        synchronized (this) {
            halted.add(instance);
        }
    }

    /** No instance starts from now on; every one, running or halted, is handed back to be stopped. */
    synchronized List<Instance> closing() {
        closed = true;
        List<Instance> all = new ArrayList<>(running.values());
        all.addAll(halted);
        running.clear();
        halted.clear();
        return all;
    }

    /** Closes the instance's runtime, then its client. */
    static void stop(Instance instance) {
        try {
            instance.runtime().close();
        } finally {
            instance.client().close();
        }
    }
}
