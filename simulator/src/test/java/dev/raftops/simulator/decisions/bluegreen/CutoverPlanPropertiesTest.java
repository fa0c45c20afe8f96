package dev.raftops.simulator.decisions.bluegreen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.bluegreen.BlueGreenReasons;
import dev.raftops.domain.bluegreen.CutoverPlan.Stage;
import dev.raftops.domain.bluegreen.CutoverPlan.StageState;
import dev.raftops.domain.bluegreen.CutoverPlan.Step;
import dev.raftops.domain.bluegreen.CutoverPlan.StepKind;
import dev.raftops.domain.bluegreen.CutoverPlan;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.PropertyCases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The blue/green plan agrees with what the decision does: a new attempt's plan lists, phase by
 * phase, exactly the executor Jobs the decision creates, the Green StatefulSet it creates, and the
 * promotion hold when there is one; the plan of an attempt in flight names the next Job by the
 * name the decision gives it, and the hold it is in.
 */
class CutoverPlanPropertiesTest {

    record Setup(int replicas, boolean autoPromote, boolean snapshot, boolean hook, boolean minSync, double failures) {
    }

    static Stream<Arguments> attempts() {
        return PropertyCases.of(200, r -> new Setup(Generate.oneOf(r, 1, 3, 5), r.nextBoolean(), r.nextBoolean(),
                r.nextBoolean(), r.nextBoolean(), r.nextDouble() * 0.2));
    }

    @ParameterizedTest
    @MethodSource("attempts")
    void thePlanNamesTheJobsTheGreenAndTheHoldTheDecisionMakes(Case<Setup> c) {
        Setup s = c.value();
        Random random = new Random(c.seed());
        CutoverScript w = CutoverScript.running("1.5.0", s.replicas(), c.seed());
        BlueGreenSpec.PrePromotionHook hook = s.hook() ? new BlueGreenSpec.PrePromotionHook("hook:1", List.of("check"),
                List.of(), 60) : null;
        w.editUpgrade(u -> u.withPreUpgradeSnapshot(s.snapshot()).withBlueGreen(new BlueGreenSpec(s.autoPromote(), 5,
                new BlueGreenSpec.Verification(s.minSync() ? Duration.ofMinutes(2) : Duration.ZERO, 100, hook), null)));
        CutoverPlan planned = CutoverPlan.start(CutoverScript.NAME, w.spec, w.bg(), w.status.currentVersion());

        Map<BlueGreenPhase, List<ExecutorAction>> created = new EnumMap<>(BlueGreenPhase.class);
        Map<BlueGreenPhase, List<ExecutorAction>> predicted = new EnumMap<>(BlueGreenPhase.class);
        String greenCreated = null;
        boolean held = false;
        for (int i = 0; i < 400 && !(w.phase() == BlueGreenPhase.Idle && i > 0); i++) {
            BlueGreenStatus before = w.bg();
            CutoverPlan resumed = before.inFlight() ? CutoverPlan.resume(CutoverScript.NAME, w.spec, before) : null;
            if (resumed != null) {
                predicted.putIfAbsent(before.phase(), jobs(current(resumed)));
            }
            Decision d = w.step();
            for (Action a : d.actions()) {
                if (a instanceof Action.CreateWorkload cw) {
                    greenCreated = cw.statefulSet();
                }
                if (a instanceof Action.CreateJob job) {
                    List<ExecutorAction> inPhase = created.computeIfAbsent(before.phase(), p -> new ArrayList<>());
                    if (!inPhase.contains(job.job().action())) {
                        inPhase.add(job.job().action());
                    }
                    assertThat(resumed).as(c.why("Jobs are created only in flight")).isNotNull();
                    assertThat(current(resumed).steps()).as(c.why("the plan names the Job " + job.job().name()))
                            .anyMatch(step -> job.job().name().equals(step.job()));
                    assertThat(resumed.waitsFor()).as(c.why("the plan waits for the Job the decision creates"))
                            .contains(job.job().name());
                }
            }
            Optional<Condition> holding = Condition.find(w.status.conditions(), Condition.UPGRADING)
                    .filter(k -> k.reason().equals(BlueGreenReasons.AWAITING_PROMOTION));
            if (holding.isPresent() && !held) {
                held = true;
                assertThat(resumed.waitsFor()).as(c.why("the plan waits for the promote token"))
                        .contains(holding.get().message());
                w.request(r -> r.withPromote("go"));
            }
            for (JobView job : w.runningJobs()) {
                w.finish(job, random.nextDouble() >= s.failures());
            }
            w.readyAll();
            w.settlePods();
            w.advance(Duration.ofSeconds(30));
        }
        boolean completed = "1.5.0".equals(w.status.currentVersion());
        assertThat(held ? planned.manualPromotion() : !completed || !planned.manualPromotion())
                .as(c.why("the attempt holds for promotion exactly when the plan says so")).isTrue();
        assertThat(stage(planned, BlueGreenPhase.Syncing).steps()).as(c.why("the plan shows the hold"))
                .filteredOn(step -> step.kind() == StepKind.HOLD).hasSize(s.autoPromote() ? 0 : 1);
        if (greenCreated != null) {
            assertThat(planned.greenStatefulSet()).as(c.why("the plan names the Green the decision creates"))
                    .isEqualTo(greenCreated);
        }
        created.forEach((phase, actions) -> assertThat(predicted.get(phase)).as(c.why("the Jobs of " + phase
                + " are a plan's, in order")).startsWith(actions.toArray(ExecutorAction[]::new)));
        if (completed) {
            for (Stage stage : planned.stages()) {
                assertThat(created.getOrDefault(stage.phase(), List.of())).as(c.why("the Jobs of " + stage.phase()))
                        .isEqualTo(jobs(stage));
            }
        }
    }

    private static Stage current(CutoverPlan plan) {
        return plan.stages().stream().filter(s -> s.state() == StageState.CURRENT).findFirst().orElseThrow();
    }

    private static Stage stage(CutoverPlan plan, BlueGreenPhase phase) {
        return plan.stages().stream().filter(s -> s.phase() == phase).findFirst().orElseThrow();
    }

    private static List<ExecutorAction> jobs(Stage stage) {
        return stage.steps().stream().filter(step -> step.kind() == StepKind.JOB).map(Step::action).toList();
    }
}
