package dev.raftops.benchmarks;

import dev.raftops.domain.bluegreen.BlueGreenDecision;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.simulator.world.FamilyDrive;
import dev.raftops.simulator.world.Scenario;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Drives one blue/green upgrade 1.4.0 → 1.5.0 on the simulator's model ({@link FamilyDrive}: every
 * Job succeeds, pods start and become Ready on their own, 30 s pass between decisions) and keeps the
 * first input seen in each phase.
 */
final class CutoverDriver {

    private static final String FROM = "1.4.0";
    private static final String TO = "1.5.0";
    private static final int MAX_PASSES = 300;

    private CutoverDriver() {
    }

    /**
     * The first input of every phase the upgrade passes through; {@code Idle} is the pass that starts
     * it. The steady pass (Idle again, nothing to do) is returned separately by {@link #steady}.
     */
    record Recording(Map<BlueGreenPhase, DecisionInput> firstInPhase, DecisionInput steady) {
    }

    static Recording record(int replicas, long seed) {
        FamilyDrive world = new FamilyDrive(Scenario.blueGreen(replicas, FROM, TO, 0, seed,
                new Scenario.BlueGreenRun(true, 3)));
        ClusterStatus status = world.world().status();
        Map<BlueGreenPhase, DecisionInput> first = new EnumMap<>(BlueGreenPhase.class);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            DecisionInput in = world.input(world.world().spec(), status, world.observe());
            BlueGreenPhase phase = status.blueGreen() == null ? BlueGreenPhase.Idle : status.blueGreen().phase();
            if (phase == BlueGreenPhase.Idle && TO.equals(status.currentVersion())) {
                return new Recording(first, in);
            }
            first.putIfAbsent(phase, in);
            Decision d = BlueGreenDecision.decide(in);
            world.perform(d);
            status = d.nextStatus();
            world.runFor(Duration.ofSeconds(30));
        }
        throw new IllegalStateException("the blue/green upgrade of " + replicas + " replicas did not finish in "
                + MAX_PASSES + " passes; reached " + first.keySet());
    }
}
