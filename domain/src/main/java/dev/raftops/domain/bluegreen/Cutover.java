package dev.raftops.domain.bluegreen;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.Revision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One pass over a blue/green attempt: the decision input, the attempt's status, and what the
 * observation says about the two colours. Also builds the decisions the phases return, so every
 * phase speaks the same way about events, conditions and wake-ups.
 */
record Cutover(DecisionInput in, BlueGreenStatus bg) {

    String cluster() {
        return in.cluster().name();
    }

    Instant now() {
        return in.now();
    }

    ClusterObservation observation() {
        return in.observation();
    }

    BlueGreenSpec spec() {
        return in.spec().upgrade().blueGreen();
    }

    String blueSet() {
        return bg.blueSet(cluster());
    }

    String greenSet() {
        return Revision.statefulSet(cluster(), bg.greenRevision());
    }

    Optional<StatefulSetView> workload(String statefulSet) {
        return observation().statefulSet(statefulSet);
    }

    Collection<PodView> pods(String statefulSet) {
        return observation().podsOf(statefulSet).values();
    }

    long readyPods(String statefulSet) {
        return pods(statefulSet).stream().filter(p -> p.ready() && !p.terminating()).count();
    }

    /** Blue can carry an attempt: its StatefulSet exists, a quorum of its pods is Ready, and it has the one leader. */
    boolean blueHealthy() {
        Optional<StatefulSetView> blue = workload(blueSet());
        if (blue.isEmpty()) {
            return false;
        }
        int quorum = blue.get().replicas() / 2 + 1;
        return readyPods(blueSet()) >= quorum && leaderSet().filter(blueSet()::equals).isPresent();
    }

    /** Every Green replica of the frozen target exists and is Ready. */
    boolean greenReady() {
        return readyPods(greenSet()) >= bg.greenReplicas();
    }

    /** The StatefulSet of the one Ready pod that leads, when exactly one pod in the cluster claims leadership. */
    Optional<String> leaderSet() {
        List<PodView> leaders = observation().pods().stream().filter(PodView::isLeader).toList();
        if (leaders.size() != 1 || !leaders.get(0).ready() || leaders.get(0).terminating()) {
            return Optional.empty();
        }
        return Optional.ofNullable(leaders.get(0).statefulSet());
    }

    /** Whether every client Service selects {@code revision} (and there is at least one Service). */
    boolean trafficOn(String revision) {
        var selectors = observation().serviceSelectors();
        return !selectors.isEmpty() && selectors.values().stream().allMatch(revision::equals);
    }

    /** Whether any client Service selects {@code revision}: such a workload must never be deleted. */
    boolean anyTrafficOn(String revision) {
        return observation().serviceSelectors().containsValue(revision);
    }

    OperationLock lock() {
        return in.status().operationLock();
    }

    boolean holdsLock() {
        return lock().isHeldBy(Operation.BlueGreen, Holders.BLUE_GREEN);
    }

    AuditFields audit() {
        return AuditFields.of(in.cluster().toString(), lock(), null);
    }

    Action normal(String reason, String message) {
        return new Action.Emit(ClusterEvent.normal(reason, message, audit()));
    }

    Action warning(String reason, String message) {
        return new Action.Emit(ClusterEvent.warning(reason, message, audit()));
    }

    /** An event about a phase change, with phase_from / phase_to in its audit fields. */
    Action phaseEvent(ClusterEvent.Type type, String reason, BlueGreenPhase to, String message) {
        AuditFields fields = audit().withPhases(bg.phase().name(), to.name()).withReason(reason);
        return new Action.Emit(new ClusterEvent(type, reason, message, fields));
    }

    /** The same pass with the attempt status {@code next}. */
    Cutover after(BlueGreenStatus next) {
        return new Cutover(in, next);
    }

    /** The same pass over an updated cluster status (a handled token, an accepted strategy). */
    Cutover over(ClusterStatus status) {
        return new Cutover(in.withStatus(status), bg);
    }

    /** Whether the {@code Upgrading} condition already carries {@code reason}: its Event was emitted then. */
    boolean upgradingReasonIs(String reason) {
        return Condition.find(in.status().conditions(), Condition.UPGRADING).map(k -> k.reason().equals(reason))
                .orElse(false);
    }

    /** The cluster status carrying {@code next}. */
    ClusterStatus with(BlueGreenStatus next) {
        return in.status().withBlueGreen(next);
    }

    /** The {@code Upgrading} condition set on {@code status}. */
    ClusterStatus upgrading(ClusterStatus status, boolean active, String reason, String message) {
        return status.withCondition(Condition.UPGRADING, active ? Condition.Status.True : Condition.Status.False,
                reason, message, in.generation(), now());
    }

    Wake poll(String reason) {
        return Wake.after(in.timing().poll(in.random()), reason);
    }

    Wake onEvent(String reason) {
        return Wake.onEvent(in.timing().standard(), reason);
    }

    /** Nothing to change: look again when something is reported. */
    Decision waitFor(String reason) {
        return Decision.of(in.status(), onEvent(reason));
    }

    /** A status change and an immediate next pass. */
    Decision proceed(BlueGreenStatus next, String reason, Action... actions) {
        return Decision.of(with(next), Wake.now(reason), actions);
    }

    /** Moves to {@code to}, with a phase event; the phase timer, failures and steps restart. */
    Decision advance(BlueGreenPhase to, String message, Action... actions) {
        List<Action> all = new ArrayList<>(List.of(actions));
        all.add(phaseEvent(ClusterEvent.Type.Normal, BlueGreenReasons.PHASE_CHANGED, to, message));
        ClusterStatus next = upgrading(with(bg.advancedTo(to, now())), true, "BlueGreen" + to.name(), message);
        return new Decision(all, next, Wake.now("entered " + to));
    }
}
