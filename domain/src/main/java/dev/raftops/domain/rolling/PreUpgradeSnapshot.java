package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.RollingReasons.*;

import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.JobNames;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.RollingProgress.Snapshot;
import dev.raftops.domain.resource.RollingProgress;
import java.util.Map;
import java.util.TreeMap;

/**
 * The optional snapshot before the first pod is touched. Its Job is keyed by the upgrade attempt
 * and a failure counter kept in status, so retries are capped ({@value #MAX_FAILED_ATTEMPTS}) and a
 * spec edit alone never triggers a new snapshot.
 */
final class PreUpgradeSnapshot {

    static final int MAX_FAILED_ATTEMPTS = 3;

    private PreUpgradeSnapshot() {
    }

    static Decision decide(RollingPass pass) {
        DecisionInput in = pass.in();
        RollingProgress progress = pass.progress();
        Snapshot snapshot = progress.snapshot();
        if (snapshot.job() == null) {
            // named by upgrade (target version) and attempt: a later upgrade's snapshot is never the last one's
            String job = JobNames.of(in.cluster().name(), ExecutorAction.PRE_UPGRADE_SNAPSHOT,
                    progress.targetVersion(), "a" + progress.attempt(), "n" + (snapshot.failedAttempts() + 1));
            Snapshot next = new Snapshot(job, snapshot.failedAttempts(), null);
            return Decision.of(in.status().withUpgrade(progress.withSnapshot(next)), Wake.now("snapshot job recorded"));
        }
        JobView job = in.observation().job(snapshot.job()).orElse(null);
        if (job == null) {
            // creating again under the same name is idempotent: "already exists" means "already started"
            return Decision.of(in.status(), Wake.onEvent(in.timing().poll(in.random()), "pre-upgrade snapshot"),
                    new Action.CreateJob(request(in, progress, snapshot.job())),
                    new Action.Emit(ClusterEvent.normal(PRE_UPGRADE_SNAPSHOT_STARTED, "taking a snapshot before the "
                            + "upgrade to " + progress.targetVersion() + " (job " + snapshot.job() + ")",
                            pass.audit())));
        }
        if (job.result() == JobResult.SUCCEEDED) {
            Snapshot done = new Snapshot(snapshot.job(), snapshot.failedAttempts(), in.now());
            return Decision.of(in.status().withUpgrade(progress.withSnapshot(done)), Wake.now("snapshot done"));
        }
        if (job.result() == JobResult.FAILED) {
            int failed = snapshot.failedAttempts() + 1;
            if (failed >= MAX_FAILED_ATTEMPTS) {
                return pass.with(progress.withSnapshot(new Snapshot(snapshot.job(), failed, null))).fail(
                        PRE_UPGRADE_SNAPSHOT_FAILED, "pre-upgrade snapshot failed " + failed + " times, last job "
                                + snapshot.job() + ": " + job.message());
            }
            return Decision.of(in.status().withUpgrade(progress.withSnapshot(new Snapshot(null, failed, null))),
                    Wake.now("snapshot retry"));
        }
        return Decision.of(in.status(), Wake.onEvent(in.timing().poll(in.random()), "pre-upgrade snapshot running"));
    }

    private static JobRequest request(DecisionInput in, RollingProgress progress, String name) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("RAFTOPS_SNAPSHOT_KIND", "pre-upgrade");
        parameters.put("RAFTOPS_UPGRADE_TARGET", progress.targetVersion());
        parameters.put("RAFTOPS_UPGRADE_ATTEMPT", Integer.toString(progress.attempt()));
        var backup = in.spec().backup();
        if (backup != null) {
            parameters.putAll(backup.targetVariables());
        }
        String image = backup != null && backup.executorImage() != null ? backup.executorImage()
                : in.spec().upgrade().executor().image();
        return new JobRequest(name, ExecutorAction.PRE_UPGRADE_SNAPSHOT, image,
                in.spec().upgrade().executor().serviceAccount(), parameters, 0);
    }
}
