package dev.raftops.ports.service;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.restore.RestoreDecision;
import dev.raftops.domain.restore.RestoreInput;
import dev.raftops.domain.restore.RestoreJob;
import dev.raftops.domain.restore.RestoreResult;
import dev.raftops.domain.restore.RestoreStatus;
import dev.raftops.domain.restore.RestoredCluster;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.ClusterObserver;
import dev.raftops.ports.driven.EventPort;
import dev.raftops.ports.driven.JobPort;
import dev.raftops.ports.driven.RestoreDocument;
import dev.raftops.ports.driven.RestorePort;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WorkloadPort;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.ports.driving.AdminOperations;
import dev.raftops.ports.driving.ReconcileOutcome;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The restore pass, for one {@code RaftRestore} (its key is the restore's namespace and name): read
 * the restore, its cluster and its Job; {@link RestoreDecision#decide}; then write in the order the
 * decision needs: the finalizer before anything else, the cluster's status (the lock) with its
 * resourceVersion, the Job and Events, the restore's status; the finalizer goes last, once the lock is
 * no longer the restore's. A refused write decides again from a fresh read.
 */
public final class RestoreService implements AdminOperations {

    static final int MAX_PASSES = 8;

    private final RestorePort restores;
    private final StatusPort clusters;
    private final ClusterObserver observer;
    private final ActionRunner runner;
    private final Clock clock;
    private final RandomGenerator random;
    private final RetryTiming timing;

    public RestoreService(RestorePort restores, StatusPort clusters, ClusterObserver observer, WorkloadPort workload,
            JobPort jobs, EventPort events, Clock clock, RandomGenerator random, RetryTiming timing) {
        this.restores = Objects.requireNonNull(restores);
        this.clusters = Objects.requireNonNull(clusters);
        this.observer = Objects.requireNonNull(observer);
        this.runner = new ActionRunner(workload, jobs, events);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        this.timing = Objects.requireNonNull(timing);
    }

    @Override
    public ReconcileOutcome reconcile(ClusterKey restore) {
        ReconcileOutcome outcome = new ReconcileOutcome.Done();
        try {
            for (int i = 0; i < MAX_PASSES; i++) {
                Optional<RestoreDocument> read = restores.read(restore);
                if (read.isEmpty()) {
                    return new ReconcileOutcome.Done();
                }
                Optional<ReconcileOutcome> done = pass(read.get());
                if (done.isPresent()) {
                    return done.get();
                }
                outcome = new ReconcileOutcome.WaitFor(timing.poll(random), "restore pass goes on");
            }
            return outcome;
        } catch (RuntimeException e) {
            return new ReconcileOutcome.Error("ReconcileError", e.getClass().getSimpleName() + ": "
                    + Objects.toString(e.getMessage(), "no message"));
        }
    }

    /** One pass; empty when the next pass should follow at once (a write changed what was read). */
    private Optional<ReconcileOutcome> pass(RestoreDocument doc) {
        Optional<ClusterDocument> clusterDoc = clusters.read(doc.cluster())
                .filter(c -> c.spec() instanceof SpecReading.Valid);
        Optional<RestoredCluster> cluster = clusterDoc.map(c -> new RestoredCluster(c.key(),
                ((SpecReading.Valid) c.spec()).spec(), c.status()));
        Optional<JobView> job = cluster.flatMap(c -> jobOf(doc, c));
        RestoreResult result = RestoreDecision.decide(new RestoreInput(doc.key().name(), doc.generation(), doc.spec(),
                doc.status(), cluster, job, doc.finalizer(), doc.deleting(), clock.instant(), random, timing));
        if (result.finalizer() && !doc.finalizer()) {
            restores.finalizer(doc.key(), doc.resourceVersion(), true);
            return Optional.empty();
        }
        if (result.clusterStatus() != null
                && !clusters.compareAndSet(doc.cluster(), clusterDoc.orElseThrow().resourceVersion(),
                        result.clusterStatus()).written()) {
            return Optional.empty();
        }
        for (Action action : result.actions()) {
            if (!runner.run(doc.cluster(), action).written()) {
                return Optional.empty();
            }
        }
        RestoreStatus next = result.status().withObservedGeneration(doc.generation());
        String version = doc.resourceVersion();
        if (!next.equals(doc.status())) {
            WriteResult written = restores.compareAndSet(doc.key(), version, next);
            if (!(written instanceof WriteResult.Written w)) {
                return Optional.empty();
            }
            version = w.resourceVersion();
        }
        if (!result.finalizer() && doc.finalizer()) {
            restores.finalizer(doc.key(), version, false);
            return Optional.of(new ReconcileOutcome.Done());
        }
        boolean now = result.wake() instanceof Wake.After after && after.delay().isZero();
        return now ? Optional.empty() : Optional.of(ReconcileOutcome.of(result.wake()));
    }

    /** The restore's Job: under the name its lock epoch gives (also before its status recorded the name). */
    private Optional<JobView> jobOf(RestoreDocument doc, RestoredCluster cluster) {
        Long epoch = doc.status().lockEpoch();
        String name = epoch == null ? doc.status().job() : RestoreJob.name(cluster, doc.key().name(), epoch);
        return name == null ? Optional.empty()
                : observer.observe(cluster.key(), cluster.spec().workload()).job(name);
    }
}
