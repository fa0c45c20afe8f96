package dev.raftops.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.ports.driven.JobCreation;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.simulator.faults.ControllerCrash;
import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.run.ScenarioRunner;
import dev.raftops.simulator.trace.SimClock;
import dev.raftops.simulator.trace.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedPortsTest {

    private final SimClock clock = new SimClock(ScenarioRunner.EPOCH);

    private SimWorld world(Fault... faults) {
        return new SimWorld(Scenario.upgrade(3, "2.1.0", "2.2.0", 0, 1).withFaults(List.of(faults)), clock,
                new Trace(clock, "sim/raft"));
    }

    private static Action.SetPartition partition(SimWorld w, int value) {
        String rv = w.api().observe().statefulSet("raft").orElseThrow().resourceVersion();
        return new Action.SetPartition("raft", value, rv);
    }

    @Test
    void theKthWriteConflictsWithoutBeingApplied() {
        SimWorld w = world(new Fault.ConflictOnWrite(2));
        SimulatedPorts ports = new SimulatedPorts(w);
        assertThat(ports.setPartition(w.key(), partition(w, 3)).written()).isTrue();
        assertThat(ports.setPartition(w.key(), partition(w, 2))).isInstanceOf(WriteResult.Conflict.class);
        assertThat(w.api().observe().statefulSet("raft").orElseThrow().partition()).isEqualTo(3);
        assertThat(ports.writes()).isEqualTo(2);
    }

    @Test
    void theControllerCrashesRightAfterTheKthWriteIsApplied() {
        SimWorld w = world(new Fault.CrashAfterWrite(1));
        SimulatedPorts ports = new SimulatedPorts(w);
        assertThatThrownBy(() -> ports.setPartition(w.key(), partition(w, 3))).isInstanceOf(ControllerCrash.class);
        assertThat(w.api().observe().statefulSet("raft").orElseThrow().partition()).isEqualTo(3);
    }

    @Test
    void aStaleReadReturnsWhatThePreviousReadSaw() {
        SimWorld w = world(new Fault.StaleRead(2));
        SimulatedPorts ports = new SimulatedPorts(w);
        ClusterObservation first = ports.observe(w.key());
        w.api().deletePod("raft-2", first.podsOf("raft").get(2).uid());
        assertThat(ports.observe(w.key())).isSameAs(first);
        assertThat(ports.observe(w.key()).podsOf("raft").get(2).terminating()).isTrue();
    }

    @Test
    void aJobNameTakenAlreadyAnswersAlreadyExists() {
        SimWorld w = world();
        SimulatedPorts ports = new SimulatedPorts(w);
        JobRequest job = new JobRequest("raft-backup-1", ExecutorAction.BACKUP, null, null, Map.of(), 0);
        assertThat(ports.createIfAbsent(w.key(), job)).isInstanceOf(JobCreation.Created.class);
        assertThat(ports.createIfAbsent(w.key(), job)).isInstanceOf(JobCreation.AlreadyExists.class);
        w.runFor(Duration.ofSeconds(10));
        assertThat(ports.delete(w.key(), job.name()).written()).isTrue();
        assertThat(ports.delete(w.key(), job.name())).isInstanceOf(WriteResult.NotFound.class);
    }

    @Test
    void maintenanceMarksLandOnTheStatefulSet() {
        SimWorld w = world();
        SimulatedPorts ports = new SimulatedPorts(w);
        ports.markMaintenance(w.key(), new Action.MarkMaintenance(Action.MarkMaintenance.Target.STATEFUL_SET, "raft",
                true, null));
        assertThat(w.api().observe().statefulSet("raft").orElseThrow().annotations())
                .containsEntry("raftops.dev/maintenance", "true");
    }
}
