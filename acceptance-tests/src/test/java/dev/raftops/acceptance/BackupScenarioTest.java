package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static dev.raftops.acceptance.Scenario.REPLICAS;
import static dev.raftops.acceptance.Scenario.TO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.adapters.fabric8.crd.StatusCondition;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.sandbox.ObjectStore;
import dev.raftops.sandbox.SandboxFault;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 5: backups through {@code spec.backup}. Manual triggers stand in for most scheduled
 * windows (a 5-field cron fires at most once a minute; see docs/decisions/acceptance-scenarios.md):
 * a trigger runs once; three failed Jobs raise {@code BackupFailing} and a success clears it; a
 * trigger while an upgrade is failed is skipped with {@code BackupSkipped} (one during a running
 * upgrade waits for it: {@link LockContentionScenarioTest}). One run waits for a real
 * {@code * * * * *} window.
 */
class BackupScenarioTest {

    @TempDir
    Path dir;

    private static Map<String, Object> backup(Scenario s, String schedule, String trigger) {
        return Map.of("backup", Map.of("schedule", schedule, "requests", Map.of("trigger", trigger),
                "target", s.backupTarget()));
    }

    private static List<Job> backupJobs(Scenario s) {
        return s.client().batch().v1().jobs().inNamespace(Scenario.NAMESPACE).withLabel("raftops.dev/cluster", CLUSTER)
                .withLabel("raftops.dev/action", "backup").list().getItems();
    }

    private static Scenario running(String name, long seed, Path dir) {
        Scenario s = Scenario.start(name, seed, null, dir);
        s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, REPLICAS), FROM);
        return s;
    }

    /** Asks for a manual backup with {@code token}; the status once that run ended. */
    private static RaftClusterStatus trigger(Scenario s, String token) {
        s.patchSpec(CLUSTER, backup(s, "@daily", token));
        return s.awaitStatus(CLUSTER, "the backup asked for by " + token + " ends", st -> st.requests != null
                && token.equals(st.requests.lastHandledBackupTrigger) && st.backup != null
                && st.backup.activeRun == null);
    }

    private static int failures(RaftClusterStatus st) {
        return st.backup.consecutiveFailures == null ? 0 : st.backup.consecutiveFailures;
    }

    @Test
    void aManualTriggerRunsOneBackupJobOnce() {
        try (Scenario s = running("backup-manual-trigger", 51, dir)) {
            RaftClusterStatus done = trigger(s, "manual-1");

            assertThat(done.backup.successfulBackups).as(s.why("invariant: the triggered backup succeeded"))
                    .isEqualTo(1L);
            assertThat(backupJobs(s)).as(s.why("invariant: one Job for one trigger")).hasSize(1)
                    .allMatch(j -> j.getMetadata().getName().equals(done.backup.lastBackupJob));
            assertThat(done.operationLock.operation).as(s.why("invariant: the lock is released after the backup"))
                    .isNull();
            assertStored(s, done.backup.lastBackupJob, "manual");

            // the same token again, with another spec change that makes the controller look again
            long generation = s.patchSpec(CLUSTER, Map.of("backup", Map.of("schedule", "@weekly",
                    "requests", Map.of("trigger", "manual-1")))).getMetadata().getGeneration();
            s.awaitStatus(CLUSTER, "the edit is observed", st -> st.observedGeneration != null
                    && st.observedGeneration >= generation);
            assertThat(backupJobs(s)).as(s.why("invariant: a handled token never runs again")).hasSize(1);
            assertThat(s.status(CLUSTER).backup.successfulBackups).as(s.why("invariant: a handled token never runs "
                    + "again")).isEqualTo(1L);
        }
    }

    /**
     * The one object in the bucket is the snapshot the Job's executor reports (its pod's termination
     * message): under {@code <namespace>/<cluster>/<kind>/}, its size and SHA-256 as read back equal
     * the result's and the object's metadata.
     */
    private static void assertStored(Scenario s, String job, String kind) {
        Pod pod = s.client().pods().inNamespace(Scenario.NAMESPACE).withLabel("job-name", job).list().getItems()
                .get(0);
        String message = pod.getStatus().getContainerStatuses().get(0).getState().getTerminated().getMessage();
        Map<?, ?> facts = (Map<?, ?>) s.client().getKubernetesSerialization().unmarshal(message, Map.class)
                .get("facts");
        List<ObjectStore.StoredObject> objects = s.environment().objectStore().objects();
        assertThat(objects).as(s.why("one snapshot in the bucket")).hasSize(1);
        ObjectStore.StoredObject stored = objects.get(0);
        assertThat(stored.key()).as(s.why("the key the executor reports, under the cluster's " + kind + " folder"))
                .isEqualTo(facts.get("objectKey")).startsWith(Scenario.NAMESPACE + "/" + CLUSTER + "/" + kind + "/")
                .endsWith(".snap");
        assertThat(stored.bytes()).as(s.why("the size the executor reports")).isPositive()
                .isEqualTo(((Number) facts.get("bytes")).longValue());
        assertThat(stored.sha256()).as(s.why("the SHA-256 of the bytes read back is the one reported"))
                .isEqualTo(facts.get("sha256")).isEqualTo(s.environment().objectStore().metadata(stored.key())
                        .get("sha256"));
    }

    @Test
    void threeFailedBackupsRaiseBackupFailingAndASuccessClearsIt() {
        try (Scenario s = running("backup-failing", 52, dir)) {
            s.inject(CLUSTER, List.of(new SandboxFault.JobFail("backup"), new SandboxFault.JobFail("backup"),
                    new SandboxFault.JobFail("backup")));
            for (int i = 1; i <= 3; i++) {
                RaftClusterStatus after = trigger(s, "fail-" + i);
                assertThat(failures(after)).as(s.why("invariant: failure " + i + " is counted")).isEqualTo(i);
                StatusCondition failing = Scenario.condition(after, "BackupFailing");
                boolean raised = failing != null && "True".equals(failing.status);
                assertThat(raised).as(s.why("invariant: BackupFailing is True exactly from the third consecutive "
                        + "failure (after failure " + i + ")")).isEqualTo(i == 3);
                assertThat(s.environment().objectStore().objects()).as(s.why("a stream that broke off leaves no "
                        + "object (after failure " + i + ")")).isEmpty();
            }
            assertThat(Scenario.condition(s.status(CLUSTER), "BackupFailing").reason)
                    .as(s.why("invariant: the reason is BackupFailing")).isEqualTo("BackupFailing");

            RaftClusterStatus fixed = trigger(s, "works-again");

            assertThat(failures(fixed)).as(s.why("invariant: a success resets consecutiveFailures")).isZero();
            assertThat(Scenario.condition(fixed, "BackupFailing").status)
                    .as(s.why("invariant: a success clears BackupFailing")).isEqualTo("False");
            assertThat(fixed.backup.successfulBackups).as(s.why("invariant: the success is counted")).isEqualTo(1L);
            assertThat(backupJobs(s)).as(s.why("invariant: one Job per trigger")).hasSize(4);
            assertStored(s, fixed.backup.lastBackupJob, "manual");
        }
    }

    @Test
    void aBackupAskedForWhileTheUpgradeIsFailedIsSkippedWithBackupSkipped() {
        try (Scenario s = Scenario.start("backup-upgrade-failed", 53, 0, dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, REPLICAS), TO);
            s.inject(CLUSTER, List.of(new SandboxFault.PodNeverReady(2)));
            s.patchSpec(CLUSTER, Map.of("version", TO, "upgrade", Map.of("timeouts", Map.of("podReady", "1s"))));
            s.awaitStatus(CLUSTER, "the upgrade fails", st -> st.upgrade != null && st.upgrade.failure != null);

            s.patchSpec(CLUSTER, backup(s, "@daily", "while-failed"));

            s.awaitEvents(CLUSTER, "a BackupSkipped Event", e -> "BackupSkipped".equals(e.getReason())
                    && e.getMessage().contains("UpgradeFailed"));
            RaftClusterStatus skipped = s.awaitStatus(CLUSTER, "the token is handled", st -> st.requests != null
                    && "while-failed".equals(st.requests.lastHandledBackupTrigger));
            assertThat(skipped.upgrade.failure).as(s.why("invariant: the upgrade stays failed")).isNotNull();
            assertThat(backupJobs(s)).as(s.why("invariant: no backup Job while the upgrade is failed")).isEmpty();
            s.assertInvariants(CLUSTER);
        }
    }

    @Test
    void aScheduledWindowRunsOneJobNamedByTheWindow() {
        try (Scenario s = running("backup-scheduled-window", 54, dir)) {
            s.patchSpec(CLUSTER, Map.of("backup", Map.of("schedule", "* * * * *", "target", s.backupTarget())));
            RaftClusterStatus enabled = s.awaitStatus(CLUSTER, "the next window is scheduled",
                    st -> st.backup != null && st.backup.nextScheduledBackup != null);
            String window = enabled.backup.nextScheduledBackup;

            RaftClusterStatus ran = Scenario.awaitLonger(s, CLUSTER, "the window " + window + " ran", Duration.ofSeconds(90),
                    st -> window.equals(st.backup.lastScheduledTime) && st.backup.activeRun == null
                            && st.backup.successfulBackups != null && st.backup.successfulBackups == 1L);

            String stamp = window.substring(0, 19).replaceAll("[-:]", "").replace('T', '-');
            assertThat(backupJobs(s)).as(s.why("invariant: one Job for the window, named by it"))
                    .extracting(j -> j.getMetadata().getName()).containsExactly(CLUSTER + "-backup-" + stamp);
            assertThat(ran.backup.nextScheduledBackup).as(s.why("invariant: the next window is later"))
                    .isGreaterThan(window);
            assertStored(s, CLUSTER + "-backup-" + stamp, "scheduled");
        }
    }
}
