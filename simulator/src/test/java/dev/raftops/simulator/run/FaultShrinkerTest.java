package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.run.broken.BrokenControllers;
import dev.raftops.simulator.run.broken.RestartLeaderWithoutStepDown;
import dev.raftops.simulator.world.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultShrinkerTest {

    @Test
    void faultsReplicasAndSnapshotsThatDoNotMatterAreRemovedAndTheReplayStillFails() {
        ScenarioRunner broken = new ScenarioRunner(BrokenControllers.withRolling(RestartLeaderWithoutStepDown::decide));
        List<Fault> noise = List.of(new Fault.ConflictOnWrite(3), new Fault.DropEvent(4), new Fault.StaleRead(6),
                new Fault.DelayEvent(2, 5), new Fault.PodCrash(40, 1));
        RunResult failing = broken.run(Scenario.upgrade(5, "2.1.0", "2.2.0", 0, 5).withFaults(noise).withSnapshot(true));
        assertThat(failing.safe()).as(failing.summary()).isFalse();

        RunResult shrunk = new FaultShrinker(broken).shrink(failing, r -> !r.safe());

        assertThat(shrunk.safe()).as(shrunk.summary()).isFalse();
        assertThat(shrunk.scenario().faults()).isEmpty(); // the bug needs no fault at all
        assertThat(shrunk.scenario().snapshot()).isFalse();
        assertThat(shrunk.scenario().replicas()).isEqualTo(2); // one replica has no leader to step down
        assertThat(shrunk.summary()).startsWith("replay: replicas=2 from=2.1.0 to=2.2.0 leader=0 seed=5 faults=[]");
    }
}
