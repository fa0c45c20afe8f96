package dev.raftops.simulator.decisions.rolling;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.rolling.RollingUpgrade;
import dev.raftops.simulator.world.FamilyDrive;
import dev.raftops.simulator.world.Scenario;
import dev.raftops.simulator.world.SimWorld;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The rolling decision against the simulator's one model of the StatefulSet and Raft
 * ({@link FamilyDrive}): a pass decides, performs its actions through the world's ports and
 * persists the status; the world then runs for five seconds.
 */
abstract class RollingUpgradeFixture {

    static final String STS = SimWorld.NAME;
    static final String POD_2 = STS + "-2";
    static final Duration STEP = Duration.ofSeconds(5);

    FamilyDrive world = world(3, 0, null);
    ClusterSpec spec = spec(3, "2.4.4");
    ClusterStatus status = ClusterStatus.initial().withCurrentVersion("2.4.0");
    /** What the test makes the controller see instead of the world as it is (a report the world cannot make on cue). */
    UnaryOperator<ClusterObservation> reported = o -> o;
    /** The decision of the last {@link #pass()}. */
    Decision lastPass;

    /** Pods of 2.4.0, the leader at {@code leader}; pods of {@code brokenTarget} never become Ready (null: none). */
    static FamilyDrive world(int replicas, int leader, String brokenTarget) {
        Scenario scenario = Scenario.upgrade(replicas, "2.4.0", "2.4.4", leader, 7);
        return new FamilyDrive(brokenTarget == null ? scenario
                : scenario.withBrokenVersion(brokenTarget, Scenario.PodFailureMode.NEVER_READY));
    }

    static ClusterSpec spec(int replicas, String version) {
        return ClusterSpec.of(version, null, replicas);
    }

    Decision decide() {
        return decide(reported.apply(world.observe()));
    }

    Decision decide(ClusterObservation observation) {
        return RollingUpgrade.decide(world.input(spec, status, observation));
    }

    /** Decides, applies and persists, like one controller pass. */
    Decision pass() {
        Decision d = decide();
        d.actions().forEach(world::perform);
        status = d.nextStatus();
        lastPass = d;
        return d;
    }

    /** Runs passes (and five seconds of the world after each) until the decision carries an action of {@code type}. */
    <T extends Action> T passUntil(Class<T> type) {
        for (int i = 0; i < 200; i++) {
            Decision d = pass();
            if (!d.actionsOf(type).isEmpty()) {
                return d.actionsOf(type).get(0);
            }
            world.runFor(STEP);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within 200 passes; status " + status.upgrade());
    }

    int partition() {
        return world.observe().statefulSet(STS).orElseThrow().effectivePartition();
    }

    PodView pod(int ordinal) {
        return world.observe().podsOf(STS).get(ordinal);
    }

    /** {@code ordinal} is reported leading and every other pod following. */
    static UnaryOperator<ClusterObservation> leading(int ordinal) {
        return o -> o.withPods(o.pods().stream().map(p -> p.withLeadership(p.ordinal() == ordinal
                ? Leadership.LEADER : Leadership.FOLLOWER)).toList());
    }
}
