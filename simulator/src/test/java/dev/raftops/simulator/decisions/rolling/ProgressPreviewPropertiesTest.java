package dev.raftops.simulator.decisions.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.RollingProgress.PlanStep;
import dev.raftops.domain.rolling.ProgressPreview;
import dev.raftops.domain.rolling.ProgressPreview.Stage;
import dev.raftops.domain.rolling.RollingReasons;
import dev.raftops.domain.rolling.RollingUpgrade;
import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.PropertyCases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import dev.raftops.simulator.world.FamilyDrive;
import dev.raftops.simulator.world.Scenario;
import dev.raftops.simulator.world.SimWorld;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The preview of an upgrade in flight agrees with what the rolling decision does from the same
 * status and observation: the step it names is the step the decision takes, the ordinals it lists
 * are released in that order, and the wait it names is the wait the decision writes. The cluster is
 * the simulator's one model ({@link FamilyDrive}).
 */
class ProgressPreviewPropertiesTest {

    record Upgrade(int replicas, int leader, double unknownLeadership, int previewAt) {
    }

    static Stream<Arguments> upgrades() {
        return PropertyCases.of(200, r -> {
            int replicas = Generate.between(r, 1, 9);
            return new Upgrade(replicas, r.nextInt(replicas), r.nextDouble() * 0.3, Generate.between(r, 1, 60));
        });
    }

    @ParameterizedTest
    @MethodSource("upgrades")
    void thePreviewOfAnUpgradeInFlightNamesTheStepsTheDecisionTakes(Case<Upgrade> c) {
        Upgrade s = c.value();
        Random random = new Random(c.seed());
        FamilyDrive world = new FamilyDrive(Scenario.upgrade(s.replicas(), "2.4.0", "2.5.0", s.leader(), c.seed()));
        ClusterSpec spec = ClusterSpec.of("2.5.0", null, s.replicas());
        ClusterStatus status = ClusterStatus.initial().withCurrentVersion("2.4.0");
        ProgressPreview remembered = null;
        List<Integer> releasedAfter = new ArrayList<>();
        for (int step = 0; step < 600 && !"2.5.0".equals(status.currentVersion()); step++) {
            ClusterObservation seen = mask(world.observe(), random, s.unknownLeadership());
            DecisionInput in = world.input(spec, status, seen);
            Decision d = RollingUpgrade.decide(in);
            if (status.upgrade() != null && status.operationLock().isHeld()) {
                ProgressPreview preview = ProgressPreview.of(status.upgrade(), s.replicas(), seen.podsOf(SimWorld.NAME));
                agrees(c, preview, d);
                if (remembered == null && step >= s.previewAt()) {
                    remembered = preview;
                }
            }
            for (Action a : d.actions()) {
                if (a instanceof Action.SetPartition sp && remembered != null) {
                    releasedAfter.add(sp.partition());
                }
                world.perform(a);
            }
            status = d.nextStatus();
            world.runFor(Duration.ofSeconds(5));
        }
        assertThat(status.currentVersion()).as(c.why("the upgrade converges")).isEqualTo("2.5.0");
        if (remembered != null) {
            List<Integer> expected = new ArrayList<>();
            if (remembered.stage() != Stage.RELEASED && remembered.current() >= 0) {
                expected.add(remembered.current());
            }
            remembered.next().stream().map(PlanStep::ordinal).forEach(expected::add);
            assertThat(releasedAfter).as(c.why("ordinals are released in the order the preview lists: " + remembered))
                    .isEqualTo(expected);
        }
    }

    /** One decision against the preview made from its own input. */
    private static void agrees(Case<Upgrade> c, ProgressPreview preview, Decision d) {
        for (Action a : d.actions()) {
            if (a instanceof Action.SetPartition sp) {
                boolean now = sp.partition() == preview.current() && preview.stage() == Stage.RELEASE_NEXT
                        || preview.stage() == Stage.STEPPING_DOWN && sp.partition() == preview.current();
                // a pass that records the released ordinal done decides its next one on the same observation
                boolean following = preview.stage() == Stage.RELEASED && !preview.next().isEmpty()
                        && sp.partition() == preview.next().get(0).ordinal() && !preview.next().get(0).stepDown();
                assertThat(now || following).as(c.why("release of " + sp.partition() + " matches " + preview)).isTrue();
            }
            if (a instanceof Action.CreateJob job && job.job().action() == ExecutorAction.STEP_DOWN) {
                String pod = job.job().parameters().get("RAFTOPS_TARGET_POD");
                int ordinal = Integer.parseInt(pod.substring(pod.lastIndexOf('-') + 1));
                boolean now = ordinal == preview.current() && (preview.stage() == Stage.STEP_DOWN_NEXT
                        || preview.stage() == Stage.STEPPING_DOWN || preview.stage() == Stage.RELEASED);
                boolean following = preview.stage() == Stage.RELEASED && !preview.next().isEmpty()
                        && ordinal == preview.next().get(0).ordinal() && preview.next().get(0).stepDown();
                assertThat(now || following).as(c.why("step-down of " + ordinal + " matches " + preview)).isTrue();
            }
        }
        boolean disrupts = d.actions().stream().anyMatch(a -> a instanceof Action.SetPartition
                || a instanceof Action.CreateJob);
        if (!disrupts && (preview.stage() == Stage.RELEASED || preview.stage() == Stage.FINISHING)) {
            Condition.find(d.nextStatus().conditions(), Condition.PROGRESSING)
                    .filter(p -> p.reason().equals(RollingReasons.WAITING_FOR_POD))
                    .ifPresent(p -> assertThat(p.message()).as(c.why("the wait the decision writes is the preview's"))
                            .isEqualTo(preview.waitsFor()));
        }
        if (!disrupts && preview.stage() == Stage.STEPPING_DOWN) {
            Condition.find(d.nextStatus().conditions(), Condition.PROGRESSING)
                    .filter(p -> p.reason().equals(RollingReasons.STEP_DOWN_REQUESTED))
                    .ifPresent(p -> assertThat(preview.waitsFor()).as(c.why("the step-down wait is the decision's"))
                            .startsWith(p.message()));
        }
    }

    private static ClusterObservation mask(ClusterObservation observation, Random random, double unknown) {
        List<PodView> pods = new ArrayList<>();
        for (PodView pod : observation.pods()) {
            pods.add(random.nextDouble() < unknown ? pod.withLeadership(Leadership.UNKNOWN) : pod);
        }
        return observation.withPods(pods);
    }
}
