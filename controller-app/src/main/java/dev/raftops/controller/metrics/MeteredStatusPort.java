package dev.raftops.controller.metrics;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WriteResult;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link StatusPort} that reports every persisted status transition to {@link DayTwoMetrics}. */
public final class MeteredStatusPort implements StatusPort {

    private final StatusPort delegate;
    private final DayTwoMetrics metrics;
    private final Clock clock;
    private final Map<ClusterKey, ClusterStatus> lastRead = new ConcurrentHashMap<>();

    public MeteredStatusPort(StatusPort delegate, DayTwoMetrics metrics, Clock clock) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Optional<ClusterDocument> read(ClusterKey cluster) {
        Optional<ClusterDocument> doc = delegate.read(cluster);
        doc.ifPresentOrElse(d -> {
            lastRead.put(cluster, d.status());
            metrics.observed(cluster, d.status());
        }, () -> {
            lastRead.remove(cluster);
            metrics.gone(cluster);
        });
        return doc;
    }

    @Override
    public WriteResult compareAndSet(ClusterKey cluster, String expectedResourceVersion, ClusterStatus status) {
        WriteResult result = delegate.compareAndSet(cluster, expectedResourceVersion, status);
        ClusterStatus before = lastRead.get(cluster);
        if (result.written() && before != null) {
            metrics.transition(cluster, before, status, clock.instant());
            lastRead.put(cluster, status);
        }
        return result;
    }
}
