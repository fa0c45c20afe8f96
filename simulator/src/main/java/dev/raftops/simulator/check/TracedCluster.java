package dev.raftops.simulator.check;

import dev.raftops.simulator.trace.TraceRecord;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a trace says the cluster looks like so far: every pod seen (its StatefulSet, ordinal,
 * version, revision, readiness) and who reports Raft leadership. The invariant checker judges each
 * line against this picture as it was just before the line.
 */
final class TracedCluster {

    /** One pod as the trace describes it. */
    static final class Pod {
        final String statefulSet;
        final int ordinal;
        String version;
        /** The restart request the pod's template carried when it was created, or null. */
        String restartedAt;
        String revision;
        /** The {@code raftops.dev/revision} label patched on the pod (an adopted Blue's), or null. */
        String trafficRevision;
        boolean ready;
        boolean exists;

        Pod(String name, int ordinal) {
            int dash = name.lastIndexOf('-');
            this.statefulSet = dash < 0 ? name : name.substring(0, dash);
            this.ordinal = ordinal;
        }
    }

    private final Map<String, Pod> pods = new TreeMap<>();
    private final Set<String> leaders = new TreeSet<>();

    /** The pod of that name, recorded on first sight. */
    Pod pod(String name, Integer ordinal) {
        return pods.computeIfAbsent(name, n -> new Pod(n, ordinal == null ? -1 : ordinal));
    }

    /** The pod of that name, or null when the trace never mentioned it. */
    Pod find(String name) {
        return pods.get(name);
    }

    Map<String, Pod> pods() {
        return pods;
    }

    boolean leads(String name) {
        return leaders.contains(name);
    }

    Set<String> leaders() {
        return leaders;
    }

    /** Moves the picture past {@code line}. */
    void apply(TraceRecord line) {
        String name = line.string("pod");
        switch (line.kind()) {
            case "raft.leader" -> {
                if (!line.flag("splitBrain")) {
                    leaders.clear();
                }
                if (name != null) {
                    leaders.add(name);
                }
            }
            case "pod.created" -> {
                Pod pod = pod(name, line.optionalInt("ordinal"));
                pod.exists = true;
                pod.ready = false;
                pod.version = line.string("version");
                pod.revision = line.string("revision");
                pod.restartedAt = line.string("restartedAt");
                pod.trafficRevision = null; // a new pod: its template has no patched label
            }
            case "pod.ready" -> {
                Pod pod = pod(name, line.optionalInt("ordinal"));
                pod.ready = true;
                pod.exists = true;
                pod.version = line.string("version");
            }
            case "pod.unready" -> pod(name, line.optionalInt("ordinal")).ready = false;
            case "pod.labelled" -> pod(name, line.optionalInt("ordinal")).trafficRevision = line.string("revision");
            case "pod.deleted" -> {
                Pod pod = pod(name, line.optionalInt("ordinal"));
                pod.ready = false;
                pod.exists = "crash".equals(line.string("cause")); // a crash restarts the pod in place
            }
            default -> {
            }
        }
    }
}
