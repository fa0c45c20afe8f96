package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.resource.ExecutorAction;
import java.util.SortedMap;

/** Executor Jobs in a rolling cluster: each runs a few seconds; a step-down moves leadership ({@link SimRaft}). */
final class RollingJobs {

    /** The executor Job parameter naming the pod a step-down is for. */
    static final String TARGET_POD = "RAFTOPS_TARGET_POD";

    private final SimWorld w;
    private final SortedMap<Integer, SimPod> pods;
    private final SimRaft raft;

    RollingJobs(SimWorld world, SortedMap<Integer, SimPod> pods, SimRaft raft) {
        this.w = world;
        this.pods = pods;
        this.raft = raft;
    }

    /**
     * The executor steps the target down only if it still leads (it asks the workload first), so
     * a repeated step-down cannot move leadership back onto the target; without a target it steps
     * down whoever leads.
     */
    private void stepDown(String targetPod) {
        Integer target = null;
        for (SimPod pod : pods.values()) {
            target = pod.name.equals(targetPod) ? Integer.valueOf(pod.ordinal) : target;
        }
        if (targetPod == null || (target != null && raft.leads(target))) {
            raft.transfer();
        }
    }

    /** A Job runs for a few seconds; a step-down that succeeds moves leadership away from the leader. */
    void run(SimJob job) {
        w.at(w.between(2000, 6000), () -> {
            if (!w.jobs().exists(job)) {
                return; // deleted meanwhile
            }
            job.finishedAt = w.clock().instant();
            job.result = job.fails ? JobResult.FAILED : JobResult.SUCCEEDED;
            job.message = job.fails ? "injected failure" : null;
            if (!job.fails && job.request.action() == ExecutorAction.STEP_DOWN) {
                stepDown(job.request.parameters().get(TARGET_POD));
            }
            w.trace().write(w.trace().line("job.finished").put("job", job.request.name())
                    .put("action", job.request.action().wireName())
                    .put("result", job.fails ? "failed" : "succeeded"));
            w.changed();
        });
    }
}
