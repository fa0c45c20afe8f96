package dev.raftops.domain.bluegreen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.Revision;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.SteadyCluster;
import dev.raftops.domain.version.WorkloadVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A strategy switch on a running cluster, from any settled or busy state: RollingUpdate to BlueGreen
 * or back, the serving StatefulSet the cluster's own ({@code db}) or a former colour ({@code db-<rev>}),
 * its pods labelled or not, the lock free or held, the version known or not, the StatefulSet
 * observed or not, the spec asking for the same version or a new one. The switch is taken exactly
 * when nothing holds the cluster; it never writes anything that restarts a pod; the StatefulSet that
 * serves stays the one the next upgrade works on; the adopted pods get the revision label once.
 */
class StrategySwitchPropertiesTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    static final String VERSION = "2.4.4";
    static final String IMAGE = WorkloadVersion.image(SteadyCluster.REPO, VERSION);

    record Input(DecisionInput in, UpgradeStrategy requested, String serving, boolean busy) {

        @Override
        public String toString() {
            ClusterStatus s = in.status();
            return "requested=" + requested + " accepted=" + s.acceptedUpgradeStrategy() + " serving=" + serving
                    + " busy=" + busy + " current=" + s.currentVersion() + " lock=" + s.operationLock().holder()
                    + " blueGreen=" + s.blueGreen() + " spec=" + in.spec().version() + " sets="
                    + in.observation().statefulSets().keySet() + " pods=" + in.observation().pods();
        }
    }

    static Input input(Random r) {
        int replicas = Generate.between(r, 1, 5);
        UpgradeStrategy from = Generate.oneOf(r, UpgradeStrategy.values());
        UpgradeStrategy to = from == UpgradeStrategy.BLUE_GREEN ? UpgradeStrategy.ROLLING_UPDATE : UpgradeStrategy.BLUE_GREEN;
        String revision = Revision.of(VERSION, IMAGE, replicas);
        boolean colour = Generate.chance(r, 0.4);
        String serving = colour ? Revision.statefulSet("db", revision) : "db";
        ClusterStatus status = ClusterStatus.initial().withAcceptedUpgradeStrategy(from.wireName());
        if (colour) {
            status = status.withBlueGreen(BlueGreenStatus.idle(revision, IMAGE));
        } else if (from == UpgradeStrategy.BLUE_GREEN || Generate.chance(r, 0.2)) {
            // adopted by an earlier switch (and kept after a switch back)
            status = status.withBlueGreen(BlueGreenStatus.adopted("db", revision, IMAGE));
        }
        boolean known = Generate.chance(r, 0.85);
        if (known) {
            status = status.withCurrentVersion(VERSION);
        }
        boolean held = Generate.chance(r, 0.25);
        if (held) {
            Operation op = Generate.oneOf(r, Operation.Upgrade, Operation.Backup);
            status = status.withOperationLock(OperationLock.free()
                    .acquire(op, op == Operation.Upgrade ? Holders.UPGRADE : Holders.BACKUP, "busy", NOW).lock());
        }
        boolean observed = Generate.chance(r, 0.9);
        List<PodView> pods = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            String label = colour ? revision : Generate.oneOf(r, null, null, revision, "0123456789abcdef");
            pods.add(new PodView(serving + "-" + i, serving, i, "uid-" + i, "crh", IMAGE, VERSION, true,
                    Generate.chance(r, 0.1), 0, i == 0 ? Leadership.LEADER : Leadership.FOLLOWER, 0L, true, Map.of(),
                    "1", null, label));
        }
        List<StatefulSetView> sets = observed ? List.of(new StatefulSetView(serving, "uid-sts", "1", replicas,
                colour ? null : 0, colour, "crh", "crh", IMAGE, 1, 1, replicas, replicas, Map.of(), null)) : List.of();
        String wanted = Generate.chance(r, 0.3) ? "2.5.0" : VERSION;
        ClusterSpec spec = ClusterSpec.of(wanted, WorkloadVersion.image(SteadyCluster.REPO, wanted), replicas);
        spec = spec.withUpgrade(spec.upgrade().withStrategy(to));
        DecisionInput in = new DecisionInput(SteadyCluster.KEY, 3, spec, status,
                ClusterObservation.of(sets, observed ? pods : List.of(), List.of()), NOW, new Random(r.nextLong()),
                RetryTiming.defaults().withoutJitter());
        boolean busy = held || to == UpgradeStrategy.BLUE_GREEN && (!known || !observed);
        return new Input(in, to, serving, busy);
    }

    static Stream<Arguments> inputs() {
        return PropertyCases.of(400, StrategySwitchPropertiesTest::input);
    }

    private static List<ClusterEvent> events(Decision d) {
        return d.actionsOf(Action.Emit.class).stream().map(Action.Emit::event).toList();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theSwitchIsTakenExactlyWhenNothingHoldsTheClusterAndOtherwiseWaitsSayingWhy(Case<Input> c) {
        Input i = c.value();
        Decision d = BlueGreenDecision.decide(i.in());

        String accepted = d.nextStatus().acceptedUpgradeStrategy();
        if (i.busy()) {
            assertThat(accepted).as(c.why("invariant a busy cluster keeps the strategy in force"))
                    .isEqualTo(i.in().status().acceptedUpgradeStrategy());
            assertThat(events(d)).as(c.why("invariant a deferred switch is a Warning saying what it waits for"))
                    .anySatisfy(e -> {
                        assertThat(e.reason()).isEqualTo(BlueGreenReasons.STRATEGY_DEFERRED);
                        assertThat(e.type()).isEqualTo(ClusterEvent.Type.Warning);
                        assertThat(e.message()).contains("waits until");
                    });
        } else {
            assertThat(accepted).as(c.why("invariant an idle cluster takes the new strategy")).isEqualTo(
                    i.requested().wireName());
            assertThat(events(d)).as(c.why("invariant the switch is announced"))
                    .anyMatch(e -> e.reason().equals(BlueGreenReasons.STRATEGY_ACCEPTED));
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theSwitchPassWritesNothingThatRestartsAPod(Case<Input> c) {
        Decision d = BlueGreenDecision.decide(c.value().in());

        assertThat(d.actions()).as(c.why("invariant only pod labels and Events are written"))
                .allMatch(a -> a instanceof Action.LabelPod || a instanceof Action.Emit);
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theServingStatefulSetStaysTheOneTheNextUpgradeWorksOn(Case<Input> c) {
        Input i = c.value();
        Decision d = BlueGreenDecision.decide(i.in());
        if (i.busy()) {
            return;
        }
        DecisionInput next = i.in().withStatus(d.nextStatus());

        assertThat(next.statefulSetName()).as(c.why("invariant the rolled StatefulSet is the one that serves"))
                .isEqualTo(i.serving());
        if (i.requested() == UpgradeStrategy.BLUE_GREEN) {
            BlueGreenStatus bg = d.nextStatus().blueGreen();
            assertThat(bg.blueSet("db")).as(c.why("invariant Blue is the serving StatefulSet under its own name"))
                    .isEqualTo(i.serving());
            assertThat(!bg.inFlight() || !VERSION.equals(i.in().spec().version()))
                    .as(c.why("invariant an attempt starts only for a new version")).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void everyLiveUnlabelledPodOfAnAdoptedBlueGetsBluesRevisionOnce(Case<Input> c) {
        Input i = c.value();
        Decision d = BlueGreenDecision.decide(i.in());
        BlueGreenStatus bg = d.nextStatus().blueGreen();
        List<Action.LabelPod> labels = d.actionsOf(Action.LabelPod.class);
        if (bg == null || bg.blueStatefulSet() == null) {
            assertThat(labels).as(c.why("invariant only an adopted Blue's pods are labelled")).isEmpty();
            return;
        }
        List<String> expected = i.in().observation().podsOf(bg.blueStatefulSet()).values().stream()
                .filter(p -> !p.terminating() && !bg.blueRevision().equals(p.trafficRevision()))
                .map(PodView::name).toList();

        assertThat(labels.stream().map(Action.LabelPod::pod).toList())
                .as(c.why("invariant each live pod without Blue's label is labelled exactly once"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(labels).as(c.why("invariant the label is Blue's revision, conditioned on the pod's UID"))
                .allSatisfy(l -> {
                    assertThat(l.revision()).isEqualTo(bg.blueRevision());
                    assertThat(l.uid()).isEqualTo(i.in().observation().podsOf(bg.blueStatefulSet()).values().stream()
                            .filter(p -> p.name().equals(l.pod())).findFirst().orElseThrow().uid());
                });
    }
}
