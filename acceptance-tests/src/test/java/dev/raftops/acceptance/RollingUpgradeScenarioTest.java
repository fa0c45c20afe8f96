package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static dev.raftops.acceptance.Scenario.TO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.resource.ClusterSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scenario 1: a patch release rolled through 3 and 5 replicas with the leader at every ordinal. */
class RollingUpgradeScenarioTest {

    @TempDir
    Path dir;

    static Stream<Arguments> replicasAndLeader() {
        return Stream.of(3, 5).flatMap(n -> IntStream.range(0, n).mapToObj(leader -> Arguments.of(n, leader)));
    }

    @ParameterizedTest(name = "{0} replicas, leader {1}")
    @MethodSource("replicasAndLeader")
    void rollsOnePodAtATimeHighestFirstWithTheLeaderSteppedDown(int replicas, int leader) {
        long seed = 100L * replicas + leader;
        try (Scenario s = Scenario.start("rolling-upgrade-" + replicas + "-leader-" + leader, seed, leader, dir)) {
            s.createRunning(CLUSTER, ClusterSpec.of(FROM, null, replicas), TO);
            long generation = s.patchSpec(CLUSTER, Map.of("version", TO)).getMetadata().getGeneration();

            RaftClusterStatus done = s.awaitStatus(CLUSTER, "the cluster converges on " + TO,
                    st -> st.observedGeneration != null && st.observedGeneration >= generation
                            && TO.equals(st.currentVersion) && st.upgrade == null);

            List<String> lines = s.trace(CLUSTER);
            List<Integer> restarts = Scenario.ofKind(lines, "pod.deleted").stream().map(Scenario::ordinal)
                    .collect(Collectors.toList());
            List<Integer> highestFirst = IntStream.iterate(replicas - 1, i -> i >= 0, i -> i - 1).boxed()
                    .collect(Collectors.toList());
            assertThat(restarts).as(s.why("invariant: one pod at a time, highest ordinal first")).isEqualTo(
                    highestFirst);
            assertThat(Scenario.ofKind(lines, "pod.deleted")).as(s.why("invariant: the leader is stepped down "
                    + "before its pod restarts")).noneMatch(l -> l.contains("\"leader\":true"));
            assertThat(done.operationLock).as(s.why("invariant: the operation lock was taken")).isNotNull();
            assertThat(done.operationLock.operation).as(s.why("invariant: the operation lock is released at the end"))
                    .isNull();
            assertThat(done.operationLock.holder).as(s.why("invariant: the operation lock is released at the end"))
                    .isNull();
            assertThat(done.operationLock.epoch).as(s.why("invariant: the operation lock was taken for the upgrade"))
                    .isPositive();
            s.assertInvariants(CLUSTER);
        }
    }
}
