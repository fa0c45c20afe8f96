package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.resource.ClusterSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A version as a person writes it ({@code v2.4.0}, {@code 2.4.4+build.7}): the cluster initialises
 * and upgrades on the image tags the repository publishes, and a change of build metadata alone
 * rolls nothing and is told in the {@code Upgrading} condition and an Event.
 */
class VersionSpellingScenarioTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"v2.4.0, v2.4.4, 2.4.4, 61", "v2.4.0, 2.4.4+build.7, 2.4.4+build.7, 62",
        "2.4.0+build.1, v2.4.4, 2.4.4, 63"})
    void aSpelledVersionInitialisesAndUpgradesOnTheTagWithoutVOrBuildMetadata(String from, String to,
            String recorded, long seed) {
        try (Scenario s = Scenario.start("version-spelling-" + seed, seed, 0, dir)) {
            s.create(CLUSTER, ClusterSpec.of(from, null, 3), to);
            s.awaitStatus(CLUSTER, "the cluster initialises on " + from, st -> st.currentVersion != null);
            long generation = s.patchSpec(CLUSTER, Map.of("version", to)).getMetadata().getGeneration();

            RaftClusterStatus done = s.awaitStatus(CLUSTER, "the cluster converges on " + to,
                    st -> st.observedGeneration != null && st.observedGeneration >= generation
                            && recorded.equals(st.currentVersion) && st.upgrade == null);

            List<String> lines = s.trace(CLUSTER);
            assertThat(Scenario.ofKind(lines, "sts.template")).as(s.why("the template names published tags only"))
                    .isNotEmpty().allMatch(l -> l.contains("\"image\":\"quay.io/openbao/openbao:2.4.0\"")
                            || l.contains("\"image\":\"quay.io/openbao/openbao:2.4.4\""));
            assertThat(Scenario.ofKind(lines, "pod.deleted")).as(s.why("every pod rolled once")).hasSize(3);
            assertThat(done.phase).as(s.why("the cluster runs")).isEqualTo("Running");
            s.assertInvariants(CLUSTER);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2.4.0, 2.4.0+build.7, 71", "v2.4.0+build.1, 2.4.0+build.2, 72"})
    void aBuildMetadataOnlyChangeRollsNothingAndSaysSo(String from, String to, long seed) {
        try (Scenario s = Scenario.start("build-metadata-only-" + seed, seed, 0, dir)) {
            s.create(CLUSTER, ClusterSpec.of(from, null, 3), to);
            RaftClusterStatus running = s.awaitStatus(CLUSTER, "the cluster initialises on " + from,
                    st -> st.currentVersion != null);
            s.patchSpec(CLUSTER, Map.of("version", to));

            RaftClusterStatus told = s.awaitStatus(CLUSTER, "condition Upgrading False, BuildMetadataOnly",
                    st -> Scenario.condition(st, "Upgrading") != null
                            && "False".equals(Scenario.condition(st, "Upgrading").status)
                            && "BuildMetadataOnly".equals(Scenario.condition(st, "Upgrading").reason));
            s.awaitEvents(CLUSTER, "a Normal Event BuildMetadataOnly",
                    e -> "Normal".equals(e.getType()) && "BuildMetadataOnly".equals(e.getReason())
                            && e.getMessage().contains("nothing to roll"));

            assertThat(Scenario.condition(told, "Upgrading").message).as(s.why("the condition says what was decided"))
                    .isEqualTo("spec.version " + to + " differs from the running " + running.currentVersion
                            + " only in build metadata: the image tag stays 2.4.0, nothing to roll");
            assertThat(told.currentVersion).as(s.why("currentVersion stays")).isEqualTo(running.currentVersion);
            List<String> lines = s.trace(CLUSTER);
            List<String> after = lines.subList(Scenario.indexOfKind(lines, "operator"), lines.size());
            assertThat(Scenario.ofKind(after, "pod.deleted")).as(s.why("no pod restarts")).isEmpty();
            assertThat(Scenario.ofKind(after, "sts.template")).as(s.why("no template write")).isEmpty();
            assertThat(Scenario.ofKind(after, "sts.partition")).as(s.why("no partition write")).isEmpty();
            StatefulSet sts = s.client().apps().statefulSets().inNamespace(Scenario.NAMESPACE).withName(CLUSTER).get();
            assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .as(s.why("the StatefulSet runs the published tag")).isEqualTo("quay.io/openbao/openbao:2.4.0");
            s.assertInvariants(CLUSTER);
        }
    }
}
