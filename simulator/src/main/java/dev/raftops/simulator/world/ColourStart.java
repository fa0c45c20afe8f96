package dev.raftops.simulator.world;

import dev.raftops.domain.resource.Revision;
import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.model.RaftMembership;
import dev.raftops.simulator.model.Versions;

/**
 * How a blue/green run begins: Blue Ready on {@code fromVersion}, every pod a voter, the scenario's
 * leader elected, the client Service selecting every pod of the cluster; and the scenario's
 * faults that act on the colours (a leader change, a pod crash, a new target) scheduled.
 */
record ColourStart(SimWorld w, ColourWorld colours, ColourKubelet kubelet, RaftMembership raft) {

    void start() {
        Scenario s = w.scenario();
        String version = Versions.canonical(s.fromVersion());
        w.trace().write(w.trace().line("run.start").put("replicas", s.replicas()).put("fromVersion", version)
                .put("toVersion", Versions.canonical(s.toVersion())).put("strategy", "BlueGreen").put("seed", s.seed())
                .put("leader", s.leader()));
        String revision = Revision.of(version, w.spec().image(), s.replicas());
        ColourSet blue = colours.create(Revision.statefulSet(SimWorld.NAME, revision), revision, version,
                w.spec().imageFor(version), s.replicas(), null);
        for (int ordinal = 0; ordinal < s.replicas(); ordinal++) {
            SimPod pod = kubelet.createPod(blue, ordinal);
            pod.state = SimPod.State.RUNNING;
            w.trace().write(w.trace().line("pod.ready").put("pod", pod.name).put("ordinal", ordinal).put("version",
                    pod.version));
            raft.join(pod.name, true, true, 0);
        }
        blue.readyReplicas = s.replicas();
        raft.elect(blue.pods.get(s.leader()).name, false);
        // the client Service as the adapter first renders it: the cluster label only, no revision
        w.trace().write(w.trace().line("service.selector").put("service", ColourWorld.SERVICE).put("revision", null));
        w.cluster().traceStatus();
        for (Fault fault : s.faults()) {
            if (fault instanceof Fault.LeaderChange f) {
                w.atSecond(f.at(), () -> {
                    w.trace().write(w.trace().line("fault").put("fault", "leader-change"));
                    raft.transfer(p -> true, w.random());
                    w.changed();
                });
            } else if (fault instanceof Fault.PodCrash f) {
                w.atSecond(f.at(), () -> kubelet.crash(f.ordinal()));
            } else if (fault instanceof Fault.NewTarget f) {
                w.atSecond(f.at(), () -> w.cluster().requestVersion(f.version()));
            }
        }
    }
}
