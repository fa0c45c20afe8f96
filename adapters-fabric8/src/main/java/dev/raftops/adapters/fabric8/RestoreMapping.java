package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftRestore;
import dev.raftops.adapters.fabric8.crd.RaftRestoreSpec;
import dev.raftops.adapters.fabric8.crd.RaftRestoreStatus;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.restore.RestorePhase;
import dev.raftops.domain.restore.RestoreSource;
import dev.raftops.domain.restore.RestoreSpec;
import dev.raftops.domain.restore.RestoreStatus;
import dev.raftops.ports.driven.RestoreDocument;

/** The {@code RaftRestore} resource to the domain's restore and back. */
final class RestoreMapping {

    private RestoreMapping() {
    }

    static RestoreDocument document(ClusterKey key, RaftRestore cr) {
        Long generation = cr.getMetadata().getGeneration();
        boolean finalizer = cr.getMetadata().getFinalizers() != null
                && cr.getMetadata().getFinalizers().contains(RaftRestore.FINALIZER);
        return new RestoreDocument(key, generation == null ? 0 : generation, cr.getMetadata().getResourceVersion(),
                spec(cr.getSpec()), status(cr.getStatus()), finalizer,
                cr.getMetadata().getDeletionTimestamp() != null);
    }

    static RestoreSpec spec(RaftRestoreSpec s) {
        if (s == null) {
            return new RestoreSpec(null, null, false, true);
        }
        RestoreSource source = s.source == null ? null
                : new RestoreSource(s.source.key, Boolean.TRUE.equals(s.source.latest), s.source.bucket,
                        s.source.prefix);
        return new RestoreSpec(s.clusterRef, source, Boolean.TRUE.equals(s.force), !Boolean.FALSE.equals(s.restartVoters));
    }

    static RestoreStatus status(RaftRestoreStatus s) {
        if (s == null) {
            return RestoreStatus.initial();
        }
        RestorePhase phase;
        try {
            phase = s.phase == null ? RestorePhase.Pending : RestorePhase.valueOf(s.phase);
        } catch (IllegalArgumentException e) {
            phase = RestorePhase.Pending;
        }
        return new RestoreStatus(phase, s.observedGeneration == null ? 0 : s.observedGeneration,
                StatusReading.conditions(s.conditions), s.holder, s.lockEpoch, s.objectKey, s.sha256, s.job,
                StatusReading.time(s.startedAt), StatusReading.time(s.completedAt), StatusReading.failure(s.failure),
                s.indexReached);
    }

    static RaftRestoreStatus toResource(RestoreStatus s) {
        RaftRestoreStatus w = new RaftRestoreStatus();
        w.phase = s.phase().name();
        w.observedGeneration = s.observedGeneration();
        w.conditions = StatusWriting.conditions(s.conditions());
        w.holder = s.holder();
        w.lockEpoch = s.lockEpoch();
        w.objectKey = s.objectKey();
        w.sha256 = s.sha256();
        w.job = s.job();
        w.startedAt = StatusWriting.time(s.startedAt());
        w.completedAt = StatusWriting.time(s.completedAt());
        w.failure = StatusWriting.failure(s.failure());
        w.indexReached = s.indexReached();
        return w;
    }
}
