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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beyond the numbered scenarios: a pod the upgrade has not reached crashes (the leader, at that)
 * while the released pod restarts. With two of three voters down the controller must wait for both
 * before it releases the next ordinal, and the upgrade still completes.
 */
class PodCrashScenarioTest {

    private static final int CRASHED = 0;

    @TempDir
    Path dir;

    @Test
    void aCrashWhileAPodIsReleasedHoldsTheNextReleaseUntilBothAreBack() {
        try (Scenario s = Scenario.start("pod-crash-mid-upgrade", 141, CRASHED, Duration.ofMillis(600), dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, REPLICAS), TO);
            s.patchSpec(CLUSTER, Map.of("version", TO));
            s.awaitTrace(CLUSTER, "the released pod 2 is recreated at " + TO, l -> l.contains("\"kind\":\"pod.created\"")
                    && Scenario.ordinal(l) == 2 && l.contains("\"version\":\"" + TO + "\""));

            assertThat(s.environment().cluster().crashPod(CLUSTER, CRASHED)).as(s.why("pod " + CRASHED + " crashes"))
                    .isTrue();

            s.awaitStatus(CLUSTER, "the upgrade converges on " + TO, st -> TO.equals(st.currentVersion)
                    && st.upgrade == null);
            List<String> lines = s.trace(CLUSTER);
            int crash = Scenario.indexOf(lines, "the crash", l -> l.contains("\"kind\":\"pod.deleted\"")
                    && l.contains("\"cause\":\"crash\""));
            int back = Scenario.indexOf(lines.subList(crash, lines.size()), "the crashed pod Ready again",
                    l -> l.contains("\"kind\":\"pod.ready\"") && Scenario.ordinal(l) == CRASHED) + crash;
            int nextRelease = Scenario.indexOf(lines, "the release of ordinal 1", l -> l.contains("\"kind\":\"sts.partition\"")
                    && l.contains("\"value\":1"));
            assertThat(nextRelease).as(s.why("invariant: no release while a voter the controller did not take down "
                    + "is down\n" + String.join("\n", lines))).isGreaterThan(back);
            List<String> restarts = Scenario.ofKind(lines, "pod.deleted").stream()
                    .filter(l -> !l.contains("\"cause\":\"crash\"")).collect(Collectors.toList());
            assertThat(restarts).as(s.why("invariant: every pod restarted by the upgrade once, highest first"))
                    .extracting(Scenario::ordinal).containsExactly(2, 1, 0);
            s.assertInvariants(CLUSTER);
        }
    }
}
