package dev.raftops.simulator.runtime;

import dev.raftops.simulator.openbao.DoubleFaults;
import dev.raftops.simulator.openbao.OpenBaoDouble;
import dev.raftops.simulator.openbao.RaftCluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One executor Job played by a {@link JobPlayer}: the OpenBao API of the Job's pods is served on
 * loopback for as long as the program runs (the double over the played Raft, under the runtime's
 * lock), and the program gets the Job's container as rendered. A {@code job-fail} fault is a fault
 * the program meets, never an outcome the runtime writes: a snapshot stream that breaks off
 * half-way for {@code backup} and {@code pre-upgrade-snapshot}, a login the workload rejects for
 * every other action.
 */
final class ExecutorRun implements AutoCloseable {

    /** The auth mount and role the controller renders (ExecutorJobs), which the served API accepts. */
    static final String MOUNT = "kubernetes";
    static final String ROLE = "raftops-executor";

    private final OpenBaoDouble api;
    private final CompletableFuture<JobPlayer.JobEnd> end;

    private ExecutorRun(OpenBaoDouble api, CompletableFuture<JobPlayer.JobEnd> end) {
        this.api = api;
        this.end = end;
    }

    /**
     * Serves the API of the Job's pods over {@code raft} (running {@code version}) and starts the
     * program; {@code fail} plays the {@code job-fail} fault.
     */
    static ExecutorRun start(JobPlayer player, Job job, Object lock, RaftCluster raft, String version, boolean fail) {
        Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), var.getValue());
        }
        String pods = env.getOrDefault("RAFTOPS_PODS", "");
        List<String> served = Arrays.stream(pods.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        String name = job.getMetadata().getName();
        String token = "projected-token-of-" + name;
        String accepted = fail && !snapshots(container.getArgs()) ? "another-service-account" : token;
        OpenBaoDouble api;
        try {
            api = OpenBaoDouble.start(new LockedRaftCluster(lock, raft), served, version, MOUNT, ROLE, accepted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (fail && snapshots(container.getArgs())) {
            api.faults(DoubleFaults.none().withSnapshot(DoubleFaults.none().snapshotBytes(), DoubleFaults.Body.CUT_HALFWAY));
        }
        List<String> args = container.getArgs() == null ? List.of() : container.getArgs();
        CompletableFuture<JobPlayer.JobEnd> end;
        try {
            end = player.start(new JobPlayer.JobRun(name, args, env, api.addressTemplate(), token));
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
        return new ExecutorRun(api, end);
    }

    private static boolean snapshots(List<String> args) {
        return args != null && (args.contains("backup") || args.contains("pre-upgrade-snapshot"));
    }

    /** How the program ended, or null while it runs; a player that broke down ends as exit 1. */
    JobPlayer.JobEnd end() {
        if (!end.isDone()) {
            return null;
        }
        try {
            return end.join();
        } catch (RuntimeException e) {
            return new JobPlayer.JobEnd(1, "");
        }
    }

    @Override
    public void close() {
        api.close();
    }
}
