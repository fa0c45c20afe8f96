package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.RollingReasons.*;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.JobNames;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.RollingProgress.StepDown;
import dev.raftops.domain.resource.RollingProgress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Leadership moves away from the target before its release: a step-down Job asks the workload to
 * do it, within {@code timeouts.stepDown} of the Job's creation. A finished Job with the pod still
 * reported leader asks again, up to {@value #MAX_STEP_DOWNS} Jobs per ordinal and attempt.
 */
final class LeaderStepDown {

    /** Step-down Jobs per ordinal and attempt: leadership can come straight back, but not forever. */
    static final int MAX_STEP_DOWNS = 3;

    private LeaderStepDown() {
    }

    static Decision request(RollingPass pass, int target) {
        RollingProgress progress = pass.progress();
        StepDown sd = progress.stepDown();
        boolean current = sd != null && sd.ordinal() == target && sd.confirmedAt() == null;
        // a finished step-down with the pod still reported leader asks again; unknown leadership waits for clarity
        PodView targetPod = pass.in().observation().podsOf(pass.in().statefulSetName()).get(target);
        boolean stillLeads = targetPod != null && targetPod.isLeader();
        JobView finished = current && stillLeads ? pass.in().observation().job(sd.job())
                .filter(j -> j.result() == JobResult.SUCCEEDED).orElse(null) : null;
        if (finished != null && sd.sequence() >= MAX_STEP_DOWNS) {
            return pass.fail(STEP_DOWN_TIMEOUT, "ordinal " + target + " still leads or may lead after "
                    + sd.sequence() + " successful step-down jobs (last " + sd.job() + ")");
        }
        if (!current || finished != null) {
            return newJob(pass, target, sd != null && sd.ordinal() == target ? sd.sequence() + 1 : 1);
        }
        JobView job = pass.in().observation().job(sd.job()).orElse(null);
        Duration budget = pass.in().spec().upgrade().timeouts().stepDown();
        if (Duration.between(sd.startedAt(), pass.in().now()).compareTo(budget) > 0) {
            return pass.fail(STEP_DOWN_TIMEOUT, "leadership did not move away from ordinal " + target + " within "
                    + budget.toSeconds() + "s of step-down job " + sd.job());
        }
        if (job != null && job.result() == JobResult.FAILED) {
            return pass.fail(STEP_DOWN_FAILED, "step-down job " + sd.job() + " failed: "
                    + Objects.toString(job.message(), "no message"));
        }
        return pass.waitFor(STEP_DOWN_REQUESTED, waiting(target));
    }

    private static Decision newJob(RollingPass pass, int target, int sequence) {
        RollingProgress progress = pass.progress();
        // the roll's target keeps apart the Jobs of successive upgrades, whose attempts all start at 1
        String job = JobNames.of(pass.in().cluster().name(), ExecutorAction.STEP_DOWN, target, pass.reason().target(),
                "a" + progress.attempt(), "s" + sequence);
        RollingProgress next = progress.withStepDown(new StepDown(target, sequence, job, pass.in().now(), null));
        String pod = pass.in().statefulSetName() + "-" + target;
        var executor = pass.in().spec().upgrade().executor();
        JobRequest request = new JobRequest(job, ExecutorAction.STEP_DOWN, executor.image(), executor.serviceAccount(),
                Map.of("RAFTOPS_TARGET_POD", pod), 0);
        ClusterStatus status = pass.condition(pass.status().withUpgrade(next), Condition.PROGRESSING,
                Condition.Status.True, STEP_DOWN_REQUESTED, waiting(target));
        return Decision.of(status, pass.poll("step-down"), new Action.CreateJob(request),
                new Action.Emit(ClusterEvent.normal(STEP_DOWN_REQUESTED, "pod " + pod
                        + " may lead; asking it to step down before its restart (job " + job + ")", pass.audit())));
    }

    static String waiting(int target) {
        return "ordinal " + target + " waits for: LeaderStepDown";
    }
}
