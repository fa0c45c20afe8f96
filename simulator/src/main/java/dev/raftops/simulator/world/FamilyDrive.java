package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.ports.service.ActionRunner;
import dev.raftops.simulator.trace.SimClock;
import dev.raftops.simulator.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * One decision family driven against a {@link SimWorld}, as a decision test does it: the test holds
 * the spec and the status it feeds the decision, reads the world's observation, performs the
 * decision's actions through the world's ports (so every precondition is the API server's), and lets
 * the world run between passes. The world is the simulator's one model of the StatefulSet and Raft.
 */
public final class FamilyDrive {

    /** When a driven world starts. */
    public static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private final SimClock clock;
    private final SimWorld world;
    private final ActionRunner runner;
    private final Random random;

    public FamilyDrive(Scenario scenario) {
        this.clock = new SimClock(START);
        this.world = new SimWorld(scenario, clock, new Trace(clock, SimWorld.NAMESPACE + "/" + SimWorld.NAME));
        SimulatedPorts ports = new SimulatedPorts(world);
        this.runner = new ActionRunner(ports, ports, ports);
        this.random = new Random(scenario.seed());
    }

    public SimWorld world() {
        return world;
    }

    public Instant now() {
        return clock.instant();
    }

    public ClusterObservation observe() {
        return world.api().observe();
    }

    /** What a pass of {@code spec} and {@code status} over {@code seen} decides from. */
    public DecisionInput input(ClusterSpec spec, ClusterStatus status, ClusterObservation seen) {
        return new DecisionInput(world.key(), 1, spec, status, seen, now(), random,
                RetryTiming.defaults().withoutJitter());
    }

    /** Performs the actions in order and stops at the first one refused; true when all were written. */
    public boolean perform(Decision decision) {
        return perform(decision.actions());
    }

    public boolean perform(List<Action> actions) {
        for (Action action : actions) {
            if (!perform(action).written()) {
                return false;
            }
        }
        return true;
    }

    /** Performs one action through the port that owns it, as the service does. */
    public WriteResult perform(Action action) {
        return runner.run(world.key(), action);
    }

    /** The world runs on its own for {@code duration}: pods start, become Ready, Raft elects, Jobs finish. */
    public void runFor(Duration duration) {
        world.runFor(duration);
    }
}
