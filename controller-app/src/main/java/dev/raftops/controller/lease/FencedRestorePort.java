package dev.raftops.controller.lease;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.restore.RestoreStatus;
import dev.raftops.ports.driven.RestoreDocument;
import dev.raftops.ports.driven.RestorePort;
import dev.raftops.ports.driven.WriteResult;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** {@link RestorePort} behind leadership, as {@link LeaderFence}: a replica that is not the Lease holder writes nothing. */
public record FencedRestorePort(BooleanSupplier leading, RestorePort restores) implements RestorePort {

    private static final WriteResult NOT_LEADER = new WriteResult.Conflict("not the leader: write fenced");

    @Override
    public Optional<RestoreDocument> read(ClusterKey restore) {
        return restores.read(restore);
    }

    @Override
    public WriteResult compareAndSet(ClusterKey restore, String expectedResourceVersion, RestoreStatus status) {
        return leading.getAsBoolean() ? restores.compareAndSet(restore, expectedResourceVersion, status) : NOT_LEADER;
    }

    @Override
    public WriteResult finalizer(ClusterKey restore, String expectedResourceVersion, boolean present) {
        return leading.getAsBoolean() ? restores.finalizer(restore, expectedResourceVersion, present) : NOT_LEADER;
    }
}
