package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.world.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code spec.image} changed to a mirror of the version the cluster runs, with no upgrade in flight:
 * every pod rolls onto the new image once, one at a time, the leader stepped down before its restart,
 * never two pods down (the invariant checker judges every line), and the version stays.
 */
class ImageChangeRunTest {

    static final String MIRROR = "mirror.example/openbao/openbao:2.4.0";

    /** A cluster converged on 2.4.0, leader at {@code leader}; at 30 s a person sets spec.image to the mirror. */
    private static Scenario imageChange(int leader, long seed) {
        return Scenario.upgrade(3, "2.4.0", "2.4.0", leader, seed).withFaults(List.of(new Fault.ImageChange(30, MIRROR)));
    }

    @ParameterizedTest(name = "leader at ordinal {0}")
    @ValueSource(ints = {0, 1, 2})
    void aMirrorOfTheRunningVersionRollsEveryPodOnceAndTheLeaderOnlyAfterItsStepDown(int leader) {
        RunResult run = SafeRun.of(imageChange(leader, 7));

        assertEveryPodRolledOnceOntoTheMirror(run);
        List<String> after = afterTheRequest(run);
        int stepDown = TraceSearch.first(after, 0, "step-down");
        int leaderDeleted = TraceSearch.first(after, 0, "\"kind\":\"pod.deleted\"", "\"pod\":\"raft-" + leader + "\"");
        assertThat(stepDown).as("the leader is asked to step down: %s", run.summary()).isNotNegative();
        assertThat(stepDown).as("before the leader's pod goes: %s", run.summary()).isLessThan(leaderDeleted);
        assertThat(after).as("the version stays: %s", run.summary())
                .noneMatch(l -> l.contains("\"kind\":\"status\"") && l.contains("\"currentVersion\"")
                        && !l.contains("\"currentVersion\":\"2.4.0\""));
    }

    @Test
    void aControllerCrashAfterAnyWriteOfAnImageChangeConvergesSafely() {
        CrashAfterEveryWrite.check(imageChange(0, 3), ImageChangeRunTest::assertEveryPodRolledOnceOntoTheMirror);
    }

    private static List<String> afterTheRequest(RunResult run) {
        int requested = TraceSearch.first(run.trace(), 0, "\"request\":\"image\"");
        assertThat(requested).as("the image was changed: %s", run.summary()).isPositive();
        return run.trace().subList(requested, run.trace().size());
    }

    private static void assertEveryPodRolledOnceOntoTheMirror(RunResult run) {
        List<String> after = afterTheRequest(run);
        assertThat(after).as("the template carries the mirror: %s", run.summary())
                .anyMatch(l -> l.contains("\"kind\":\"sts.template\"") && l.contains(MIRROR));
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            String pod = "\"pod\":\"raft-" + ordinal + "\"";
            long rolls = after.stream().filter(l -> l.contains("\"kind\":\"pod.deleted\"") && l.contains(pod)
                    && l.contains("\"cause\":\"rollout\"")).count();
            assertThat(rolls).as("ordinal %d rolls once: %s", ordinal, run.summary()).isEqualTo(1);
            assertThat(after).as("ordinal %d comes back on the mirror: %s", ordinal, run.summary())
                    .anyMatch(l -> l.contains("\"kind\":\"pod.created\"") && l.contains(pod) && l.contains(MIRROR));
        }
    }
}
