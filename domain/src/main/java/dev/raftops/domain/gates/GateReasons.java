package dev.raftops.domain.gates;

/** Reasons of the gates every pass runs first: pause, the acknowledgement of break-glass, a forced lock release. */
public final class GateReasons {

    /** {@code spec.paused} is true: no change but status conditions. */
    public static final String PAUSED = "Paused";
    /** {@code spec.paused} turned false: the Paused condition turns False. */
    public static final String RESUMED = "Resumed";
    public static final String BREAK_GLASS_ACKNOWLEDGED = "BreakGlassAcknowledged";
    public static final String BREAK_GLASS_ACK_REJECTED = "BreakGlassAckRejected";
    /** {@code spec.operationLock.forceRelease} named the holder and epoch: the lock is free, the operation displaced. */
    public static final String LOCK_FORCE_RELEASED = "OperationLockForceReleased";
    /** {@code spec.operationLock.forceRelease} named a stale holder or epoch (or a blue/green attempt): nothing changes. */
    public static final String LOCK_FORCE_RELEASE_REFUSED = "OperationLockForceReleaseRefused";

    private GateReasons() {
    }
}
