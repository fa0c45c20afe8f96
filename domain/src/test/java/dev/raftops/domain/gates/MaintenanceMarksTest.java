package dev.raftops.domain.gates;

import static dev.raftops.domain.gates.ClusterFixtures.STS;
import static dev.raftops.domain.gates.ClusterFixtures.pod;
import static dev.raftops.domain.gates.ClusterFixtures.statefulSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.decision.Action.MarkMaintenance.Target;
import dev.raftops.domain.decision.Action.MarkMaintenance;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.resource.Maintenance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaintenanceMarksTest {

    private static final Map<String, String> MARKED = Map.of("raftops.dev/maintenance", "true");
    private static final Map<String, String> UNMARKED = Map.of();

    private static ClusterObservation cluster(Map<String, String> stsMarks, List<PodView> pods) {
        return ClusterObservation.of(List.of(statefulSet(pods.size(), stsMarks)), pods, List.of());
    }

    @Test
    void enablingMarksTheStatefulSetAndEveryLivePod() {
        ClusterObservation observation = cluster(UNMARKED,
                List.of(pod(2, false, UNMARKED), pod(0, false, UNMARKED), pod(1, false, UNMARKED)));

        List<Action> actions = MaintenanceMarks.actions(Maintenance.on(), observation, STS);

        assertThat(actions).containsExactly(
                new MarkMaintenance(Target.STATEFUL_SET, "c", true, "rv-9"),
                new MarkMaintenance(Target.POD, "c-0", true, "uid-0"),
                new MarkMaintenance(Target.POD, "c-1", true, "uid-1"),
                new MarkMaintenance(Target.POD, "c-2", true, "uid-2"));
    }

    @Test
    void enablingSkipsTerminatingPods() {
        ClusterObservation observation = cluster(MARKED,
                List.of(pod(0, false, MARKED), pod(1, true, UNMARKED), pod(2, false, UNMARKED)));

        List<Action> actions = MaintenanceMarks.actions(Maintenance.on(), observation, STS);

        assertThat(actions).containsExactly(new MarkMaintenance(Target.POD, "c-2", true, "uid-2"));
    }

    @Test
    void disablingRemovesEveryMark() {
        ClusterObservation observation = cluster(MARKED, List.of(pod(0, false, MARKED), pod(1, false, MARKED)));

        List<Action> actions = MaintenanceMarks.actions(Maintenance.off(), observation, STS);

        assertThat(actions).containsExactly(
                new MarkMaintenance(Target.STATEFUL_SET, "c", false, "rv-9"),
                new MarkMaintenance(Target.POD, "c-0", false, "uid-0"),
                new MarkMaintenance(Target.POD, "c-1", false, "uid-1"));
    }

    @Test
    void nothingIsDoneWhenMarksAreInLineWithTheSpec() {
        ClusterObservation marked = cluster(MARKED, List.of(pod(0, false, MARKED), pod(1, true, UNMARKED)));
        ClusterObservation unmarked = cluster(UNMARKED, List.of(pod(0, false, UNMARKED), pod(1, false, UNMARKED)));

        assertThat(MaintenanceMarks.actions(Maintenance.on(), marked, STS)).isEmpty();
        assertThat(MaintenanceMarks.actions(Maintenance.off(), unmarked, STS)).isEmpty();
    }

    @Test
    void aValueOtherThanTrueIsNotAMark() {
        ClusterObservation observation = cluster(Map.of("raftops.dev/maintenance", "false"), List.of());

        assertThat(MaintenanceMarks.actions(Maintenance.on(), observation, STS))
                .containsExactly(new MarkMaintenance(Target.STATEFUL_SET, "c", true, "rv-9"));
        assertThat(MaintenanceMarks.actions(Maintenance.off(), observation, STS)).isEmpty();
    }

    @Test
    void podsOfOtherStatefulSetsAreLeftAlone() {
        PodView green = new PodView("c-green-0", "c-green", 0, "uid-g0", "rev-b", "openbao:1.2.0", "1.2.0", true,
                false, 0, dev.raftops.domain.cluster.Leadership.FOLLOWER, 0L, false, UNMARKED);
        ClusterObservation observation = cluster(MARKED, List.of(pod(0, false, MARKED))).withPods(
                List.of(pod(0, false, MARKED), green));

        assertThat(MaintenanceMarks.actions(Maintenance.on(), observation, STS)).isEmpty();
    }

    @Test
    void aMissingStatefulSetStillMarksItsPods() {
        ClusterObservation observation = ClusterObservation.of(List.of(), List.of(pod(0, false, UNMARKED)), List.of());

        assertThat(MaintenanceMarks.actions(Maintenance.on(), observation, STS))
                .containsExactly(new MarkMaintenance(Target.POD, "c-0", true, "uid-0"));
    }

    @Test
    void marksNeverDisruptSoAStepInFlightCarriesOn() {
        ClusterObservation observation = cluster(UNMARKED,
                List.of(pod(0, false, UNMARKED), pod(1, false, UNMARKED), pod(2, false, UNMARKED)));

        List<Action> actions = MaintenanceMarks.actions(Maintenance.on(), observation, STS);

        assertThat(actions).isNotEmpty().noneMatch(Action::disruptive);
    }
}
