package dev.raftops.controller;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WriteResult;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The restore loop's {@link StatusPort}: each RaftCluster status it writes (the operation lock a
 * restore takes or releases) is handed to the admin-ops service as this controller's own write, so
 * that service does not take it for someone else's edit and write its older record back over the
 * lock (docs/decisions/status-edits.md).
 */
final class RestoreStatusWrites implements StatusPort {

    /** Where a written status goes: the admin-ops service's record of its own writes. */
    @FunctionalInterface
    interface Adopt {
        WriteResult writeAsOwn(ClusterKey cluster, ClusterStatus status, Supplier<WriteResult> write);
    }

    private final StatusPort delegate;
    private final Adopt admin;

    RestoreStatusWrites(StatusPort delegate, Adopt admin) {
        this.delegate = Objects.requireNonNull(delegate);
        this.admin = Objects.requireNonNull(admin);
    }

    @Override
    public Optional<ClusterDocument> read(ClusterKey cluster) {
        return delegate.read(cluster);
    }

    @Override
    public WriteResult compareAndSet(ClusterKey cluster, String expectedResourceVersion, ClusterStatus status) {
        return admin.writeAsOwn(cluster, status, () -> delegate.compareAndSet(cluster, expectedResourceVersion, status));
    }
}
