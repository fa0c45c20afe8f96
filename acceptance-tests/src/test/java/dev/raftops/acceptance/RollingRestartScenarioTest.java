package dev.raftops.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.resource.ClusterSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user asks for a rolling restart with {@code spec.maintenance.restartAt}: every pod rolls once,
 * one at a time with the gates of an upgrade, the version stays, and the request is handled once.
 */
class RollingRestartScenarioTest {

    private static final String VERSION = "2.4.0";
    private static final String CLUSTER = "bao";
    private static final String REQUEST = "2026-11-24T10:00:00Z";

    @TempDir
    Path dir;

    @Test
    void aRestartRequestRollsEveryPodOnceAndKeepsTheVersion() {
        try (Scenario s = Scenario.start("rolling-restart", 81, 0, dir)) {
            s.create(CLUSTER, ClusterSpec.of(VERSION, null, 3), VERSION);
            s.awaitStatus(CLUSTER, "the cluster runs " + VERSION, st -> VERSION.equals(st.currentVersion));

            s.patchSpec(CLUSTER, Map.of("maintenance", Map.of("restartAt", REQUEST)));

            RaftClusterStatus done = s.awaitStatus(CLUSTER, "the restart is done",
                    st -> st.requests != null && REQUEST.equals(st.requests.lastHandledRestart) && st.upgrade == null
                            && (st.operationLock == null || st.operationLock.holder == null));
            assertThat(done.currentVersion).as(s.why("invariant: the version stays")).isEqualTo(VERSION);
            List<String> lines = s.trace(CLUSTER);
            int asked = Scenario.indexOfKind(lines, "operator", 0);
            for (int ordinal = 0; ordinal < 3; ordinal++) {
                String pod = "\"pod\":\"" + CLUSTER + "-" + ordinal + "\"";
                long rolls = lines.subList(asked, lines.size()).stream()
                        .filter(l -> l.contains("\"kind\":\"pod.deleted\"") && l.contains(pod)).count();
                assertThat(rolls).as(s.why("invariant: pod " + ordinal + " rolled once\n" + String.join("\n", lines)))
                        .isEqualTo(1);
            }
            assertThat(lines).as(s.why("invariant: the template carries the request"))
                    .anyMatch(l -> l.contains("\"kind\":\"sts.template\"") && l.contains(REQUEST));
            s.assertInvariants(CLUSTER);
        }
    }
}
