package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.RaftClusterSpec;
import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.ports.driven.SpecReading;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * A {@code RaftCluster} read as the JSON the API server holds and only then bound to the model, so
 * a document the schema would have refused (a string where a number belongs, a field this version
 * does not know) is reported, never thrown: the typed client fails the whole read instead, and the
 * controller would neither report the document nor write its status (docs/decisions/bad-documents.md).
 *
 * <p>Unknown fields are ignored, as the API server's pruning drops them and as an older controller
 * must read a newer one's status. A wrong-typed spec field makes the spec {@link #unreadableSpec()};
 * a wrong-typed status part is dropped (read as absent, as {@link StatusReading} does for a part that
 * does not parse) and named in {@link #unreadableStatus()}.
 *
 * @param cluster the document; its spec is null when it could not be bound
 * @param unreadableSpec the first spec field of the wrong type, or null
 * @param unreadableStatus the status parts dropped because they could not be bound ({@code status.upgrade})
 */
record DocumentRead(RaftCluster cluster, InvalidField unreadableSpec, List<String> unreadableStatus) {

    static final ResourceDefinitionContext RAFT_CLUSTERS = new ResourceDefinitionContext.Builder()
            .withGroup(RaftCluster.GROUP).withVersion(RaftCluster.VERSION).withKind("RaftCluster")
            .withPlural("raftclusters").withNamespaced(true).build();

    /** Types as the schema declares them: no number from a string, no integer from a fraction. */
    private static final ObjectMapper BINDING = binding();

    DocumentRead {
        unreadableStatus = List.copyOf(unreadableStatus);
    }

    /** The spec as the decisions read it: the wrong-typed field, or {@link SpecMapping#read}. */
    SpecReading spec() {
        return unreadableSpec != null ? new SpecReading.Invalid(unreadableSpec.field(), unreadableSpec.getMessage())
                : SpecMapping.read(cluster.getSpec());
    }

    /** The document of {@code key}, or empty when there is none. */
    static Optional<DocumentRead> get(KubernetesClient client, ClusterKey key) {
        GenericKubernetesResource raw = client.genericKubernetesResources(RAFT_CLUSTERS).inNamespace(key.namespace())
                .withName(key.name()).get();
        return Optional.ofNullable(raw).map(DocumentRead::of);
    }

    static DocumentRead of(GenericKubernetesResource raw) {
        RaftCluster cr = new RaftCluster();
        cr.setMetadata(raw.getMetadata());
        Map<String, Object> fields = raw.getAdditionalProperties();
        InvalidField badSpec = null;
        Object spec = fields.get("spec");
        try {
            cr.setSpec(spec == null ? null : bind(spec, RaftClusterSpec.class));
        } catch (RuntimeException e) {
            badSpec = wrongType("spec", e);
        }
        List<String> dropped = new ArrayList<>();
        cr.setStatus(status(fields.get("status"), dropped));
        return new DocumentRead(cr, badSpec, dropped);
    }

    /** The status with every part that cannot be bound left out, each named in {@code dropped}. */
    private static RaftClusterStatus status(Object raw, List<String> dropped) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            dropped.add("status");
            return null;
        }
        Map<Object, Object> parts = new LinkedHashMap<>(map);
        while (true) {
            try {
                return bind(parts, RaftClusterStatus.class);
            } catch (RuntimeException e) {
                List<JacksonException.Reference> path = path(e);
                if (path.isEmpty() || path.get(0).getPropertyName() == null
                        || parts.remove(path.get(0).getPropertyName()) == null) {
                    dropped.add("status");
                    return null;
                }
                dropped.add("status." + path.get(0).getPropertyName());
            }
        }
    }

    /**
     * Through JSON text, not a conversion of the tree: the parser refuses a number too large for its
     * field ({@code 10^30} for a long), which a conversion would silently truncate.
     */
    private static <T> T bind(Object tree, Class<T> type) {
        return BINDING.readValue(BINDING.writeValueAsString(tree), type);
    }

    private static InvalidField wrongType(String root, RuntimeException e) {
        String field = fieldPath(root, path(e));
        JacksonException j = jackson(e);
        String cause = j == null ? e.getMessage() : j.getOriginalMessage();
        // Jackson's first line names the expected type and the value; the rest is its source location
        String first = cause == null ? "" : cause.lines().findFirst().orElse("");
        return new InvalidField(field, field + " has the wrong type: " + first);
    }

    private static List<JacksonException.Reference> path(RuntimeException e) {
        JacksonException j = jackson(e);
        return j == null ? List.of() : j.getPath();
    }

    /** The binding's own exception, which carries the path: thrown as is, or as the cause of a conversion's. */
    private static JacksonException jackson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException j) {
                return j;
            }
        }
        return null;
    }

    /** {@code spec.upgrade.timeouts.stepDown}, {@code spec.upgrade.blueGreen.verification.prePromotionHook.args[2]}. */
    static String fieldPath(String root, List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder(root);
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                out.append('.').append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static ObjectMapper binding() {
        JsonMapper.Builder builder = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            builder.withCoercionConfig(type, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
        }
        builder.withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer,
                CoercionAction.Fail));
        return builder.build();
    }
}
