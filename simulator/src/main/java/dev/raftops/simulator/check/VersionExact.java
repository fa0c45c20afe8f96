package dev.raftops.simulator.check;

import dev.raftops.simulator.trace.TraceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code status.currentVersion} reaches the target exactly when every pod runs it: a new current
 * version needs every replica present and on it, and a converged run ends on the target.
 */
final class VersionExact implements Invariant {

    static final String NAME = "status.currentVersion reaches the target exactly when every pod runs it";

    @Override
    public void check(TraceRecord line, TraceState before, Report out) {
        if ("run.end".equals(line.kind())) {
            String target = before.toVersion();
            if ("converged".equals(line.string("result")) && target != null
                    && !VersionOrder.same(String.valueOf(line.string("currentVersion")), target)) {
                out.fail(NAME, "run converged with status.currentVersion " + line.string("currentVersion")
                        + ", target " + target);
            }
            return;
        }
        String version = line.string("currentVersion");
        String current = before.currentVersion();
        if (!"status".equals(line.kind()) || version == null || current == null || version.equals(current)) {
            return;
        }
        List<String> behind = new ArrayList<>();
        int running = 0;
        for (Map.Entry<String, TracedCluster.Pod> e : before.cluster().pods().entrySet()) {
            TracedCluster.Pod pod = e.getValue();
            if (!pod.exists) {
                continue;
            }
            running++;
            if (!VersionOrder.same(pod.version, version)) {
                behind.add(e.getKey() + "=" + pod.version);
            }
        }
        int replicas = before.replicas();
        if (!behind.isEmpty() || (replicas > 0 && running < replicas)) {
            out.fail(NAME, "status.currentVersion became " + version + " while pods run " + behind
                    + " (" + running + " of " + replicas + " pods exist)");
        }
    }
}
