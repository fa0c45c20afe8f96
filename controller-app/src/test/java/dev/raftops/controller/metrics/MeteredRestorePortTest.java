package dev.raftops.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.restore.RestoreConditions;
import dev.raftops.domain.restore.RestoreSource;
import dev.raftops.domain.restore.RestoreSpec;
import dev.raftops.domain.restore.RestoreStatus;
import dev.raftops.ports.driven.RestoreDocument;
import dev.raftops.ports.driven.RestorePort;
import dev.raftops.ports.driven.WriteResult;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MeteredRestorePortTest {

    private static final ClusterKey KEY = new ClusterKey("secrets", "r1");
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    /** A restore that has waited since {@code since} for the lock, as the port reads it. */
    private static RestorePort waitingSince(Instant since) {
        RestoreStatus waiting = RestoreStatus.initial().withCondition(RestoreConditions.LOCKED, Condition.Status.False,
                "OperationLockHeld", "held by Upgrade", 1, since);
        RestoreDocument doc = new RestoreDocument(KEY, 1, "5", new RestoreSpec("db", RestoreSource.newest(), false, true),
                waiting, true, false);
        return new RestorePort() {
            @Override
            public Optional<RestoreDocument> read(ClusterKey restore) {
                return Optional.of(doc);
            }

            @Override
            public WriteResult compareAndSet(ClusterKey restore, String expectedResourceVersion, RestoreStatus status) {
                return new WriteResult.Written("6");
            }

            @Override
            public WriteResult finalizer(ClusterKey restore, String expectedResourceVersion, boolean present) {
                return new WriteResult.Written("6");
            }
        };
    }

    @Test
    void aRestoreThatTakesTheLockRecordsHowLongItWaitedForIt() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MeteredRestorePort port = new MeteredRestorePort(waitingSince(NOW.minusSeconds(42)), new DayTwoMetrics(registry),
                Clock.fixed(NOW, ZoneOffset.UTC));

        RestoreStatus before = port.read(KEY).orElseThrow().status();
        port.compareAndSet(KEY, "5", before.locked("restore/r1", 3, "k", null, NOW));

        Timer wait = registry.find("raftops_lock_wait").tag("operation", "Restore").timer();
        assertThat(wait).isNotNull();
        assertThat(wait.totalTime(TimeUnit.SECONDS)).isEqualTo(42.0);
    }
}
