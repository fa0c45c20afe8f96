package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static dev.raftops.acceptance.Scenario.REPLICAS;
import static dev.raftops.acceptance.Scenario.TO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.resource.ClusterSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beyond the numbered scenarios: leadership moves by itself, onto the next ordinal to release,
 * while the released pod restarts. The controller must see it and step that pod down before its
 * restart, although the leader at the start of the upgrade was ordinal 0.
 */
class LeaderChangeScenarioTest {

    @TempDir
    Path dir;

    @Test
    void aLeaderElectedOnTheNextOrdinalIsSteppedDownBeforeItsRestart() {
        try (Scenario s = Scenario.start("leader-change-mid-upgrade", 151, 0, Duration.ofMillis(600), dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, REPLICAS), TO);
            s.patchSpec(CLUSTER, Map.of("version", TO));
            s.awaitTrace(CLUSTER, "the released pod 2 is recreated at " + TO, l -> l.contains("\"kind\":\"pod.created\"")
                    && Scenario.ordinal(l) == 2 && l.contains("\"version\":\"" + TO + "\""));

            assertThat(s.environment().cluster().changeLeader(CLUSTER, 1)).as(s.why("ordinal 1 is elected")).isTrue();

            s.awaitStatus(CLUSTER, "the upgrade converges on " + TO, st -> TO.equals(st.currentVersion)
                    && st.upgrade == null);
            List<String> lines = s.trace(CLUSTER);
            assertThat(Scenario.ofKind(lines, "job.created")).as(s.why("invariant: the new leader 1 is stepped down "
                    + "before its release\n" + String.join("\n", lines)))
                    .anyMatch(l -> l.contains("\"action\":\"step-down\"") && l.contains("step-down-1"));
            assertThat(Scenario.ofKind(lines, "pod.deleted")).as(s.why("invariant: no pod restarted while it led"))
                    .noneMatch(l -> l.contains("\"leader\":true")).extracting(Scenario::ordinal)
                    .containsExactly(2, 1, 0);
            s.assertInvariants(CLUSTER);
        }
    }
}
