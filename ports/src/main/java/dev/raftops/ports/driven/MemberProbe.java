package dev.raftops.ports.driven;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.MemberState;
import dev.raftops.domain.resource.TlsSpec;
import java.util.List;
import java.util.Map;

/**
 * Driven port: asks each pod of a cluster what its Raft state is, through the workload's own
 * unauthenticated API (no credential involved). Never throws for a pod: a pod that did not answer
 * is {@link MemberState#failed failed}, with the reason.
 */
public interface MemberProbe {

    /** The state of each of {@code pods} (by name), probed in parallel, trusting the CA {@code tls} names. */
    Map<String, MemberState> probe(ClusterKey cluster, List<String> pods, TlsSpec tls);
}
