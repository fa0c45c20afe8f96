package dev.raftops.simulator.runtime;

import dev.raftops.simulator.openbao.DoubleFaults;
import dev.raftops.simulator.openbao.OpenBaoDouble;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One executor Job played by a {@link JobPlayer}: the program gets the Job's container as rendered
 * and talks to the OpenBao API the Job's pods serve ({@link PodApis}: the double over the played
 * Raft), whose login accepts the Job's projected token while the program runs. A {@code job-fail}
 * fault is a fault the program meets, never an outcome the runtime writes: a snapshot stream that
 * breaks off half-way for {@code backup} and {@code pre-upgrade-snapshot}, a login the workload
 * rejects for every other action.
 */
final class ExecutorRun implements AutoCloseable {

    /** The auth mount and role the controller renders (ExecutorJobs), which the served API accepts. */
    static final String MOUNT = "kubernetes";
    static final String ROLE = "raftops-executor";

    private final OpenBaoDouble api;
    private final PodApis apis;
    private final String token;
    private final boolean cutsSnapshots;
    private final CompletableFuture<JobPlayer.JobEnd> end;

    private ExecutorRun(OpenBaoDouble api, PodApis apis, String token, boolean cutsSnapshots,
            CompletableFuture<JobPlayer.JobEnd> end) {
        this.api = api;
        this.apis = apis;
        this.token = token;
        this.cutsSnapshots = cutsSnapshots;
        this.end = end;
    }

    /** Starts the program against {@code api}, the API of the Job's pods; {@code fail} plays the {@code job-fail} fault. */
    static ExecutorRun start(JobPlayer player, Job job, OpenBaoDouble api, PodApis apis, boolean fail) {
        Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), var.getValue());
        }
        String name = job.getMetadata().getName();
        String token = "projected-token-of-" + name;
        boolean cuts = fail && snapshots(container.getArgs());
        if (!fail || cuts) {
            apis.accept(token); // a failing Job of another action meets a login the workload rejects
        }
        if (cuts) {
            api.faults(DoubleFaults.none().withSnapshot(DoubleFaults.none().snapshotBytes(), DoubleFaults.Body.CUT_HALFWAY));
        }
        List<String> args = container.getArgs() == null ? List.of() : container.getArgs();
        ExecutorRun run = new ExecutorRun(api, apis, token, cuts, null);
        try {
            return new ExecutorRun(api, apis, token, cuts,
                    player.start(new JobPlayer.JobRun(name, args, env, api.addressTemplate(), token)));
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
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

    /** The Job's token no longer logs in; a cut snapshot stream heals. */
    @Override
    public void close() {
        apis.revoke(token);
        if (cutsSnapshots) {
            api.faults(DoubleFaults.none());
        }
    }
}
