package dev.raftops.simulator.faults;

/**
 * Thrown out of a port right after the write a {@link Fault.CrashAfterWrite} names (or just before
 * the one a {@link Fault.CrashBeforeWrite} names). It is an
 * {@link Error}, not an exception, so the service's error handling cannot swallow it: the process
 * is gone, and the runner starts a new controller with no memory.
 */
public final class ControllerCrash extends Error {

    private static final long serialVersionUID = 1L;

    public ControllerCrash(int write) {
        super("controller crashed after write " + write, null, false, false);
    }
}
