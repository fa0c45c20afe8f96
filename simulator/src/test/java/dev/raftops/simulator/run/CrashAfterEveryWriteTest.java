package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.world.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CrashAfterEveryWrite} over a fault-free rolling upgrade: whatever write the controller
 * crashes after, the upgrade converges without breaking an invariant. 3 and 5 replicas, every leader placement; and 3
 * replicas with a pre-upgrade snapshot and a retarget mid-upgrade (more Jobs, a second lock).
 */
class CrashAfterEveryWriteTest {

    static Stream<Arguments> placements() {
        List<Arguments> out = new ArrayList<>();
        for (int replicas : new int[] {3, 5}) {
            for (int leader = 0; leader < replicas; leader++) {
                out.add(Arguments.of(replicas, leader));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} replicas, leader at ordinal {1}")
    @MethodSource("placements")
    void convergesSafelyWhateverWriteTheControllerCrashesAfter(int replicas, int leader) {
        crashAfterEveryWrite(Scenario.upgrade(replicas, "2.4.1", "2.5.0", leader, 1000L * replicas + leader));
    }

    @ParameterizedTest(name = "3 replicas, leader at ordinal {0}")
    @MethodSource("threeReplicaLeaders")
    void convergesSafelyWhateverWriteTheControllerCrashesAfterWithASnapshotAndARetarget(int leader) {
        crashAfterEveryWrite(Scenario.upgrade(3, "2.4.1", "2.5.0", leader, 77L + leader).withSnapshot(true)
                .withFaults(List.of(new Fault.NewTarget(25, "2.6.0"))));
    }

    static Stream<Arguments> threeReplicaLeaders() {
        return Stream.of(Arguments.of(0), Arguments.of(1), Arguments.of(2));
    }

    private static void crashAfterEveryWrite(Scenario upgrade) {
        RunResult clean = CrashAfterEveryWrite.check(upgrade, crashed -> { });
        assertThat(clean.trace().stream().filter(l -> l.contains("\"kind\":\"operator\"")).count())
                .as("every scheduled spec edit happened: %s", clean.summary())
                .isEqualTo(upgrade.faults().stream().filter(Fault.NewTarget.class::isInstance).count());
        assertThat(clean.writes()).as("a rolling upgrade of %d pods writes at least once per pod", upgrade.replicas())
                .isGreaterThanOrEqualTo(upgrade.replicas());
    }
}
