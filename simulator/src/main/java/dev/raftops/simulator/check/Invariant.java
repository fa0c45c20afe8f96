package dev.raftops.simulator.check;

import dev.raftops.simulator.trace.TraceRecord;

/**
 * One Day-2 safety invariant: judges each trace line against what the trace said before it
 * ({@link TraceState}, moved past the line only after every invariant saw it).
 */
interface Invariant {

    /** Reports to {@code out} every way {@code line} breaks the invariant. */
    void check(TraceRecord line, TraceState before, Report out);

    /** Where an invariant reports a violation. */
    interface Report {
        void fail(String invariant, String message);
    }
}
