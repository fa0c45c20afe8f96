package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static dev.raftops.acceptance.Scenario.NAMESPACE;
import static dev.raftops.acceptance.Scenario.TO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.resource.ClusterSpec;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario: one cluster rolled, switched to BlueGreen, upgraded blue/green, switched back to
 * RollingUpdate and rolled again, through the real controller against the embedded API server. The switches restart
 * no pod: the rolling StatefulSet becomes Blue under its own name, its pods labelled in place, and
 * the colour that serves after the cutover stays the workload (docs/decisions/strategy-switch.md).
 */
class StrategySwitchScenarioTest {

    private static final String BLUE_GREEN_TO = "2.5.0";
    private static final String ROLLING_AGAIN = "2.5.1";

    @TempDir
    Path dir;

    /** The cluster's server pods (not the executor Jobs' pods) by name, with their UIDs. */
    private static Map<String, String> serverPods(Scenario s) {
        Map<String, String> out = new TreeMap<>();
        for (Pod p : s.client().pods().inNamespace(NAMESPACE).withoutLabel("job-name").list().getItems()) {
            out.put(p.getMetadata().getName(), p.getMetadata().getUid());
        }
        return out;
    }

    private static long podDeletions(Scenario s) {
        return Scenario.ofKind(s.trace(CLUSTER), "pod.deleted").size();
    }

    @Test
    void aRolledClusterSwitchesToBlueGreenCutsOverSwitchesBackAndRollsTheColourWithoutTheSwitchesRestartingAPod() {
        try (Scenario s = Scenario.start("strategy-switch", 21L, 1, dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, 3), TO);
            long rolled = s.patchSpec(CLUSTER, Map.of("version", TO)).getMetadata().getGeneration();
            s.awaitStatus(CLUSTER, "the rolling upgrade converges on " + TO, st -> st.observedGeneration != null
                    && st.observedGeneration >= rolled && TO.equals(st.currentVersion) && st.upgrade == null);
            Map<String, String> before = serverPods(s);
            long deletions = podDeletions(s);

            s.patchSpec(CLUSTER, Map.of("upgrade", Map.of("strategy", "BlueGreen")));
            RaftClusterStatus adopted = s.awaitStatus(CLUSTER, "the rolling StatefulSet is adopted as Blue",
                    st -> "BlueGreen".equals(st.acceptedUpgradeStrategy) && st.blueGreen != null
                            && CLUSTER.equals(st.blueGreen.blueStatefulSet));
            String blue = adopted.blueGreen.blueRevision;
            s.awaitStatus(CLUSTER, "Blue's pods carry Blue's revision", st -> s.client().pods().inNamespace(NAMESPACE)
                    .withLabel("raftops.dev/statefulset", CLUSTER).list().getItems().stream()
                    .allMatch(p -> blue.equals(p.getMetadata().getLabels().get("raftops.dev/revision"))));

            assertThat(serverPods(s)).as(s.why("the switch to BlueGreen restarts no pod")).isEqualTo(before);
            assertThat(podDeletions(s)).as(s.why("no pod deleted by the switch")).isEqualTo(deletions);

            long cutover = s.patchSpec(CLUSTER, Map.of("version", BLUE_GREEN_TO)).getMetadata().getGeneration();
            RaftClusterStatus done = s.awaitStatus(CLUSTER, "the blue/green upgrade converges on " + BLUE_GREEN_TO,
                    st -> st.observedGeneration != null && st.observedGeneration >= cutover
                            && BLUE_GREEN_TO.equals(st.currentVersion) && st.blueGreen != null
                            && "Idle".equals(st.blueGreen.phase) && st.operationLock != null
                            && st.operationLock.operation == null);
            String green = done.blueGreen.blueRevision;
            List<String> lines = s.trace(CLUSTER);
            assertThat(Scenario.ofKind(lines, "service.selector")).as(s.why("traffic pinned to adopted Blue, then Green"))
                    .anyMatch(l -> l.contains(blue)).anyMatch(l -> l.contains(green));
            assertThat(done.blueGreen.blueStatefulSet).as(s.why("Green, revisioned, is Blue now")).isNull();
            assertThat(s.client().apps().statefulSets().inNamespace(NAMESPACE).withName(CLUSTER).get())
                    .as(s.why("the adopted Blue went with the cutover")).isNull();
            Map<String, String> colour = serverPods(s);
            assertThat(colour.keySet()).as(s.why("only Green's pods serve")).hasSize(3)
                    .allMatch(p -> p.startsWith(CLUSTER + "-" + green + "-"));
            long afterCutover = podDeletions(s);

            s.patchSpec(CLUSTER, Map.of("upgrade", Map.of("strategy", "RollingUpdate")));
            s.awaitStatus(CLUSTER, "RollingUpdate is in force again",
                    st -> "RollingUpdate".equals(st.acceptedUpgradeStrategy));
            s.awaitTrace(CLUSTER, "a pass after the switch back", l -> l.contains("UpgradeStrategyAccepted")
                    || l.contains("\"kind\":\"status\""));

            assertThat(serverPods(s)).as(s.why("the switch back restarts no pod")).isEqualTo(colour);
            assertThat(podDeletions(s)).as(s.why("no pod deleted by the switch back")).isEqualTo(afterCutover);
            assertThat(s.client().apps().statefulSets().inNamespace(NAMESPACE).withName(CLUSTER).get())
                    .as(s.why("no rolling StatefulSet is created beside the colour that serves")).isNull();

            long rolledAgain = s.patchSpec(CLUSTER, Map.of("version", ROLLING_AGAIN)).getMetadata().getGeneration();
            s.awaitStatus(CLUSTER, "the next upgrade rolls the colour to " + ROLLING_AGAIN, st -> st.observedGeneration
                    != null && st.observedGeneration >= rolledAgain && ROLLING_AGAIN.equals(st.currentVersion)
                    && st.upgrade == null);
            List<String> rolls = Scenario.ofKind(s.trace(CLUSTER), "pod.deleted");
            assertThat(rolls.subList((int) afterCutover, rolls.size())).as(s.why("each pod of the colour rolled once"))
                    .hasSize(3).allMatch(l -> l.contains(CLUSTER + "-" + green + "-"));
            assertThat(serverPods(s).keySet()).as(s.why("the colour's pods, new ones")).isEqualTo(colour.keySet())
                    .allMatch(p -> !serverPods(s).get(p).equals(colour.get(p)));
            assertThat(s.client().apps().statefulSets().inNamespace(NAMESPACE).withName(CLUSTER).get())
                    .as(s.why("the roll happened in the colour, not in a new StatefulSet")).isNull();
            s.assertInvariants(CLUSTER);
        }
    }
}
