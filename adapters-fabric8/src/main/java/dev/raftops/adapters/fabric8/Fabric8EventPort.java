package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.ports.driven.EventPort;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EventPort} on core/v1 Events about the {@code RaftCluster}. The Event name is derived from
 * (cluster, type, reason, message), so a repeat finds the same object and increments its
 * {@code count} and {@code lastTimestamp} instead of creating a new one. Audit fields ride along as
 * {@code raftops.dev/audit.<field>} annotations. An Event is best effort: a failure is logged, never
 * thrown into the pass that emitted it.
 */
record Fabric8EventPort(KubernetesClient client, Clock clock) implements EventPort {

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8EventPort.class);


    @Override
    public void emit(ClusterKey cluster, ClusterEvent event) {
        LOG.info("event {} {} {} {}", event.type(), event.reason(), event.message(), event.audit().asMap());
        String name = name(cluster, event);
        Resource<Event> ref = client.v1().events().inNamespace(cluster.namespace()).withName(name);
        String now = clock.instant().toString();
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                Event live = ref.get();
                if (live == null) {
                    try {
                        client.resource(fresh(cluster, name, event, now)).create();
                        return;
                    } catch (KubernetesClientException e) {
                        if (e.getCode() != ConditionalWrite.CONFLICT) {
                            throw e;
                        }
                        continue; // someone created it first: count on it
                    }
                }
                int count = live.getCount() == null ? 1 : live.getCount();
                String body = client.getKubernetesSerialization().asJson(Map.of(
                        "metadata", Map.of("resourceVersion", live.getMetadata().getResourceVersion()),
                        "count", count + 1, "lastTimestamp", now));
                if (ConditionalWrite.attempt(() -> ref.patch(PatchContext.of(PatchType.JSON_MERGE), body)).written()) {
                    return;
                }
            }
        } catch (KubernetesClientException e) {
            LOG.warn("could not record event {} for {}: {}", event.reason(), cluster, e.getMessage());
        }
    }

    private static Event fresh(ClusterKey cluster, String name, ClusterEvent event, String now) {
        Map<String, String> annotations = new TreeMap<>();
        event.audit().asMap().forEach((k, v) -> annotations.put(Labels.AUDIT_PREFIX + k, v));
        return new EventBuilder()
                .withNewMetadata().withNamespace(cluster.namespace()).withName(name)
                .withLabels(Map.of(Labels.CLUSTER, cluster.name(), Labels.MANAGED_BY, Labels.MANAGER))
                .withAnnotations(annotations).endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(RaftCluster.GROUP + "/" + RaftCluster.VERSION).withKind("RaftCluster")
                .withNamespace(cluster.namespace()).withName(cluster.name())
                .endInvolvedObject()
                .withType(event.type().name())
                .withReason(event.reason())
                .withMessage(event.message())
                .withCount(1)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withNewSource().withComponent("raftops").endSource()
                .withReportingComponent("raftops.dev/controller")
                .build();
    }

    /** {@code <cluster>.<hash>}: the same cluster, type, reason and message always give the same name. */
    static String name(ClusterKey cluster, ClusterEvent event) {
        String identity = cluster + "\n" + event.type() + "\n" + event.reason() + "\n" + event.message();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return cluster.name() + "." + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
