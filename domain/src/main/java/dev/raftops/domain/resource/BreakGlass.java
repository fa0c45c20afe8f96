package dev.raftops.domain.resource;

import dev.raftops.domain.cluster.ClusterKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code status.breakGlass}: automation that could lose quorum or data has stopped and waits for a
 * person. Leaving requires {@code spec.breakGlassAck == nonce}; a nonce is used once.
 */
public record BreakGlass(boolean active, String reason, String message, String nonce, Instant enteredAt,
        List<String> steps, Instant acknowledgedAt) {

    public BreakGlass {
        steps = steps == null ? List.of() : List.copyOf(steps);
        if (active && (nonce == null || nonce.isEmpty())) {
            throw new IllegalArgumentException("active break-glass needs a nonce");
        }
    }

    public static BreakGlass inactive() {
        return new BreakGlass(false, null, null, null, null, List.of(), null);
    }

    /**
     * Enters break-glass for {@code reason}. Entering again while active keeps the nonce and the
     * original entry, so an operator's prepared acknowledgement stays valid.
     *
     * @param random the nonce source: 128 random bits, hex encoded (a {@code SecureRandom} in production)
     */
    public BreakGlass enter(ClusterKey cluster, BreakGlassReason why, String detail, RandomGenerator random, Instant now) {
        Objects.requireNonNull(why, "reason");
        if (active) {
            return this;
        }
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        String newNonce = HexFormat.of().formatHex(bits);
        return new BreakGlass(true, why.name(), detail, newNonce, now, stepsFor(cluster, why, newNonce), null);
    }

    /**
     * Applies {@code spec.breakGlassAck}. Only the exact current nonce of an active break-glass is
     * accepted, once; anything else changes nothing.
     */
    public Acknowledgement acknowledge(String ack, Instant now) {
        if (ack == null || ack.isEmpty()) {
            return new Acknowledgement.None(this);
        }
        if (!active) {
            return Objects.equals(ack, nonce)
                    ? new Acknowledgement.Replayed(this)
                    : new Acknowledgement.None(this);
        }
        if (!ack.equals(nonce)) {
            return new Acknowledgement.Wrong(this);
        }
        return new Acknowledgement.Accepted(new BreakGlass(false, reason, message, nonce, enteredAt, steps, now));
    }

    /** The answer to an acknowledgement. */
    public sealed interface Acknowledgement {
        BreakGlass breakGlass();

        /** No acknowledgement given (or none needed). */
        record None(BreakGlass breakGlass) implements Acknowledgement {
        }

        /** The right nonce: break-glass is left, automation resumes once with a new attempt identity. */
        record Accepted(BreakGlass breakGlass) implements Acknowledgement {
        }

        /** A value other than the current nonce: nothing changes but an Event. */
        record Wrong(BreakGlass breakGlass) implements Acknowledgement {
        }

        /** The nonce of a break-glass already left: one nonce, one use. */
        record Replayed(BreakGlass breakGlass) implements Acknowledgement {
        }
    }

    static List<String> stepsFor(ClusterKey cluster, BreakGlassReason why, String nonce) {
        String get = "kubectl -n " + cluster.namespace() + " get raftcluster " + cluster.name() + " -o yaml";
        String pods = "kubectl -n " + cluster.namespace() + " get pods -l app.kubernetes.io/instance=" + cluster.name()
                + " -L openbao-active,raftops.dev/revision";
        String inspect = switch (why) {
            case RollbackFailed -> "Check which colour holds a healthy Raft quorum: run 'operator raft list-peers' "
                    + "on a Ready pod of each colour and compare with status.blueGreen (blueRevision, greenRevision).";
            case SplitBrain -> "More than one pod reports leadership: run 'operator raft list-peers' on each pod "
                    + "that claims to lead and decide which one holds the committed log.";
        };
        String ack = "kubectl -n " + cluster.namespace() + " patch raftcluster " + cluster.name()
                + " --type=merge -p '{\"spec\":{\"breakGlassAck\":\"" + nonce + "\"}}'";
        return List.of(
                "1. Read the cluster status and this break-glass message: " + get,
                "2. Look at the pods, their revision and which one leads: " + pods,
                "3. " + inspect,
                "4. Repair the cluster by hand until one colour has a healthy quorum and one leader.",
                "5. Acknowledge to let raftops continue (once): " + ack);
    }
}
