package dev.raftops.ports.service;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.pass.StatusEdit;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The status this service last wrote per cluster and the resourceVersion the write produced. A read
 * with another resourceVersion and another status is someone else's status write: a {@link StatusEdit}.
 * A spec edit moves the resourceVersion but not the status, so it is none. The record lives as long
 * as the process: after a restart the first read is taken as it is (docs/decisions/status-edits.md).
 */
final class LastWrites {

    private record Written(String resourceVersion, ClusterStatus status) {
    }

    private final Map<ClusterKey, Written> written = new ConcurrentHashMap<>();

    /** The edit of {@code doc}'s status since this service's last write, if any. */
    Optional<StatusEdit> editOf(ClusterDocument doc) {
        Written ours = written.get(doc.key());
        if (ours == null || ours.resourceVersion() == null || ours.resourceVersion().equals(doc.resourceVersion())) {
            return Optional.empty();
        }
        return StatusEdit.between(ours.status(), doc.status());
    }

    /** {@code doc} as this service last wrote it: its own status at the document's current resourceVersion. */
    ClusterDocument restored(ClusterDocument doc) {
        Written ours = written.get(doc.key());
        return ours == null ? doc : new ClusterDocument(doc.key(), doc.uid(), doc.generation(), doc.resourceVersion(),
                doc.spec(), ours.status());
    }

    void wrote(ClusterKey cluster, String resourceVersion, ClusterStatus status) {
        written.put(cluster, new Written(resourceVersion, status));
    }

    void forget(ClusterKey cluster) {
        written.remove(cluster);
    }
}
