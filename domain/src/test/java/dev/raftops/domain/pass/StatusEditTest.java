package dev.raftops.domain.pass;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusEditTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final ClusterStatus OURS = ClusterStatus.initial().withCurrentVersion("2.4.0")
            .withOperationLock(new OperationLock(Operation.Upgrade, "raftcluster/upgrade", "rolling", T0, T0, 3));

    @Test
    void anEqualStatusIsNoEdit() {
        assertThat(StatusEdit.between(OURS, OURS)).isEmpty();
    }

    @Test
    void anEditedLockIsNamedByTheWirePathsOfTheFieldsThatChanged() {
        ClusterStatus edited = OURS.withOperationLock(new OperationLock(Operation.Upgrade, "someone/else", "rolling",
                T0, T0, 999));
        assertThat(StatusEdit.between(OURS, edited)).hasValueSatisfying(e -> assertThat(e.fields())
                .containsExactly("status.operationLock.holder", "status.operationLock.epoch"));
    }

    @Test
    void aPartOfWhichMoreFieldsChangedThanTheEventShowsIsNamedAsThePart() {
        // an edited epoch of -1 makes the lock unreadable: it is read as absent, the free lock, and all six fields differ
        ClusterStatus edited = OURS.withOperationLock(OperationLock.free());
        assertThat(StatusEdit.between(OURS, edited)).hasValueSatisfying(e -> assertThat(e.fields())
                .containsExactly("status.operationLock"));
    }

    @Test
    void lastErrorIsNamedWhereTheWireHasIt() {
        ClusterStatus edited = OURS.withLastError(new Failure("X", "y", T0));
        assertThat(StatusEdit.between(OURS, edited)).hasValueSatisfying(e -> assertThat(e.fields())
                .containsExactly("status.adminOps.lastError"));
    }

    @Test
    void theEventIsAWarningThatNamesAtMostFiveFields() {
        StatusEdit edit = new StatusEdit(java.util.List.of("status.a", "status.b", "status.c", "status.d", "status.e",
                "status.f", "status.g"));
        ClusterEvent event = edit.event(new ClusterKey("ns", "bao"));
        assertThat(event.type()).isEqualTo(ClusterEvent.Type.Warning);
        assertThat(event.reason()).isEqualTo(PassReasons.STATUS_EDITED);
        assertThat(event.message()).startsWith("status.a, status.b, status.c, status.d, status.e and 2 more changed")
                .doesNotContain("status.f");
    }
}
