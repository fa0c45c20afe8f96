package dev.raftops.domain.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.RollingProgress.PlanStep;
import dev.raftops.domain.testing.SteadyCluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpgradePreviewTest {

    @Test
    void anAllowedUpgradeListsOrdinalsHighestFirstWithTheLeaderMarked() {
        SteadyCluster cluster = new SteadyCluster(3, "2.4.0", 1);
        UpgradePreview preview = UpgradePreview.of(ClusterSpec.of("2.4.4", null, 3), "2.4.0", cluster.observe().podsOf("db"));
        assertThat(preview.drift()).isEqualTo("upgrade");
        assertThat(preview.allowed()).isTrue();
        assertThat(preview.steps()).containsExactly(new PlanStep(2, false), new PlanStep(1, true), new PlanStep(0, false));
    }

    @Test
    void withoutPodsEveryStepMayNeedAStepDown() {
        UpgradePreview preview = UpgradePreview.of(ClusterSpec.of("2.4.4", null, 2), "2.4.0", Map.of());
        assertThat(preview.steps()).containsExactly(new PlanStep(1, true), new PlanStep(0, true));
    }

    @Test
    void aDowngradeIsNotAllowedAndSaysWhy() {
        UpgradePreview preview = UpgradePreview.of(ClusterSpec.of("2.3.0", null, 3), "2.4.0", Map.of());
        assertThat(preview.drift()).isEqualTo("downgrade");
        assertThat(preview.allowed()).isFalse();
        assertThat(preview.reason()).isEqualTo("DowngradeBlocked");
        assertThat(preview.steps()).isEmpty();
    }

    @Test
    void anInvalidVersionIsReportedAsInvalid() {
        UpgradePreview preview = UpgradePreview.of(ClusterSpec.of("2.4", null, 3), "2.4.0", Map.of());
        assertThat(preview.drift()).isEqualTo("invalid");
        assertThat(preview.reason()).isEqualTo("InvalidVersion");
        assertThat(preview.message()).contains("\"2.4\"");
    }
}
