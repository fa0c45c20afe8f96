package dev.raftops.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.adapters.fabric8.crd.SpecUpgrade;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 14: documents the CRD schema would refuse (the mock server does not enforce it) become a
 * Degraded condition naming the field, and the controller keeps serving a valid cluster beside them.
 */
class InvalidSpecScenarioTest {

    @TempDir
    Path dir;

    @Test
    void badDocumentsAreDegradedWithTheFieldAndAValidNeighbourStillUpgrades() {
        long seed = 14;
        try (Scenario s = Scenario.start("bad-documents", seed, null, dir)) {
            RaftCluster zero = Fabric8Adapters.raftCluster(new ClusterKey(Scenario.NAMESPACE, "zero"),
                    ClusterSpec.of("2.4.0", null, 3));
            zero.getSpec().replicas = 0;
            s.create(zero);
            RaftCluster sideways = Fabric8Adapters.raftCluster(new ClusterKey(Scenario.NAMESPACE, "sideways"),
                    ClusterSpec.of("2.4.0", null, 3));
            if (sideways.getSpec().upgrade == null) {
                sideways.getSpec().upgrade = new SpecUpgrade();
            }
            sideways.getSpec().upgrade.strategy = "Sideways";
            s.create(sideways);
            s.create("good", ClusterSpec.of("2.4.0", null, 3), "2.4.4");

            assertDegraded(s, "zero", "replicas");
            assertDegraded(s, "sideways", "strategy");

            s.awaitStatus("good", "the valid cluster runs 2.4.0", st -> "2.4.0".equals(st.currentVersion));
            long generation = s.patchSpec("good", Map.of("version", "2.4.4")).getMetadata().getGeneration();
            s.awaitStatus("good", "the valid cluster converges on 2.4.4 beside the bad documents",
                    st -> st.observedGeneration != null && st.observedGeneration >= generation
                            && "2.4.4".equals(st.currentVersion) && st.upgrade == null);
            assertThat(s.client().apps().statefulSets().inNamespace(Scenario.NAMESPACE).withName("zero").get())
                    .as(s.why("invariant: nothing is created for a bad document")).isNull();
            assertThat(s.client().apps().statefulSets().inNamespace(Scenario.NAMESPACE).withName("sideways").get())
                    .as(s.why("invariant: nothing is created for a bad document")).isNull();
            s.assertInvariants("good");
        }
    }

    private static void assertDegraded(Scenario s, String cluster, String field) {
        RaftClusterStatus status = s.awaitStatus(cluster, "condition Degraded True with reason InvalidSpec",
                st -> Scenario.condition(st, "Degraded") != null
                        && "InvalidSpec".equals(Scenario.condition(st, "Degraded").reason));
        assertThat(Scenario.condition(status, "Degraded").message)
                .as(s.why("invariant: the InvalidSpec condition names the field " + field)).contains(field);
        assertThat(Scenario.condition(status, "Degraded").status).as(s.why("invariant: Degraded is True"))
                .isEqualTo("True");
        s.awaitEvents(cluster, "a Warning Event with reason InvalidSpec",
                e -> "Warning".equals(e.getType()) && "InvalidSpec".equals(e.getReason()));
    }
}
