package dev.raftops.simulator.check;

import dev.raftops.simulator.trace.TraceRecord;

/** The controller never releases or deletes the pod that leads (a one-pod cluster has no one else to lead). */
final class LeaderSpared implements Invariant {

    static final String NAME = "the controller never releases or deletes the pod that leads";

    @Override
    public void check(TraceRecord line, TraceState before, Report out) {
        if (before.replicas() <= 1) {
            return;
        }
        if ("pod.deleted".equals(line.kind()) && "controller".equals(line.string("cause")) && line.flag("leader")) {
            out.fail(NAME, "the controller deleted pod " + line.string("pod") + " while it was the Raft leader");
        }
        TakeDown down = before.takeDown(line);
        if ("sts.partition".equals(line.kind()) && down != null && before.cluster().leads(down.pod())) {
            out.fail(NAME, "released ordinal " + (int) line.number("value") + " (" + down.pod()
                    + ") while it was the Raft leader");
        }
    }
}
