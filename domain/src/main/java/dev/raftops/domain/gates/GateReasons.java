package dev.raftops.domain.gates;

/** Reasons of the gates every pass runs first: pause and the acknowledgement of break-glass. */
public final class GateReasons {

    /** {@code spec.paused} is true: no change but status conditions. */
    public static final String PAUSED = "Paused";
    /** {@code spec.paused} turned false: the Paused condition turns False. */
    public static final String RESUMED = "Resumed";
    public static final String BREAK_GLASS_ACKNOWLEDGED = "BreakGlassAcknowledged";
    public static final String BREAK_GLASS_ACK_REJECTED = "BreakGlassAckRejected";

    private GateReasons() {
    }
}
