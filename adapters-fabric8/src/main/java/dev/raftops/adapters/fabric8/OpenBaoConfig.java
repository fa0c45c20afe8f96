package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenBao server configuration (HCL) of one StatefulSet, as OpenBao documents it
 * (openbao.org docs/configuration: listener/tcp, storage/raft, service-registration/kubernetes):
 * <ul>
 * <li>{@code listener "tcp"} on the API and cluster ports, serving {@code tls.crt}/{@code tls.key} of the
 * TLS Secret mounted at {@link #TLS_DIR}, or {@code tls_disable = true} when {@code spec.tls.disabled};</li>
 * <li>{@code storage "raft"} on the data volume with a {@code retry_join} per pod of the StatefulSet
 * through the headless Service, trusting {@code ca.crt}; none for a Green StatefulSet, which the
 * executor's join step adds as non-voters;</li>
 * <li>{@code service_registration "kubernetes"}, which labels the pod {@code openbao-active};</li>
 * <li>then {@code spec.config} as written (a seal stanza, telemetry, ...).</li>
 * </ul>
 * One file serves every pod, so the per-pod values are not in it: {@code node_id}, {@code api_addr}
 * and {@code cluster_addr} come from {@code BAO_RAFT_NODE_ID}, {@code BAO_API_ADDR} and
 * {@code BAO_CLUSTER_ADDR}, set from the pod's name ({@link ServerPod}), as OpenBao's Helm chart does
 * (openbao/openbao-helm charts/openbao/templates/server-statefulset.yaml, {@code server.ha.raft.setNodeId}).
 * {@code disable_mlock}: the pod drops every capability, IPC_LOCK included.
 */
final class OpenBaoConfig {

    static final String CONFIG_DIR = "/openbao/config";
    static final String CONFIG_KEY = "server.hcl";
    static final String TLS_DIR = "/openbao/tls";
    static final String DATA_DIR = "/openbao/data";

    private OpenBaoConfig() {
    }

    /**
     * The configuration of {@code statefulSet}'s pods.
     *
     * @param join whether the pods find each other by {@code retry_join} (false for a Green StatefulSet)
     */
    static String hcl(ClusterKey cluster, String statefulSet, int replicas, boolean join, WorkloadSpec spec,
            AdapterSettings settings) {
        WorkloadSpec.Tls tls = spec.tls();
        StringBuilder out = new StringBuilder();
        out.append("# rendered by raftops for ").append(cluster).append(": changes reach a pod when it restarts\n");
        out.append("disable_mlock = true\n\n");
        out.append("listener \"tcp\" {\n");
        out.append("  address         = ").append(quote("[::]:" + settings.apiPort())).append('\n');
        out.append("  cluster_address = ").append(quote("[::]:" + settings.clusterPort())).append('\n');
        if (tls.disabled()) {
            out.append("  tls_disable     = true\n");
        } else {
            out.append("  tls_cert_file   = ").append(quote(TLS_DIR + "/tls.crt")).append('\n');
            out.append("  tls_key_file    = ").append(quote(TLS_DIR + "/tls.key")).append('\n');
        }
        out.append("}\n\n");
        out.append("storage \"raft\" {\n");
        out.append("  path = ").append(quote(DATA_DIR)).append('\n');
        for (int i = 0; join && i < replicas; i++) {
            out.append("\n  retry_join {\n");
            out.append("    leader_api_addr     = ").append(quote(apiAddress(cluster, statefulSet + "-" + i, tls, settings)))
                    .append('\n');
            if (!tls.disabled()) {
                out.append("    leader_ca_cert_file = ").append(quote(TLS_DIR + "/ca.crt")).append('\n');
            }
            out.append("  }\n");
        }
        out.append("}\n\n");
        out.append("service_registration \"kubernetes\" {}\n");
        if (!spec.config().isBlank()) {
            out.append("\n# spec.config\n").append(spec.config().strip()).append('\n');
        }
        return out.toString();
    }

    /** {@code <statefulSet>-config}: the ConfigMap with the server configuration of that StatefulSet's pods. */
    static String configName(String statefulSet) {
        return statefulSet + "-config";
    }

    /**
     * The server configuration of {@code statefulSet} (this class), key {@link #CONFIG_KEY}.
     *
     * @param join whether its pods find each other by {@code retry_join} (false for Green)
     */
    static ConfigMap configMap(ClusterKey cluster, String ownerUid, String statefulSet, int replicas, boolean join,
            WorkloadSpec workload, AdapterSettings settings) {
        return new ConfigMapBuilder()
                .withMetadata(WorkloadRendering.meta(cluster, configName(statefulSet), ownerUid, Labels.of(cluster)))
                .withData(new TreeMap<>(Map.of(CONFIG_KEY,
                        hcl(cluster, statefulSet, replicas, join, workload, settings))))
                .build();
    }

    /** {@code https://<pod>.<cluster>-internal.<namespace>.svc:<apiPort>}: the pod's stable DNS name. */
    static String apiAddress(ClusterKey cluster, String pod, WorkloadSpec.Tls tls, AdapterSettings settings) {
        return tls.scheme() + "://" + podHost(cluster, pod) + ":" + settings.apiPort();
    }

    /** {@code <pod>.<cluster>-internal.<namespace>.svc}. */
    static String podHost(ClusterKey cluster, String pod) {
        return pod + "." + WorkloadRendering.headlessName(cluster) + "." + cluster.namespace() + ".svc";
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
