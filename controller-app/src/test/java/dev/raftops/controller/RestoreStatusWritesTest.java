package dev.raftops.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestoreStatusWritesTest {

    private static final ClusterKey DB = new ClusterKey("ns", "db");

    private record Adopted(ClusterKey cluster, String resourceVersion, ClusterStatus status) {
    }

    /** A status subresource whose writes answer {@code answer}. */
    private static final class Answering implements StatusPort {
        WriteResult answer = new WriteResult.Written("8");

        @Override
        public Optional<ClusterDocument> read(ClusterKey cluster) {
            return Optional.empty();
        }

        @Override
        public WriteResult compareAndSet(ClusterKey cluster, String expectedResourceVersion, ClusterStatus status) {
            return answer;
        }
    }

    private final Answering api = new Answering();
    private final List<Adopted> adopted = new ArrayList<>();
    private final RestoreStatusWrites writes = new RestoreStatusWrites(api,
            (cluster, version, status) -> adopted.add(new Adopted(cluster, version, status)));

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
