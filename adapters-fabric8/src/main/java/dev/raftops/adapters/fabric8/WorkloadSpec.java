package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.TlsSpec;

/**
 * What the workload rendering reads from a {@code RaftCluster} beyond the Day-2 spec: the TLS of the
 * OpenBao listener ({@code spec.tls}), the user's own configuration stanzas ({@code spec.config}) and
 * the identity of executor Jobs ({@code spec.upgrade.executor.serviceAccount}, {@code tokenAudience}).
 *
 * @param tls how the listener serves TLS
 * @param config HCL appended to the rendered server configuration, or empty
 * @param executorServiceAccount the service account the spec names for executor Jobs, or null: then
 *     raftops creates {@code raftops-executor} in the cluster's namespace ({@link WorkloadIdentity})
 * @param tokenAudience the audience of the executor's projected token
 */
record WorkloadSpec(Tls tls, String config, String executorServiceAccount, String tokenAudience) {

    /** The audience of the executor's projected token when the spec names none; the OpenBao role binds it. */
    static final String DEFAULT_TOKEN_AUDIENCE = "openbao";

    WorkloadSpec {
        config = config == null ? "" : config;
        tokenAudience = tokenAudience == null ? DEFAULT_TOKEN_AUDIENCE : tokenAudience;
    }

    /** TLS from {@code <cluster>-tls}, no extra configuration, the default executor identity. */
    static WorkloadSpec defaults(ClusterKey cluster) {
        return new WorkloadSpec(Tls.of(cluster, null, false, null), "", null, null);
    }

    /** Whether raftops creates the executor service account (the spec names none). */
    boolean createsExecutorAccount() {
        return executorServiceAccount == null;
    }

    /**
     * {@code spec.tls}: the Secret with {@code tls.crt}, {@code tls.key} and {@code ca.crt} the listener
     * serves, or plain HTTP when {@code disabled} (for development only).
     *
     * @param secretName the Secret, null when disabled
     * @param caConfigMap a ConfigMap with the CA ({@code ca.crt}) for clients that must not read the Secret, or null
     */
    record Tls(String secretName, boolean disabled, String caConfigMap) {

        /** The listener {@code spec.tls} (as {@link SpecMapping#tls} reads it) asks for. */
        static Tls of(ClusterKey cluster, TlsSpec tls) {
            return of(cluster, tls.secretName(), tls.disabled(), tls.caConfigMap());
        }

        static Tls of(ClusterKey cluster, String secretName, boolean disabled, String caConfigMap) {
            String secret = disabled ? null : secretName != null ? secretName : defaultSecret(cluster);
            return new Tls(secret, disabled, caConfigMap);
        }

        /** {@code <cluster>-tls}: the Secret used when {@code spec.tls.secretName} is not set. */
        static String defaultSecret(ClusterKey cluster) {
            return cluster.name() + "-tls";
        }

        /** {@code https}, or {@code http} when TLS is disabled. */
        String scheme() {
            return disabled ? "http" : "https";
        }
    }
}
