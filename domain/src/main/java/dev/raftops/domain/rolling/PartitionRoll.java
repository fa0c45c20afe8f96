package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.RollingReasons.*;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress.StepDown;
import dev.raftops.domain.resource.RollingProgress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The partition roll: the one place that decides which pod goes down and when, in the {@link
 * RollOrder} the StatefulSet's update strategy gives (the partition, or deleting followers first).
 * Ordinal {@code partition - 1} first (in the deleting order: the first step of the plan); a pod that has rolled (for the pass's {@link RollReason}) is
 * recorded and never restarted; otherwise every other voter must be Ready and caught up, the
 * target must not lead (it is asked to step down), exactly one other pod must lead, and only then
 * is the partition lowered by one (or the pod deleted, with its UID and resourceVersion as
 * preconditions). A released pod gets {@code timeouts.podReady} to roll.
 */
final class PartitionRoll {

    /** What an upgrade with every ordinal done waits for. */
    static final String CONVERGENCE_WAIT = "waiting for the StatefulSet to report every replica updated and Ready";


    private PartitionRoll() {
    }

    static Decision next(RollingPass pass, StatefulSetView sts) {
        RollingProgress progress = pass.progress();
        RollOrder order = RollOrder.of(sts);
        int target = order.target(progress);
        int partition = sts.effectivePartition();
        if (order == RollOrder.PARTITION && partition > progress.currentPartition()) {
            return pass.waitFor(PARTITION_MISMATCH, "StatefulSet partition is " + partition
                    + " but ordinals from " + progress.currentPartition() + " are done; waiting for it to move back");
        }
        if (order == RollOrder.FOLLOWERS_FIRST && !RollOrder.templateObserved(sts)) {
            // a pod deleted now could come back on the old template
            return pass.waitFor(TEMPLATE_NOT_OBSERVED, "ordinal " + target
                    + " waits for: the StatefulSet to observe its template (generation " + sts.generation() + ")");
        }
        Map<Integer, PodView> pods = pass.pods(sts);
        PodView pod = pods.get(target);
        if (order == RollOrder.FOLLOWERS_FIRST && pass.rolled(pod, sts)) {
            return completed(pass, sts, target); // recreated on the update revision before a crash: record it
        }
        if (order.released(progress, sts, target, pod)) {
            return awaitReleased(pass, sts, pod);
        }
        if (pass.rolled(pod, sts)) {
            return completed(pass, sts, target); // rolled before a crash: record it, never restart it
        }
        if (!Quorum.allowsTakingDown(target, pass.replicas(), pods, pass.maxLag())) {
            String named = Quorum.namedBlocker(target, pass.replicas(), pods, pass.maxLag());
            return pass.waitFor(QUORUM_NOT_HEALTHY, "ordinal " + target + " waits for: "
                    + (named != null ? named : "every other voter Ready and caught up"));
        }
        List<Integer> leaders = pass.leaders();
        if (leaders.size() > 1) {
            return pass.splitBrain(leaders);
        }
        boolean mayLead = pod == null || pod.leadership() != Leadership.FOLLOWER;
        if (pass.replicas() > 1 && mayLead) {
            return LeaderStepDown.request(pass, target);
        }
        StepDown sd = LeaderStepDown.current(pass, target);
        boolean steppingDown = sd != null && sd.confirmedAt() == null;
        if (steppingDown && pass.in().observation().job(sd.job()).map(j -> !j.result().finished()).orElse(true)) {
            // a step-down still in flight could hand leadership back to the target after its release
            return LeaderStepDown.underWay(pass);
        }
        if (pass.replicas() > 1 && leaders.isEmpty()) {
            // right after a step-down no pod leads until the election: that is still the step-down's wait
            return steppingDown ? LeaderStepDown.underWay(pass)
                    : pass.waitFor(LEADER_UNKNOWN, "ordinal " + target + " waits for: a known Raft leader");
        }
        return release(pass, sts, target, pods, steppingDown ? sd : null);
    }

    /** The release writes the step-down that preceded it ({@code stepDown}, null when none did), now confirmed. */
    private static Decision release(RollingPass pass, StatefulSetView sts, int target, Map<Integer, PodView> pods,
            StepDown stepDown) {
        RollingProgress progress = pass.progress();
        RollOrder order = RollOrder.of(sts);
        RollingProgress next = progress.withReleasedAt(pass.in().now())
                .withStepDown(stepDown != null ? stepDown.confirmed(pass.in().now()) : progress.stepDown())
                .withPlan(order.planAtRelease(progress, pass.replicas(), pods));
        // the wait that follows the release is written with it: one status write per step, not two
        ClusterStatus status = pass.condition(pass.status().withUpgrade(next), Condition.UPGRADING,
                Condition.Status.True, POD_RELEASED, "ordinal " + target + " released to " + pass.reason().target());
        status = pass.condition(status, Condition.PROGRESSING, Condition.Status.True, WAITING_FOR_POD,
                podReadyWait(pass, target));
        return Decision.of(status, pass.poll("pod " + target + " rolling"),
                order.release(sts, target, pods.get(target)),
                new Action.Emit(ClusterEvent.normal(POD_RELEASED, (order == RollOrder.PARTITION ? "released" : "deleted")
                        + " ordinal " + target + " (pod " + sts.name() + "-" + target + ") to " + pass.reason().target()
                        + (stepDown != null ? LeaderStepDown.toldAtRelease(stepDown) : ""), pass.audit())));
    }

    /**
     * Names what the pod rolls to, not the StatefulSet's update revision: right after the template
     * changes the revision read at the release can still be the old one, and a message that changes
     * when the StatefulSet catches up would cost a status write of its own.
     */
    private static String podReadyWait(RollingPass pass, int target) {
        return podReadyWait(target, pass.reason().target());
    }

    /** What a released ordinal waits for, as the decision and the plan say it. */
    static String podReadyWait(int target, Object version) {
        return "ordinal " + target + " waits for: PodReady on " + version + ", caught up";
    }

    /** The target is released: wait until it has rolled, within {@code timeouts.podReady} of its release. */
    private static Decision awaitReleased(RollingPass pass, StatefulSetView sts, PodView pod) {
        RollingProgress progress = pass.progress();
        RollOrder order = RollOrder.of(sts);
        int target = order.target(progress);
        if (progress.releasedAt() == null) {
            // released before a crash, never recorded: the budget starts now
            return Decision.of(pass.status().withUpgrade(progress.withReleasedAt(pass.in().now())),
                    pass.poll("pod " + target + " rolling"));
        }
        // a retarget changes the template again: until that is observed, updateRevision may still name the
        // revision the pod already runs, and a pod that was never restarted would look rolled
        if (pass.rolled(pod, sts)) {
            // the last ordinal is recorded by the finish itself, which clears the progress; until the StatefulSet
            // counts the pod the wait written with its release still holds
            return progress.currentPartition() == 1 ? finish(pass, sts, podReadyWait(pass, target))
                    : completed(pass, sts, target);
        }
        // a deleted pod is not asked again: its delete is done, and the pod seen may be a stale read of it
        if (order == RollOrder.PARTITION && pass.replicas() > 1 && pod != null && pod.isLeader() && !pod.terminating()
                && !Objects.equals(pod.revision(), sts.updateRevision())) {
            // elected after its release, before the StatefulSet restarted it: ask it to step down again
            return LeaderStepDown.requestAfterRelease(pass, target);
        }
        Duration budget = pass.in().spec().upgrade().timeouts().podReady();
        // a step-down Job for the next ordinal says a pass saw this one rolled (and left its record to the
        // release that follows the step-down): it waits to be rolled again, as a recorded pod would, with no budget
        boolean seenRolled = nextStepDownAsked(pass, sts, target);
        if (!seenRolled && Duration.between(progress.releasedAt(), pass.in().now()).compareTo(budget) > 0) {
            String state = pod == null ? "missing" : "revision " + pod.revision() + ", ready " + pod.ready()
                    + (pod.lag() == null ? "" : ", lag " + pod.lag()) + memberState(pod);
            return pass.fail(POD_NOT_READY, "pod " + sts.name() + "-" + target + " did not run revision "
                    + sts.updateRevision() + " Ready and caught up within " + budget.toSeconds()
                    + "s of its release (" + state + ")");
        }
        return pass.waitFor(WAITING_FOR_POD, memberWait(pass, sts, pod, target));
    }

    /**
     * A pod on the update revision and Ready that the workload's API holds back is waited for by name
     * ({@code "ordinal 2 waits for: Unsealed"}); otherwise the wait written with the release. Catching
     * up alone is that wait's own "caught up": naming it would cost a status write per pod for a gate
     * that passes moments later.
     */
    private static String memberWait(RollingPass pass, StatefulSetView sts, PodView pod, int target) {
        if (pod == null || pod.member() == null || !pod.ready() || !Objects.equals(pod.revision(), sts.updateRevision())) {
            return podReadyWait(pass, target);
        }
        List<String> unmet = pod.waitsFor(pass.maxLag());
        return unmet.isEmpty() || unmet.equals(List.of(PodView.CAUGHT_UP)) ? podReadyWait(pass, target)
                : "ordinal " + target + " waits for: " + String.join(", ", unmet);
    }

    /** What the workload's API said, for a failure message: sealed, uninitialised, or the probe's error. */
    private static String memberState(PodView pod) {
        if (pod.member() == null) {
            return "";
        }
        if (!pod.member().known()) {
            return ", raft state unknown: " + pod.member().error();
        }
        return (pod.member().initialized() ? "" : ", not initialized") + (pod.member().sealed() ? ", sealed" : "");
    }

    /** Records {@code ordinal} done, then decides the next step on the same observation (one status write per step). */
    private static Decision completed(RollingPass pass, StatefulSetView sts, int ordinal) {
        RollingProgress recorded = pass.progress().completed(ordinal, List.of());
        RollingProgress next = recorded.withPlan(RollOrder.of(sts).plan(recorded, pass.replicas(), pass.pods(sts)));
        ClusterStatus status = pass.condition(pass.status().withUpgrade(next), Condition.UPGRADING,
                Condition.Status.True, POD_UPGRADED, "ordinal " + ordinal + " runs " + pass.reason().target() + "; "
                        + next.completedOrdinals().size() + "/" + pass.replicas() + " done");
        String done = "ordinal " + ordinal + " runs " + pass.reason().target() + " and is caught up";
        RollingPass after = pass.over(status);
        Decision then = next.currentPartition() == 0 ? finish(after, sts) : next(after, sts);
        ClusterEvent upgraded = ClusterEvent.normal(POD_UPGRADED, done, pass.audit());
        if (nextStepDownAsked(pass, sts, ordinal) || StepEvents.stepDownAsked(then)) {
            // a step-down comes first: told and recorded with the release that follows it, not before
            return StepEvents.foldedInto(then, upgraded);
        }
        return StepEvents.toldWith(then, upgraded);
    }

    /**
     * Whether a step-down Job of this attempt exists for the ordinal that follows {@code ordinal}:
     * only a pass that saw {@code ordinal} rolled asks for it, and that pass wrote no status.
     */
    private static boolean nextStepDownAsked(RollingPass pass, StatefulSetView sts, int ordinal) {
        RollingProgress recorded = pass.progress().completed(ordinal, List.of());
        RollingProgress next = recorded.withPlan(RollOrder.of(sts).plan(recorded, pass.replicas(), pass.pods(sts)));
        int following = RollOrder.of(sts).target(next);
        return following >= 0 && next.currentPartition() > 0 && LeaderStepDown.inFlight(pass.with(next), following);
    }

    static Decision finish(RollingPass pass, StatefulSetView sts) {
        return finish(pass, sts, CONVERGENCE_WAIT);
    }

    /** Every ordinal is done: wait for the StatefulSet to converge, then record the reason's end and clear progress together. */
    private static Decision finish(RollingPass pass, StatefulSetView sts, String waiting) {
        Map<Integer, PodView> pods = pass.pods(sts);
        boolean podsDone = true;
        for (int ordinal = 0; ordinal < pass.replicas(); ordinal++) {
            PodView pod = pods.get(ordinal);
            podsDone &= pod != null && pod.ready() && Objects.equals(pod.revision(), sts.updateRevision());
        }
        if (!RollOrder.of(sts).converged(sts) || !podsDone) {
            return pass.waitFor(WAITING_FOR_POD, waiting);
        }
        var released = pass.status().operationLock().release(Operation.Upgrade, Holders.UPGRADE).lock();
        String message = "all " + pass.replicas() + " pods run " + pass.reason().target();
        // every pod runs the reason's image now: recorded, so the same spec.image is never rolled again
        ClusterStatus status = pass.reason().finished(pass.status().withOperationLock(released))
                .withCurrentImage(pass.reason().image()).withUpgrade(null);
        for (String type : List.of(Condition.UPGRADING, Condition.DEGRADED, Condition.PROGRESSING)) {
            status = pass.condition(status, type, Condition.Status.False, UPGRADE_COMPLETE, message);
        }
        return Decision.of(status, Wake.idle(), new Action.Emit(ClusterEvent.normal(UPGRADE_COMPLETE,
                pass.reason().completion() + ": " + message, pass.audit())));
    }
}
