package dev.raftops.ports.driven;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.JobRequest;

/** Driven port: executor Jobs, created by deterministic name. */
public interface JobPort {

    JobCreation createIfAbsent(ClusterKey cluster, JobRequest job);

    WriteResult delete(ClusterKey cluster, String jobName);
}
