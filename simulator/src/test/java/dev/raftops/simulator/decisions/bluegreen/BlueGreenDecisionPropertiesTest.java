package dev.raftops.simulator.decisions.bluegreen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.raftops.simulator.decisions.bluegreen.CutoverScenario.Step;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.Revision;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.PropertyCases;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of the blue/green machine over generated runs: arbitrary sequences of Job outcomes, pod
 * readiness, leader moves, lag, tokens, spec edits and acknowledgements, with the decision driven
 * after every move and its actions applied to {@link CutoverScript}.
 */
class BlueGreenDecisionPropertiesTest {

    static Stream<Arguments> runs() {
        return PropertyCases.of(200, CutoverScenario::generate);
    }

    private static List<Step> play(Case<CutoverScenario> c) {
        try {
            return c.value().play();
        } catch (RuntimeException e) {
            throw new AssertionError(c.why("invariant: the decision never throws: " + e), e);
        }
    }

    /** The forward path, the abort before promotion and the rollback after it, as BlueGreenPhase documents them. */
    private static final Map<BlueGreenPhase, Set<BlueGreenPhase>> EDGES = Map.of(
            BlueGreenPhase.Idle, Set.of(BlueGreenPhase.DeployingGreen),
            BlueGreenPhase.DeployingGreen, Set.of(BlueGreenPhase.JoiningMesh, BlueGreenPhase.Idle),
            BlueGreenPhase.JoiningMesh, Set.of(BlueGreenPhase.Syncing, BlueGreenPhase.Idle),
            BlueGreenPhase.Syncing, Set.of(BlueGreenPhase.Promoting, BlueGreenPhase.Idle),
            BlueGreenPhase.Promoting, Set.of(BlueGreenPhase.DemotingBlue, BlueGreenPhase.RollingBack),
            BlueGreenPhase.DemotingBlue, Set.of(BlueGreenPhase.Cleanup, BlueGreenPhase.RollingBack),
            BlueGreenPhase.Cleanup, Set.of(BlueGreenPhase.Idle),
            BlueGreenPhase.RollingBack, Set.of(BlueGreenPhase.RollbackCleanup),
            BlueGreenPhase.RollbackCleanup, Set.of(BlueGreenPhase.Idle));

    private static BlueGreenPhase phase(ClusterStatus s) {
        return s.blueGreen() == null ? BlueGreenPhase.Idle : s.blueGreen().phase();
    }

    @ParameterizedTest
    @MethodSource("runs")
    void phasesOnlyFollowTheAllowedEdges(Case<CutoverScenario> c) {
        for (Step s : play(c)) {
            BlueGreenPhase from = phase(s.before());
            BlueGreenPhase to = phase(s.after());
            assertThat(from == to || EDGES.get(from).contains(to))
                    .as(c.why("invariant: phase edge " + from + " -> " + to + " is allowed (step " + s.index() + ")"))
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void exactlyOneColourServesAtEveryStep(Case<CutoverScenario> c) {
        for (Step s : play(c)) {
            Set<String> selected = new TreeSet<>(s.selectorsAfter().values());
            assertThat(selected).as(c.why("invariant: all client Services select one revision (step " + s.index() + ")"))
                    .hasSize(1);
            String colour = Revision.statefulSet(CutoverScript.NAME, selected.iterator().next());
            assertThat(s.workloadsAfter()).as(c.why("invariant: the selected colour still exists (step " + s.index() + ")"))
                    .contains(colour);
            for (Action.SwitchTraffic t : s.decision().actionsOf(Action.SwitchTraffic.class)) {
                List<PodView> leaders = s.seen().pods().stream().filter(PodView::isLeader).toList();
                assertThat(leaders).as(c.why("invariant: traffic moves only to a colour that leads (step " + s.index()
                        + ")")).singleElement().satisfies(p -> assertThat(p.statefulSet())
                                .isEqualTo(Revision.statefulSet(CutoverScript.NAME, t.revision())));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void noAbortOrRollbackOnceCleanupStarts(Case<CutoverScenario> c) {
        for (Step s : play(c)) {
            if (phase(s.before()) != BlueGreenPhase.Cleanup) {
                continue;
            }
            BlueGreenStatus was = s.before().blueGreen();
            String why = " (step " + s.index() + ")";
            assertThat(phase(s.after())).as(c.why("invariant: Cleanup only finishes" + why))
                    .isIn(BlueGreenPhase.Cleanup, BlueGreenPhase.Idle);
            assertThat(s.decision().actionsOf(Action.DeleteWorkload.class))
                    .as(c.why("invariant: Green is never deleted from Cleanup" + why))
                    .noneMatch(d -> d.statefulSet().equals(Revision.statefulSet(CutoverScript.NAME, was.greenRevision())));
            if (phase(s.after()) == BlueGreenPhase.Idle) {
                assertThat(s.after().currentVersion()).as(c.why("invariant: Cleanup ends with Green's version" + why))
                        .isEqualTo(was.greenVersion());
                assertThat(s.after().blueGreen().blueRevision()).as(c.why("invariant: Green becomes Blue" + why))
                        .isEqualTo(was.greenRevision());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void breakGlassIsEnteredOnlyFromAFailedRollback(Case<CutoverScenario> c) {
        Set<String> rollbackActions = Set.of(ExecutorAction.REPAIR_CONSENSUS.wireName(),
                ExecutorAction.REMOVE_GREEN_PEERS.wireName());
        for (Step s : play(c)) {
            if (s.before().breakGlass().active() || !s.after().breakGlass().active()) {
                continue;
            }
            String why = " (step " + s.index() + ")";
            assertThat(phase(s.before()).rollingBack()).as(c.why("invariant: break-glass only while rolling back" + why))
                    .isTrue();
            assertThat(s.seen().jobs().values()).as(c.why("invariant: break-glass follows a failed rollback Job" + why))
                    .anyMatch(j -> j.result() == JobResult.FAILED && rollbackActions.contains(j.action()));
            assertThat(s.after().breakGlass().reason()).isEqualTo("RollbackFailed");
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void theSameTargetNeverStartsTwiceWithoutATokenOrANewVersion(Case<CutoverScenario> c) {
        Set<String> latched = new HashSet<>();
        for (Step s : play(c)) {
            // a pending retry token, or a spec that points elsewhere, releases the latch
            if (s.retryPending()) {
                latched.clear();
            }
            latched.removeIf(r -> !r.equals(s.specRevision()));
            BlueGreenStatus before = s.before().blueGreen();
            BlueGreenStatus after = s.after().blueGreen();
            if (phase(s.before()) == BlueGreenPhase.Idle && phase(s.after()) == BlueGreenPhase.DeployingGreen) {
                assertThat(latched).as(c.why("invariant: a failed target starts again only after a retry token or a new"
                        + " version (step " + s.index() + ")")).doesNotContain(after.greenRevision());
            }
            if (before != null && before.inFlight() && after.phase() == BlueGreenPhase.Idle
                    && after.failedTarget() != null) {
                latched.add(after.failedTarget());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void theLockIsHeldExactlyWhileAnAttemptIsInFlight(Case<CutoverScenario> c) {
        for (Step s : play(c)) {
            boolean inFlight = phase(s.after()) != BlueGreenPhase.Idle;
            assertThat(s.after().operationLock().isHeldBy(Operation.BlueGreen, Holders.BLUE_GREEN))
                    .as(c.why("invariant: lock held <=> attempt in flight (step " + s.index() + ", " + phase(s.after())
                            + ")")).isEqualTo(inFlight);
        }
    }

    /** The generated runs reach every corner of the machine, so the properties above are not vacuous. */
    @Test
    void theGeneratedRunsReachEveryPartOfTheMachine() {
        TreeMap<String, Integer> reached = new TreeMap<>();
        runs().forEach(args -> {
            @SuppressWarnings("unchecked")
            Case<CutoverScenario> c = (Case<CutoverScenario>) args.get()[0];
            Set<String> seen = new TreeSet<>();
            for (Step s : c.value().play()) {
                BlueGreenPhase from = phase(s.before());
                BlueGreenPhase to = phase(s.after());
                seen.add(to.name());
                if (from == BlueGreenPhase.Cleanup && to == BlueGreenPhase.Idle) {
                    seen.add("completed");
                }
                if (from.beforePromotion() && to == BlueGreenPhase.Idle) {
                    seen.add("aborted");
                }
                if (!s.before().breakGlass().active() && s.after().breakGlass().active()) {
                    seen.add("breakGlass");
                }
                if (s.before().breakGlass().active() && !s.after().breakGlass().active()) {
                    seen.add("acknowledged");
                }
            }
            seen.forEach(k -> reached.merge(k, 1, Integer::sum));
        });
        assertThat(reached).as("runs reaching each part: " + reached).containsKeys("completed", "aborted", "breakGlass",
                "acknowledged", "RollingBack", "RollbackCleanup", "Cleanup", "Syncing");
    }

    @Test
    void aFailingCaseCanBeReplayedFromItsSeed() {
        Case<CutoverScenario> c = PropertyCases.replay(42L, CutoverScenario::generate);
        assertThat(c.value().play()).hasSize(150);
        assertSameRun(c.value().play(), PropertyCases.replay(42L, CutoverScenario::generate).value().play());
    }

    private static void assertSameRun(List<Step> a, List<Step> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).after().equals(b.get(i).after())) {
                fail("replaying seed 42 diverged at step " + i);
            }
        }
    }
}
