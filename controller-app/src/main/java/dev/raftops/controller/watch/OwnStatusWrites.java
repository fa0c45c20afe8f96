package dev.raftops.controller.watch;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WriteResult;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link StatusPort} that remembers the resourceVersion of this controller's last status write
 * per cluster, so the watch event that merely echoes that write need not wake the admin loop again:
 * the pass that wrote it already decided what comes next. Any other change of the RaftCluster (a
 * spec edit, an annotation, someone else's status write) has another resourceVersion and wakes it.
 */
public final class OwnStatusWrites implements StatusPort {

    private final StatusPort delegate;
    private final Map<ClusterKey, String> written = new ConcurrentHashMap<>();

    public OwnStatusWrites(StatusPort delegate) {
        this.delegate = Objects.requireNonNull(delegate);
    }

    @Override
    public Optional<ClusterDocument> read(ClusterKey cluster) {
        Optional<ClusterDocument> doc = delegate.read(cluster);
        if (doc.isEmpty()) {
            written.remove(cluster);
        }
        return doc;
    }

    @Override
    public WriteResult compareAndSet(ClusterKey cluster, String expectedResourceVersion, ClusterStatus status) {
        WriteResult result = delegate.compareAndSet(cluster, expectedResourceVersion, status);
        if (result instanceof WriteResult.Written w && w.resourceVersion() != null) {
            written.put(cluster, w.resourceVersion());
        }
        return result;
    }

    /** Whether {@code resourceVersion} of {@code cluster} is the one this controller's last status write produced. */
    public boolean echo(ClusterKey cluster, String resourceVersion) {
        return resourceVersion != null && resourceVersion.equals(written.get(cluster));
    }
}
