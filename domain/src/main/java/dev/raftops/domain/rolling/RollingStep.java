package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.RollingReasons.*;

import dev.raftops.domain.cluster.ClusterStatus;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.ExecutorAction;
import dev.raftops.domain.decision.JobNames;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.LockOutcome;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.rolling.RollingProgress.StepDown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One pass of a running rolling upgrade: the snapshot, then one ordinal, then completion. */
final class RollingStep {

    /** Step-down Jobs per ordinal and attempt: leadership can come straight back, but not forever. */
    static final int MAX_STEP_DOWNS = 3;

    /** What an upgrade with every ordinal done waits for. */
    static final String CONVERGENCE_WAIT = "waiting for the StatefulSet to report every replica updated and Ready";

    private RollingStep() {
    }

    static Decision decide(DecisionInput in, RollingProgress progress) {
        ClusterStatus status = in.status();
        LockOutcome lock = status.operationLock().acquire(Operation.Upgrade, Holders.UPGRADE,
                "upgrade to " + progress.targetVersion() + " (in progress)", in.now());
        if (lock instanceof LockOutcome.HeldByOther held) {
            return RollingUpgrade.fail(in, progress, OPERATION_LOCK_LOST, "upgrade halted: the operation lock is held by "
                    + held.lock().operation() + " (" + held.lock().holder() + ")");
        }
        if (lock instanceof LockOutcome.Acquired) {
            return Decision.of(status.withOperationLock(lock.lock()), Wake.now("lock re-acquired"));
        }
        StatefulSetView sts = in.observation().statefulSet(in.statefulSetName()).orElse(null);
        if (sts == null) {
            return RollingStart.waiting(in, "StatefulSet " + in.statefulSetName() + " not found");
        }
        if (!Objects.equals(sts.templateImage(), progress.targetImage())) {
            return wait(in, progress, TEMPLATE_DRIFT, "StatefulSet template image is " + sts.templateImage()
                    + ", the upgrade targets " + progress.targetImage());
        }
        if (progress.snapshot() != null && !progress.snapshot().done()) {
            return PreUpgradeSnapshot.decide(in, progress);
        }
        if (progress.currentPartition() == 0) {
            return finish(in, progress, sts, CONVERGENCE_WAIT);
        }
        int target = progress.targetOrdinal();
        int partition = sts.effectivePartition();
        if (partition > progress.currentPartition()) {
            return wait(in, progress, PARTITION_MISMATCH, "StatefulSet partition is " + partition
                    + " but ordinals from " + progress.currentPartition() + " are done; waiting for it to move back");
        }
        Map<Integer, PodView> pods = in.observation().podsOf(sts.name());
        PodView pod = pods.get(target);
        long maxLag = RollingUpgrade.maxLag(in);
        if (partition <= target) {
            return awaitReleased(in, progress, sts, pod, maxLag);
        }
        // until the StatefulSet controller has observed the new template, updateRevision still names the
        // old revision and every old pod would look rolled
        boolean observed = sts.observedGeneration() >= sts.generation();
        if (observed && pod != null && Objects.equals(pod.revision(), sts.updateRevision()) && pod.caughtUp(maxLag)) {
            return completed(in, progress, target, pods); // rolled before a crash: record it, never restart it
        }
        if (!Quorum.allowsTakingDown(target, in.spec().replicas(), pods, maxLag)) {
            return wait(in, progress, QUORUM_NOT_HEALTHY, "ordinal " + target
                    + " waits for: every other voter Ready and caught up");
        }
        List<Integer> leaders = RollingStart.leaders(in);
        if (leaders.size() > 1) {
            return RollingUpgrade.splitBrain(in, leaders);
        }
        boolean mayLead = pod == null || pod.leadership() != Leadership.FOLLOWER;
        if (in.spec().replicas() > 1 && mayLead) {
            return stepDown(in, progress, target);
        }
        StepDown sd = progress.stepDown();
        if (sd != null && sd.ordinal() == target && sd.confirmedAt() == null
                && in.observation().job(sd.job()).map(j -> !j.result().finished()).orElse(true)) {
            // a step-down still in flight could hand leadership back to the target after its release
            return wait(in, progress, STEP_DOWN_REQUESTED, stepDownWait(target));
        }
        if (in.spec().replicas() > 1 && leaders.isEmpty()) {
            // right after a step-down no pod leads until the election: that is still the step-down's wait
            boolean steppingDown = sd != null && sd.ordinal() == target && sd.confirmedAt() == null;
            return steppingDown ? wait(in, progress, STEP_DOWN_REQUESTED, stepDownWait(target))
                    : wait(in, progress, LEADER_UNKNOWN, "ordinal " + target + " waits for: a known Raft leader");
        }
        return release(in, progress, sts, target, pods);
    }

    private static Decision release(DecisionInput in, RollingProgress progress, StatefulSetView sts, int target,
            Map<Integer, PodView> pods) {
        StepDown sd = progress.stepDown();
        RollingProgress next = progress.withReleasedAt(in.now())
                .withStepDown(sd != null && sd.ordinal() == target && sd.confirmedAt() == null ? sd.confirmed(in.now()) : sd)
                .withPlan(RollingPlan.remaining(progress.currentPartition(), in.spec().replicas(), pods));
        // the wait that follows the release is written with it: one status write per step, not two
        ClusterStatus status = in.status().withUpgrade(next)
                .withCondition(Condition.UPGRADING, Condition.Status.True, POD_RELEASED,
                        "ordinal " + target + " released to " + progress.targetVersion(), in.generation(), in.now())
                .withCondition(Condition.PROGRESSING, Condition.Status.True, WAITING_FOR_POD,
                        podReadyWait(target, progress), in.generation(), in.now());
        return Decision.of(status, Wake.onEvent(in.timing().poll(in.random()), "pod " + target + " rolling"),
                new Action.SetPartition(sts.name(), target, sts.resourceVersion(), true),
                new Action.Emit(ClusterEvent.normal(POD_RELEASED, "released ordinal " + target + " (pod " + sts.name()
                        + "-" + target + ") to " + progress.targetVersion(), audit(in))));
    }

    /** Leadership must move away from the target first; a step-down Job asks the workload to do it. */
    private static Decision stepDown(DecisionInput in, RollingProgress progress, int target) {
        StepDown sd = progress.stepDown();
        boolean current = sd != null && sd.ordinal() == target && sd.confirmedAt() == null;
        // a finished step-down with the pod still reported leader asks again; unknown leadership waits for clarity
        PodView targetPod = in.observation().podsOf(in.statefulSetName()).get(target);
        boolean stillLeads = targetPod != null && targetPod.isLeader();
        JobView finished = current && stillLeads ? in.observation().job(sd.job())
                .filter(j -> j.result() == JobResult.SUCCEEDED).orElse(null) : null;
        if (finished != null && sd.sequence() >= MAX_STEP_DOWNS) {
            return RollingUpgrade.fail(in, progress, STEP_DOWN_TIMEOUT, "ordinal " + target + " still leads or may lead after "
                    + sd.sequence() + " successful step-down jobs (last " + sd.job() + ")");
        }
        if (!current || finished != null) {
            int sequence = sd != null && sd.ordinal() == target ? sd.sequence() + 1 : 1;
            // the target version keeps apart the Jobs of successive upgrades, whose attempts all start at 1
            String job = JobNames.of(in.cluster().name(), ExecutorAction.STEP_DOWN, target, progress.targetVersion(),
                    "a" + progress.attempt(), "s" + sequence);
            RollingProgress next = progress.withStepDown(new StepDown(target, sequence, job, in.now(), null));
            String pod = in.statefulSetName() + "-" + target;
            JobRequest request = new JobRequest(job, ExecutorAction.STEP_DOWN, in.spec().upgrade().executor().image(),
                    in.spec().upgrade().executor().serviceAccount(), Map.of("RAFTOPS_TARGET_POD", pod), 0);
            ClusterStatus status = in.status().withUpgrade(next).withCondition(Condition.PROGRESSING,
                    Condition.Status.True, STEP_DOWN_REQUESTED, stepDownWait(target), in.generation(), in.now());
            return Decision.of(status, Wake.onEvent(in.timing().poll(in.random()), "step-down"),
                    new Action.CreateJob(request),
                    new Action.Emit(ClusterEvent.normal(STEP_DOWN_REQUESTED, "pod " + pod
                            + " may lead; asking it to step down before its restart (job " + job + ")", audit(in))));
        }
        JobView job = in.observation().job(sd.job()).orElse(null);
        Duration waited = Duration.between(sd.startedAt(), in.now());
        if (waited.compareTo(in.spec().upgrade().timeouts().stepDown()) > 0) {
            return RollingUpgrade.fail(in, progress, STEP_DOWN_TIMEOUT, "leadership did not move away from ordinal "
                    + target + " within " + in.spec().upgrade().timeouts().stepDown().toSeconds() + "s of step-down job "
                    + sd.job());
        }
        if (job != null && job.result() == JobResult.FAILED) {
            return RollingUpgrade.fail(in, progress, STEP_DOWN_FAILED, "step-down job " + sd.job() + " failed: "
                    + Objects.toString(job.message(), "no message"));
        }
        return wait(in, progress, STEP_DOWN_REQUESTED, stepDownWait(target));
    }

    static String stepDownWait(int target) {
        return "ordinal " + target + " waits for: LeaderStepDown";
    }

    /**
     * Names the version, not the StatefulSet's update revision: right after the template changes the
     * revision read at the release can still be the old one, and a message that changes when the
     * StatefulSet catches up would cost a status write of its own.
     */
    static String podReadyWait(int target, RollingProgress progress) {
        return "ordinal " + target + " waits for: PodReady on " + progress.targetVersion() + ", caught up";
    }

    /** The target is released: wait until it runs the update revision, is Ready and caught up. */
    private static Decision awaitReleased(DecisionInput in, RollingProgress progress, StatefulSetView sts, PodView pod,
            long maxLag) {
        int target = progress.targetOrdinal();
        if (progress.releasedAt() == null) {
            // released before a crash, never recorded: the budget starts now
            return Decision.of(in.status().withUpgrade(progress.withReleasedAt(in.now())),
                    Wake.onEvent(in.timing().poll(in.random()), "pod " + target + " rolling"));
        }
        // a retarget changes the template again: until that is observed, updateRevision may still name the
        // revision the pod already runs, and a pod that was never restarted would look rolled
        boolean observed = sts.observedGeneration() >= sts.generation();
        if (observed && pod != null && Objects.equals(pod.revision(), sts.updateRevision()) && pod.caughtUp(maxLag)) {
            // the last ordinal is recorded by the finish itself, which clears the progress; until the StatefulSet
            // counts the pod the wait written with its release still holds
            return target == 0 ? finish(in, progress, sts, podReadyWait(target, progress))
                    : completed(in, progress, target, in.observation().podsOf(sts.name()));
        }
        if (in.spec().replicas() > 1 && pod != null && pod.isLeader() && !pod.terminating()
                && !Objects.equals(pod.revision(), sts.updateRevision())) {
            // elected after its release, before the StatefulSet restarted it: ask it to step down again
            return stepDown(in, progress, target);
        }
        Duration budget = in.spec().upgrade().timeouts().podReady();
        if (Duration.between(progress.releasedAt(), in.now()).compareTo(budget) > 0) {
            String state = pod == null ? "missing" : "revision " + pod.revision() + ", ready " + pod.ready()
                    + (pod.lag() == null ? "" : ", lag " + pod.lag());
            return RollingUpgrade.fail(in, progress, POD_NOT_READY, "pod " + sts.name() + "-" + target
                    + " did not run revision " + sts.updateRevision() + " Ready and caught up within "
                    + budget.toSeconds() + "s of its release (" + state + ")");
        }
        return wait(in, progress, WAITING_FOR_POD, podReadyWait(target, progress));
    }

    private static Decision completed(DecisionInput in, RollingProgress progress, int ordinal, Map<Integer, PodView> pods) {
        RollingProgress next = progress.completed(ordinal, RollingPlan.remaining(ordinal, in.spec().replicas(), pods));
        ClusterStatus status = in.status().withUpgrade(next)
                .withCondition(Condition.UPGRADING, Condition.Status.True, POD_UPGRADED, "ordinal " + ordinal
                        + " runs " + progress.targetVersion() + "; " + next.completedOrdinals().size() + "/"
                        + in.spec().replicas() + " done", in.generation(), in.now());
        String done = "ordinal " + ordinal + " runs " + progress.targetVersion() + " and is caught up";
        // the next step is decided on the same observation, so a step costs one status write, not two
        return toldWith(decide(in.withStatus(status), next), ClusterEvent.normal(POD_UPGRADED, done, audit(in)));
    }

    /**
     * {@code then} with the completion told in its first Normal Event (one Event per step), or in
     * {@code upgraded} of its own when the next step emits none (it waits).
     */
    private static Decision toldWith(Decision then, ClusterEvent upgraded) {
        List<Action> actions = new ArrayList<>(then.actions());
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) instanceof Action.Emit emit && emit.event().type() == ClusterEvent.Type.Normal) {
                ClusterEvent event = emit.event();
                actions.set(i, new Action.Emit(new ClusterEvent(event.type(), event.reason(),
                        upgraded.message() + "; " + event.message(), event.audit())));
                return new Decision(actions, then.nextStatus(), then.wake());
            }
        }
        actions.add(0, new Action.Emit(upgraded));
        return new Decision(actions, then.nextStatus(), then.wake());
    }

    /** Every ordinal is done: wait for the StatefulSet to converge, then move currentVersion and clear progress together. */
    private static Decision finish(DecisionInput in, RollingProgress progress, StatefulSetView sts, String waiting) {
        Map<Integer, PodView> pods = in.observation().podsOf(sts.name());
        boolean podsDone = true;
        for (int ordinal = 0; ordinal < in.spec().replicas(); ordinal++) {
            PodView pod = pods.get(ordinal);
            podsDone &= pod != null && pod.ready() && Objects.equals(pod.revision(), sts.updateRevision());
        }
        if (!sts.converged() || sts.effectivePartition() != 0 || !podsDone) {
            return wait(in, progress, WAITING_FOR_POD, waiting);
        }
        var released = in.status().operationLock().release(Operation.Upgrade, Holders.UPGRADE).lock();
        String message = "all " + in.spec().replicas() + " pods run " + progress.targetVersion();
        ClusterStatus status = in.status().withCurrentVersion(progress.targetVersion()).withUpgrade(null)
                .withOperationLock(released)
                .withCondition(Condition.UPGRADING, Condition.Status.False, UPGRADE_COMPLETE, message, in.generation(), in.now())
                .withCondition(Condition.DEGRADED, Condition.Status.False, UPGRADE_COMPLETE, message, in.generation(), in.now())
                .withCondition(Condition.PROGRESSING, Condition.Status.False, UPGRADE_COMPLETE, message, in.generation(), in.now());
        return Decision.of(status, Wake.idle(), new Action.Emit(ClusterEvent.normal(UPGRADE_COMPLETE,
                "upgrade from " + progress.fromVersion() + " to " + progress.targetVersion() + " complete: " + message,
                audit(in))));
    }

    private static Decision wait(DecisionInput in, RollingProgress progress, String reason, String message) {
        ClusterStatus status = in.status().withCondition(Condition.PROGRESSING, Condition.Status.True, reason, message,
                in.generation(), in.now());
        return Decision.of(status, Wake.onEvent(in.timing().poll(in.random()), message));
    }

    private static AuditFields audit(DecisionInput in) {
        return RollingUpgrade.audit(in, in.status().operationLock());
    }
}
