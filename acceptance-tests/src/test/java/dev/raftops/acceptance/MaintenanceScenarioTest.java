package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.raftops.domain.resource.ClusterSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 8: maintenance mode marks the StatefulSet and every pod, and unmarks them. */
class MaintenanceScenarioTest {

    private static final String MARK = "raftops.dev/maintenance";

    @TempDir
    Path dir;

    @Test
    void maintenanceOnMarksTheStatefulSetAndEveryPodAndOffRemovesTheMark() {
        long seed = 8;
        try (Scenario s = Scenario.start("maintenance-on-off", seed, null, dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of("2.4.0", null, 3), "2.4.0");

            s.patchSpec(CLUSTER, Map.of("maintenance", Map.of("enabled", true)));
            await(s.why("invariant: the StatefulSet and every pod carry " + MARK + "=true"))
                    .atMost(Scenario.TIMEOUT).pollInterval(Duration.ofMillis(50))
                    .until(() -> marked(s), objects -> objects.size() == 4);

            s.patchSpec(CLUSTER, Map.of("maintenance", Map.of("enabled", false)));
            await(s.why("invariant: maintenance off removes " + MARK + " from the StatefulSet and every pod"))
                    .atMost(Scenario.TIMEOUT).pollInterval(Duration.ofMillis(50))
                    .until(() -> marked(s), List::isEmpty);
            assertThat(s.client().pods().inNamespace(Scenario.NAMESPACE).list().getItems())
                    .as(s.why("invariant: the pods are still there")).hasSize(3);
            s.assertInvariants(CLUSTER);
        }
    }

    /** The StatefulSet and pods of the cluster whose annotation says maintenance is on. */
    private static List<HasMetadata> marked(Scenario s) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(s.client().apps().statefulSets().inNamespace(Scenario.NAMESPACE).withName(CLUSTER).get());
        for (Pod pod : s.client().pods().inNamespace(Scenario.NAMESPACE).list().getItems()) {
            objects.add(pod);
        }
        objects.removeIf(o -> o == null || o.getMetadata().getAnnotations() == null
                || !"true".equals(o.getMetadata().getAnnotations().get(MARK)));
        return objects;
    }
}
