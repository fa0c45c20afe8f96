package dev.raftops.simulator.run;

import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.decision.OperationFamily;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.ports.driving.AdminOperations;
import dev.raftops.ports.service.AdminOpsService;
import dev.raftops.ports.driving.ReconcileOutcome;
import dev.raftops.simulator.check.InvariantChecker;
import dev.raftops.simulator.check.Violation;
import dev.raftops.simulator.faults.ControllerCrash;
import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.model.Versions;
import dev.raftops.simulator.trace.SimClock;
import dev.raftops.simulator.trace.Trace;
import dev.raftops.simulator.world.Scenario;
import dev.raftops.simulator.world.SimWorld;
import dev.raftops.simulator.world.SimulatedPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Runs one {@link Scenario}: controller passes alternate with world steps in simulated time. The
 * controller runs when its requested wake-up is due or a watch event arrives (a dropped event does
 * not wake it); otherwise time jumps to the next world event. A {@link ControllerCrash} discards the
 * controller instance with all its memory and starts a new {@code AdminOpsService}. Every trace
 * line goes through an {@link InvariantChecker}; the run stops at the first violation.
 */
public final class ScenarioRunner {

    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration RESTART_DELAY = Duration.ofSeconds(1);
    private static final Duration RESYNC = Duration.ofMinutes(10);
    private static final int MAX_ITERATIONS = 200_000;

    private final List<OperationFamily> families;
    private final Set<String> tolerated;

    /** A runner for the real controller: the standard families. */
    public ScenarioRunner() {
        this(AdminOpsService.standardFamilies());
    }

    /** A runner whose controller decides with {@code families} (a broken one, in planted-bug tests). */
    public ScenarioRunner(List<OperationFamily> families) {
        this(families, Set.of());
    }

    private ScenarioRunner(List<OperationFamily> families, Set<String> tolerated) {
        this.families = List.copyOf(families);
        this.tolerated = Set.copyOf(tolerated);
    }

    /**
     * The same runner, but violations of {@code invariants} are only recorded
     * ({@link RunResult#tolerated()}) instead of ending the run.
     */
    public ScenarioRunner tolerating(Set<String> invariants) {
        return new ScenarioRunner(families, invariants);
    }

    public RunResult run(Scenario scenario) {
        SimClock clock = new SimClock(EPOCH);
        Trace trace = new Trace(clock, SimWorld.NAMESPACE + "/" + SimWorld.NAME);
        InvariantChecker checker = new InvariantChecker();
        List<Violation> violations = new ArrayList<>();
        List<Violation> noted = new ArrayList<>();
        trace.listen(line -> {
            for (Violation v : checker.accept(line)) {
                (tolerated.contains(v.invariant()) ? noted : violations).add(v);
            }
        });
        SimWorld world = new SimWorld(scenario, clock, trace);
        SimulatedPorts ports = new SimulatedPorts(world);
        Instant deadline = EPOCH.plus(scenario.limit());

        int instance = 0;
        int reconciles = 0;
        AdminOperations controller = null;
        Instant controllerAt = EPOCH;
        int errors = 0;
        int eventsSeen = world.changes();
        int wakeEvents = 0;
        SimulatedOperator operator = new SimulatedOperator(scenario.autoRetry());
        String result = "timeout";
        String reason = "no convergence within " + scenario.limit();
        for (int i = 0; i < MAX_ITERATIONS && violations.isEmpty(); i++) {
            if (converged(world) && imageChangesAsked(scenario, world)) {
                result = "converged";
                reason = null;
                break;
            }
            String gaveUp = blueGreenGaveUp(world);
            if (gaveUp != null) {
                result = "failed";
                reason = gaveUp;
                break;
            }
            Instant worldAt = world.nextEventAt();
            boolean controllerFirst = worldAt == null || !controllerAt.isAfter(worldAt);
            Instant next = controllerFirst ? controllerAt : worldAt;
            if (next.isAfter(deadline)) {
                break;
            }
            clock.advanceTo(next);
            if (controllerFirst) {
                if (controller == null) {
                    instance++;
                    controller = new AdminOpsService(ports, ports, ports, ports, ports, ports, clock,
                            new Random(scenario.seed() * 1_000_003L + instance), RetryTiming.defaults(), families);
                    trace.write(trace.line("controller.start").put("instance", instance));
                }
                ReconcileOutcome outcome;
                reconciles++;
                try {
                    outcome = controller.reconcile(world.key());
                } catch (ControllerCrash crash) {
                    controller = null;
                    controllerAt = clock.instant().plus(RESTART_DELAY);
                    continue;
                }
                errors = outcome instanceof ReconcileOutcome.Error ? errors + 1 : 0;
                controllerAt = clock.instant().plus(delayOf(outcome, errors));
                eventsSeen = world.changes(); // the pass saw everything up to now
            } else {
                world.step();
                if (world.changes() > eventsSeen) {
                    eventsSeen = world.changes();
                    wakeEvents++;
                    Instant delivered = delivery(scenario, trace, clock.instant(), wakeEvents);
                    if (delivered != null && controllerAt.isAfter(delivered)) {
                        controllerAt = delivered;
                    }
                }
            }
            if (operator.act(world)) {
                controllerAt = clock.instant(); // a spec edit is always a watch event
                eventsSeen = world.changes();
            }
        }
        ClusterStatus status = world.status();
        if (!violations.isEmpty()) {
            result = "failed";
            reason = "invariant violated: " + violations.get(0).invariant();
        } else if (!"converged".equals(result)) {
            if (status.breakGlass().active()) {
                result = "blocked";
                reason = "break-glass " + status.breakGlass().reason();
            } else if (status.blueGreen() != null && status.blueGreen().holdReason() != null) {
                result = "blocked";
                reason = "blue/green held for a person: " + status.blueGreen().holdReason();
            } else if (status.upgrade() != null && status.upgrade().failed()) {
                result = "failed";
                reason = status.upgrade().failure().reason() + ": " + status.upgrade().failure().message();
            } else if (reason != null && reason.startsWith("no convergence")) {
                reason = reason + "; pods " + world.podSummary();
            }
        }
        trace.write(trace.line("run.end").put("result", result).put("currentVersion", status.currentVersion())
                .put("reason", reason));
        return new RunResult(scenario, result, reason, ports.writes(), reconciles, instance, violations, noted,
                trace.lines());
    }

    /** When the k-th watch event reaches the controller: now, later (delayed) or never (dropped, null). */
    private static Instant delivery(Scenario scenario, Trace trace, Instant now, int event) {
        if (scenario.faults().contains(new Fault.DropEvent(event))) {
            trace.write(trace.line("fault").put("fault", "dropped-event").put("event", event));
            return null;
        }
        for (Fault fault : scenario.faults()) {
            if (fault instanceof Fault.DelayEvent d && d.event() == event) {
                trace.write(trace.line("fault").put("fault", "delayed-event").put("event", event)
                        .put("seconds", d.seconds()));
                return now.plusSeconds(d.seconds());
            }
        }
        return now;
    }

    /**
     * A blue/green attempt that ended without reaching the target (aborted before promotion, or
     * rolled back after it): Idle, the target latched, the lock released and one colour left. The
     * reason the domain recorded, or null while the attempt is still going (or converged).
     */
    static String blueGreenGaveUp(SimWorld world) {
        ClusterStatus status = world.status();
        var bg = status.blueGreen();
        if (bg == null || bg.inFlight() || bg.failedTarget() == null
                || status.operationLock().isHeld() || !world.oneColourSettled()) {
            return null;
        }
        String message = Condition.find(status.conditions(), Condition.UPGRADING).map(Condition::message).orElse(null);
        return bg.rollbackReason() + (message == null ? "" : ": " + message);
    }

    static boolean converged(SimWorld world) {
        ClusterStatus status = world.status();
        String target = world.spec().version();
        String restart = world.spec().maintenance().restartAt();
        boolean restarted = restart == null || restart.equals(status.requests().lastHandledRestart());
        return restarted && status.upgrade() == null && !status.operationLock().isHeld() && status.currentVersion() != null
                && Versions.same(status.currentVersion(), target) && world.runsEverywhere(target)
                && runsTheSpecsImage(world, target);
    }

    /** The last {@code spec.image} a scenario's {@link Fault.ImageChange} names is in the spec (none: true). */
    private static boolean imageChangesAsked(Scenario scenario, SimWorld world) {
        return scenario.faults().stream().filter(Fault.ImageChange.class::isInstance).map(Fault.ImageChange.class::cast)
                .max(java.util.Comparator.comparingInt(Fault.ImageChange::at))
                .map(f -> f.image().equals(world.spec().image())).orElse(true);
    }

    /** The rolling StatefulSet's template and every pod of it run the image the spec names (true in a blue/green world). */
    private static boolean runsTheSpecsImage(SimWorld world, String version) {
        String image = world.spec().imageFor(version);
        ClusterObservation observation = world.api().observe();
        return observation.statefulSet(SimWorld.NAME).map(sts -> image.equals(sts.templateImage())
                && observation.podsOf(SimWorld.NAME).values().stream().allMatch(p -> image.equals(p.image())))
                .orElse(true);
    }

    /**
     * When the controller runs again unless a watch event comes first: as the outcome asks
     * ({@link ReconcileOutcome#callAgainIn}), after an error the work queue's backoff
     * ({@link RetryTiming#errorBackoff}), and after a pass with nothing in flight a poll {@code RESYNC} later.
     */
    private static Duration delayOf(ReconcileOutcome outcome, int errors) {
        Duration delay = outcome instanceof ReconcileOutcome.Error ? RetryTiming.defaults().errorBackoff(errors)
                : outcome.callAgainIn().orElse(RESYNC);
        // a pass that asks to run again at once still takes a moment, so simulated time always moves
        return delay.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : delay;
    }
}
