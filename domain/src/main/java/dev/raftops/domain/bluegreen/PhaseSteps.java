package dev.raftops.domain.bluegreen;

import dev.raftops.domain.bluegreen.CutoverPlan.Step;
import dev.raftops.domain.bluegreen.CutoverPlan.StepKind;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.Revision;
import java.util.ArrayList;
import java.util.List;

/**
 * What each phase does, in the order its decision does it (see {@link ForwardPhases} and
 * {@link RollbackPhases}): the executor Jobs, the workload writes and the waits. The order of the
 * phases comes from {@link BlueGreenPhase#next()}; a property test holds the Jobs listed here to
 * the Jobs the decision creates.
 */
final class PhaseSteps {

    private PhaseSteps() {
    }

    /** The forward path from DeployingGreen to Cleanup, read off the phase edges. */
    static List<BlueGreenPhase> forwardPath() {
        return path(BlueGreenPhase.DeployingGreen, false);
    }

    /** The way back after promotion: RollingBack, then RollbackCleanup. */
    static List<BlueGreenPhase> rollbackPath() {
        return path(BlueGreenPhase.RollingBack, true);
    }

    private static List<BlueGreenPhase> path(BlueGreenPhase first, boolean back) {
        List<BlueGreenPhase> path = new ArrayList<>();
        for (BlueGreenPhase p = first; p != BlueGreenPhase.Idle; ) {
            path.add(p);
            BlueGreenPhase from = p;
            p = from.next().stream().filter(n -> n != BlueGreenPhase.Idle && n.rollingBack() == back
                    && n.ordinal() > from.ordinal()).findFirst().orElse(BlueGreenPhase.Idle);
        }
        return path;
    }

    /** The steps of {@code phase} for an attempt at {@code bg}'s target under {@code spec}. */
    static List<Step> of(BlueGreenPhase phase, String cluster, ClusterSpec spec, BlueGreenStatus bg) {
        String blue = bg.blueSet(cluster);
        String green = Revision.statefulSet(cluster, bg.greenRevision());
        BlueGreenSpec.Verification verification = spec.upgrade().blueGreen().verification();
        List<Step> steps = new ArrayList<>();
        switch (phase) {
            case DeployingGreen -> {
                steps.add(wait("Blue " + blue + " has a Ready quorum and the one leader"));
                if (spec.upgrade().preUpgradeSnapshot()) {
                    steps.add(job(ExecutorAction.PRE_UPGRADE_SNAPSHOT, "snapshot before Green is created"));
                }
                steps.add(write("client Services select Blue (revision " + bg.blueRevision() + ") only"));
                steps.add(write("create Green StatefulSet " + green + " (" + bg.greenReplicas() + " replicas of "
                        + bg.greenVersion() + ", joining Blue's Raft as non-voters)"));
                steps.add(wait("all " + bg.greenReplicas() + " Green pods Ready within spec.upgrade.timeouts.podReady ("
                        + spec.upgrade().timeouts().podReady().toSeconds() + "s)"));
            }
            case JoiningMesh -> steps.add(job(ExecutorAction.JOIN_GREEN, "Green joins Blue's Raft as non-voters"));
            case Syncing -> {
                if (!verification.minSyncDuration().isZero()) {
                    steps.add(wait("at least spec.upgrade.blueGreen.verification.minSyncDuration ("
                            + verification.minSyncDuration().toSeconds() + "s) in Syncing"));
                }
                steps.add(job(ExecutorAction.WAIT_SYNCED, "Green has caught up with Blue"));
                steps.add(wait("every Green pod within " + verification.maxLagEntries() + " entries of the leader"));
                if (verification.prePromotionHook() != null) {
                    steps.add(job(ExecutorAction.VALIDATION_HOOK, "pre-promotion hook ("
                            + verification.prePromotionHook().image() + ")"));
                }
                steps.add(bg.manualPromotionRequired()
                        ? new Step(StepKind.HOLD, ForwardPhases.AWAITING_PROMOTION, null, null, false)
                        : wait("promote automatically (spec.upgrade.blueGreen.autoPromote)"));
            }
            case Promoting -> steps.add(job(ExecutorAction.PROMOTE_GREEN, "Green pods become voters"));
            case DemotingBlue -> {
                steps.add(wait("all Green pods Ready"));
                steps.add(job(ExecutorAction.DEMOTE_BLUE, "Blue pods become non-voters; Blue's leader steps down"));
                steps.add(write("once a Green pod leads, client Services select Green (revision "
                        + bg.greenRevision() + ")"));
            }
            case Cleanup -> {
                steps.add(job(ExecutorAction.REMOVE_BLUE_PEERS, "Blue's peers leave Raft (point of no return)"));
                steps.add(write("delete Blue StatefulSet " + blue));
                steps.add(wait("Blue's pods gone; Green becomes Blue and status.currentVersion becomes "
                        + bg.greenVersion()));
            }
            case RollingBack -> {
                steps.add(job(ExecutorAction.REPAIR_CONSENSUS, "Blue pods voters again, Green pods non-voters"));
                steps.add(write("once a Blue pod leads, client Services select Blue (revision " + bg.blueRevision()
                        + ")"));
            }
            case RollbackCleanup -> {
                steps.add(job(ExecutorAction.REMOVE_GREEN_PEERS, "Green's peers leave Raft"));
                steps.add(write("delete Green StatefulSet " + green));
            }
            case Idle -> {
            }
        }
        return steps;
    }

    private static Step job(ExecutorAction action, String what) {
        return new Step(StepKind.JOB, what, action, null, false);
    }

    private static Step write(String what) {
        return new Step(StepKind.WRITE, what, null, null, false);
    }

    private static Step wait(String what) {
        return new Step(StepKind.WAIT, what, null, null, false);
    }
}
