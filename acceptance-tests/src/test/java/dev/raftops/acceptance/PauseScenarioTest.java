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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 7: pausing mid-upgrade stops the controller's writes; unpausing resumes where it stopped. */
class PauseScenarioTest {

    /** Long enough that the pause lands before the released pod is Ready and the next one is released. */
    private static final Duration READY_DELAY = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    @Test
    void aPauseAfterTheFirstReleaseHoldsTheRolloutAndUnpauseResumesAtTheRecordedOrdinal() throws Exception {
        long seed = 7;
        try (Scenario s = Scenario.start("pause-mid-upgrade", seed, 0, READY_DELAY, dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, REPLICAS), TO);
            s.patchSpec(CLUSTER, Map.of("version", TO));
            int released = REPLICAS - 1;
            // the trace, not status.upgrade: the status records a release only on its next write, and the
            // trace must show the release before the pause so "while paused" starts after it
            s.awaitTrace(CLUSTER, "the first pod (ordinal " + released + ") is released",
                    l -> l.contains("\"kind\":\"sts.partition\"") && l.contains("\"value\":" + released));
            s.patchSpec(CLUSTER, Map.of("paused", true));
            s.awaitStatus(CLUSTER, "phase Paused", st -> "Paused".equals(st.phase));
            s.awaitTrace(CLUSTER, "the released pod " + released + " becomes Ready at " + TO,
                    l -> l.contains("\"kind\":\"pod.ready\"") && Scenario.ordinal(l) == released
                            && l.contains("\"version\":\"" + TO + "\""));
            Thread.sleep(READY_DELAY.toMillis()); // time enough for a next release, were the pause ignored
            RaftClusterStatus paused = s.status(CLUSTER);
            assertThat(paused.phase).as(s.why("invariant: phase stays Paused while paused")).isEqualTo("Paused");

            List<String> whole = s.trace(CLUSTER);
            List<String> whilePaused = whole.subList(Scenario.indexOfKind(whole, "operator", 1), whole.size());
            assertThat(Scenario.ofKind(whilePaused, "sts.partition"))
                    .as(s.why("invariant: no partition write while paused\n" + String.join("\n", whilePaused))).isEmpty();
            assertThat(Scenario.ofKind(whilePaused, "job.created")).as(s.why("invariant: no Job while paused"))
                    .isEmpty();
            assertThat(Scenario.ofKind(whilePaused, "pod.deleted")).as(s.why("invariant: no pod deleted while paused "
                    + "but the one released before the pause")).allMatch(l -> Scenario.ordinal(l) == released);

            s.patchSpec(CLUSTER, Map.of("paused", false));
            s.awaitStatus(CLUSTER, "the cluster converges on " + TO,
                    st -> TO.equals(st.currentVersion) && st.upgrade == null);

            List<String> lines = s.trace(CLUSTER);
            List<String> afterUnpause = lines.subList(Scenario.indexOfKind(lines, "operator", 2), lines.size());
            assertThat(Scenario.ofKind(afterUnpause, "sts.partition")).as(s.why("invariant: unpause resumes at the "
                    + "recorded ordinal\n" + String.join("\n", lines)))
                    .first().matches(l -> l.contains("\"value\":" + (released - 1)));
            List<Integer> restarts = Scenario.ofKind(lines, "pod.deleted").stream().map(Scenario::ordinal)
                    .collect(Collectors.toList());
            assertThat(restarts).as(s.why("invariant: each pod restarts once, highest first"))
                    .containsExactly(2, 1, 0);
            s.assertInvariants(CLUSTER);
        }
    }
}
