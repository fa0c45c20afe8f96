package dev.raftops.executor.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.executor.Workplace;
import dev.raftops.simulator.openbao.DoubleFaults;
import java.io.InputStream;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

class SnapshotTest extends ActionOnWorkplace {

    static final String KEY = "raftops/secrets/vault/scheduled/2026-12-03T02-00-00Z.snap";


    private Map<String, String> backup() {
        return w.backupEnv("scheduled", "2026-12-03T02:00:00Z");
    }

    private String sha256Of(String key) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = w.s3.getObject(b -> b.bucket(Workplace.BUCKET).key(key))) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void aBackupStreamsTheLeadersSnapshotToItsWindowsKeyWithMetadata() throws Exception {
        Workplace.Run run = w.run(backup());

        assertThat(run.exit()).as(run.log()).isZero();
        assertThat(w.keys()).containsExactly(KEY);
        HeadObjectResponse head = w.s3.headObject(b -> b.bucket(Workplace.BUCKET).key(KEY));
        String sha = sha256Of(KEY);
        assertThat(head.metadata()).containsEntry("sha256", sha).containsEntry("workload-version", "2.4.1")
                .containsEntry("kind", "scheduled").containsKey("raft-index");
        assertThat(run.facts().path("sha256").asString()).isEqualTo(sha);
        assertThat(run.facts().path("bytes").asLong()).isEqualTo(head.contentLength());
        assertThat(run.facts().path("raftIndex").asLong()).isGreaterThanOrEqualTo(100);
        assertThat(run.facts().path("raftTerm").asLong()).isEqualTo(w.raft.term());
    }

    @Test
    void aSecondRunOfTheSameWindowFindsTheObjectAndDoesNotWriteAgain() throws Exception {
        w.run(backup());
        long snapshots = w.openbao.requests().stream().filter(r -> r.endsWith("sys/storage/raft/snapshot")).count();

        Workplace.Run again = w.run(backup());

        assertThat(again.exit()).isZero();
        assertThat(again.message()).contains("already written");
        assertThat(w.openbao.requests().stream().filter(r -> r.endsWith("sys/storage/raft/snapshot")).count()).isEqualTo(snapshots);
        assertThat(again.facts().path("sha256").asString()).isEqualTo(sha256Of(KEY));
    }

    @Test
    void aLeaderChangeMidActionIsFollowedThroughTheStandbysRedirect() throws Exception {
        AtomicBoolean moved = new AtomicBoolean();
        w.openbao.beforeRequest((pod, path) -> {
            if (path.equals("sys/storage/raft/snapshot") && moved.compareAndSet(false, true)) {
                w.raft.stepDown("vault-0");
            }
        });

        Workplace.Run run = w.run(backup());

        assertThat(run.exit()).as(run.log()).isZero();
        assertThat(run.facts().path("servedBy").asString()).isNotEqualTo("vault-0").isEqualTo(w.raft.leader().orElseThrow());
        assertThat(w.keys()).containsExactly(KEY);
    }

    @Test
    void aRedirectToAHostOutsideThePodsIsRefusedAndNothingIsWritten() throws Exception {
        w.openbao.faults(DoubleFaults.none().withForeignRedirect("http://127.0.0.1:9/elsewhere"));
        w.openbao.beforeRequest((pod, path) -> {
            if (path.equals("sys/storage/raft/snapshot") && pod.equals("vault-0")) {
                w.raft.stepDown("vault-0");
            }
        });

        Workplace.Run run = w.run(backup());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.message()).contains("not a member of RAFTOPS_PODS");
        assertThat(w.keys()).isEmpty();
    }

    @Test
    void aSnapshotStreamCutMidWayFailsRetryablyAndLeavesNoObject() throws Exception {
        w.openbao.faults(DoubleFaults.none().withSnapshot(24L * 1024 * 1024, DoubleFaults.Body.CUT_HALFWAY));

        Workplace.Run run = w.run(backup());

        assertThat(run.exit()).as(run.log()).isEqualTo(1);
        assertThat(run.result().path("retryable").asBoolean()).isTrue();
        assertThat(w.keys()).isEmpty();
        assertThat(w.s3.listMultipartUploads(b -> b.bucket(Workplace.BUCKET)).uploads()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"EMPTY, empty snapshot", "NOT_GZIP, gzip"})
    void aBodyThatIsNoSnapshotIsRefusedAndNothingIsWritten(DoubleFaults.Body body, String why) throws Exception {
        w.openbao.faults(DoubleFaults.none().withSnapshot(0, body));

        Workplace.Run run = w.run(backup());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.message()).contains(why);
        assertThat(w.keys()).isEmpty();
    }

    @Test
    void aMissingBucketIsRefusedWithExit2() throws Exception {
        Map<String, String> env = backup();
        env.put("RAFTOPS_TARGET_BUCKET", "no-such-bucket");

        Workplace.Run run = w.run(env);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.message()).contains("bucket \"no-such-bucket\" does not exist");
    }

    @Test
    void anUnreachableObjectStoreFailsRetryably() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Map<String, String> env = backup();
        env.put("RAFTOPS_TARGET_ENDPOINT", "http://127.0.0.1:" + closed);

        Workplace.Run run = w.run(env);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.message()).contains("object storage unreachable");
    }

    @Test
    void twoRunsOfOneWindowAtOnceLeaveOneWholeObject() throws Exception {
        w.openbao.faults(DoubleFaults.none().withSnapshot(12L * 1024 * 1024, DoubleFaults.Body.WHOLE));
        Map<String, String> first = backup();
        Map<String, String> second = backup();
        second.put("RAFTOPS_RESULT_FILE", dir.resolve("second.json").toString());

        CompletableFuture<Workplace.Run> a = CompletableFuture.supplyAsync(() -> run(first));
        CompletableFuture<Workplace.Run> b = CompletableFuture.supplyAsync(() -> run(second));

        assertThat(List.of(a.get().exit(), b.get().exit())).containsExactly(0, 0);
        assertThat(w.keys()).containsExactly(KEY);
        String sha = sha256Of(KEY);
        assertThat(w.s3.headObject(h -> h.bucket(Workplace.BUCKET).key(KEY)).metadata()).containsEntry("sha256", sha);
    }

    @Test
    void aPreUpgradeSnapshotIsKeyedByTheUpgradeAttempt() throws Exception {
        Map<String, String> env = w.env("pre-upgrade-snapshot");
        env.put("RAFTOPS_SNAPSHOT_KIND", "pre-upgrade");
        env.put("RAFTOPS_UPGRADE_TARGET", "2.5.0");
        env.put("RAFTOPS_UPGRADE_ATTEMPT", "2");

        Workplace.Run run = w.run(env);

        assertThat(run.exit()).isZero();
        assertThat(w.keys()).containsExactly("raftops/secrets/vault/pre-upgrade/2.5.0-attempt-2.snap");
    }

    private Workplace.Run run(Map<String, String> env) {
        try {
            return w.run(env);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
