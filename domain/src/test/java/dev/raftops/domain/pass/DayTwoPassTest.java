package dev.raftops.domain.pass;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.OperationFamily;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.gates.GateReasons;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.BreakGlass;
import dev.raftops.domain.resource.BreakGlassReason;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.testing.SteadyCluster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Who acknowledges break-glass: the gate for split brain, the blue/green family for its failed rollback. */
class DayTwoPassTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final List<BreakGlass> seenByTheFamily = new ArrayList<>();

    private Decision pass(BreakGlassReason reason, boolean rightAck) {
        BreakGlass glass = BreakGlass.inactive().enter(SteadyCluster.KEY, reason, "detail", new Random(3), NOW);
        ClusterStatus status = ClusterStatus.initial().withCurrentVersion("2.4.0").withBreakGlass(glass);
        String ack = rightAck ? glass.nonce() : "0123456789abcdef0123456789abcdef";
        DecisionInput in = new DecisionInput(SteadyCluster.KEY, 2, SteadyCluster.spec(3, "2.4.0").withBreakGlassAck(ack),
                status, ClusterObservation.of(List.of(), List.of(), List.of()), NOW, new Random(1),
                RetryTiming.defaults().withoutJitter());
        OperationFamily blueGreen = new OperationFamily(Operation.BlueGreen, i -> {
            seenByTheFamily.add(i.status().breakGlass());
            return Decision.of(i.status(), Wake.idle());
        });
        return new DayTwoPass(List.of(blueGreen)).decide(in);
    }

    @Test
    void theBlueGreenFamilyReceivesTheAckOfItsFailedRollbackStillActive() {
        Decision d = pass(BreakGlassReason.RollbackFailed, true);
        assertThat(seenByTheFamily).singleElement().satisfies(g -> assertThat(g.active()).isTrue());
        assertThat(d.nextStatus().breakGlass().active()).isTrue();
    }

    @Test
    void theGateAcknowledgesSplitBrainWithTheRightNonce() {
        Decision d = pass(BreakGlassReason.SplitBrain, true);
        assertThat(seenByTheFamily).singleElement().satisfies(g -> assertThat(g.active()).isFalse());
        assertThat(d.nextStatus().breakGlass().active()).isFalse();
    }

    @Test
    void aWrongAckOfSplitBrainChangesNothingButAnEvent() {
        Decision d = pass(BreakGlassReason.SplitBrain, false);
        assertThat(d.nextStatus().breakGlass().active()).isTrue();
        assertThat(d.actionsOf(dev.raftops.domain.decision.Action.Emit.class))
                .anyMatch(e -> e.event().reason().equals(GateReasons.BREAK_GLASS_ACK_REJECTED));
    }

    private static DecisionInput input(ClusterSpec spec, ClusterStatus status) {
        return new DecisionInput(SteadyCluster.KEY, 2, spec, status, ClusterObservation.of(List.of(), List.of(), List.of()),
                NOW, new Random(1), RetryTiming.defaults().withoutJitter());
    }

    @Test
    void aPausedPassAsksNoFamilyAndShowsThePausedPhase() {
        List<DecisionInput> asked = new ArrayList<>();
        OperationFamily rolling = new OperationFamily(Operation.Upgrade, i -> {
            asked.add(i);
            return Decision.of(i.status(), Wake.idle());
        });
        Decision d = new DayTwoPass(List.of(rolling)).decide(input(SteadyCluster.spec(3, "2.4.0").withPaused(true),
                ClusterStatus.initial().withCurrentVersion("2.4.0").withPhase(Phase.Running)));

        assertThat(asked).isEmpty();
        assertThat(d.actions()).isEmpty();
        assertThat(d.nextStatus().phase()).isEqualTo(Phase.Paused);
    }

    @Test
    void thePhaseIsDerivedFromTheStatusTheFamiliesLeave() {
        OperationFamily entersBreakGlass = new OperationFamily(Operation.BlueGreen, i -> Decision.of(
                i.status().withBreakGlass(BreakGlass.inactive().enter(SteadyCluster.KEY, BreakGlassReason.RollbackFailed,
                        "detail", new Random(3), NOW)), Wake.onEvent(java.time.Duration.ofMinutes(1), "break-glass")));
        Decision d = new DayTwoPass(List.of(entersBreakGlass)).decide(input(SteadyCluster.spec(3, "2.4.0"),
                ClusterStatus.initial().withCurrentVersion("2.4.0").withPhase(Phase.Upgrading)));

        assertThat(d.nextStatus().phase()).isEqualTo(Phase.BreakGlass);
    }
}
