package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.ports.driven.WriteResult;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** One simulated pod: what the kubelet and the workload inside it report. */
final class SimPod {

    enum State { STARTING, RUNNING, CRASH_LOOP, NEVER_READY, TERMINATING }

    final String name;
    final int ordinal;
    final String uid;
    final String revision;
    final String image;
    final String version;
    final Instant createdAt;
    final Map<String, String> annotations = new TreeMap<>();
    /** The {@code raftops.dev/revision} label patched on the pod (a rolling pod's template has none); null when absent. */
    String trafficRevision;
    State state = State.STARTING;
    int restartCount;

    SimPod(String name, int ordinal, String uid, String revision, String image, String version, Instant createdAt) {
        this.name = name;
        this.ordinal = ordinal;
        this.uid = uid;
        this.revision = revision;
        this.image = image;
        this.version = version;
        this.createdAt = createdAt;
    }

    /**
     * Sets the traffic label, if the pod still has {@code uid}. A label is pod metadata: the pod keeps
     * running; a change is traced as {@code pod.labelled}.
     */
    WriteResult label(String expectedUid, String revision, SimWorld w) {
        if (expectedUid != null && !uid.equals(expectedUid)) {
            return new WriteResult.Conflict("pod " + name + " has UID " + uid + ", not " + expectedUid);
        }
        if (!revision.equals(trafficRevision)) {
            trafficRevision = revision;
            w.trace().write(w.trace().line("pod.labelled").put("pod", name).put("revision", revision)
                    .put("write", w.writeInFlight()));
            w.changed();
        }
        return new WriteResult.Written(null);
    }

    boolean ready() {
        return state == State.RUNNING;
    }

    boolean terminating() {
        return state == State.TERMINATING;
    }

    /** The pod as an observation reports it: {@code leads} as its label says, {@code lag} its Raft member's. */
    PodView view(String statefulSet, boolean leads, Long lag) {
        return new PodView(name, statefulSet, ordinal, uid, revision, image, version, ready(), terminating(),
                restartCount, leads ? Leadership.LEADER : Leadership.FOLLOWER, ready() ? lag : null, true,
                annotations, null, null, trafficRevision);
    }
}
