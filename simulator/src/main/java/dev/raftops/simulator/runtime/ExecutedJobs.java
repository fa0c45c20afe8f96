package dev.raftops.simulator.runtime;

import dev.raftops.simulator.model.RaftMembership;
import dev.raftops.simulator.openbao.MembershipRaftCluster;
import dev.raftops.simulator.openbao.RaftCluster;
import dev.raftops.simulator.trace.Trace;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The executor Jobs of one cluster whose program runs ({@link ExecutorRun}), by name: each is
 * served the API of the Raft its pods belong to, as the runtime plays it.
 */
final class ExecutedJobs {

    private final Trace trace;
    private final Map<String, PlayedStatefulSet> sets;
    private final Supplier<Object> lock;
    private final Map<String, ExecutorRun> running = new TreeMap<>();

    ExecutedJobs(Trace trace, Map<String, PlayedStatefulSet> sets, Supplier<Object> lock) {
        this.trace = trace;
        this.sets = sets;
        this.lock = lock;
    }

    /**
     * Starts the Job's program with {@code player} the first time ({@code fail}: the {@code job-fail}
     * fault strikes it); then null while it runs, and how it ended once it did.
     */
    JobPlayer.JobEnd advance(JobPlayer player, Job job, BooleanSupplier fail) {
        String name = job.getMetadata().getName();
        ExecutorRun run = running.get(name);
        if (run == null) {
            running.put(name, ExecutorRun.start(player, job, lock.get(), servedRaft(job), version(job),
                    fail.getAsBoolean()));
            return null;
        }
        JobPlayer.JobEnd end = run.end();
        if (end != null) {
            stop(name);
        }
        return end;
    }

    /** The Job is gone or ended otherwise: the API its program talks to goes. */
    void stop(String name) {
        ExecutorRun run = running.remove(name);
        if (run != null) {
            run.close();
        }
    }

    void close() {
        running.values().forEach(ExecutorRun::close);
        running.clear();
    }

    /** The Raft the Job's pods belong to, as OpenBao's API reports it; an empty one when none is played. */
    private RaftCluster servedRaft(Job job) {
        PlayedStatefulSet set = set(String.valueOf(env(job, "RAFTOPS_PODS")).split(",")[0].trim());
        return set != null ? set.raft.api()
                : new MembershipRaftCluster(new RaftMembership(trace, 0), new Random(0), 0);
    }

    /** The version the Job's pods run, as sys/health reports it: the first played pod's. */
    private String version(Job job) {
        for (String pod : String.valueOf(env(job, "RAFTOPS_PODS")).split(",")) {
            PlayedStatefulSet set = set(pod.trim());
            if (set != null && set.version() != null) {
                return set.version();
            }
        }
        return "unknown";
    }

    private PlayedStatefulSet set(String pod) {
        int dash = pod.lastIndexOf('-');
        return dash <= 0 ? null : sets.get(pod.substring(0, dash));
    }

    /** The value of the Job's container variable {@code name}, or null. */
    static String env(Job job, String name) {
        for (EnvVar var : job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            if (name.equals(var.getName())) {
                return var.getValue();
            }
        }
        return null;
    }
}
