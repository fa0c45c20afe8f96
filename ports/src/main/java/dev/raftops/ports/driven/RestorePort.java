package dev.raftops.ports.driven;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.restore.RestoreStatus;
import java.util.Optional;

/** The {@code RaftRestore} resources: read one, write its status, add or remove its finalizer; every write conditioned. */
public interface RestorePort {

    Optional<RestoreDocument> read(ClusterKey restore);

    /** Replaces the status, if the restore is still at {@code expectedResourceVersion}. */
    WriteResult compareAndSet(ClusterKey restore, String expectedResourceVersion, RestoreStatus status);

    /** Adds ({@code present}) or removes the finalizer, if the restore is still at {@code expectedResourceVersion}. */
    WriteResult finalizer(ClusterKey restore, String expectedResourceVersion, boolean present);
}
