package dev.raftops.domain.backup;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.BackupStatus;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Passes of the backup decision over values the test holds: the persisted spec and status, the Jobs
 * that exist, a clock, and what every pass did. A pass runs the decision and performs its actions the
 * way the admin-operations service does (a Job create is idempotent by name); {@link #settle()}
 * repeats passes while the decision asks to look again at once. Nothing here happens on its own:
 * the clock moves and a Job finishes only when the test says so, and there are no pods, StatefulSets
 * or Raft (the backup decision reads none). Tests that need a cluster that moves by itself run on
 * the simulator's model (docs/testing.md).
 */
final class BackupPasses {

    static final ClusterKey KEY = new ClusterKey("prod", "vault");
    static final String VERSION = "1.4.0";

    ClusterSpec spec;
    ClusterStatus status;
    Instant now;
    final TreeMap<String, JobView> jobs = new TreeMap<>();
    final List<JobRequest> created = new ArrayList<>();
    final List<ClusterEvent> events = new ArrayList<>();
    /** The last decision of the last pass. */
    Decision last;
    /** Job creation is refused (a foreign Job has the name): the service then persists nothing. */
    boolean refuseCreates;

    BackupPasses(String schedule, String zone, Instant now) {
        BackupSpec backup = new BackupSpec(schedule, zone, new BackupSpec.Retention(7, Duration.ofDays(30)),
                Map.of("bucket", "snapshots", "endpoint", "https://s3.example"), "raftops/backup:1", null);
        this.spec = ClusterSpec.of(VERSION, null, 3).withBackup(backup);
        this.status = ClusterStatus.initial().withCurrentVersion(VERSION).withPhase(Phase.Running);
        this.now = now;
    }

    static BackupPasses hourly(String now) {
        return new BackupPasses("@hourly", "UTC", Instant.parse(now));
    }

    /** Hourly backups enabled at 10:15 and settled: nothing runs, the first window is 11:00. */
    static BackupPasses hourlyFrom1015() {
        BackupPasses world = hourly("2026-05-01T10:15:00Z");
        world.settle();
        return world;
    }

    /** {@link #hourlyFrom1015()} once the 11:00 window has started its Job. */
    static BackupPasses firstWindowRunning() {
        BackupPasses world = hourlyFrom1015();
        world.at("2026-05-01T11:00:00Z").settle();
        return world;
    }

    DecisionInput input() {
        return new DecisionInput(KEY, 7, spec, status, ClusterObservation.of(List.of(), List.of(), jobs.values()), now,
                new Random(1), RetryTiming.defaults().withoutJitter());
    }

    /** One pass: decide, perform the actions, persist the status. */
    Decision pass() {
        return pass(true);
    }

    /** A pass whose actions ran but whose status write was lost (a crash before the write). */
    Decision passLosingStatus() {
        return pass(false);
    }

    private Decision pass(boolean persist) {
        Decision decision = BackupDecision.decide(input());
        last = decision;
        for (Action action : decision.actions()) {
            if (action instanceof Action.CreateJob create) {
                if (refuseCreates) {
                    return decision; // the service stops at the refused write and keeps the old status
                }
                JobRequest job = create.job();
                if (!jobs.containsKey(job.name())) {
                    jobs.put(job.name(), new JobView(job.name(), job.action().wireName(), JobResult.RUNNING, now, null, null));
                    created.add(job);
                }
            } else if (action instanceof Action.Emit emit) {
                events.add(emit.event());
            }
        }
        if (persist) {
            status = decision.nextStatus();
        }
        return decision;
    }

    /** Passes until the decision no longer asks to look again at once (as the service loops), at most 8. */
    Decision settle() {
        Decision decision = pass();
        for (int i = 0; i < 8 && isImmediate(decision.wake()); i++) {
            decision = pass();
        }
        return decision;
    }

    static boolean isImmediate(Wake wake) {
        return wake instanceof Wake.After after && after.delay().isZero();
    }

    BackupPasses at(String instant) {
        now = Instant.parse(instant);
        return this;
    }

    BackupPasses advance(Duration by) {
        now = now.plus(by);
        return this;
    }

    /** The running Job {@code name} finishes now. */
    void finish(String name, JobResult result, String message) {
        finish(name, result, message, java.util.Map.of());
    }

    /** The Job ends with the executor's {@code message} and {@code facts} (its termination message). */
    void finish(String name, JobResult result, String message, java.util.Map<String, String> facts) {
        JobView job = jobs.get(name);
        jobs.put(name, new JobView(name, job.action(), result, job.createdAt(), now, message, facts));
    }

    /** The one running backup Job's name. */
    String runningJob() {
        return jobs.values().stream().filter(j -> j.result() == JobResult.RUNNING && "backup".equals(j.action()))
                .map(JobView::name).findFirst().orElseThrow();
    }

    void trigger(String token) {
        spec = spec.withBackup(spec.backup().withTriggerRequest(token));
    }

    List<ClusterEvent> events(String reason) {
        return events.stream().filter(e -> e.reason().equals(reason)).toList();
    }

    BackupStatus backup() {
        return status.backup();
    }

    /** Runs the current window: settle, let the Job finish with {@code result}, settle again. */
    String runWindow(JobResult result) {
        settle();
        String job = runningJob();
        finish(job, result, result == JobResult.FAILED ? "snapshot upload failed" : null);
        settle();
        return job;
    }
}
