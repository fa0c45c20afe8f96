package dev.raftops.domain.restore;

import java.util.Objects;

/**
 * The {@code RaftRestore} spec.
 *
 * @param clusterRef the {@code RaftCluster} in the same namespace whose Raft is restored
 * @param force restore with {@code snapshot-force} (skips OpenBao's check that the snapshot's seal matches)
 * @param restartVoters restart every member once after the restore (default true)
 */
public record RestoreSpec(String clusterRef, RestoreSource source, boolean force, boolean restartVoters) {

    public RestoreSpec {
        source = Objects.requireNonNullElse(source, new RestoreSource(null, false, null, null));
    }

    /** Why this spec cannot run, or null. */
    String problem() {
        if (clusterRef == null || clusterRef.isBlank()) {
            return "spec.clusterRef names no RaftCluster";
        }
        return source.problem();
    }
}
