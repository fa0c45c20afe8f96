package dev.raftops.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.raftops.domain.cluster.ClusterKey;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BreakGlassTest {

    private static final ClusterKey CLUSTER = new ClusterKey("vault", "bao");
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(600);
    private static final Instant T2 = T1.plusSeconds(600);

    private static BreakGlass entered(long seed) {
        return BreakGlass.inactive().enter(CLUSTER, BreakGlassReason.RollbackFailed, "rollback Job failed twice",
                new Random(seed), T0);
    }

    @Test
    void enteringCreatesA128BitHexNonceFromTheInjectedRandom() {
        BreakGlass glass = entered(1);

        assertThat(glass.active()).isTrue();
        assertThat(glass.nonce()).matches("[0-9a-f]{32}");
        byte[] expected = new byte[16];
        new Random(1).nextBytes(expected);
        assertThat(glass.nonce()).isEqualTo(java.util.HexFormat.of().formatHex(expected));
    }

    @Test
    void enteringRecordsReasonMessageAndTime() {
        BreakGlass glass = entered(1);

        assertThat(glass.reason()).isEqualTo("RollbackFailed");
        assertThat(glass.message()).isEqualTo("rollback Job failed twice");
        assertThat(glass.enteredAt()).isEqualTo(T0);
        assertThat(glass.acknowledgedAt()).isNull();
    }

    @Test
    void theSameSeedGivesTheSameNonce() {
        assertThat(entered(7).nonce()).isEqualTo(entered(7).nonce());
        assertThat(entered(7).nonce()).isNotEqualTo(entered(8).nonce());
    }

    @Test
    void stepsEndWithTheExactPatchThatAcknowledges() {
        BreakGlass glass = entered(1);

        List<String> steps = glass.steps();
        assertThat(steps).hasSizeGreaterThanOrEqualTo(2);
        assertThat(steps.get(steps.size() - 1)).endsWith("kubectl -n vault patch raftcluster bao --type=merge -p "
                + "'{\"spec\":{\"breakGlassAck\":\"" + glass.nonce() + "\"}}'");
    }

    @Test
    void stepsNameWhatToInspectForTheReason() {
        BreakGlass splitBrain = BreakGlass.inactive().enter(CLUSTER, BreakGlassReason.SplitBrain, "two leaders",
                new Random(1), T0);

        assertThat(String.join("\n", splitBrain.steps())).contains("list-peers", "kubectl -n vault get pods");
        assertThat(splitBrain.reason()).isEqualTo("SplitBrain");
    }

    @Test
    void enteringAgainWhileActiveKeepsTheNonceAndTheOriginalEntry() {
        BreakGlass first = entered(1);

        BreakGlass again = first.enter(CLUSTER, BreakGlassReason.SplitBrain, "other", new Random(2), T1);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void aWrongAckChangesNothing() {
        BreakGlass glass = entered(1);

        BreakGlass.Acknowledgement ack = glass.acknowledge("not-the-nonce", T1);

        assertThat(ack).isInstanceOf(BreakGlass.Acknowledgement.Wrong.class);
        assertThat(ack.breakGlass()).isEqualTo(glass);
    }

    @Test
    void anEmptyAckIsNoAcknowledgement() {
        BreakGlass glass = entered(1);

        assertThat(glass.acknowledge(null, T1)).isEqualTo(new BreakGlass.Acknowledgement.None(glass));
        assertThat(glass.acknowledge("", T1)).isEqualTo(new BreakGlass.Acknowledgement.None(glass));
    }

    @Test
    void theRightAckLeavesBreakGlassAndRecordsWhen() {
        BreakGlass glass = entered(1);

        BreakGlass.Acknowledgement ack = glass.acknowledge(glass.nonce(), T1);

        assertThat(ack).isInstanceOf(BreakGlass.Acknowledgement.Accepted.class);
        assertThat(ack.breakGlass().active()).isFalse();
        assertThat(ack.breakGlass().acknowledgedAt()).isEqualTo(T1);
        assertThat(ack.breakGlass().nonce()).isEqualTo(glass.nonce());
    }

    @Test
    void aReplayedAckAfterLeavingIsReportedAndChangesNothing() {
        BreakGlass glass = entered(1);
        BreakGlass left = glass.acknowledge(glass.nonce(), T1).breakGlass();

        BreakGlass.Acknowledgement replay = left.acknowledge(glass.nonce(), T2);

        assertThat(replay).isInstanceOf(BreakGlass.Acknowledgement.Replayed.class);
        assertThat(replay.breakGlass()).isEqualTo(left);
        assertThat(replay.breakGlass().acknowledgedAt()).isEqualTo(T1);
    }

    @Test
    void enteringAfterLeavingCreatesANewNonceThatTheOldAckCannotAnswer() {
        BreakGlass glass = entered(1);
        BreakGlass left = glass.acknowledge(glass.nonce(), T1).breakGlass();

        BreakGlass again = left.enter(CLUSTER, BreakGlassReason.SplitBrain, "two leaders", new Random(2), T2);

        assertThat(again.active()).isTrue();
        assertThat(again.nonce()).isNotEqualTo(glass.nonce());
        assertThat(again.acknowledgedAt()).isNull();
        assertThat(again.acknowledge(glass.nonce(), T2)).isInstanceOf(BreakGlass.Acknowledgement.Wrong.class);
    }

    @Test
    void anActiveBreakGlassNeedsANonce() {
        assertThatThrownBy(() -> new BreakGlass(true, "SplitBrain", "m", null, T0, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
