package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftClusterSpec;
import dev.raftops.domain.cluster.ClusterKey;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link WorkloadSpec} from a {@code RaftCluster} spec: {@code spec.tls} as {@link SpecMapping#tls}
 * reads it (the one reading, shared with the probe), {@code spec.config} and the executor's identity. {@link #check} names the first bad field ({@link SpecMapping} turns it into
 * the invalid-spec condition); {@link #read} of a spec that fails the check gives the defaults.
 */
final class WorkloadSpecMapping {

    /**
     * Top-level stanzas of {@code spec.config} that raftops renders itself: OpenBao would refuse a second
     * storage or service registration, and the addresses come from the pod.
     */
    static final Pattern OWNED = Pattern.compile("(?m)^(storage|ha_storage|service_registration|api_addr|cluster_addr)\\b");

    private WorkloadSpecMapping() {
    }

    static WorkloadSpec read(ClusterKey cluster, RaftClusterSpec spec) {
        try {
            check(spec);
        } catch (InvalidField e) {
            return WorkloadSpec.defaults(cluster);
        }
        if (spec == null) {
            return WorkloadSpec.defaults(cluster);
        }
        WorkloadSpec.Tls tls = WorkloadSpec.Tls.of(cluster, SpecMapping.tls(spec.tls));
        var executor = spec.upgrade == null ? null : spec.upgrade.executor;
        return new WorkloadSpec(tls, spec.config, executor == null ? null : blankToNull(executor.serviceAccount),
                executor == null ? null : blankToNull(executor.tokenAudience));
    }

    /** Throws {@link InvalidField} for the first workload field that cannot be rendered. */
    static void check(RaftClusterSpec spec) {
        if (spec == null) {
            return;
        }
        if (spec.tls != null && Boolean.TRUE.equals(spec.tls.disabled) && blankToNull(spec.tls.secretName) != null) {
            throw new InvalidField("spec.tls.disabled", "spec.tls.disabled: true and spec.tls.secretName exclude each "
                    + "other: name the Secret to serve TLS, or disable TLS (development only)");
        }
        if (spec.config != null) {
            Matcher owned = OWNED.matcher(spec.config);
            if (owned.find()) {
                throw new InvalidField("spec.config", "spec.config must not set " + owned.group(1)
                        + ": raftops renders it (raft storage, Kubernetes service registration, the pod's addresses)");
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
