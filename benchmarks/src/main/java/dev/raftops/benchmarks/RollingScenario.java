package dev.raftops.benchmarks;

import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.rolling.RollingUpgrade;
import dev.raftops.simulator.world.FamilyDrive;
import dev.raftops.simulator.world.Scenario;
import java.time.Duration;

/**
 * The rolling-upgrade inputs the benchmarks decide over, recorded from one seeded, undisturbed
 * upgrade 2.4.0 → 2.5.0 on the simulator's model ({@link FamilyDrive}). The leader starts on the highest ordinal, so the
 * first step needs a step-down and every state below is reached for any replica count.
 *
 * @param start the first pass: status has no upgrade yet, the spec asks for a newer version
 * @param waiting a pass mid-step: a released pod is not Ready or still lags, nothing to do but wait
 * @param release a pass that lowers the partition by one
 * @param stepDown a pass that creates the step-down Job for a leader on the next ordinal
 */
record RollingScenario(DecisionInput start, DecisionInput waiting, DecisionInput release, DecisionInput stepDown) {

    static final String FROM = "2.4.0";
    static final String TO = "2.5.0";
    private static final int MAX_PASSES = 600;

    static RollingScenario record(int replicas, long seed) {
        FamilyDrive world = world(replicas, replicas - 1, seed);
        ClusterSpec spec = ClusterSpec.of(TO, null, replicas);
        ClusterStatus status = ClusterStatus.initial().withCurrentVersion(FROM);
        DecisionInput start = null;
        DecisionInput waiting = null;
        DecisionInput release = null;
        DecisionInput stepDown = null;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            DecisionInput in = world.input(spec, status, world.observe());
            Decision d = RollingUpgrade.decide(in);
            if (start == null) {
                start = in;
            }
            if (stepDown == null && createsStepDown(d)) {
                stepDown = in;
            }
            if (release == null && releases(d)) {
                release = in;
            }
            if (waiting == null && release != null && onlyEvents(d) && status.upgrade() != null
                    && somePodNotCaughtUp(in)) {
                waiting = in;
            }
            if (world.perform(d)) { // a stale write: the next pass decides again from a fresh observation
                status = d.nextStatus();
            }
            if (status.upgrade() == null && TO.equals(status.currentVersion())) {
                break;
            }
            world.runFor(Duration.ofSeconds(5));
        }
        if (waiting == null || release == null || stepDown == null) {
            throw new IllegalStateException("the recorded upgrade of " + replicas + " replicas (seed " + seed
                    + ") lacks a state: waiting=" + (waiting != null) + " release=" + (release != null)
                    + " stepDown=" + (stepDown != null));
        }
        return new RollingScenario(start, waiting, release, stepDown);
    }

    /** A fresh simulated cluster of {@code replicas} pods on {@link #FROM}, the leader at {@code leader}. */
    static FamilyDrive world(int replicas, int leader, long seed) {
        return new FamilyDrive(Scenario.upgrade(replicas, FROM, TO, leader, seed));
    }

    private static boolean createsStepDown(Decision d) {
        return d.actionsOf(Action.CreateJob.class).stream()
                .anyMatch(j -> j.job().action() == ExecutorAction.STEP_DOWN);
    }

    private static boolean releases(Decision d) {
        return !d.actionsOf(Action.SetPartition.class).isEmpty();
    }

    private static boolean onlyEvents(Decision d) {
        return d.actions().stream().allMatch(a -> a instanceof Action.Emit);
    }

    private static boolean somePodNotCaughtUp(DecisionInput in) {
        return in.observation().podsOf(in.statefulSetName()).values().stream().anyMatch(p -> !caughtUp(p));
    }

    private static boolean caughtUp(PodView pod) {
        return pod.caughtUp(100);
    }
}
