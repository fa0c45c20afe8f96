package dev.raftops.simulator.check;

import dev.raftops.simulator.trace.TraceRecord;
import java.util.Set;

/** The controller takes a voter down only while no other voter it took down is still down. */
final class OneVoterDown implements Invariant {

    static final String NAME = "at most one voter down because of the controller";

    @Override
    public void check(TraceRecord line, TraceState before, Report out) {
        TakeDown down = before.takeDown(line);
        if (down == null) {
            return;
        }
        Set<String> others = before.downBesides(down.pod());
        if (!others.isEmpty()) {
            out.fail(NAME, down.what() + " while " + others + " (taken down by the controller) are not back Ready");
        }
    }
}
