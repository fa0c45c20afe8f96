package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static dev.raftops.acceptance.Scenario.REPLICAS;
import static dev.raftops.acceptance.Scenario.TO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.sandbox.SandboxFault.WriteKind;
import dev.raftops.sandbox.SandboxFault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario 12: 409 Conflict answered to the controller's status and StatefulSet (partition)
 * writes during a rolling upgrade: no progress is lost (the recorded partition never goes back up)
 * and no pod is disrupted twice.
 */
class ConflictScenarioTest {

    private static final Pattern PARTITION = Pattern.compile("\"partition\":(\\d+)");

    @TempDir
    Path dir;

    static Stream<Arguments> conflicts() {
        return Stream.of(
                Arguments.of("every other status write", List.of(new SandboxFault.ConflictOn(WriteKind.STATUS, 2)), 121),
                Arguments.of("every other StatefulSet write",
                        List.of(new SandboxFault.ConflictOn(WriteKind.STATEFULSET, 2)), 122),
                Arguments.of("both, and every other pod delete and Job create", List.of(
                        new SandboxFault.ConflictOn(WriteKind.STATUS, 2),
                        new SandboxFault.ConflictOn(WriteKind.STATEFULSET, 2),
                        new SandboxFault.ConflictOn(WriteKind.POD, 2),
                        new SandboxFault.ConflictOn(WriteKind.JOB, 2)), 123));
    }

    @ParameterizedTest(name = "409 on {0}")
    @MethodSource("conflicts")
    void theUpgradeConvergesWithoutLostProgressOrADisruptionTwice(String what, List<SandboxFault> faults, long seed) {
        try (Scenario s = Scenario.start("conflicts-" + what.replace(' ', '-'), seed, 0, dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, REPLICAS), TO);
            s.inject(CLUSTER, faults);
            s.patchSpec(CLUSTER, Map.of("version", TO));

            s.awaitStatus(CLUSTER, "the cluster converges on " + TO,
                    st -> TO.equals(st.currentVersion) && st.upgrade == null);

            List<String> lines = s.trace(CLUSTER);
            assertThat(Scenario.ofKind(lines, "fault")).as(s.why("conflicts were injected"))
                    .anyMatch(l -> l.contains("\"fault\":\"conflict\""));
            List<Integer> recorded = new ArrayList<>();
            for (String line : Scenario.ofKind(lines, "status")) {
                Matcher m = PARTITION.matcher(line);
                if (m.find()) {
                    recorded.add(Integer.parseInt(m.group(1)));
                }
            }
            assertThat(recorded).as(s.why("invariant: no lost progress, the recorded partition never goes back up\n"
                    + String.join("\n", lines))).isSortedAccordingTo((a, b) -> b - a);
            List<Integer> restarts = Scenario.ofKind(lines, "pod.deleted").stream().map(Scenario::ordinal)
                    .collect(Collectors.toList());
            assertThat(restarts).as(s.why("invariant: no pod disrupted twice\n" + String.join("\n", lines)))
                    .containsExactly(2, 1, 0);
            assertThat(Scenario.ofKind(lines, "job.created")).as(s.why("invariant: one step-down Job for the leader"))
                    .hasSize(1);
            s.assertInvariants(CLUSTER);
        }
    }
}
