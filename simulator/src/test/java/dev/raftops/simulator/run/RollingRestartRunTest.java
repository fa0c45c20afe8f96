package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.world.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code spec.maintenance.restartAt} set while a rolling upgrade runs is folded into it: the pods
 * the upgrade has not rolled yet roll once, the pods it has rolled roll once more, one at a time,
 * with no invariant broken; the same when the controller crashes after any write.
 */
class RollingRestartRunTest {

    /** With this seed ordinal 2 has rolled and ordinal 1 is released at 13 s; ordinal 0 has not rolled. */
    private static Scenario restartDuringUpgrade() {
        return Scenario.upgrade(3, "2.4.1", "2.5.0", 2, 11).withFaults(List.of(new Fault.Restart(13)));
    }

    @Test
    void aRestartDuringAnUpgradeRollsEveryPodOnceMoreAfterTheRequestAndNeverTwoAtOnce() {
        RunResult run = SafeRun.of(restartDuringUpgrade());

        assertEveryPodRolledAfterTheRequest(run);
    }

    @Test
    void aControllerCrashAfterAnyWriteOfAFoldedRestartConvergesSafely() {
        CrashAfterEveryWrite.check(restartDuringUpgrade(), RollingRestartRunTest::assertEveryPodRolledAfterTheRequest);
    }

    private static void assertEveryPodRolledAfterTheRequest(RunResult run) {
        List<String> trace = run.trace();
        int requested = TraceSearch.first(trace, 0, "\"request\":\"restart\"");
        assertThat(requested).as("the restart was requested mid-upgrade: %s", run.summary()).isPositive();
        List<String> after = trace.subList(requested, trace.size());
        assertThat(after).as("the template carries the request: %s", run.summary())
                .anyMatch(l -> l.contains("\"kind\":\"sts.template\"") && l.contains("\"restartedAt\""));
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            String deleted = "\"pod\":\"raft-" + ordinal + "\"";
            long rolls = after.stream().filter(l -> l.contains("\"kind\":\"pod.deleted\"") && l.contains(deleted)
                    && l.contains("\"cause\":\"rollout\"")).count();
            assertThat(rolls).as("ordinal %d rolls once after the request: %s", ordinal, run.summary()).isEqualTo(1);
        }
    }
}
