package dev.raftops.simulator.check;

import dev.raftops.simulator.trace.TraceRecord;

/** {@code status.currentVersion} only moves forward (SemVer precedence). */
final class VersionForward implements Invariant {

    static final String NAME = "status.currentVersion only moves forward";

    @Override
    public void check(TraceRecord line, TraceState before, Report out) {
        String version = line.string("currentVersion");
        String current = before.currentVersion();
        if ("status".equals(line.kind()) && version != null && current != null && !version.equals(current)
                && VersionOrder.compare(version, current) <= 0) {
            out.fail(NAME, "status.currentVersion moved from " + current + " to " + version);
        }
    }
}
