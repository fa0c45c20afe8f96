package dev.raftops.simulator.check;

/** One broken invariant: which, where in the trace (1-based line, simulated millis) and why. */
public record Violation(String invariant, int line, long t, String message) {

    @Override
    public String toString() {
        return "invariant \"" + invariant + "\" violated at trace line " + line + " (t=" + t + "ms): " + message;
    }
}
