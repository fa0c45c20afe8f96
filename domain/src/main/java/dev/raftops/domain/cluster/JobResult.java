package dev.raftops.domain.cluster;

/** Where an executor Job is. */
public enum JobResult {
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean finished() {
        return this != RUNNING;
    }
}
