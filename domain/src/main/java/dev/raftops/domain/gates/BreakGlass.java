package dev.raftops.domain.gates;

import java.time.Instant;
import java.util.List;

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
}
