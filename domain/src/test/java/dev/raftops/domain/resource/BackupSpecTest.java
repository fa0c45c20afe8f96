package dev.raftops.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupSpecTest {

    @Test
    void eachTargetEntryReachesTheExecutorAsAnUpperSnakeCaseVariable() {
        BackupSpec spec = new BackupSpec(null, null, null, Map.of("bucket", "snapshots", "pathStyle", "true",
                "endpoint", "http://minio:9000", "my-prefix", "x"), null, null);

        assertThat(spec.targetVariables()).containsOnly(
                Map.entry("RAFTOPS_TARGET_BUCKET", "snapshots"),
                Map.entry("RAFTOPS_TARGET_PATH_STYLE", "true"),
                Map.entry("RAFTOPS_TARGET_ENDPOINT", "http://minio:9000"),
                Map.entry("RAFTOPS_TARGET_MY_PREFIX", "x"));
    }

    @Test
    void aTargetWrittenInUpperSnakeCaseKeepsItsName() {
        BackupSpec spec = new BackupSpec(null, null, null, Map.of("PATH_STYLE", "true"), null, null);

        assertThat(spec.targetVariables()).containsOnlyKeys("RAFTOPS_TARGET_PATH_STYLE");
    }
}
