package dev.raftops.executor.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.executor.Workplace;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

class RestoreTest extends ActionOnWorkplace {

    @BeforeEach
    void takeAManualBackup() throws Exception {
        assertThat(w.run(w.backupEnv("manual", "2026-12-03T02:00:00Z")).exit()).isZero();
    }

    @Test
    void theNewestSnapshotIsVerifiedAndRestoredThroughTheLeader() throws Exception {
        Workplace.Run run = w.run(w.env("restore"));

        assertThat(run.exit()).as(run.log()).isZero();
        assertThat(run.facts().path("objectKey").asString()).isEqualTo("raftops/secrets/vault/manual/2026-12-03T02-00-00Z.snap");
        assertThat(w.openbao.restores()).isEqualTo(1);
        assertThat(w.openbao.requests()).contains("POST vault-0 sys/storage/raft/snapshot");
        assertThat(run.facts().path("indexReached").asLong()).isGreaterThanOrEqualTo(run.facts().path("snapshotIndex").asLong());
    }

    @Test
    void forceRestoresThroughSnapshotForce() throws Exception {
        Map<String, String> env = w.env("restore");
        env.put("RAFTOPS_RESTORE_FORCE", "true");

        assertThat(w.run(env).exit()).isZero();
        assertThat(w.openbao.requests()).contains("POST vault-0 sys/storage/raft/snapshot-force");
    }

    @Test
    void anObjectWhoseBytesDoNotMatchItsSha256IsNotRestored() throws Exception {
        String key = "raftops/secrets/vault/manual/tampered.snap";
        w.s3.putObject(b -> b.bucket(Workplace.BUCKET).key(key).metadata(Map.of("sha256", "00".repeat(32), "raft-index", "1")),
                RequestBody.fromBytes(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}));
        Map<String, String> env = w.env("restore");
        env.put("RAFTOPS_RESTORE_OBJECT", key);

        Workplace.Run run = w.run(env);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.message()).contains("not restoring a corrupted snapshot");
        assertThat(w.openbao.restores()).isZero();
    }

    @Test
    void anObjectReplacedWithItsOwnChecksumIsRefusedAgainstTheRecordedOne() throws Exception {
        String key = "raftops/secrets/vault/manual/2026-12-03T02-00-00Z.snap";
        Map<String, String> env = w.env("restore");
        env.put("RAFTOPS_RESTORE_OBJECT", key);
        env.put("RAFTOPS_RESTORE_SHA256", "11".repeat(32));

        Workplace.Run run = w.run(env);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.message()).contains("the backup recorded " + "11".repeat(32));
        assertThat(w.openbao.restores()).isZero();
    }

    @Test
    void theRecordedChecksumOfTheBackupLetsItsObjectBeRestored() throws Exception {
        Workplace.Run backup = w.run(w.backupEnv("manual", "2026-12-03T03:00:00Z"));
        Map<String, String> env = w.env("restore");
        env.put("RAFTOPS_RESTORE_OBJECT", backup.facts().path("objectKey").asString());
        env.put("RAFTOPS_RESTORE_SHA256", backup.facts().path("sha256").asString());

        Workplace.Run run = w.run(env);

        assertThat(run.exit()).as(run.log()).isZero();
        assertThat(w.openbao.restores()).isEqualTo(1);
    }
}
