package dev.raftops.simulator.check;

import dev.raftops.simulator.trace.TraceRecord;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Blue/green: client Services select exactly one colour, and only one with a leader. A Service
 * without a revision selects every pod of the cluster: fine while one StatefulSet exists only.
 */
final class OneColour implements Invariant {

    static final String NAME = "client Services select exactly one colour, and only one with a leader";

    private final Map<String, String> selectors = new TreeMap<>();
    private final Set<String> liveSets = new TreeSet<>();

    @Override
    public void check(TraceRecord line, TraceState before, Report out) {
        switch (line.kind()) {
            case "sts.created" -> {
                liveSets.add(line.string("statefulSet"));
                if (liveSets.size() > 1 && selectors.containsValue(null)) {
                    out.fail(NAME, "StatefulSet " + line.string("statefulSet") + " created while client Services "
                            + selectors + " select every pod of the cluster, so both colours serve");
                }
            }
            case "sts.deleted" -> liveSets.remove(line.string("statefulSet"));
            case "service.selector" -> selected(line, before, out);
            default -> {
            }
        }
    }

    private void selected(TraceRecord line, TraceState before, Report out) {
        String revision = line.string("revision");
        selectors.put(line.string("service"), revision);
        Set<String> colours = new TreeSet<>();
        for (String r : selectors.values()) {
            colours.add(String.valueOf(r));
        }
        if (revision == null) {
            if (liveSets.size() > 1) {
                out.fail(NAME, "client Service " + line.string("service") + " selects every pod while "
                        + liveSets + " exist");
            }
            return;
        }
        if (colours.size() > 1) {
            out.fail(NAME, "client Services select " + selectors);
            return;
        }
        boolean led = false;
        for (String leader : before.cluster().leaders()) {
            TracedCluster.Pod pod = before.cluster().find(leader);
            // a blue/green pod belongs to revision r when it says so, or when its StatefulSet is <cluster>-<r>
            // (or when its label was patched to r: a rolling StatefulSet adopted as Blue)
            led |= pod != null && (revision.equals(pod.revision) || pod.statefulSet.endsWith("-" + revision)
                    || revision.equals(pod.trafficRevision));
        }
        if (!led) {
            out.fail(NAME, "traffic switched to revision " + revision + " before any of its pods led");
        }
    }
}
