package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static dev.raftops.acceptance.Scenario.REPLICAS;
import static dev.raftops.acceptance.Scenario.TO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.resource.ClusterSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 6: the operation lock between a backup and an upgrade. An upgrade asked for while a
 * backup Job runs waits for it, then starts; a backup asked for during an upgrade waits for the
 * upgrade to complete, then runs.
 */
class LockContentionScenarioTest {

    /** Also how long a Job runs: long enough for the second request to land while the first runs. */
    private static final Duration READY_DELAY = Duration.ofMillis(1000);

    @TempDir
    Path dir;

    private static Map<String, Object> backup(Scenario s, String trigger) {
        return Map.of("backup", Map.of("schedule", "@daily", "requests", Map.of("trigger", trigger),
                "target", s.backupTarget()));
    }

    @Test
    void anUpgradeAskedForWhileABackupJobRunsStartsOnceTheJobEnded() {
        try (Scenario s = Scenario.start("lock-upgrade-waits-for-backup", 61, 1, READY_DELAY, dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, REPLICAS), TO);
            s.patchSpec(CLUSTER, backup(s, "before-upgrade"));
            s.awaitTrace(CLUSTER, "the backup Job runs", l -> l.contains("\"kind\":\"job.created\"")
                    && l.contains("\"action\":\"backup\""));

            s.patchSpec(CLUSTER, Map.of("version", TO));

            RaftClusterStatus done = s.awaitStatus(CLUSTER, "the upgrade converges on " + TO,
                    st -> TO.equals(st.currentVersion) && st.upgrade == null);
            assertThat(done.backup.successfulBackups).as(s.why("invariant: the running backup finished"))
                    .isEqualTo(1L);
            List<String> lines = s.trace(CLUSTER);
            int asked = Scenario.indexOfKind(lines, "operator", 1);
            int finished = Scenario.indexOf(lines, "the backup Job finished", l -> l.contains("\"kind\":\"job.finished\"")
                    && l.contains("\"action\":\"backup\""));
            int locked = Scenario.indexOf(lines, "the upgrade locks the partition", l -> l.contains("\"kind\":\"sts.partition\"")
                    && l.contains("\"value\":" + REPLICAS));
            assertThat(asked).as(s.why("invariant: the upgrade was asked for while the Job ran\n"
                    + String.join("\n", lines))).isLessThan(finished);
            assertThat(locked).as(s.why("invariant: the upgrade starts only after the backup Job ended\n"
                    + String.join("\n", lines))).isGreaterThan(finished);
            s.assertInvariants(CLUSTER);
        }
    }

    @Test
    void aBackupAskedForDuringAnUpgradeRunsOnceTheUpgradeCompleted() {
        try (Scenario s = Scenario.start("lock-backup-waits-for-upgrade", 62, 0, READY_DELAY, dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, REPLICAS), TO);
            s.patchSpec(CLUSTER, Map.of("version", TO));
            s.awaitTrace(CLUSTER, "the first pod is released", l -> l.contains("\"kind\":\"sts.partition\"")
                    && l.contains("\"value\":" + (REPLICAS - 1)));

            s.patchSpec(CLUSTER, backup(s, "during-upgrade"));

            RaftClusterStatus done = s.awaitStatus(CLUSTER, "the upgrade converges and the backup ran",
                    st -> TO.equals(st.currentVersion) && st.upgrade == null && st.backup != null
                            && st.backup.successfulBackups != null && st.backup.successfulBackups == 1L);
            assertThat(done.requests.lastHandledBackupTrigger).as(s.why("invariant: the token is handled"))
                    .isEqualTo("during-upgrade");
            List<String> lines = s.trace(CLUSTER);
            int converged = Scenario.indexOf(lines, "currentVersion " + TO, l -> l.contains("\"kind\":\"status\"")
                    && l.contains("\"currentVersion\":\"" + TO + "\""));
            int backupJob = Scenario.indexOf(lines, "the backup Job", l -> l.contains("\"kind\":\"job.created\"")
                    && l.contains("\"action\":\"backup\""));
            assertThat(backupJob).as(s.why("invariant: the backup Job starts only after the upgrade completed\n"
                    + String.join("\n", lines))).isGreaterThan(converged);
            s.assertInvariants(CLUSTER);
        }
    }
}
