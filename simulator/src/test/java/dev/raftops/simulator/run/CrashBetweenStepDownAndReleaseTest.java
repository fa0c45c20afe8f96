package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.trace.TraceRecord;
import dev.raftops.simulator.world.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The step-down writes no status: between its Job and the release the Job's deterministic name is
 * the only record (docs/decisions/step-down-record.md). For every step-down of a fault-free upgrade
 * the controller dies after the Job finished and leadership moved, just before the release's write;
 * the controller that takes over finds the Job by its name, asks for no second step-down, releases
 * the same ordinal and the upgrade converges without breaking an invariant.
 */
class CrashBetweenStepDownAndReleaseTest {

    @ParameterizedTest(name = "{0} replicas, leader at ordinal {1}")
    @MethodSource("dev.raftops.simulator.run.CrashAfterEveryWriteTest#placements")
    void aControllerThatDiesBetweenAFinishedStepDownAndTheReleaseDoesNotStepDownTwice(int replicas, int leader) {
        Scenario upgrade = Scenario.upgrade(replicas, "2.4.1", "2.5.0", leader, 2000L * replicas + leader);
        RunResult clean = SafeRun.of(upgrade);
        List<Integer> releases = releasesAfterAStepDown(clean);
        assertThat(releases).as("every upgrade steps the leader down once at least: %s", clean.summary()).isNotEmpty();

        for (int write : releases) {
            RunResult crashed = SafeRun.of(upgrade.withFaults(List.of(new Fault.CrashBeforeWrite(write))));
            assertThat(crashed.trace()).as(crashed.summary())
                    .anyMatch(l -> l.contains("\"fault\":\"controller-crash\"") && l.contains("\"before\":\"partition\""));
            assertThat(stepDownJobs(crashed)).as("no step-down twice; %s", crashed.summary())
                    .isEqualTo(stepDownJobs(clean));
            assertThat(released(crashed)).as("the same ordinals released in the same order; %s", crashed.summary())
                    .isEqualTo(released(clean));
            // the lost release is written again and nothing more (the pause can merge two status writes into one)
            assertThat(crashed.writes()).as("writes; %s", crashed.summary()).isLessThanOrEqualTo(clean.writes() + 1);
        }
    }

    /** The write number of each release whose pass found a finished step-down Job (the first write after it). */
    private static List<Integer> releasesAfterAStepDown(RunResult run) {
        List<Integer> out = new ArrayList<>();
        boolean afterStepDown = false;
        for (String text : run.trace()) {
            TraceRecord line = TraceRecord.parse(0, text);
            if (line.kind().equals("job.finished") && "step-down".equals(line.string("action"))) {
                afterStepDown = true;
            } else if (afterStepDown && line.kind().equals("sts.partition") && line.has("write")) {
                out.add((int) line.number("write"));
                afterStepDown = false;
            }
        }
        return out;
    }

    private static long stepDownJobs(RunResult run) {
        return run.trace().stream().map(l -> TraceRecord.parse(0, l))
                .filter(l -> l.kind().equals("job.created") && "step-down".equals(l.string("action"))).count();
    }

    private static List<Long> released(RunResult run) {
        return run.trace().stream().map(l -> TraceRecord.parse(0, l))
                .filter(l -> l.kind().equals("sts.partition") && l.has("write")).map(l -> l.number("value")).toList();
    }
}
