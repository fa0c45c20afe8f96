package dev.raftops.domain.pass;

/** Reasons of a pass as a whole: a spec that does not map, and a pass that failed. */
public final class PassReasons {

    /** A missing or malformed spec field: condition Degraded and a Warning Event naming it. */
    public static final String INVALID_SPEC = "InvalidSpec";
    /** A pass that threw: recorded as {@code status.adminOps.lastError}, the controller backs off. */
    public static final String RECONCILE_ERROR = "ReconcileError";
    /** The status differs from raftops's last write by another client's edit: a Warning Event naming the fields. */
    public static final String STATUS_EDITED = "StatusEdited";

    private PassReasons() {
    }
}
