package dev.raftops.controller.metrics;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.restore.RestoreConditions;
import dev.raftops.domain.restore.RestorePhase;
import dev.raftops.domain.restore.RestoreStatus;
import dev.raftops.ports.driven.RestoreDocument;
import dev.raftops.ports.driven.RestorePort;
import dev.raftops.ports.driven.WriteResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RestorePort} that times a restore's wait for the cluster's lock: from its {@code Locked}
 * condition turning False (it waited for another holder) to the write that records it
 * {@code Locked}; 0 when it never waited.
 */
public final class MeteredRestorePort implements RestorePort {

    private final RestorePort delegate;
    private final DayTwoMetrics metrics;
    private final Clock clock;
    private final Map<ClusterKey, RestoreStatus> lastRead = new ConcurrentHashMap<>();

    public MeteredRestorePort(RestorePort delegate, DayTwoMetrics metrics, Clock clock) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Optional<RestoreDocument> read(ClusterKey restore) {
        Optional<RestoreDocument> doc = delegate.read(restore);
        doc.ifPresentOrElse(d -> lastRead.put(restore, d.status()), () -> lastRead.remove(restore));
        return doc;
    }

    @Override
    public WriteResult compareAndSet(ClusterKey restore, String expectedResourceVersion, RestoreStatus status) {
        WriteResult result = delegate.compareAndSet(restore, expectedResourceVersion, status);
        RestoreStatus before = lastRead.get(restore);
        if (result.written() && before != null && before.phase() == RestorePhase.Pending
                && status.phase() == RestorePhase.Locked) {
            Instant now = clock.instant();
            Instant since = Condition.find(before.conditions(), RestoreConditions.LOCKED)
                    .filter(c -> c.status() == Condition.Status.False).map(Condition::lastTransitionTime).orElse(now);
            metrics.restoreLockWait(Duration.between(since, now));
        }
        if (result.written()) {
            lastRead.put(restore, status);
        }
        return result;
    }

    @Override
    public WriteResult finalizer(ClusterKey restore, String expectedResourceVersion, boolean present) {
        return delegate.finalizer(restore, expectedResourceVersion, present);
    }
}
