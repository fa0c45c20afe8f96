package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.world.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An operator breaks the lock of a running rolling upgrade ({@code spec.operationLock.forceRelease}
 * naming its holder and epoch) while the upgrade's step-down Job still runs. The displaced upgrade
 * never acts under the old epoch: the Job finishes, yet from the release until the operator's retry
 * 30 s later no partition is lowered and no pod deleted by the controller; the retry takes the lock
 * under a new epoch and the upgrade converges. The same holds when the controller crashes after
 * any write of the run.
 */
class ForcedLockReleaseTest {

    /** At 13 s the step-down Job before ordinal 1 rolls runs (12.2 s to 14.5 s with this seed). */
    private static Scenario brokenMidUpgrade() {
        return Scenario.upgrade(3, "2.4.1", "2.5.0", 2, 11).withFaults(List.of(new Fault.ForceRelease(13), new Fault.Retry(43)));
    }

    @Test
    void theDisplacedUpgradeWritesNothingToTheWorkloadUntilARetryTakesANewEpoch() {
        RunResult run = SafeRun.of(brokenMidUpgrade());

        assertThat(run.trace()).as("the lock was broken mid-upgrade: %s", run.summary())
                .anyMatch(l -> l.contains("\"failure\":\"OperationLockForceReleased\""));
        int released = TraceSearch.first(run.trace(), 0, "\"request\":\"force-release\"");
        int retried = TraceSearch.first(run.trace(), released, "\"request\":\"retry\"");
        assertThat(run.trace().subList(released, retried)).as("the displaced holder's Job kept running: %s",
                run.summary()).anyMatch(l -> l.contains("\"kind\":\"job.finished\"") && l.contains("step-down"));
        assertFencedUntilRetry(run);
    }

    @Test
    void aControllerCrashAfterAnyWriteNeverResumesTheDisplacedUpgradesPendingStep() {
        CrashAfterEveryWrite.check(brokenMidUpgrade(), ForcedLockReleaseTest::assertFencedUntilRetry);
    }

    private static void assertFencedUntilRetry(RunResult run) {
        List<String> trace = run.trace();
        int requested = TraceSearch.first(trace, 0, "\"request\":\"force-release\"");
        assertThat(requested).as("the lock was held when the operator broke it: %s", run.summary()).isPositive();
        int released = TraceSearch.first(trace, requested, "\"failure\":\"OperationLockForceReleased\"");
        assertThat(released).as("the upgrade was displaced: %s", run.summary()).isPositive();
        assertThat(trace.get(released)).as(run.summary()).contains("\"lock\":null");
        int retried = TraceSearch.first(trace, released, "\"request\":\"retry\"");
        assertThat(retried).as("the operator retried: %s", run.summary()).isPositive();
        for (String line : trace.subList(requested, retried)) {
            assertThat(line).as("no workload write by the displaced upgrade: %s", run.summary())
                    .doesNotContain("\"kind\":\"sts.partition\"").doesNotContain("\"cause\":\"controller\"");
        }
    }
}
