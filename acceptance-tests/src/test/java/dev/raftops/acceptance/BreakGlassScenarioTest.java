package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.UpgradeSpec;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.sandbox.SandboxFault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 11: a blue/green attempt fails after promotion, and its rollback fails too. The cluster
 * enters break-glass with a nonce and steps; an acknowledgement with a wrong nonce changes nothing
 * but an Event; the right one retries the rollback once, which then completes back on Blue.
 */
class BreakGlassScenarioTest {

    private static final String TO = "2.5.0";

    @TempDir
    Path dir;

    private static boolean jobOf(String line, String action, String result) {
        return line.contains("\"kind\":\"job.finished\"") && line.contains("\"action\":\"" + action + "\"")
                && line.contains("\"result\":\"" + result + "\"");
    }

    private static int jobs(Scenario s) {
        return s.client().batch().v1().jobs().inNamespace(Scenario.NAMESPACE).list().getItems().size();
    }

    @Test
    void aFailedRollbackWaitsInBreakGlassUntilTheRightNonceRetriesItOnce() {
        try (Scenario s = Scenario.start("break-glass-after-failed-rollback", 12L, 0, dir)) {
            ClusterSpec base = ClusterSpec.of(FROM, null, 3);
            s.create(CLUSTER, base.withUpgrade(UpgradeSpec.defaults().withStrategy(UpgradeStrategy.BLUE_GREEN)
                    .withBlueGreen(new BlueGreenSpec(true, 1, null, null))), TO);
            RaftClusterStatus running = s.awaitStatus(CLUSTER, "the cluster runs " + FROM,
                    st -> FROM.equals(st.currentVersion) && st.blueGreen != null && st.blueGreen.blueRevision != null);
            s.awaitTrace(CLUSTER, "Blue has a leader", l -> l.contains("\"kind\":\"raft.leader\"")
                    && !l.contains("\"pod\":null"));
            s.inject(CLUSTER, List.of(new SandboxFault.JobFail("demote-blue"), new SandboxFault.JobFail("repair-consensus")));
            s.patchSpec(CLUSTER, Map.of("version", TO));

            RaftClusterStatus glass = s.awaitStatus(CLUSTER, "break-glass after the failed rollback",
                    st -> st.breakGlass != null && Boolean.TRUE.equals(st.breakGlass.active) && st.breakGlass.nonce != null);
            assertThat(glass.phase).as(s.why("the phase says BreakGlass")).isEqualTo("BreakGlass");
            assertThat(glass.breakGlass.steps).as(s.why("the steps tell a person what to do")).isNotEmpty()
                    .anyMatch(step -> step.contains("breakGlassAck"));
            assertThat(Scenario.condition(glass, "BreakGlass")).as(s.why("a BreakGlass condition"))
                    .satisfies(c -> assertThat(c.status).isEqualTo("True"));
            int rollbackAttempt = glass.blueGreen.rollbackAttempt == null ? 0 : glass.blueGreen.rollbackAttempt;
            s.awaitQuiet(Duration.ofSeconds(1));
            int jobs = jobs(s);

            s.patchSpec(CLUSTER, Map.of("breakGlassAck", "0123456789abcdef0123456789abcdef"));
            s.awaitEvents(CLUSTER, "a wrong nonce is answered with an Event",
                    e -> "BreakGlassAckRejected".equals(e.getReason()));
            s.awaitQuiet(Duration.ofSeconds(1));
            RaftClusterStatus still = s.status(CLUSTER);
            assertThat(still.breakGlass.active).as(s.why("a wrong ack leaves break-glass on")).isTrue();
            assertThat(still.breakGlass.nonce).as(s.why("the nonce is unchanged")).isEqualTo(glass.breakGlass.nonce);
            assertThat(still.blueGreen.phase).as(s.why("the rollback did not move")).isEqualTo(glass.blueGreen.phase);
            assertThat(jobs(s)).as(s.why("no Job after the wrong ack")).isEqualTo(jobs);

            s.patchSpec(CLUSTER, Map.of("breakGlassAck", glass.breakGlass.nonce));
            RaftClusterStatus done = s.awaitStatus(CLUSTER, "the retried rollback completes on Blue",
                    st -> st.blueGreen != null && "Idle".equals(st.blueGreen.phase) && st.blueGreen.failedTarget != null
                            && (st.breakGlass == null || !Boolean.TRUE.equals(st.breakGlass.active))
                            && st.operationLock != null && st.operationLock.operation == null);

            assertThat(done.currentVersion).as(s.why("Blue still runs " + FROM)).isEqualTo(FROM);
            assertThat(done.blueGreen.blueRevision).as(s.why("Blue is still Blue"))
                    .isEqualTo(running.blueGreen.blueRevision);
            assertThat(done.blueGreen.rollbackAttempt).as(s.why("the ack retried the rollback exactly once"))
                    .isEqualTo(rollbackAttempt + 1);
            List<String> lines = s.trace(CLUSTER);
            assertThat(lines).as(s.why("the rollback Job failed once, then succeeded"))
                    .anyMatch(l -> jobOf(l, "repair-consensus", "failed"))
                    .anyMatch(l -> jobOf(l, "repair-consensus", "succeeded"));
            assertThat(lines.stream().filter(l -> jobOf(l, "repair-consensus", "failed")).count())
                    .as(s.why("one failed rollback Job")).isEqualTo(1);
            s.assertInvariants(CLUSTER);
        }
    }
}
