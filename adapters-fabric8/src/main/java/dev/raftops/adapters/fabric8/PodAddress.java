package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import java.net.URI;

/** Where a pod's API answers: the base URI the probe appends {@code /v1/...} to. */
@FunctionalInterface
public interface PodAddress {

    URI base(ClusterKey cluster, String pod, boolean plainHttp);

    /** In a cluster: {@code https://<pod>.<cluster>-internal.<namespace>.svc:<port>}, the executor's address too. */
    static PodAddress headless(int port) {
        return (cluster, pod, plain) -> URI.create((plain ? "http" : "https") + "://" + pod + "."
                + WorkloadRendering.headlessName(cluster) + "." + cluster.namespace() + ".svc:" + port);
    }
}
