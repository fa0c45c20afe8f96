package dev.raftops.simulator.world;

import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.model.StatefulSetRules;
import dev.raftops.simulator.model.Versions;
import dev.raftops.simulator.trace.TraceLine;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What happens in a rolling cluster without the controller: pods start, become Ready, catch up,
 * crash and terminate (kubelet); the StatefulSet controller creates missing pods and rolls
 * out-of-date ones ({@link StatefulSetRules}); Raft elects leaders ({@link SimRaft}); timed faults fire
 * (executor Jobs: {@link RollingJobs}).
 */
final class WorldDynamics {

    /** How long the StatefulSet controller takes to react to a change. */
    static final Duration SYNC_DELAY = Duration.ofMillis(100);

    private final SimWorld w;
    private final SimStatefulSet sts;
    private final SortedMap<Integer, SimPod> pods;
    private final SimRaft raft;
    private boolean syncPending;

    WorldDynamics(SimWorld world, SimStatefulSet sts, SortedMap<Integer, SimPod> pods, SimRaft raft) {
        this.w = world;
        this.sts = sts;
        this.pods = pods;
        this.raft = raft;
    }

    /** The initial cluster: every pod Ready on {@code fromVersion}, the scenario's leader elected. */
    void start() {
        Scenario s = w.scenario();
        w.trace().write(w.trace().line("run.start").put("replicas", s.replicas()).put("fromVersion",
                Versions.canonical(s.fromVersion())).put("toVersion", Versions.canonical(s.toVersion()))
                .put("strategy", "RollingUpdate").put("seed", s.seed()).put("leader", s.leader()));
        var created = w.trace().line("sts.created").put("statefulSet", sts.name).put("partition", 0);
        w.trace().write(sts.onDelete ? created.put("onDelete", true) : created);
        w.trace().write(w.trace().line("sts.template").put("statefulSet", sts.name).put("image", sts.templateImage)
                .put("version", Versions.ofImage(sts.templateImage)));
        for (int ordinal = 0; ordinal < s.replicas(); ordinal++) {
            SimPod pod = createPod(ordinal, sts.currentRevision);
            pod.state = SimPod.State.RUNNING;
            raft.running(ordinal);
            w.trace().write(w.trace().line("pod.ready").put("pod", pod.name).put("ordinal", ordinal).put("version",
                    pod.version));
        }
        sts.readyReplicas = s.replicas();
        sts.updatedReplicas = s.replicas();
        raft.elect(s.leader());
        raft.settleLabels(); // the starting cluster has settled: its labels are right
        w.cluster().traceStatus();
        for (Fault fault : s.faults()) {
            scheduleTimed(fault);
        }
    }

    private void scheduleTimed(Fault fault) {
        if (fault instanceof Fault.LeaderChange f) {
            w.atSecond(f.at(), () -> {
                w.trace().write(w.trace().line("fault").put("fault", "leader-change"));
                raft.transfer();
            });
        } else if (fault instanceof Fault.PodCrash f) {
            w.atSecond(f.at(), () -> crash(f));
        } else if (fault instanceof Fault.NewTarget f) {
            w.atSecond(f.at(), () -> w.cluster().requestVersion(f.version()));
        } else if (fault instanceof Fault.SplitBrain f) {
            w.atSecond(f.at(), raft::splitBrain);
        } else if (fault instanceof Fault.ForceRelease f) {
            w.atSecond(f.at(), () -> w.cluster().requestForceRelease());
        } else if (fault instanceof Fault.Restart f) {
            w.atSecond(f.at(), () -> w.cluster().requestRestart("2026-01-01T00:00:" + String.format("%02d", f.at() % 60)
                    + "Z"));
        } else if (fault instanceof Fault.Retry f) {
            w.atSecond(f.at(), () -> w.api().requestRetry("retry@" + f.at()));
        } else if (fault instanceof Fault.ApiOutage f) {
            // the probe reads the outage off the scenario (SimulatedPorts); the trace marks its start and end
            String name = f.sealed() ? "api-sealed" : "api-refused";
            w.atSecond(f.at(), () -> w.trace().write(w.trace().line("fault").put("fault", name).put("ordinal", f.ordinal())));
            w.atSecond(f.at() + f.seconds(), () -> w.trace().write(w.trace().line("fault").put("fault", "api-healed")
                    .put("ordinal", f.ordinal())));
        }
    }

    private SimPod createPod(int ordinal, String revision) {
        String image = sts.imageOfRevision.get(revision);
        SimPod pod = new SimPod(w.podName(ordinal), ordinal, w.nextUid(), revision, image, Versions.ofImage(image),
                w.clock().instant());
        pods.put(ordinal, pod);
        TraceLine created = w.trace().line("pod.created").put("pod", pod.name).put("ordinal", ordinal).put("version",
                pod.version).put("revision", revision);
        String restartedAt = sts.restartOfRevision.get(revision);
        if (restartedAt != null) {
            created.put("restartedAt", restartedAt);
        }
        w.trace().write(created);
        w.changed();
        return pod;
    }

    /** The kubelet starts the container; a broken version never gets Ready. */
    private void boot(SimPod pod) {
        pod.state = SimPod.State.STARTING;
        String uid = pod.uid;
        int restarts = pod.restartCount;
        w.at(w.between(3000, 8000), () -> {
            SimPod now = pods.get(pod.ordinal);
            if (now == null || !now.uid.equals(uid) || now.state != SimPod.State.STARTING || now.restartCount != restarts) {
                return;
            }
            if (w.scenario().brokenVersion() != null && Versions.same(now.version, w.scenario().brokenVersion())) {
                boolean crashLoop = w.scenario().failureMode() == Scenario.PodFailureMode.CRASH_LOOP;
                now.state = crashLoop ? SimPod.State.CRASH_LOOP : SimPod.State.NEVER_READY;
                now.restartCount += crashLoop ? 1 : 0;
                w.trace().write(w.trace().line("pod.unready").put("pod", now.name).put("ordinal", now.ordinal)
                        .put("reason", crashLoop ? "CrashLoopBackOff" : "NeverReady"));
                w.changed();
                return;
            }
            becomeReady(now);
        });
    }

    private void becomeReady(SimPod pod) {
        pod.state = SimPod.State.RUNNING;
        long lag = 150L + w.random().nextInt(350); // replaying the log it missed
        w.trace().write(w.trace().line("pod.ready").put("pod", pod.name).put("ordinal", pod.ordinal).put("version",
                pod.version));
        raft.memberReady(pod.ordinal, lag);
        w.changed();
        String uid = pod.uid;
        int restarts = pod.restartCount;
        w.at(w.between(1000, 4000), () -> {
            SimPod now = pods.get(pod.ordinal);
            if (now != null && now.uid.equals(uid) && now.ready() && now.restartCount == restarts) {
                raft.caughtUp(now.ordinal, w.random().nextInt(10));
                w.changed();
            }
        });
        requestSync();
        raft.electIfLeaderless();
    }

    /** Starts the graceful deletion of a pod; {@code cause} is controller, rollout or fault. */
    void delete(SimPod pod, String cause) {
        boolean leads = raft.leads(pod.ordinal);
        pod.state = SimPod.State.TERMINATING;
        w.trace().write(w.trace().line("pod.deleted").put("pod", pod.name).put("ordinal", pod.ordinal).put("version",
                pod.version).put("leader", leads).put("cause", cause));
        w.changed();
        raft.lose(pod.ordinal);
        String uid = pod.uid;
        w.at(w.between(1000, 3000), () -> {
            SimPod now = pods.get(pod.ordinal);
            if (now != null && now.uid.equals(uid)) {
                pods.remove(pod.ordinal);
                w.changed();
                requestSync();
            }
        });
    }

    private void crash(Fault.PodCrash f) {
        SimPod pod = pods.get(f.ordinal());
        if (pod == null || pod.terminating()) {
            return;
        }
        w.trace().write(w.trace().line("fault").put("fault", "pod-crash").put("pod", pod.name));
        w.trace().write(w.trace().line("pod.deleted").put("pod", pod.name).put("ordinal", pod.ordinal).put("version",
                pod.version).put("leader", raft.leads(pod.ordinal)).put("cause", "crash"));
        pod.restartCount++;
        w.changed();
        raft.lose(pod.ordinal);
        boot(pod);
        requestSync();
    }

    void requestSync() {
        if (!syncPending) {
            syncPending = true;
            w.at(SYNC_DELAY, this::sync);
        }
    }

    /** The StatefulSet controller ({@link StatefulSetRules}): create, else roll; then report status. */
    private void sync() {
        syncPending = false;
        SortedMap<Integer, StatefulSetRules.Replica> replicas = new TreeMap<>();
        pods.forEach((ordinal, pod) -> replicas.put(ordinal, new StatefulSetRules.Replica(pod.revision, pod.ready())));
        OptionalInt create = StatefulSetRules.nextToCreate(sts.replicas, replicas);
        if (create.isPresent()) {
            int ordinal = create.getAsInt();
            boot(createPod(ordinal, StatefulSetRules.revisionFor(sts.onDelete, ordinal, sts.partition,
                    sts.currentRevision, sts.updateRevision)));
        } else {
            StatefulSetRules.nextToRoll(sts.onDelete, sts.replicas, sts.partition, sts.updateRevision, replicas)
                    .ifPresent(ordinal -> delete(pods.get(ordinal), "rollout"));
        }
        report();
    }

    private void report() {
        int ready = 0;
        int updated = 0;
        for (SimPod pod : pods.values()) {
            ready += pod.ready() ? 1 : 0;
            updated += !pod.terminating() && pod.revision.equals(sts.updateRevision) ? 1 : 0;
        }
        String current = StatefulSetRules.currentRevision(sts.onDelete, sts.replicas, updated, sts.currentRevision,
                sts.updateRevision);
        if (ready != sts.readyReplicas || updated != sts.updatedReplicas || !current.equals(sts.currentRevision)
                || sts.observedGeneration != sts.generation) {
            sts.readyReplicas = ready;
            sts.updatedReplicas = updated;
            sts.currentRevision = current;
            sts.observedGeneration = sts.generation;
            sts.resourceVersion = Long.parseLong(w.nextResourceVersion());
            w.changed();
        }
    }
}
