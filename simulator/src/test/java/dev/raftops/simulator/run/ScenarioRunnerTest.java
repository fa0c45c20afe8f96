package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.world.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

    private final ScenarioRunner runner = new ScenarioRunner();

    private static long count(RunResult run, String fragment) {
        return run.trace().stream().filter(l -> l.contains(fragment)).count();
    }

    @Test
    void aFaultFreeUpgradeConvergesAndTheTraceTellsTheWholeStory() {
        RunResult run = SafeRun.of(Scenario.upgrade(3, "2.1.0", "2.2.0", 0, 7));
        assertThat(run.trace().get(0)).contains("\"kind\":\"run.start\"");
        assertThat(run.trace().get(run.trace().size() - 1))
                .contains("\"kind\":\"run.end\"", "\"result\":\"converged\"", "\"currentVersion\":\"2.2.0\"");
        assertThat(count(run, "\"cause\":\"rollout\"")).as(run.summary()).isEqualTo(3);
        assertThat(count(run, "\"action\":\"step-down\"")).as("the leader steps down once: " + run.summary())
                .isEqualTo(2); // job.created and job.finished
    }

    @Test
    void aSingleReplicaUpgradesWithoutAStepDown() {
        RunResult run = runner.run(Scenario.upgrade(1, "2.1.0", "2.2.0", 0, 3));
        assertThat(run.converged()).as(run.summary()).isTrue();
        assertThat(count(run, "\"action\":\"step-down\"")).isZero();
    }

    @Test
    void everyReconcileCallIsCountedAtLeastOnePerRelease() {
        RunResult run = runner.run(Scenario.upgrade(3, "2.1.0", "2.2.0", 1, 7));
        assertThat(run.converged()).as(run.summary()).isTrue();
        assertThat(run.reconciles()).as(run.summary())
                .isGreaterThanOrEqualTo((int) count(run, "\"cause\":\"rollout\""))
                .isGreaterThan(0);
    }

    @Test
    void aNewControllerWithNoMemoryFinishesAfterACrash() {
        RunResult run = runner.run(Scenario.upgrade(3, "2.1.0", "2.2.0", 1, 7)
                .withFaults(List.of(new Fault.CrashAfterWrite(4))));
        assertThat(run.controllerStarts()).isEqualTo(2);
        assertThat(run.converged()).as(run.summary()).isTrue();
    }

    @Test
    void aBrokenTargetStopsTheUpgradeAtTheFirstPod() {
        RunResult run = runner.run(Scenario.upgrade(3, "2.1.0", "2.2.0", 0, 7)
                .withBrokenVersion("2.2.0", Scenario.PodFailureMode.CRASH_LOOP).withLimit(Duration.ofMinutes(30)));
        assertThat(run.result()).as(run.summary()).isEqualTo("failed");
        assertThat(run.reason()).startsWith("PodNotReady");
        assertThat(run.violations()).as(run.summary()).isEmpty();
        assertThat(count(run, "\"kind\":\"pod.deleted\"")).as(run.summary()).isEqualTo(1);
    }

    @Test
    void aFailedUpgradeResumesWhenTheOperatorAsksForARetry() {
        RunResult run = runner.run(Scenario.upgrade(3, "2.1.0", "2.2.0", 0, 7)
                .withFaults(List.of(new Fault.JobFailure(1))).withAutoRetry(true));
        assertThat(count(run, "\"kind\":\"operator\"")).as(run.summary()).isEqualTo(1);
        assertThat(run.converged()).as(run.summary()).isTrue();
    }

    @Test
    void aRetargetMidUpgradeRollsEveryPodToTheNewVersion() {
        RunResult run = runner.run(Scenario.upgrade(3, "2.1.0", "2.2.0", 0, 7)
                .withFaults(List.of(new Fault.NewTarget(15, "2.3.0"))));
        assertThat(run.converged()).as(run.summary()).isTrue();
        assertThat(run.trace().get(run.trace().size() - 1)).contains("\"currentVersion\":\"2.3.0\"");
        assertThat(run.violations()).as(run.summary()).isEmpty();
    }

    @Test
    void aPreUpgradeSnapshotRunsBeforeTheFirstPodIsTouchedAndIsRetriedAfterAFailure() {
        RunResult run = runner.run(Scenario.upgrade(3, "2.1.0", "2.2.0", 0, 7).withSnapshot(true)
                .withFaults(List.of(new Fault.JobFailure(1))));
        assertThat(run.converged()).as(run.summary()).isTrue();
        List<String> trace = run.trace();
        int lastSnapshot = -1;
        int firstDeletion = -1;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.get(i).contains("\"action\":\"pre-upgrade-snapshot\",\"result\":\"succeeded\"")) {
                lastSnapshot = i;
            }
            if (firstDeletion < 0 && trace.get(i).contains("\"kind\":\"pod.deleted\"")) {
                firstDeletion = i;
            }
        }
        assertThat(count(run, "\"kind\":\"job.created\",\"cluster\":\"sim/raft\",\"job\":\"raft-pre-upgrade-snapshot"))
                .as(run.summary()).isEqualTo(2);
        assertThat(lastSnapshot).as(run.summary()).isPositive().isLessThan(firstDeletion);
    }

    @Test
    void aSplitBrainHaltsTheUpgradeInBreakGlass() {
        RunResult run = runner.run(Scenario.upgrade(5, "2.1.0", "2.2.0", 0, 7)
                .withFaults(List.of(new Fault.SplitBrain(12))).withLimit(Duration.ofMinutes(20)));
        assertThat(run.result()).as(run.summary()).isEqualTo("blocked");
        assertThat(run.reason()).contains("SplitBrain");
        assertThat(run.violations()).as(run.summary()).isEmpty();
    }
}
