package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static dev.raftops.acceptance.Scenario.NAMESPACE;
import static dev.raftops.acceptance.Scenario.REPLICAS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.adapters.fabric8.crd.RaftRestore;
import dev.raftops.adapters.fabric8.crd.RaftRestoreSpec;
import dev.raftops.adapters.fabric8.crd.RaftRestoreStatus;
import dev.raftops.adapters.fabric8.crd.RestoreSourceSpec;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.sandbox.SandboxFault;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user backs the cluster up to the S3-compatible store, then asks for a {@code RaftRestore} of
 * the latest backup: the executor restores it, every member restarts once, one at a time, and the
 * lock is free again. A snapshot replaced in the bucket (bytes and checksum metadata of its own) is
 * refused against the checksum the controller recorded: the restore fails and nothing restarts.
 */
class RestoreScenarioTest {

    @TempDir
    Path dir;

    private static RaftClusterStatus backedUp(Scenario s) {
        s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, REPLICAS), FROM);
        s.patchSpec(CLUSTER, Map.of("backup", Map.of("schedule", "@daily", "requests", Map.of("trigger", "before"),
                "target", s.backupTarget())));
        return s.awaitStatus(CLUSTER, "the backup is recorded", st -> st.backup != null
                && st.backup.lastObject != null && st.backup.activeRun == null);
    }

    private static void restoreLatest(Scenario s, String name) {
        RaftRestore restore = new RaftRestore();
        restore.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        RaftRestoreSpec spec = new RaftRestoreSpec();
        spec.clusterRef = CLUSTER;
        spec.source = new RestoreSourceSpec();
        spec.source.latest = true;
        restore.setSpec(spec);
        s.environment().cluster().record(CLUSTER, "operator", l -> l.put("restore", name));
        s.client().resource(restore).create();
    }

    private static RaftRestoreStatus awaitRestore(Scenario s, String name, String what,
            Predicate<RaftRestoreStatus> done) {
        await(s.why(what)).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> restoreStatus(s, name), st -> st != null && done.test(st));
        return restoreStatus(s, name);
    }

    private static RaftRestoreStatus restoreStatus(Scenario s, String name) {
        RaftRestore r = s.client().resources(RaftRestore.class).inNamespace(NAMESPACE).withName(name).get();
        return r == null ? null : r.getStatus();
    }

    @Test
    void aRestoreOfTheLatestBackupRestartsEveryMemberOnceAndFreesTheLock() {
        try (Scenario s = Scenario.start("restore-latest", 91, 0, dir)) {
            RaftClusterStatus before = backedUp(s);

            restoreLatest(s, "r1");

            RaftRestoreStatus done = awaitRestore(s, "r1", "the restore completes", st -> "Completed".equals(st.phase)
                    || "Failed".equals(st.phase));
            assertThat(done.phase).as(s.why("the restore completes: " + done.failure)).isEqualTo("Completed");
            assertThat(done.objectKey).as(s.why("latest is the recorded backup")).isEqualTo(before.backup.lastObject.key);
            assertThat(done.sha256).as(s.why("checked against the recorded checksum"))
                    .isEqualTo(before.backup.lastObject.sha256);
            assertThat(done.holder).isEqualTo("restore/r1");
            RaftClusterStatus after = s.status(CLUSTER);
            assertThat(after.operationLock == null || after.operationLock.holder == null)
                    .as(s.why("invariant: the lock is free after the restore")).isTrue();
            assertThat(after.upgrade).as(s.why("invariant: no roll is left behind")).isNull();
            List<String> lines = s.trace(CLUSTER);
            int asked = Scenario.indexOfKind(lines, "operator", 1);
            for (int ordinal = 0; ordinal < REPLICAS; ordinal++) {
                String pod = "\"pod\":\"" + CLUSTER + "-" + ordinal + "\"";
                long restarts = lines.subList(asked, lines.size()).stream()
                        .filter(l -> l.contains("\"kind\":\"pod.deleted\"") && l.contains(pod)).count();
                assertThat(restarts).as(s.why("invariant: member " + ordinal + " restarted once after the restore"))
                        .isEqualTo(1);
            }
            assertThat(lines).as(s.why("the template carries the restore's token"))
                    .anyMatch(l -> l.contains("\"kind\":\"sts.template\"") && l.contains("restore/r1@"));
            s.assertInvariants(CLUSTER);
        }
    }

    @Test
    void aSnapshotReplacedInTheBucketFailsTheRestoreAndRestartsNothing() throws Exception {
        try (Scenario s = Scenario.start("restore-tampered", 92, 0, dir)) {
            RaftClusterStatus before = backedUp(s);
            byte[] forged = "not the snapshot that was backed up".getBytes(StandardCharsets.UTF_8);
            String forgedSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(forged));
            s.environment().objectStore().replace(before.backup.lastObject.key, forged,
                    Map.of("sha256", forgedSha, "raft-index", "1"));

            restoreLatest(s, "r2");

            RaftRestoreStatus failed = awaitRestore(s, "r2", "the restore ends", st -> "Failed".equals(st.phase)
                    || "Completed".equals(st.phase));
            assertThat(failed.phase).as(s.why("a replaced snapshot is refused")).isEqualTo("Failed");
            assertThat(failed.failure.reason).isEqualTo("RestoreJobFailed");
            assertThat(failed.failure.message).as(s.why("the Job says why"))
                    .contains("the backup recorded " + before.backup.lastObject.sha256);
            RaftClusterStatus after = s.status(CLUSTER);
            assertThat(after.operationLock == null || after.operationLock.holder == null)
                    .as(s.why("invariant: the lock is released")).isTrue();
            List<String> lines = s.trace(CLUSTER);
            int asked = Scenario.indexOfKind(lines, "operator", 1);
            assertThat(lines.subList(asked, lines.size())).as(s.why("invariant: no member restarts"))
                    .noneMatch(l -> l.contains("\"kind\":\"pod.deleted\""));
            s.assertInvariants(CLUSTER);
        }
    }

    @Test
    void aSecondRestoreWaitsItsTurnAndADeletedOneLeavesTheLockFree() {
        try (Scenario s = Scenario.start("restore-queue", 93, 0, dir)) {
            backedUp(s);
            restoreLatest(s, "first");
            awaitRestore(s, "first", "the first restore holds the lock", st -> st.lockEpoch != null);
            restoreLatest(s, "second");

            RaftRestoreStatus waiting = awaitRestore(s, "second", "the second restore waits for the first",
                    st -> st.conditions != null && st.conditions.stream().anyMatch(c -> "Locked".equals(c.type)
                            && "False".equals(c.status) && c.message.contains("restore/first")));
            assertThat(waiting.phase).as(s.why("invariant: it waits in Pending")).isEqualTo("Pending");
            RaftRestoreStatus first = awaitRestore(s, "first", "the first restore completes",
                    st -> "Completed".equals(st.phase));
            RaftRestoreStatus second = awaitRestore(s, "second", "the second restore runs",
                    st -> "RestartingMembers".equals(st.phase) || "Completed".equals(st.phase));
            assertThat(second.lockEpoch).as(s.why("invariant: the second took the lock after the first"))
                    .isGreaterThan(first.lockEpoch);

            s.client().resources(RaftRestore.class).inNamespace(NAMESPACE).withName("second").delete();

            await(s.why("the deleted restore goes")).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> s.client().resources(RaftRestore.class).inNamespace(NAMESPACE).withName("second")
                            .get() == null);
            RaftClusterStatus after = s.status(CLUSTER);
            assertThat(after.operationLock == null || after.operationLock.holder == null)
                    .as(s.why("invariant: a deleted restore leaves the lock free")).isTrue();
            assertThat(after.upgrade).as(s.why("invariant: and no roll of its own")).isNull();
            s.assertInvariants(CLUSTER);
        }
    }

    @Test
    void aFailingRestoreJobFailsTheRestoreFreesTheLockAndRestartsNothing() {
        try (Scenario s = Scenario.start("restore-job-fails", 94, 0, dir)) {
            backedUp(s);
            s.inject(CLUSTER, List.of(new SandboxFault.JobFail("restore")));

            restoreLatest(s, "r4");

            RaftRestoreStatus failed = awaitRestore(s, "r4", "the restore ends", st -> "Failed".equals(st.phase)
                    || "Completed".equals(st.phase));
            assertThat(failed.phase).as(s.why("a failed Job fails the restore")).isEqualTo("Failed");
            assertThat(failed.failure.reason).isEqualTo("RestoreJobFailed");
            RaftClusterStatus after = s.status(CLUSTER);
            assertThat(after.operationLock == null || after.operationLock.holder == null)
                    .as(s.why("invariant: the lock is released")).isTrue();
            List<String> lines = s.trace(CLUSTER);
            assertThat(lines.subList(Scenario.indexOfKind(lines, "operator", 1), lines.size()))
                    .as(s.why("invariant: no member restarts")).noneMatch(l -> l.contains("\"kind\":\"pod.deleted\""));
            s.assertInvariants(CLUSTER);
        }
    }

    @Test
    void aControllerCrashingMidRestoreLeavesTheNextOneToFinishItRestartingEachMemberOnce() {
        for (int write : List.of(2, 5)) {
            try (Scenario s = Scenario.start("restore-crash-after-write-" + write, 95, 0, dir)) {
                backedUp(s);
                s.inject(CLUSTER, List.of(new SandboxFault.ControllerCrash(write)));

                restoreLatest(s, "r5");

                RaftRestoreStatus done = awaitRestore(s, "r5", "the restore ends", st -> "Completed".equals(st.phase)
                        || "Failed".equals(st.phase));
                assertThat(done.phase).as(s.why("crash after write " + write + ": " + done.failure))
                        .isEqualTo("Completed");
                List<String> lines = s.trace(CLUSTER);
                int asked = Scenario.indexOfKind(lines, "operator", 1);
                assertThat(lines).as(s.why("the controller crashed and a new one started"))
                        .anyMatch(l -> l.contains("\"kind\":\"controller.start\"") && l.contains("controller-2"));
                for (int ordinal = 0; ordinal < REPLICAS; ordinal++) {
                    String pod = "\"pod\":\"" + CLUSTER + "-" + ordinal + "\"";
                    assertThat(lines.subList(asked, lines.size()).stream()
                            .filter(l -> l.contains("\"kind\":\"pod.deleted\"") && l.contains(pod)).count())
                            .as(s.why("invariant: member " + ordinal + " restarted once (crash after write " + write
                                    + ")")).isEqualTo(1);
                }
                RaftClusterStatus after = s.status(CLUSTER);
                assertThat(after.operationLock == null || after.operationLock.holder == null)
                        .as(s.why("invariant: the lock is free")).isTrue();
                s.assertInvariants(CLUSTER);
            }
        }
    }
}
