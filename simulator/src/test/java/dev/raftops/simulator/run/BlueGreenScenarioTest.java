package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.world.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blue/green cutovers run by the real controller inside the simulated world, checked on every trace line. */
class BlueGreenScenarioTest {

    private static final Scenario.BlueGreenRun AUTO = new Scenario.BlueGreenRun(true, 5);
    private static final Scenario.BlueGreenRun HELD = new Scenario.BlueGreenRun(false, 5);
    /** One failed Job unwinds the attempt. */
    private static final Scenario.BlueGreenRun STRICT = new Scenario.BlueGreenRun(true, 1);

    private final ScenarioRunner runner = new ScenarioRunner();

    private static long count(RunResult run, String fragment) {
        return run.trace().stream().filter(l -> l.contains(fragment)).count();
    }

    @Test
    void anAutoPromotedCutoverConvergesOnGreenWithTrafficMovedOnceGreenLeads() {
        RunResult run = SafeRun.of(Scenario.blueGreen(3, "2.1.0", "2.2.0", 1, 7, AUTO));
        assertThat(count(run, "\"kind\":\"service.selector\"")).as("unpinned, pinned to Blue, switched to Green")
                .isEqualTo(3);
        int greenLeads = TraceSearch.first(run.trace(), 0, "\"kind\":\"raft.leader\"", "\"term\":2");
        int switched = run.trace().lastIndexOf(run.trace().stream()
                .filter(l -> l.contains("\"kind\":\"service.selector\"")).reduce((a, b) -> b).orElseThrow());
        assertThat(greenLeads).as(run.summary()).isPositive().isLessThan(switched);
        for (String action : List.of("join-green", "wait-synced", "promote-green", "demote-blue", "remove-blue-peers")) {
            assertThat(count(run, "\"action\":\"" + action + "\",\"result\":\"succeeded\"")).as(action).isEqualTo(1);
        }
    }

    @Test
    void greenJoinsAsNonVotersAndVotesOnlyAfterPromotion() {
        RunResult run = runner.run(Scenario.blueGreen(3, "2.1.0", "2.2.0", 0, 11, AUTO));
        int promoted = TraceSearch.first(run.trace(), 0, "\"kind\":\"job.finished\"", "promote-green");
        int firstGreenVote = -1;
        int firstNonVoter = TraceSearch.first(run.trace(), 0, "\"kind\":\"raft.member\"", "\"voter\":false");
        for (int i = 0; i < run.trace().size(); i++) {
            String line = run.trace().get(i);
            if (line.contains("\"kind\":\"raft.member\"") && line.contains("\"voter\":true") && i > firstNonVoter
                    && firstNonVoter > 0) {
                firstGreenVote = i;
                break;
            }
        }
        assertThat(firstNonVoter).as(run.summary()).isPositive();
        assertThat(firstGreenVote).as("Green votes only when the promote Job finishes").isEqualTo(promoted - 3);
    }

    @Test
    void aHeldPromotionWaitsForThePromoteTokenThenConverges() {
        RunResult run = runner.run(Scenario.blueGreen(3, "2.1.0", "2.2.0", 2, 5, HELD));
        assertThat(run.converged()).as(run.summary()).isTrue();
        int token = TraceSearch.first(run.trace(), 0, "\"kind\":\"operator\"", "\"request\":\"promote\"");
        int promote = TraceSearch.first(run.trace(), 0, "\"kind\":\"job.created\"", "promote-green");
        assertThat(token).as(run.summary()).isPositive();
        assertThat(promote).as("no promotion before the token").isGreaterThan(token);
    }

    /**
     * A strict attempt (one Job failure allowed) whose {@code nth} Job, {@code action}'s, fails: the
     * attempt fails on the threshold, that Job failed once, and no invariant broke.
     */
    private RunResult failedOnItsJob(int nth, String action) {
        RunResult run = runner.run(Scenario.blueGreen(3, "2.1.0", "2.2.0", 1, 7, STRICT)
                .withFaults(List.of(new Fault.JobFailure(nth))));
        assertThat(run.result()).as(run.summary()).isEqualTo("failed");
        assertThat(run.reason()).as(run.summary()).startsWith("JobFailureThresholdExceeded");
        assertThat(count(run, "\"action\":\"" + action + "\",\"result\":\"failed\"")).isEqualTo(1);
        assertThat(run.violations()).as(run.summary()).isEmpty();
        return run;
    }

    @Test
    void anExecutorFailureBeforePromotionAbortsAndLatchesTheTarget() {
        RunResult run = failedOnItsJob(1, "join-green");
        assertThat(count(run, "promote-green")).isZero();
        assertThat(count(run, "\"blueGreenPhase\":\"RollingBack\"")).isZero();
        assertThat(count(run, "\"kind\":\"sts.deleted\"")).as("Green deleted").isEqualTo(1);
        assertThat(run.trace().get(run.trace().size() - 1)).contains("\"currentVersion\":\"2.1.0\"");
    }

    @Test
    void anExecutorFailureAfterPromotionRollsBackToBlue() {
        RunResult run = failedOnItsJob(4, "demote-blue");
        assertThat(count(run, "\"blueGreenPhase\":\"RollingBack\"")).as(run.summary()).isPositive();
        assertThat(count(run, "\"action\":\"repair-consensus\",\"result\":\"succeeded\"")).isEqualTo(1);
        assertThat(count(run, "\"action\":\"remove-green-peers\",\"result\":\"succeeded\"")).isEqualTo(1);
        assertThat(run.trace().get(run.trace().size() - 1)).contains("\"currentVersion\":\"2.1.0\"");
    }

    @Test
    void aNewVersionDuringSyncAbortsWithoutLatchingAndTheNextAttemptConvergesOnIt() {
        RunResult run = runner.run(Scenario.blueGreen(3, "2.1.0", "2.2.0", 1, 7, AUTO)
                .withFaults(List.of(new Fault.NewTarget(22, "2.3.0")))); // Green is syncing at 22 s
        assertThat(run.converged()).as(run.summary()).isTrue();
        assertThat(run.trace().get(run.trace().size() - 1)).contains("\"currentVersion\":\"2.3.0\"");
        assertThat(count(run, "\"kind\":\"sts.created\"")).as("Blue, the abandoned Green, the new Green")
                .isEqualTo(3);
        assertThat(count(run, "\"blueGreenPhase\":\"RollingBack\"")).as("aborted, not rolled back").isZero();
        assertThat(count(run, "promote-green")).as("only the second attempt is promoted").isEqualTo(2);
    }

    @Test
    void theSameBlueGreenScenarioGivesTheSameTraceBytes() {
        Scenario s = Scenario.blueGreen(4, "2.1.0", "2.3.0", 3, 99, AUTO)
                .withFaults(List.of(new Fault.LeaderChange(10), new Fault.PodCrash(20, 1), new Fault.CrashAfterWrite(6)));
        assertThat(runner.run(s).traceText()).isEqualTo(runner.run(s).traceText());
    }
}
