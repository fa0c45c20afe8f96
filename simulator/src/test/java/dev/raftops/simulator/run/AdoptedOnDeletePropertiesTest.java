package dev.raftops.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.trace.TraceRecord;
import dev.raftops.simulator.world.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An adopted {@code OnDelete} StatefulSet (the OpenBao Helm chart's default) upgraded in the
 * deterministic world, with the invariant checker on every trace line: raftops deletes the pods
 * itself, followers first and the leader last after its step-down, so a run without faults costs
 * exactly one leader election; under faults the invariants still hold and the upgrade converges.
 */
class AdoptedOnDeletePropertiesTest {

    static Stream<Arguments> quietWithAnyLeader() {
        return PropertyCases.of(100, r -> {
            int replicas = Generate.between(r, 1, 7);
            return Scenario.upgrade(replicas, "2.4." + r.nextInt(4), "2." + Generate.between(r, 5, 9) + ".0",
                    r.nextInt(replicas), r.nextLong()).withAdoptedOnDelete(true);
        });
    }

    static Stream<Arguments> faulty() {
        return PropertyCases.of(150, r -> {
            Scenario quiet = RandomFaultsPropertiesTest.scenario(r);
            return quiet.withAdoptedOnDelete(true);
        });
    }

    /**
     * Leader elections after the start: every leadership change, a transfer (a step-down) or the loss
     * of the leader (the election that follows it is the same one, also when the run converges before
     * a single voter is elected again).
     */
    static long elections(RunResult run) {
        long elections = 0;
        boolean first = true;
        boolean leaderless = false;
        for (String text : run.trace()) {
            TraceRecord line = TraceRecord.parse(0, text);
            if (!line.kind().equals("raft.leader") || line.flag("splitBrain")) {
                continue;
            }
            boolean lost = line.string("pod") == null;
            if (!first && (lost || !leaderless)) {
                elections++;
            }
            first = false;
            leaderless = lost;
        }
        return elections;
    }

    static long podDeletes(RunResult run, String cause) {
        return run.trace().stream().map(l -> TraceRecord.parse(0, l))
                .filter(l -> l.kind().equals("pod.deleted") && cause.equals(l.string("cause"))).count();
    }

    @ParameterizedTest
    @MethodSource("quietWithAnyLeader")
    void anUpgradeWithoutFaultsCostsExactlyOneElection(Case<Scenario> c) {
        RunResult run = new ScenarioRunner().run(c.value());

        assertThat(run.violations()).as(c.why("invariants; " + run.summary())).isEmpty();
        assertThat(run.result()).as(c.why("converges; " + run.summary())).isEqualTo("converged");
        assertThat(elections(run)).as(c.why("one election per upgrade; " + run.summary())).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("quietWithAnyLeader")
    void theOneElectionChoosesAMemberThatAlreadyRunsTheTarget(Case<Scenario> c) {
        RunResult run = new ScenarioRunner().run(c.value());

        assertThat(electedVersions(run)).as(c.why("the leader goes last, after every follower; " + run.summary()))
                .containsExactly(c.value().toVersion());
    }

    /** The version each leader elected after the start runs, in order (from the trace's pod.created lines). */
    static List<String> electedVersions(RunResult run) {
        Map<String, String> versions = new HashMap<>();
        List<String> elected = new ArrayList<>();
        boolean first = true;
        for (String text : run.trace()) {
            TraceRecord line = TraceRecord.parse(0, text);
            if (line.kind().equals("pod.created")) {
                versions.put(line.string("pod"), line.string("version"));
            } else if (line.kind().equals("raft.leader") && !line.flag("splitBrain") && line.string("pod") != null) {
                if (!first) {
                    elected.add(versions.get(line.string("pod")));
                }
                first = false;
            }
        }
        return elected;
    }

    @ParameterizedTest
    @MethodSource("quietWithAnyLeader")
    void everyPodIsDeletedOnceByRaftopsAndNeverByTheStatefulSet(Case<Scenario> c) {
        RunResult run = new ScenarioRunner().run(c.value());

        assertThat(podDeletes(run, "rollout")).as(c.why("OnDelete rolls nothing by itself")).isZero();
        assertThat(podDeletes(run, "controller")).as(c.why("one delete per pod; " + run.summary()))
                .isEqualTo(c.value().replicas());
    }

    @ParameterizedTest
    @MethodSource("faulty")
    void underFaultsTheInvariantsHoldAndTheUpgradeConverges(Case<Scenario> c) {
        RandomFaultsPropertiesTest.convergesSafely(c);
    }
}
