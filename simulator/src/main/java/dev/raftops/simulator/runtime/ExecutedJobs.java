package dev.raftops.simulator.runtime;

import dev.raftops.simulator.openbao.OpenBaoDouble;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The executor Jobs of one cluster whose program runs ({@link ExecutorRun}), by name: each talks to
 * the API its pods serve ({@link PodApis}), over the Raft the runtime plays.
 */
final class ExecutedJobs {

    private final Map<String, PlayedStatefulSet> sets;
    private final PodApis apis;
    private final Map<String, ExecutorRun> running = new TreeMap<>();

    ExecutedJobs(Map<String, PlayedStatefulSet> sets, PodApis apis) {
        this.sets = sets;
        this.apis = apis;
    }

    /**
     * Starts the Job's program with {@code player} the first time ({@code fail}: the {@code job-fail}
     * fault strikes it); then null while it runs, and how it ended once it did.
     */
    JobPlayer.JobEnd advance(JobPlayer player, Job job, BooleanSupplier fail) {
        String name = job.getMetadata().getName();
        ExecutorRun run = running.get(name);
        if (run == null) {
            running.put(name, ExecutorRun.start(player, job, servedApi(job), apis, fail.getAsBoolean()));
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

    /** The API of the Raft the Job's pods belong to, as their pods serve it; one where every pod refuses when none is played. */
    private OpenBaoDouble servedApi(Job job) {
        PlayedStatefulSet set = set(String.valueOf(env(job, "RAFTOPS_PODS")).split(",")[0].trim());
        return set != null ? apis.of(set.raft) : apis.unplayed();
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
