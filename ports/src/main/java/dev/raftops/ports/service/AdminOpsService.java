package dev.raftops.ports.service;

import dev.raftops.domain.backup.BackupDecision;
import dev.raftops.domain.bluegreen.BlueGreenDecision;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.OperationFamily;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.pass.DayTwoPass;
import dev.raftops.domain.pass.InvalidSpec;
import dev.raftops.domain.pass.PassReasons;
import dev.raftops.domain.pass.StatusEdit;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.rolling.RollingUpgrade;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.ClusterObserver;
import dev.raftops.ports.driven.EventPort;
import dev.raftops.ports.driven.JobPort;
import dev.raftops.ports.driven.MemberProbe;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WorkloadPort;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.ports.driving.AdminOperations;
import dev.raftops.ports.driving.ReconcileOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The admin-operations pass: read the cluster, observe once, decide (gates, then each family in
 * order), perform the actions in order, persist the status with compare-and-set. A call goes on
 * with another pass when the decision asks to go on at once, and when it goes idle on a status it
 * just changed; so a call that ends idle has decided on its own last status.
 *
 * <p>It is the only place that sequences side effects, and it stays sequential. A conflict on any
 * write abandons the rest of the pass and decides again from a fresh read (bounded); a reconcile
 * call never performs more than one disruptive action, so a retry can never disrupt twice. Any
 * exception from a port becomes {@code status.adminOps.lastError} and an {@link ReconcileOutcome.Error},
 * never a crash.
 */
public final class AdminOpsService implements AdminOperations {

    /** Passes one reconcile call may run back to back (immediate wake-ups and conflict retries). */
    static final int MAX_PASSES = 8;

    private final StatusPort status;
    private final ClusterObserver observer;
    private final ActionRunner runner;
    private final Clock clock;
    private final RandomGenerator random;
    private final RetryTiming timing;
    private final DayTwoPass pass;
    private final MemberReading members;
    private final LastWrites lastWrites = new LastWrites();
    private final MemberShowing shown = new MemberShowing();

    /**
     * @param members the pods' Raft state from the workload's API ({@code spec.upgrade.raftState: api});
     *     null reads every cluster from labels whatever its spec says (the sandbox, until its pods serve the API)
     */
    public AdminOpsService(StatusPort status, ClusterObserver observer, MemberProbe members, WorkloadPort workload,
            JobPort jobs, EventPort events, Clock clock, RandomGenerator random, RetryTiming timing,
            List<OperationFamily> families) {
        this.status = Objects.requireNonNull(status);
        this.observer = Objects.requireNonNull(observer);
        this.members = new MemberReading(members);
        this.runner = new ActionRunner(workload, jobs, events);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        this.timing = Objects.requireNonNull(timing);
        this.pass = new DayTwoPass(families);
    }

    /** The standard families in the spec's order: blue/green, rolling, backup. */
    public static List<OperationFamily> standardFamilies() {
        return List.of(new OperationFamily(Operation.BlueGreen, BlueGreenDecision::decide),
                new OperationFamily(Operation.Upgrade, RollingUpgrade::decide),
                new OperationFamily(Operation.Backup, BackupDecision::decide,
                        BackupDecision::whileAnotherWaits));
    }

    public AdminOpsService(StatusPort status, ClusterObserver observer, MemberProbe members, WorkloadPort workload,
            JobPort jobs, EventPort events, Clock clock, RandomGenerator random, RetryTiming timing) {
        this(status, observer, Objects.requireNonNull(members, "members"), workload, jobs, events, clock, random, timing,
                standardFamilies());
    }

    /**
     * A service without a member probe: every cluster is read from labels, whatever its
     * {@code spec.upgrade.raftState}. Only until the simulator and the controller wire a probe.
     */
    @Deprecated(forRemoval = true)
    public AdminOpsService(StatusPort status, ClusterObserver observer, WorkloadPort workload, JobPort jobs,
            EventPort events, Clock clock, RandomGenerator random, RetryTiming timing, List<OperationFamily> families) {
        this(status, observer, null, workload, jobs, events, clock, random, timing, families);
    }

    /** See the deprecated constructor above. */
    @Deprecated(forRemoval = true)
    public AdminOpsService(StatusPort status, ClusterObserver observer, WorkloadPort workload, JobPort jobs,
            EventPort events, Clock clock, RandomGenerator random, RetryTiming timing) {
        this(status, observer, null, workload, jobs, events, clock, random, timing, standardFamilies());
    }

    @Override
    public ReconcileOutcome reconcile(ClusterKey cluster) {
        boolean disrupted = false;
        ReconcileOutcome outcome = new ReconcileOutcome.Done();
        try {
            for (int i = 0; i < MAX_PASSES; i++) {
                Optional<ClusterDocument> read = status.read(cluster);
                if (read.isEmpty()) {
                    members.forget(cluster);
                    lastWrites.forget(cluster);
                    shown.forget(cluster);
                    return new ReconcileOutcome.Done();
                }
                ClusterDocument doc = read.get();
                // a status another client wrote is named and never decided from: our own record is written back
                Optional<StatusEdit> edit = lastWrites.editOf(doc);
                if (edit.isPresent()) {
                    runner.run(cluster, new Action.Emit(edit.get().event(cluster)));
                    doc = lastWrites.restored(doc);
                }
                Instant now = clock.instant();
                Decision decision = decide(doc, now);
                if (disrupted && decision.hasDisruptiveAction()) {
                    // one disruption per call: the next call decides again from a fresh observation
                    return new ReconcileOutcome.WaitFor(timing.poll(random), "one disruptive action per reconcile");
                }
                boolean conflict = false;
                for (Action action : decision.actions()) {
                    WriteResult result = runner.run(cluster, action);
                    if (!result.written()) {
                        conflict = true;
                        break;
                    }
                    disrupted |= action.disruptive();
                }
                if (conflict) {
                    outcome = new ReconcileOutcome.WaitFor(timing.poll(random), "write conflict");
                    continue;
                }
                ClusterStatus next = decision.nextStatus().withLastError(null);
                boolean changed = edit.isPresent() || !next.equals(doc.status());
                if (changed) {
                    WriteResult written = write(cluster, doc.resourceVersion(), next);
                    if (!written.written()) {
                        outcome = new ReconcileOutcome.WaitFor(timing.poll(random), "status conflict");
                        continue;
                    }
                    shown.written(cluster, now);
                }
                outcome = ReconcileOutcome.of(decision.wake());
                boolean goOn = decision.wake() instanceof Wake.After after && after.delay().isZero();
                // going idle on a status just changed: decide once more, so the call ends on a settled
                // status (the watch event of this write need not wake anyone, and idle never polls)
                boolean settle = changed && decision.wake() instanceof Wake.Idle;
                if (!goOn && !settle) {
                    return outcome;
                }
            }
            return outcome;
        } catch (RuntimeException e) {
            return recordError(cluster, e);
        }
    }

    /**
     * A status write of {@code cluster} another loop of this process makes (a restore taking or
     * releasing the lock), done by {@code write}: raftops's own, so no pass takes it for a
     * {@link StatusEdit} and writes its older record back over it, neither while it is in flight nor after.
     */
    public WriteResult writeAsOwn(ClusterKey cluster, ClusterStatus status, Supplier<WriteResult> write) {
        return lastWrites.writeAsOwn(cluster, status, write);
    }

    /** A compare-and-set of the status, remembered when it was written (see {@link LastWrites}). */
    private WriteResult write(ClusterKey cluster, String resourceVersion, ClusterStatus next) {
        WriteResult written = status.compareAndSet(cluster, resourceVersion, next);
        if (written instanceof WriteResult.Written w) {
            lastWrites.wrote(cluster, w.resourceVersion(), next);
        }
        return written;
    }

    private Decision decide(ClusterDocument doc, Instant now) {
        if (doc.spec() instanceof SpecReading.Invalid invalid) {
            return InvalidSpec.decide(doc.key(), doc.generation(), doc.status(), invalid.field(), invalid.message(),
                    now);
        }
        ClusterSpec spec = ((SpecReading.Valid) doc.spec()).spec();
        ClusterObservation observation = members.read(doc.key(), spec, doc.status(),
                observer.observe(doc.key(), spec.workload()), now);
        DecisionInput in = new DecisionInput(doc.key(), doc.generation(), spec, doc.status(), observation, now, random,
                timing);
        Decision decision = pass.decide(in);
        ClusterStatus next = decision.nextStatus().withObservedGeneration(doc.generation());
        return decision.withStatus(next.withMembers(shown.shown(doc.key(), doc.status(), next, observation.pods(), now)));
    }

    private ReconcileOutcome recordError(ClusterKey cluster, RuntimeException e) {
        String reason = PassReasons.RECONCILE_ERROR;
        String message = e.getClass().getSimpleName() + ": " + Objects.toString(e.getMessage(), "no message");
        try {
            Optional<ClusterDocument> read = status.read(cluster);
            if (read.isPresent()) {
                ClusterDocument doc = read.get();
                if (lastWrites.editOf(doc).isPresent()) {
                    doc = lastWrites.restored(doc);
                }
                ClusterStatus failed = doc.status().withLastError(new Failure(reason, message, clock.instant()));
                write(cluster, doc.resourceVersion(), failed);
            }
        } catch (RuntimeException ignored) {
            // the error is still returned; the controller backs off and the next pass records it
        }
        return new ReconcileOutcome.Error(reason, message);
    }
}
