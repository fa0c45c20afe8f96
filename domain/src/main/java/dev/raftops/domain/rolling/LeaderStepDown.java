package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.RollingReasons.*;

import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.JobNames;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.RollingProgress.StepDown;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Leadership moves away from the target before its release: a step-down Job asks the workload to
 * do it, within {@code timeouts.stepDown} of the Job's creation. A finished Job with the pod still
 * reported leader asks again, up to {@value #MAX_STEP_DOWNS} Jobs per ordinal and attempt.
 *
 * <p>The step-down writes no status of its own: its record is the Job, found by its deterministic
 * name, until the release that follows writes it ({@code status.upgrade.stepDown}, confirmed) with
 * everything the step-down pass left unwritten (docs/decisions/step-down-record.md).
 */
final class LeaderStepDown {

    /** Step-down Jobs per ordinal and attempt: leadership can come straight back, but not forever. */
    static final int MAX_STEP_DOWNS = 3;

    private LeaderStepDown() {
    }

    /**
     * Leadership must leave {@code target} before its release. The step-down is told with the
     * release's Event, which follows within {@code timeouts.stepDown} (one Event per step): the Job
     * and {@code status.upgrade.plan} show it meanwhile.
     */
    static Decision request(RollingPass pass, int target) {
        return request(pass, target, false);
    }

    /**
     * {@code target}, already released, was elected before the StatefulSet restarted it: no release
     * follows to tell this step-down, so it has an Event of its own.
     */
    static Decision requestAfterRelease(RollingPass pass, int target) {
        return request(pass, target, true);
    }

    private static Decision request(RollingPass pass, int target, boolean told) {
        StepDown sd = current(pass, target);
        // a finished step-down with the pod still reported leader asks again; unknown leadership waits for clarity
        PodView targetPod = pass.in().observation().podsOf(pass.in().statefulSetName()).get(target);
        boolean stillLeads = targetPod != null && targetPod.isLeader();
        JobView job = sd == null ? null : pass.in().observation().job(sd.job()).orElse(null);
        boolean finished = stillLeads && job != null && job.result() == JobResult.SUCCEEDED;
        if (finished && sd.sequence() >= MAX_STEP_DOWNS) {
            return pass.fail(STEP_DOWN_TIMEOUT, "ordinal " + target + " still leads or may lead after "
                    + sd.sequence() + " successful step-down jobs (last " + sd.job() + ")");
        }
        if (sd == null || sd.confirmedAt() != null || finished) {
            return newJob(pass, target, sd == null ? 1 : sd.sequence() + 1, told);
        }
        Duration budget = pass.in().spec().upgrade().timeouts().stepDown();
        if (Duration.between(sd.startedAt(), pass.in().now()).compareTo(budget) > 0) {
            return pass.fail(STEP_DOWN_TIMEOUT, "leadership did not move away from ordinal " + target + " within "
                    + budget.toSeconds() + "s of step-down job " + sd.job());
        }
        if (job != null && job.result() == JobResult.FAILED) {
            return pass.fail(STEP_DOWN_FAILED, "step-down job " + sd.job() + " failed: "
                    + Objects.toString(job.message(), "no message"));
        }
        return underWay(pass);
    }

    /**
     * The step-down of {@code target} in this attempt: the newest of the one recorded in
     * {@code status.upgrade.stepDown} (confirmed by a release, or written by an older controller)
     * and the newest step-down Job observed under its name; null when there is neither. A Job found
     * by name is unconfirmed and started at its creation ({@code now} when the API did not say).
     */
    static StepDown current(RollingPass pass, int target) {
        StepDown recorded = pass.progress().stepDown();
        recorded = recorded != null && recorded.ordinal() == target ? recorded : null;
        for (int sequence = MAX_STEP_DOWNS; sequence >= 1; sequence--) {
            if (recorded != null && recorded.sequence() >= sequence) {
                return recorded;
            }
            String name = jobName(pass, target, sequence);
            var job = pass.in().observation().job(name);
            if (job.isPresent()) {
                Instant created = job.get().createdAt();
                return new StepDown(target, sequence, name, created != null ? created : pass.in().now(), null);
            }
        }
        return recorded;
    }

    /** Whether a step-down of {@code target} is unconfirmed: asked for and not yet followed by a release. */
    static boolean inFlight(RollingPass pass, int target) {
        StepDown sd = current(pass, target);
        return sd != null && sd.confirmedAt() == null;
    }

    /** A step-down is under way: nothing to write, the Job is the record (the status keeps the step before). */
    static Decision underWay(RollingPass pass) {
        return Decision.of(pass.unwritten(), pass.poll("step-down"));
    }

    private static Decision newJob(RollingPass pass, int target, int sequence, boolean told) {
        String job = jobName(pass, target, sequence);
        String pod = pass.in().statefulSetName() + "-" + target;
        var executor = pass.in().spec().upgrade().executor();
        JobRequest request = new JobRequest(job, ExecutorAction.STEP_DOWN, executor.image(), executor.serviceAccount(),
                Map.of("RAFTOPS_TARGET_POD", pod), 0);
        Action create = new Action.CreateJob(request);
        if (!told) {
            return Decision.of(pass.unwritten(), pass.poll("step-down"), create);
        }
        return Decision.of(pass.unwritten(), pass.poll("step-down"), create,
                new Action.Emit(ClusterEvent.normal(STEP_DOWN_REQUESTED, "pod " + pod
                        + " was elected after its release; asking it to step down before its restart (job " + job
                        + ")", pass.audit())));
    }

    /** How a release tells the step-down that preceded it. */
    static String toldAtRelease(StepDown stepDown) {
        return " after its leader step-down (job " + stepDown.job() + ")";
    }

    /** The roll's target keeps apart the Jobs of successive upgrades, whose attempts all start at 1. */
    private static String jobName(RollingPass pass, int target, int sequence) {
        return JobNames.of(pass.in().cluster().name(), ExecutorAction.STEP_DOWN, target, pass.reason().target(),
                "a" + pass.progress().attempt(), "s" + sequence);
    }

    static String waiting(int target) {
        return "ordinal " + target + " waits for: LeaderStepDown";
    }
}
