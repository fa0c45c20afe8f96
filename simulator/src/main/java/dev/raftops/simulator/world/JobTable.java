package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.ports.driven.JobCreation;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.simulator.faults.Fault;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The executor Jobs of a {@link SimWorld}, by name: a create of an existing name is "already
 * exists"; the n-th Job created fails when a {@link Fault.JobFailure} names n. What a Job does while
 * it runs is its workload's ({@link Workloads#run}).
 */
final class JobTable {

    private final SimWorld w;
    private final SortedMap<String, SimJob> jobs = new TreeMap<>();
    private int created;

    JobTable(SimWorld world) {
        this.w = world;
    }

    JobCreation create(JobRequest request) {
        if (jobs.containsKey(request.name())) {
            return new JobCreation.AlreadyExists();
        }
        created++;
        boolean fails = w.scenario().faults().contains(new Fault.JobFailure(created));
        SimJob job = new SimJob(request, w.clock().instant(), fails);
        jobs.put(request.name(), job);
        w.trace().write(w.trace().line("job.created").put("job", request.name()).put("action",
                request.action().wireName()));
        if (fails) {
            w.trace().write(w.trace().line("fault").put("fault", "job-failure").put("job", request.name()));
        }
        w.workloads().run(job);
        return new JobCreation.Created();
    }

    WriteResult delete(String name) {
        return jobs.remove(name) == null ? new WriteResult.NotFound("job " + name + " not found")
                : new WriteResult.Written(null);
    }

    /** Whether {@code job} still exists (it was not deleted meanwhile). */
    boolean exists(SimJob job) {
        return jobs.get(job.request.name()) == job;
    }

    List<JobView> views() {
        return jobs.values().stream().map(SimJob::view).toList();
    }
}
