package dev.raftops.domain.bluegreen;

import dev.raftops.domain.bluegreen.ExecutorStep.OnFailure;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.OneShotRequest;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorAction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The forward path, one method per phase: each waits for its entry condition, runs its step, and advances. */
final class ForwardPhases {

    /** What an attempt that started with {@code autoPromote: false} holds for once Green is in sync. */
    static final String AWAITING_PROMOTION = "Green is in sync; set spec.upgrade.requests.promote to promote it";

    private ForwardPhases() {
    }

    /**
     * Blue healthy, optional snapshot, traffic pinned to Blue, Green created (joining Blue's Raft),
     * all Green pods Ready.
     */
    static Decision deployingGreen(Cutover c) {
        BlueGreenStatus bg = c.bg();
        if (!c.blueHealthy()) {
            String why = "Blue " + c.blueSet() + " needs a Ready quorum and the one leader before Green is created";
            return Decision.of(c.upgrading(c.in().status(), true, BlueGreenReasons.BLUE_NOT_HEALTHY, why),
                    c.poll("blue not healthy"));
        }
        if (bg.snapshotJob() != null && !bg.stepDone(ExecutorAction.PRE_UPGRADE_SNAPSHOT)) {
            String name = ExecutorStep.jobName(c, ExecutorAction.PRE_UPGRADE_SNAPSHOT, OnFailure.COUNTED);
            if (!name.equals(bg.snapshotJob())) {
                return c.proceed(bg.withSnapshotJob(name), "snapshot job renamed for run " + bg.jobFailureCount());
            }
            // the executor writes the snapshot where backups go: spec.backup.target, as for the rolling upgrade
            var backup = c.in().spec().backup();
            Optional<Decision> snapshot = ExecutorStep.run(c, ExecutorAction.PRE_UPGRADE_SNAPSHOT, OnFailure.COUNTED,
                    backup == null || backup.executorImage() == null || backup.executorImage().isBlank() ? null
                            : backup.executorImage(),
                    backup == null ? java.util.Map.of() : backup.targetVariables(), 0);
            if (snapshot.isPresent()) {
                return snapshot.get();
            }
        }
        if (!c.trafficOn(bg.blueRevision())) {
            // A client Service first selects every pod of the cluster: pinned to Blue before Green exists,
            // Green's pods never serve before they lead (exactly one colour selected at any time).
            return Decision.of(c.in().status(), Wake.now("traffic pinned to blue"),
                    new Action.SwitchTraffic(bg.blueRevision()), c.normal(BlueGreenReasons.TRAFFIC_SWITCHED,
                            "client Services now select revision " + bg.blueRevision() + " (Blue) only"));
        }
        if (c.workload(c.greenSet()).isEmpty()) {
            // Green gets Blue's revision to join: it becomes non-voters of Blue's Raft, never a cluster of its own.
            return Decision.of(c.with(bg.withPhaseStartedAt(c.now())), c.onEvent("green created"),
                    new Action.CreateWorkload(c.greenSet(), bg.greenRevision(), bg.greenVersion(), bg.greenImage(),
                            bg.greenReplicas(), bg.blueRevision()));
        }
        if (!c.greenReady()) {
            Duration budget = c.in().spec().upgrade().timeouts().podReady();
            if (bg.phaseStartedAt() != null && c.now().isAfter(bg.phaseStartedAt().plus(budget))) {
                // a Green that cannot become Ready (crash loop, bad image) ends the attempt; the latch stops a loop
                return Unwind.unwind(c, BlueGreenReasons.GREEN_NOT_READY, c.readyPods(c.greenSet()) + " of "
                        + bg.greenReplicas() + " Green pods Ready after spec.upgrade.timeouts.podReady " + budget, true);
            }
            Instant deadline = (bg.phaseStartedAt() == null ? c.now() : bg.phaseStartedAt()).plus(budget);
            return Decision.of(c.in().status(), Wake.onEvent(Duration.between(c.now(), deadline).plusSeconds(1),
                    "green pods becoming ready"));
        }
        return c.advance(BlueGreenPhase.JoiningMesh, "all " + bg.greenReplicas() + " Green pods are Ready");
    }

    static Decision joiningMesh(Cutover c) {
        return ExecutorStep.run(c, ExecutorAction.JOIN_GREEN, OnFailure.COUNTED)
                .orElseGet(() -> c.advance(BlueGreenPhase.Syncing, "Green joined Blue's Raft as non-voters"));
    }

    /** At least minSyncDuration, then the sync check Job, Green caught up, the hook, then promote or hold. */
    static Decision syncing(Cutover c) {
        BlueGreenStatus bg = c.bg();
        var verification = c.spec().verification();
        if (bg.phaseStartedAt() == null) {
            return c.proceed(bg.advancedTo(BlueGreenPhase.Syncing, c.now()), "sync timer started");
        }
        Instant syncedEnough = bg.phaseStartedAt().plus(verification.minSyncDuration());
        if (c.now().isBefore(syncedEnough)) {
            return Decision.of(c.in().status(), Wake.after(Duration.between(c.now(), syncedEnough), "minSyncDuration"));
        }
        Optional<Decision> synced = ExecutorStep.run(c, ExecutorAction.WAIT_SYNCED, OnFailure.COUNTED);
        if (synced.isPresent()) {
            return synced.get();
        }
        long caughtUp = c.pods(c.greenSet()).stream().filter(p -> p.caughtUp(verification.maxLagEntries())).count();
        if (caughtUp < bg.greenReplicas()) {
            return Decision.of(c.in().status(), c.poll("green lag above " + verification.maxLagEntries()));
        }
        var hook = verification.prePromotionHook();
        if (hook != null) {
            Optional<Decision> validated = ExecutorStep.run(c, ExecutorAction.VALIDATION_HOOK, OnFailure.VALIDATION,
                    hook.image(), HookParameters.of(hook), hook.timeoutSeconds());
            if (validated.isPresent()) {
                return validated.get();
            }
        }
        return promotion(c);
    }

    private static Decision promotion(Cutover c) {
        if (!c.bg().manualPromotionRequired()) {
            return c.advance(BlueGreenPhase.Promoting, "Green is in sync; promoting automatically");
        }
        var requests = c.in().spec().upgrade().requests();
        var handled = c.in().status().requests();
        OneShotRequest promote = new OneShotRequest(requests.promote(), handled.lastHandledPromote());
        if (promote.pending()) {
            Cutover acked = c.over(c.in().status().withRequests(handled.withPromote(requests.promote())));
            return acked.advance(BlueGreenPhase.Promoting, "promote token " + requests.promote() + " accepted",
                    acked.normal(BlueGreenReasons.PROMOTION_APPROVED, "promote token " + requests.promote()
                            + " accepted; Green becomes voters"));
        }
        String why = AWAITING_PROMOTION;
        ClusterStatus held = c.upgrading(c.in().status(), true, BlueGreenReasons.AWAITING_PROMOTION, why);
        return c.upgradingReasonIs(BlueGreenReasons.AWAITING_PROMOTION)
                ? Decision.of(held, c.onEvent("awaiting promote token"))
                : Decision.of(held, c.onEvent("awaiting promote token"),
                        c.normal(BlueGreenReasons.AWAITING_PROMOTION, why));
    }

    static Decision promoting(Cutover c) {
        return ExecutorStep.run(c, ExecutorAction.PROMOTE_GREEN, OnFailure.COUNTED)
                .orElseGet(() -> c.advance(BlueGreenPhase.DemotingBlue, "Green pods are voters"));
    }

    /** All Green Ready, Blue demoted and its leader stepped down; traffic moves once Green leads. */
    static Decision demotingBlue(Cutover c) {
        if (!c.greenReady()) {
            return Decision.of(c.in().status(), c.poll("green not ready"));
        }
        Optional<Decision> demoted = ExecutorStep.run(c, ExecutorAction.DEMOTE_BLUE, OnFailure.COUNTED);
        if (demoted.isPresent()) {
            return demoted.get();
        }
        if (!c.leaderSet().filter(c.greenSet()::equals).isPresent()) {
            return Decision.of(c.in().status(), c.poll("waiting for a green leader"));
        }
        String green = c.bg().greenRevision();
        if (c.trafficOn(green)) {
            return c.advance(BlueGreenPhase.Cleanup, "Green leads and serves");
        }
        return c.advance(BlueGreenPhase.Cleanup, "Green leads; client Services switched to Green",
                new Action.SwitchTraffic(green),
                c.normal(BlueGreenReasons.TRAFFIC_SWITCHED, "client Services now select revision " + green));
    }

    /** The point of no return: Blue's peers removed, Blue deleted, then Green becomes Blue. */
    static Decision cleanup(Cutover c) {
        BlueGreenStatus bg = c.bg();
        if (!c.greenReady() || !c.leaderSet().filter(c.greenSet()::equals).isPresent()) {
            return Decision.of(c.in().status(), c.poll("cleanup waits for Ready Green with a Green leader"));
        }
        if (!c.trafficOn(bg.greenRevision())) {
            return Decision.of(c.in().status(), Wake.now("traffic"), new Action.SwitchTraffic(bg.greenRevision()));
        }
        Optional<Decision> removed = ExecutorStep.run(c, ExecutorAction.REMOVE_BLUE_PEERS, OnFailure.CLEANUP);
        if (removed.isPresent()) {
            return removed.get();
        }
        var blue = c.workload(c.blueSet());
        if (blue.isPresent()) {
            return Decision.of(c.in().status(), c.onEvent("blue deleted"),
                    new Action.DeleteWorkload(blue.get().name(), blue.get().uid()));
        }
        if (!c.pods(c.blueSet()).isEmpty()) {
            return c.waitFor("blue pods terminating");
        }
        String message = "Green " + bg.greenRevision() + " runs " + bg.greenVersion() + " and is now Blue";
        ClusterStatus done = Unwind.finished(c, bg.completed(), BlueGreenReasons.UPGRADE_COMPLETE, message)
                .withCurrentVersion(bg.greenVersion());
        return Decision.of(done, Wake.idle(), c.phaseEvent(ClusterEvent.Type.Normal,
                BlueGreenReasons.UPGRADE_COMPLETE, BlueGreenPhase.Idle, message));
    }
}
