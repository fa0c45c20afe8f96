package dev.raftops.controller.cli;

import dev.raftops.adapters.fabric8.AdapterSettings;
import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.RaftRestore;
import dev.raftops.adapters.fabric8.crd.RaftRestoreStatus;
import dev.raftops.controller.watch.ClusterInformers;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.SpecReading;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads one RaftCluster for {@code raftops status}: its document (as the controller reads it), the
 * members from {@code status.members} when the status has them, else from the pods (as the
 * controller observes them: version, Ready, the {@code openbao-active} label, voter, lag), and the
 * cluster's recent Events.
 */
final class StatusReading {

    static final int EVENTS = 10;

    private StatusReading() {
    }

    static Optional<ClusterReport> read(KubernetesClient client, ClusterKey key, Clock clock, boolean ages) {
        GenericKubernetesResource raw = client.genericKubernetesResources(ClusterInformers.RAFT_CLUSTERS)
                .inNamespace(key.namespace()).withName(key.name()).get();
        if (raw == null) {
            return Optional.empty();
        }
        Object rawStatus = raw.getAdditionalProperties().get("status");
        RaftCluster cr = typed(client, raw, rawStatus);
        Instant now = clock.instant();
        ClusterDocument doc = Fabric8Adapters.document(cr);
        ClusterStatus status = doc.status();
        ClusterSpec spec = doc.spec() instanceof SpecReading.Valid valid ? valid.spec() : null;
        List<PodView> pods = new Fabric8Adapters(client, AdapterSettings.openBao(), clock).clusterObserver()
                .observe(key).pods();
        List<ClusterReport.Member> members = StatusMembers.fromStatus(rawStatus);
        String from = "status.members";
        if (members == null) {
            from = "pods";
            members = pods.stream().map(StatusMembers::fromPod).toList();
        }
        Map<Integer, PodView> byOrdinal = new TreeMap<>();
        // a rolling upgrade works on the StatefulSet named after the cluster
        pods.stream().filter(p -> key.name().equals(p.statefulSet())).forEach(p -> byOrdinal.put(p.ordinal(), p));
        List<ClusterReport.ConditionLine> conditions = status.conditions().stream()
                .map(c -> new ClusterReport.ConditionLine(c.type(), c.status().name(), c.reason(), c.message(),
                        c.lastTransitionTime()))
                .toList();
        return Optional.of(new ClusterReport(key.namespace(), key.name(), status.phase().name(),
                status.currentVersion(), spec == null ? null : spec.version(), now, from, members,
                OperationWords.operation(status, spec, byOrdinal), OperationWords.lock(status.operationLock(), now, ages),
                OperationWords.backup(status.backup(), now, ages), conditions, events(client, key), restores(client, key)));
    }

    /**
     * The document as the adapters read it. {@code status.members} is written by a newer controller than
     * this model knows (the member table reads it raw), so it is left out of the typed copy.
     */
    private static RaftCluster typed(KubernetesClient client, GenericKubernetesResource raw, Object rawStatus) {
        if (rawStatus instanceof Map<?, ?> status && status.containsKey("members")) {
            Map<Object, Object> without = new java.util.LinkedHashMap<>(status);
            without.remove("members");
            raw.setAdditionalProperty("status", without);
        }
        return client.getKubernetesSerialization().convertValue(raw, RaftCluster.class);
    }

    /** The cluster's {@code RaftRestore}s, oldest first; none where the restore CRD is not installed. */
    static List<ClusterReport.RestoreLine> restores(KubernetesClient client, ClusterKey key) {
        List<ClusterReport.RestoreLine> out = new ArrayList<>();
        try {
            for (RaftRestore r : client.resources(RaftRestore.class).inNamespace(key.namespace()).list().getItems()) {
                if (r.getSpec() == null || !key.name().equals(r.getSpec().clusterRef)) {
                    continue;
                }
                RaftRestoreStatus s = r.getStatus();
                out.add(new ClusterReport.RestoreLine(r.getMetadata().getName(), s == null || s.phase == null ? "Pending"
                        : s.phase, s == null ? null : s.objectKey, s == null || s.failure == null ? null
                        : s.failure.reason + ": " + s.failure.message, s == null ? null : instant(s.startedAt)));
            }
        } catch (KubernetesClientException e) {
            return List.of(); // the restore CRD is not installed (404) or not readable: nothing to show
        }
        out.sort(Comparator.comparing(ClusterReport.RestoreLine::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The newest Events about the RaftCluster, newest last. */
    static List<ClusterReport.EventLine> events(KubernetesClient client, ClusterKey key) {
        List<ClusterReport.EventLine> out = new ArrayList<>();
        for (Event e : client.v1().events().inNamespace(key.namespace()).list().getItems()) {
            if (e.getInvolvedObject() == null || !key.name().equals(e.getInvolvedObject().getName())
                    || !"RaftCluster".equals(e.getInvolvedObject().getKind())) {
                continue;
            }
            out.add(new ClusterReport.EventLine(when(e), e.getType(), e.getReason(), e.getMessage(),
                    e.getCount() == null ? 1 : e.getCount()));
        }
        out.sort(Comparator.comparing(ClusterReport.EventLine::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out.subList(Math.max(0, out.size() - EVENTS), out.size());
    }

    private static Instant when(Event e) {
        for (String t : new String[] {e.getLastTimestamp(), e.getFirstTimestamp(),
                e.getEventTime() == null ? null : e.getEventTime().getTime(), e.getMetadata().getCreationTimestamp()}) {
            if (t != null && !t.isBlank()) {
                try {
                    return Instant.parse(t);
                } catch (java.time.format.DateTimeParseException ignored) {
                    // the next field
                }
            }
        }
        return null;
    }
}
