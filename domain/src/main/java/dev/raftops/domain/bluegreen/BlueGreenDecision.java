package dev.raftops.domain.bluegreen;

import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.LockOutcome;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.Revision;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.domain.version.SemVer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The blue/green family's decision: a pure function from one observation to the next step of the
 * cutover. The order of its gates is the order of authority: pause, the accepted strategy,
 * break-glass, the operation lock, a person's tokens, a changed target, and only then the phase.
 * It answers {@link Wake.Idle} exactly when nothing blue/green is in flight, so the rolling and
 * backup families run in the same pass.
 */
public final class BlueGreenDecision {

    private BlueGreenDecision() {
    }

    public static Decision decide(DecisionInput in) {
        StrategyAcceptance strategy = StrategyAcceptance.of(in);
        // an accepted switch to BlueGreen has just adopted Blue
        BlueGreenStatus recorded = strategy.status().blueGreen();
        Optional<Decision> labelling = labelAdoptedBlue(in, strategy);
        if (labelling.isPresent()) {
            return labelling.get();
        }
        if (strategy.accepted() != UpgradeStrategy.BLUE_GREEN) {
            return new Decision(strategy.events(), strategy.status(), Wake.idle());
        }
        BlueGreenStatus bg = recorded != null ? recorded : bootstrap(in);
        if (bg == null) {
            return new Decision(strategy.events(), strategy.status(), Wake.idle());
        }
        Cutover c = new Cutover(in.withStatus(strategy.status().withBlueGreen(bg)), bg);
        Decision step = route(c);
        List<Action> actions = new ArrayList<>(strategy.events());
        actions.addAll(step.actions());
        return new Decision(actions, step.nextStatus(), step.wake());
    }

    /**
     * The pods of an adopted Blue that lack its revision label get it, under either strategy: the
     * client Services keep selecting every pod that serves, including one its StatefulSet just created.
     */
    private static Optional<Decision> labelAdoptedBlue(DecisionInput in, StrategyAcceptance strategy) {
        BlueGreenStatus bg = strategy.status().blueGreen();
        List<Action> labels = BlueAdoption.labels(in, bg);
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        List<Action> actions = new ArrayList<>(strategy.events());
        actions.addAll(labels);
        actions.add(new Action.Emit(ClusterEvent.normal(BlueGreenReasons.BLUE_PODS_LABELLED, "labelled "
                + BlueAdoption.names(labels) + " of StatefulSet " + bg.blueStatefulSet() + " with " + Revision.LABEL
                + "=" + bg.blueRevision() + " so the client Services select them; no pod restarted",
                AuditFields.of(in.cluster().toString(), strategy.status().operationLock(), null))));
        return Optional.of(new Decision(actions, strategy.status(), Wake.now("Blue's pods labelled")));
    }

    private static Decision route(Cutover c) {
        if (c.in().status().breakGlass().active()) {
            return BreakGlassEntry.whileActive(c);
        }
        if (c.bg().inFlight() && !c.holdsLock()) {
            LockOutcome lock = c.lock().acquire(Operation.BlueGreen, Holders.BLUE_GREEN,
                    "blue/green upgrade phase " + c.bg().phase(), c.now());
            if (!lock.holds()) {
                return Decision.of(c.in().status(), Wake.after(c.in().timing().contention(c.in().random()), "lock"),
                        c.warning(BlueGreenReasons.LOCK_HELD, "blue/green " + c.bg().phase() + " waits: the operation"
                                + " lock is held by " + c.lock().holder()));
            }
            return Decision.of(c.in().status().withOperationLock(lock.lock()), Wake.now("lock re-acquired"));
        }
        Optional<Decision> token = Interventions.handle(c);
        if (token.isPresent()) {
            return token.get();
        }
        Optional<Decision> drift = targetChanged(c);
        if (drift.isPresent()) {
            return drift.get();
        }
        return switch (c.bg().phase()) {
            case Idle -> AttemptStart.idle(c);
            case DeployingGreen -> ForwardPhases.deployingGreen(c);
            case JoiningMesh -> ForwardPhases.joiningMesh(c);
            case Syncing -> ForwardPhases.syncing(c);
            case Promoting -> ForwardPhases.promoting(c);
            case DemotingBlue -> ForwardPhases.demotingBlue(c);
            case Cleanup -> ForwardPhases.cleanup(c);
            case RollingBack -> RollbackPhases.rollingBack(c);
            case RollbackCleanup -> RollbackPhases.rollbackCleanup(c);
        };
    }

    /**
     * A spec that now describes another target than the frozen one unwinds the attempt (abort or
     * rollback by phase) instead of changing it; from Cleanup on the attempt finishes first.
     */
    private static Optional<Decision> targetChanged(Cutover c) {
        BlueGreenPhase phase = c.bg().phase();
        if (!phase.beforePromotion() && !phase.afterPromotion()) {
            return Optional.empty();
        }
        ClusterSpec spec = c.in().spec();
        String version = SemVer.canonical(spec.version());
        String wanted = Revision.of(version, spec.image(), spec.replicas());
        if (wanted.equals(c.bg().greenRevision())) {
            return Optional.empty();
        }
        return Optional.of(Unwind.unwind(c, BlueGreenReasons.TARGET_CHANGED, "the spec now asks for " + version
                + " (revision " + wanted + ") instead of the frozen target " + c.bg().greenVersion(), false));
    }

    /**
     * The first blue/green status of a cluster: Blue is the one revisioned StatefulSet the client
     * Services select (or the only one there is); with none, the revision of the running version.
     * Null when nothing is known yet (no running version).
     */
    static BlueGreenStatus bootstrap(DecisionInput in) {
        String cluster = in.cluster().name();
        List<StatefulSetView> revisioned = in.observation().statefulSets().values().stream()
                .filter(s -> Revision.fromStatefulSet(cluster, s.name()) != null).toList();
        for (StatefulSetView set : revisioned) {
            String revision = Revision.fromStatefulSet(cluster, set.name());
            boolean selected = in.observation().serviceSelectors().containsValue(revision);
            if (selected || revisioned.size() == 1) {
                return BlueGreenStatus.idle(revision, set.templateImage());
            }
        }
        return bootstrap(in.status().currentVersion(), in.spec());
    }

    /** Blue when no revisioned StatefulSet is seen: the revision of the running version; null when none is known. */
    static BlueGreenStatus bootstrap(String current, ClusterSpec spec) {
        if (current == null) {
            return null;
        }
        String image = current.equals(SemVer.canonical(spec.version())) ? spec.image() : null;
        return BlueGreenStatus.idle(Revision.of(current, image, spec.replicas()), image);
    }
}
