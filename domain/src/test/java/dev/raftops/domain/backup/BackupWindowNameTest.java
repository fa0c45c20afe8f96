package dev.raftops.domain.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.decision.JobRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupWindowNameTest {

    private static final Instant WINDOW = Instant.parse("2026-03-29T01:30:00Z");

    @Test
    void namesTheJobByClusterAndUtcWindow() {
        assertThat(BackupWindowName.of("vault", WINDOW)).isEqualTo("vault-backup-20260329-013000");
    }

    @Test
    void theSameWindowAlwaysGivesTheSameName() {
        assertThat(BackupWindowName.of("vault", WINDOW)).isEqualTo(BackupWindowName.of("vault", Instant.parse("2026-03-29T01:30:00Z")));
    }

    @Test
    void aLongClusterNameIsShortenedButKeepsTheReadableWindow() {
        String cluster = "a-very-long-cluster-name-that-goes-on-and-on-and-on-forever";
        String name = BackupWindowName.of(cluster, WINDOW);
        assertThat(name).hasSizeLessThanOrEqualTo(JobRequest.MAX_NAME_LENGTH).endsWith("-backup-20260329-013000")
                .startsWith("a-very-long-cluster");
    }

    @Test
    void longClusterNamesWithTheSamePrefixGetDifferentNames() {
        String base = "a-very-long-cluster-name-that-goes-on-and-on-and-on-forever";
        assertThat(BackupWindowName.of(base + "-one", WINDOW)).isNotEqualTo(BackupWindowName.of(base + "-two", WINDOW));
    }

    @Test
    void aNameAtTheLimitIsKeptWhole() {
        String cluster = "c".repeat(JobRequest.MAX_NAME_LENGTH - "-backup-20260329-013000".length());
        assertThat(BackupWindowName.of(cluster, WINDOW)).isEqualTo(cluster + "-backup-20260329-013000");
    }
}
