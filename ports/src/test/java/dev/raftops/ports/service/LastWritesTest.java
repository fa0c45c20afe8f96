package dev.raftops.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driven.WriteResult;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LastWritesTest {

    private static final ClusterKey DB = new ClusterKey("ns", "db");
    private static final ClusterStatus OURS = ClusterStatus.initial().withCurrentVersion("2.4.0");
    private static final ClusterStatus LOCKED_BY_RESTORE = OURS.withObservedGeneration(7);

    private final LastWrites writes = new LastWrites();

    private static ClusterDocument read(String resourceVersion, ClusterStatus status) {
        return new ClusterDocument(DB, "uid", 1, resourceVersion, new SpecReading.Invalid("spec", "not read here"), status);
    }

    @Test
    void aStatusAnotherClientWroteIsAnEdit() {
        writes.wrote(DB, "5", OURS);

        assertThat(writes.editOf(read("6", LOCKED_BY_RESTORE))).isPresent();
    }

    @Test
    void aReadThatAlreadyShowsAnotherLoopsWriteInFlightIsNoEdit() {
        writes.wrote(DB, "5", OURS);
        AtomicReference<Boolean> seenAsEdit = new AtomicReference<>();

        writes.writeAsOwn(DB, LOCKED_BY_RESTORE, () -> {
            // the write reached the server; a pass reads it before the write returns
            seenAsEdit.set(writes.editOf(read("6", LOCKED_BY_RESTORE)).isPresent());
            return new WriteResult.Written("6");
        });

        assertThat(seenAsEdit.get()).isFalse();
        assertThat(writes.editOf(read("6", LOCKED_BY_RESTORE))).isEmpty();
    }

    @Test
    void anotherLoopsWriteDoesNotReplaceAWriteOfThisServiceMadeMeanwhile() {
        writes.wrote(DB, "5", OURS);
        ClusterStatus newer = LOCKED_BY_RESTORE.withCurrentVersion("2.4.4");

        writes.writeAsOwn(DB, LOCKED_BY_RESTORE, () -> {
            writes.wrote(DB, "7", newer);
            return new WriteResult.Written("6");
        });

        assertThat(writes.restored(read("7", newer)).status()).isEqualTo(newer);
        assertThat(writes.editOf(read("7", newer))).isEmpty();
    }

    @Test
    void anotherLoopsRefusedWriteLeavesTheRecordAndEndsItsGrace() {
        writes.wrote(DB, "5", OURS);

        writes.writeAsOwn(DB, LOCKED_BY_RESTORE, () -> new WriteResult.Conflict("stale"));

        assertThat(writes.editOf(read("6", LOCKED_BY_RESTORE))).isPresent();
    }
}
