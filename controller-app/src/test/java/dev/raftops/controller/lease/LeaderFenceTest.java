package dev.raftops.controller.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.ports.driven.JobCreation;
import dev.raftops.ports.driven.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LeaderFenceTest {

    static final ClusterKey KEY = new ClusterKey("ns", "db");
    final List<String> writes = new ArrayList<>();
    final AtomicBoolean leading = new AtomicBoolean(true);
    final LeaderFence fence = new LeaderFence(leading::get,
            new dev.raftops.ports.driven.StatusPort() {
                public Optional<dev.raftops.ports.driven.ClusterDocument> read(ClusterKey k) {
                    return Optional.empty();
                }

                public WriteResult compareAndSet(ClusterKey k, String rv, ClusterStatus s) {
                    writes.add("status");
                    return new WriteResult.Written("2");
                }
            },
            null, new dev.raftops.ports.driven.JobPort() {
                public JobCreation createIfAbsent(ClusterKey k, JobRequest job) {
                    writes.add("job");
                    return new JobCreation.Created();
                }

                public WriteResult delete(ClusterKey k, String name) {
                    writes.add("delete-job");
                    return new WriteResult.Written(null);
                }
            }, (k, e) -> writes.add("event"));

    @Test
    void aLeaderWritesThrough() {
        assertThat(fence.compareAndSet(KEY, "1", ClusterStatus.initial()).written()).isTrue();
        assertThat(writes).containsExactly("status");
    }

    @Test
    void aReplicaThatLostTheLeaseWritesNothing() {
        leading.set(false);
        assertThat(fence.compareAndSet(KEY, "1", ClusterStatus.initial())).isInstanceOf(WriteResult.Conflict.class);
        assertThat(fence.setPartition(KEY, new Action.SetPartition("db", 1, "1")))
                .isInstanceOf(WriteResult.Conflict.class);
        assertThat(fence.createIfAbsent(KEY, new JobRequest("db-step-down-1", ExecutorAction.STEP_DOWN, null, null,
                Map.of(), 0))).isInstanceOf(JobCreation.Refused.class);
        fence.emit(KEY, ClusterEvent.normal("X", "y", AuditFields.of("ns/db", "X")));
        assertThat(writes).isEmpty();
    }
}
