package dev.raftops.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.resource.ClusterSpec;
import io.fabric8.kubernetes.api.model.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person breaks the lock of a backup whose Job still runs: {@code spec.operationLock.forceRelease}
 * naming the holder and epoch from {@code status.operationLock}. The lock is free with the next
 * epoch, a Warning Event names who asked and what was displaced, and the run is recorded as failed.
 * A second request naming the old epoch is refused with an Event and changes nothing.
 */
class ForcedLockReleaseScenarioTest {

    private static final String VERSION = "2.4.0";
    private static final String CLUSTER = "bao";
    /** Also how long a Job runs: the release lands while the backup Job runs. */
    private static final Duration JOB_TIME = Duration.ofMillis(4000);

    @TempDir
    Path dir;

    private static Map<String, Object> forceRelease(String holder, long epoch) {
        return Map.of("operationLock", Map.of("forceRelease", Map.of("holder", holder, "epoch", epoch,
                "requestedBy", "alice")));
    }

    @Test
    void aForcedReleaseFreesTheLockOfARunningBackupAndAStaleOneIsRefused() {
        try (Scenario s = Scenario.start("force-release-backup", 71, 1, JOB_TIME, dir)) {
            s.create(CLUSTER, ClusterSpec.of(VERSION, null, 3), VERSION);
            s.awaitStatus(CLUSTER, "the cluster runs " + VERSION, st -> VERSION.equals(st.currentVersion));
            s.patchSpec(CLUSTER, Map.of("backup", Map.of("schedule", "@daily", "requests",
                    Map.of("trigger", "now"))));
            RaftClusterStatus held = s.awaitStatus(CLUSTER, "the backup holds the lock", st -> st.operationLock != null
                    && "raftcluster/backup".equals(st.operationLock.holder) && st.backup.activeRun != null
                    && st.backup.activeRun.createdAt != null);
            long epoch = held.operationLock.epoch;

            s.patchSpec(CLUSTER, forceRelease("raftcluster/backup", epoch));

            RaftClusterStatus released = s.awaitStatus(CLUSTER, "the lock is released",
                    st -> st.operationLock.holder == null && st.operationLock.epoch > epoch);
            assertThat(released.operationLock.epoch).as(s.why("invariant: the epoch moved on")).isEqualTo(epoch + 1);
            assertThat(released.backup.activeRun).as(s.why("invariant: the displaced run is over")).isNull();
            assertThat(released.backup.lastFailure.reason).isEqualTo("OperationLockForceReleased");
            assertThat(released.requests.lastHandledForceRelease).isEqualTo("raftcluster/backup@" + epoch);
            List<Event> events = s.awaitEvents(CLUSTER, "the release is audited",
                    e -> "OperationLockForceReleased".equals(e.getReason()));
            Event audit = events.stream().filter(e -> "OperationLockForceReleased".equals(e.getReason())).findFirst()
                    .orElseThrow();
            assertThat(audit.getType()).isEqualTo("Warning");
            assertThat(audit.getMessage()).contains("alice", "raftcluster/backup", "epoch " + epoch);

            s.patchSpec(CLUSTER, forceRelease("raftcluster/upgrade", epoch));

            s.awaitEvents(CLUSTER, "the stale request is refused",
                    e -> "OperationLockForceReleaseRefused".equals(e.getReason()));
            RaftClusterStatus after = s.awaitStatus(CLUSTER, "the stale request is handled",
                    st -> ("raftcluster/upgrade@" + epoch).equals(st.requests.lastHandledForceRelease));
            assertThat(after.operationLock.epoch).as(s.why("invariant: a refused request changes nothing"))
                    .isEqualTo(epoch + 1);
            s.assertInvariants(CLUSTER);
        }
    }
}
