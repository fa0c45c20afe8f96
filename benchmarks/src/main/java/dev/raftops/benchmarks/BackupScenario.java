package dev.raftops.benchmarks;

import dev.raftops.domain.backup.BackupDecision;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The backup inputs the benchmarks decide over, recorded by chaining {@link BackupDecision} itself
 * over an hourly schedule: each state is the status the previous pass left, with the Jobs it created.
 *
 * @param waiting schedule valid and already read once, the next window an hour away: nothing to do
 * @param due the window has come: the run is recorded and the lock taken
 * @param running the backup Job exists and runs
 * @param finished the backup Job succeeded: the result is recorded and the lock released
 */
record BackupScenario(DecisionInput waiting, DecisionInput due, DecisionInput running, DecisionInput finished) {

    static final ClusterKey KEY = new ClusterKey("bench", "vault");
    private static final int MAX_PASSES = 10;

    static BackupScenario record(int replicas) {
        BackupSpec backup = new BackupSpec("@hourly", "UTC", new BackupSpec.Retention(7, Duration.ofDays(30)),
                Map.of("bucket", "snapshots", "endpoint", "https://s3.example"), "raftops/backup:1", null);
        ClusterSpec spec = ClusterSpec.of("1.4.0", null, replicas).withBackup(backup);
        Chain chain = new Chain(spec, ClusterStatus.initial().withCurrentVersion("1.4.0").withPhase(Phase.Running));
        chain.at("2026-11-24T10:10:00Z").pass(); // enabling: reads the schedule, records the next window
        DecisionInput waiting = chain.at("2026-11-24T10:20:00Z").input();
        chain.pass();
        DecisionInput due = chain.at("2026-11-24T11:00:05Z").input();
        chain.settle();
        JobView job = chain.onlyJob();
        DecisionInput running = chain.at("2026-11-24T11:01:00Z").input();
        chain.pass();
        chain.jobs.put(job.name(), new JobView(job.name(), job.action(), JobResult.SUCCEEDED, job.createdAt(),
                Instant.parse("2026-11-24T11:03:00Z"), null));
        DecisionInput finished = chain.at("2026-11-24T11:03:10Z").input();
        return new BackupScenario(waiting, due, running, finished);
    }

    /** The persisted status, the Jobs and the clock between passes. */
    private static final class Chain {
        private final ClusterSpec spec;
        private ClusterStatus status;
        private final TreeMap<String, JobView> jobs = new TreeMap<>();
        private final Random random = new Random(42L);
        private Instant now;

        Chain(ClusterSpec spec, ClusterStatus status) {
            this.spec = spec;
            this.status = status;
        }

        Chain at(String time) {
            now = Instant.parse(time);
            return this;
        }

        DecisionInput input() {
            return new DecisionInput(KEY, 1, spec, status, ClusterObservation.of(List.of(), List.of(), jobs.values()),
                    now, random, RetryTiming.defaults().withoutJitter());
        }

        Decision pass() {
            Decision d = BackupDecision.decide(input());
            for (Action.CreateJob create : d.actionsOf(Action.CreateJob.class)) {
                jobs.putIfAbsent(create.job().name(), new JobView(create.job().name(),
                        create.job().action().wireName(), JobResult.RUNNING, now, null, null));
            }
            status = d.nextStatus();
            return d;
        }

        /** Passes while the decision asks to look again at once (recording the run, then creating its Job). */
        void settle() {
            for (int i = 0; i < MAX_PASSES && jobs.isEmpty(); i++) {
                pass();
            }
        }

        JobView onlyJob() {
            if (jobs.size() != 1) {
                throw new IllegalStateException("expected one backup Job after the due window, found " + jobs.keySet());
            }
            return jobs.firstEntry().getValue();
        }
    }
}
