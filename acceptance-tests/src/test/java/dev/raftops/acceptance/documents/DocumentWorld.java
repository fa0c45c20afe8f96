package dev.raftops.acceptance.documents;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.controller.watch.ClusterInformers;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.RaftStateSource;
import dev.raftops.sandbox.SandboxEnvironment;
import dev.raftops.simulator.runtime.ClusterRuntime;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sandbox world the bad documents are applied in (embedded API server in CRUD mode, so no
 * schema refuses them; the simulated cluster; the real controller), read and written as a careless
 * client would: the raw JSON of a {@code RaftCluster}, never the typed model.
 */
final class DocumentWorld implements AutoCloseable {

    static final String NAMESPACE = "documents";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Where the controller runs: its client, the simulated cluster, its readiness, its instances. */
    interface Backend extends AutoCloseable {
        KubernetesClient client();

        ClusterRuntime cluster();

        Map<String, String> backupTarget();

        /** The addresses of each controller's health endpoint. */
        List<InetSocketAddress> healthEndpoints();

        /** The controller instances running now: a crashed one would be missing or replaced. */
        List<String> controllers();

        @Override
        void close();
    }

    private final Backend backend;
    private final Path trace;

    DocumentWorld(Backend backend, Path trace) {
        this.backend = backend;
        this.trace = trace;
    }

    static Path traceFile(long seed, Path dir) {
        return dir.resolve("bad-documents-seed" + seed + ".jsonl");
    }

    /** The real controller in this JVM, as the sandbox runs it. */
    static DocumentWorld start(long seed, Path dir) {
        Path trace = traceFile(seed, dir);
        SandboxEnvironment environment = SandboxEnvironment.open(new ClusterRuntime.Settings(NAMESPACE, seed,
                Duration.ofMillis(10), Duration.ofMillis(150), Duration.ofMillis(75), null, trace), 1);
        try {
            environment.start();
        } catch (IOException e) {
            environment.close();
            throw new UncheckedIOException(e);
        }
        return new DocumentWorld(new Backend() {
            @Override
            public KubernetesClient client() {
                return environment.client();
            }

            @Override
            public ClusterRuntime cluster() {
                return environment.cluster();
            }

            @Override
            public Map<String, String> backupTarget() {
                return environment.objectStore().target();
            }

            @Override
            public List<InetSocketAddress> healthEndpoints() {
                return environment.endpointAddresses().values().stream().map(a -> a.get(0)).toList();
            }

            @Override
            public List<String> controllers() {
                return environment.controllers();
            }

            @Override
            public void close() {
                environment.close();
            }
        }, trace);
    }

    KubernetesClient client() {
        return backend.client();
    }

    /** A valid cluster with every parent a mutation reaches present (explicit defaults), and a backup target. */
    void create(String name, String version) {
        ClusterSpec spec = ClusterSpec.of(version, null, 3);
        spec = spec.withUpgrade(spec.upgrade().withRaftState(RaftStateSource.LABELS));
        backend.cluster().record(name, "run.start", l -> l.put("replicas", 3).put("fromVersion", version)
                .put("strategy", "RollingUpdate"));
        client().resource(Fabric8Adapters.raftCluster(new ClusterKey(NAMESPACE, name), spec)).create();
        Map<String, Object> full = spec(name);
        Map<String, Object> upgrade = child(full, "upgrade");
        child(upgrade, "timeouts").putAll(Map.of("stepDown", "60s", "podReady", "10m"));
        child(upgrade, "policy").putAll(Map.of("allowMajor", false, "maxMinorSkip", 10));
        child(child(upgrade, "blueGreen"), "verification").put("maxLagEntries", 100);
        child(upgrade, "rolling").put("maxLagEntries", 1000);
        Map<String, Object> backup = child(full, "backup");
        backup.put("target", new LinkedHashMap<>(backend.backupTarget()));
        backup.put("schedule", "@daily");
        child(backup, "retention").put("maxCount", 5);
        child(full, "maintenance").put("enabled", false);
        replace(name, "spec", full);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String name) {
        return (Map<String, Object>) parent.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
    }

    private Resource<GenericKubernetesResource> resource(String name) {
        return client().genericKubernetesResources(ClusterInformers.RAFT_CLUSTERS).inNamespace(NAMESPACE).withName(name);
    }

    /** The raw document. */
    GenericKubernetesResource read(String name) {
        return resource(name).get();
    }

    /** A deep copy of {@code spec} or {@code status} (empty when absent or not an object). */
    @SuppressWarnings("unchecked")
    Map<String, Object> part(String name, String part) {
        Object value = read(name).getAdditionalProperties().get(part);
        if (!(value instanceof Map)) {
            return new LinkedHashMap<>();
        }
        String json = client().getKubernetesSerialization().asJson(value);
        return client().getKubernetesSerialization().unmarshal(json, LinkedHashMap.class);
    }

    Map<String, Object> spec(String name) {
        return part(name, "spec");
    }

    /** Replaces {@code spec} or {@code status} as a whole (null removes it), as {@code kubectl replace} would. */
    void replace(String name, String part, Object value) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("op", value == null ? "remove" : "add");
        op.put("path", "/" + part);
        if (value != null) {
            op.put("value", value);
        }
        String body = client().getKubernetesSerialization().asJson(List.of(op));
        Resource<GenericKubernetesResource> target = resource(name);
        (part.equals("status") ? target.subresource("status") : target).patch(PatchContext.of(PatchType.JSON), body);
    }

    /** Records a line of the test's own in the cluster's trace (a mutation, a fix). */
    void record(String name, String kind, String what) {
        backend.cluster().record(name, kind, l -> l.put("what", what));
    }

    /** The cluster's trace lines so far, in order. */
    List<String> trace(String name) {
        backend.cluster().settle();
        String tag = "\"cluster\":\"" + NAMESPACE + "/" + name + "\"";
        try {
            return Files.readAllLines(trace).stream().filter(l -> l.contains(tag)).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path traceFile() {
        return trace;
    }

    List<Event> events(String name) {
        return client().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(e -> e.getInvolvedObject() != null && name.equals(e.getInvolvedObject().getName()))
                .collect(Collectors.toList());
    }

    /** Whether every controller instance answers 200 on {@code /readyz}, as the kubelet's readiness probe asks. */
    boolean ready() {
        List<InetSocketAddress> endpoints = backend.healthEndpoints();
        if (endpoints.isEmpty()) {
            return false;
        }
        for (InetSocketAddress a : endpoints) {
            try {
                HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + a.getPort() + "/readyz")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() != 200) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The controller instances running now: a crashed one would be missing or replaced. */
    List<String> controllers() {
        return backend.controllers();
    }

    @Override
    public void close() {
        backend.close();
    }
}
