package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.resource.ClusterSpec;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person deletes a pod of a settled cluster with kubectl: the StatefulSet brings it back, and
 * the trace blames the person ({@code cause: person}), not the controller, so the invariant
 * checker does not count it as a disruption the controller made.
 */
class PersonDeletesPodScenarioTest {

    private static final String VERSION = "2.4.0";

    @TempDir
    Path dir;

    @Test
    void aPodDeletedWithKubectlIsTracedAsThePersonsDeleteAndComesBack() {
        try (Scenario s = Scenario.start("person-deletes-pod", 171, 0, dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(VERSION, null, 3), VERSION);
            s.awaitTrace(CLUSTER, "pod 2 Ready", l -> l.contains("\"kind\":\"pod.ready\"") && Scenario.ordinal(l) == 2);

            s.client().pods().inNamespace(Scenario.NAMESPACE).withName(CLUSTER + "-0").delete();

            s.awaitTrace(CLUSTER, "the deleted pod is traced", l -> l.contains("\"kind\":\"pod.deleted\""));
            assertThat(Scenario.ofKind(s.trace(CLUSTER), "pod.deleted")).as(s.why("the person's delete"))
                    .singleElement().asString().contains("\"pod\":\"" + CLUSTER + "-0\"").contains("\"cause\":\"person\"");
            s.awaitStatus(CLUSTER, "pod 0 comes back Ready", st -> {
                var lines = s.trace(CLUSTER);
                int deleted = Scenario.indexOfKind(lines, "pod.deleted");
                return lines.subList(deleted, lines.size()).stream().anyMatch(l -> l.contains("\"kind\":\"pod.ready\"")
                        && Scenario.ordinal(l) == 0);
            });
            s.assertInvariants(CLUSTER);
        }
    }
}
