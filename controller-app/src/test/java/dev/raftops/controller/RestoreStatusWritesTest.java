package dev.raftops.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.controller.watch.OwnStatusWritesTest;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.WriteResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreStatusWritesTest {

    private static final ClusterKey DB = new ClusterKey("ns", "db");

    private record Adopted(ClusterKey cluster, String resourceVersion, ClusterStatus status) {
    }

    private final OwnStatusWritesTest.Answering api = new OwnStatusWritesTest.Answering();
    private final List<Adopted> adopted = new ArrayList<>();
    private final RestoreStatusWrites writes = new RestoreStatusWrites(api,
            (cluster, status, write) -> {
                WriteResult result = write.get();
                if (result instanceof WriteResult.Written w) {
                    adopted.add(new Adopted(cluster, w.resourceVersion(), status));
                }
                return result;
            });

    @Test
    void aStatusTheRestoreWroteIsHandedToTheAdminServiceAsItsOwnWithTheNewResourceVersion() {
        ClusterStatus locked = ClusterStatus.initial();

        writes.compareAndSet(DB, "7", locked);

        assertThat(adopted).containsExactly(new Adopted(DB, "8", locked));
    }

    @Test
    void aWriteThatMetAConflictHandsNothingOver() {
        api.answer = new WriteResult.Conflict("stale");

        writes.compareAndSet(DB, "7", ClusterStatus.initial());

        assertThat(adopted).isEmpty();
    }
}
