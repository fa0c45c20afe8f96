package dev.raftops.ports.service;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.pass.StatusEdit;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.WriteResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The status this process last wrote per cluster and the resourceVersion the write produced. A read
 * with another resourceVersion and another status is someone else's status write: a {@link StatusEdit}.
 * A spec edit moves the resourceVersion but not the status, so it is none. The record lives as long
 * as the process: after a restart the first read is taken as it is (docs/decisions/status-edits.md).
 *
 * <p>Another loop of this process (the restore's) writes through {@link #writeAsOwn}: while its write
 * is in flight no read of that cluster is taken for an edit (the read may already show it), and once
 * written it becomes the record, unless this service wrote again meanwhile (its own write is newer).
 */
final class LastWrites {

    private record Written(String resourceVersion, ClusterStatus status, long sequence) {
    }

    private final Map<ClusterKey, Written> written = new HashMap<>();
    private final Map<ClusterKey, Integer> inFlight = new HashMap<>();

    /** The edit of {@code doc}'s status since this process's last write, if any. */
    synchronized Optional<StatusEdit> editOf(ClusterDocument doc) {
        Written ours = written.get(doc.key());
        if (ours == null || ours.resourceVersion() == null || ours.resourceVersion().equals(doc.resourceVersion())
                || inFlight.getOrDefault(doc.key(), 0) > 0) {
            return Optional.empty();
        }
        return StatusEdit.between(ours.status(), doc.status());
    }

    /** {@code doc} as this process last wrote it: its own status at the document's current resourceVersion. */
    synchronized ClusterDocument restored(ClusterDocument doc) {
        Written ours = written.get(doc.key());
        return ours == null ? doc : new ClusterDocument(doc.key(), doc.uid(), doc.generation(), doc.resourceVersion(),
                doc.spec(), ours.status());
    }

    synchronized void wrote(ClusterKey cluster, String resourceVersion, ClusterStatus status) {
        written.put(cluster, new Written(resourceVersion, status, sequence(cluster) + 1));
    }

    /** {@code write} of {@code status} by another loop of this process, recorded as this process's own. */
    WriteResult writeAsOwn(ClusterKey cluster, ClusterStatus status, Supplier<WriteResult> write) {
        long before;
        synchronized (this) {
            before = sequence(cluster);
            inFlight.merge(cluster, 1, Integer::sum);
        }
        WriteResult result = null;
        try {
            result = write.get();
            return result;
        } finally {
            synchronized (this) {
                inFlight.computeIfPresent(cluster, (k, n) -> n == 1 ? null : n - 1);
                if (result instanceof WriteResult.Written w && w.resourceVersion() != null && sequence(cluster) == before) {
                    written.put(cluster, new Written(w.resourceVersion(), status, before + 1));
                }
            }
        }
    }

    synchronized void forget(ClusterKey cluster) {
        written.remove(cluster);
    }

    private long sequence(ClusterKey cluster) {
        Written ours = written.get(cluster);
        return ours == null ? 0 : ours.sequence();
    }
}
