package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.decision.JobRequest;
import java.time.Instant;

/** One simulated executor Job. */
final class SimJob {

    final JobRequest request;
    final Instant createdAt;
    final boolean fails;
    JobResult result = JobResult.RUNNING;
    Instant finishedAt;
    String message;

    SimJob(JobRequest request, Instant createdAt, boolean fails) {
        this.request = request;
        this.createdAt = createdAt;
        this.fails = fails;
    }

    JobView view() {
        return new JobView(request.name(), request.action().wireName(), result, createdAt, finishedAt, message);
    }
}
