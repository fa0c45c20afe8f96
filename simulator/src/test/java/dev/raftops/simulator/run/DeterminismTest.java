package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.world.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static final List<Fault> FAULTS = List.of(new Fault.LeaderChange(7), new Fault.PodCrash(15, 1),
            new Fault.ConflictOnWrite(4), new Fault.StaleRead(9), new Fault.DropEvent(5),
            new Fault.DelayEvent(8, 3), new Fault.CrashAfterWrite(11), new Fault.JobFailure(1));

    private static byte[] traceOf(long seed) {
        Scenario scenario = Scenario.upgrade(5, "2.4.1", "2.5.0", 2, seed).withFaults(FAULTS).withAutoRetry(true);
        return new ScenarioRunner().run(scenario).traceText().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameSeedGivesByteIdenticalTraces() {
        assertThat(traceOf(42)).isEqualTo(traceOf(42));
    }

    @Test
    void anotherSeedGivesAnotherTrace() {
        assertThat(traceOf(43)).isNotEqualTo(traceOf(42));
    }
}
