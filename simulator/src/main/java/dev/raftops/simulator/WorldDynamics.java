package dev.raftops.simulator;

import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.resource.ExecutorAction;
import java.time.Duration;

/**
 * What happens in the simulated cluster without the controller: pods start, become Ready, catch
 * up, crash and terminate (kubelet); the StatefulSet controller creates missing pods and rolls
 * out-of-date ones; Raft elects leaders; executor Jobs run; timed faults fire.
 */
final class WorldDynamics {

    /** How long the StatefulSet controller takes to react to a change. */
    static final Duration SYNC_DELAY = Duration.ofMillis(100);

    /** The executor Job parameter naming the pod a step-down is for. */
    static final String TARGET_POD = "RAFTOPS_TARGET_POD";

    private final SimWorld w;
    private boolean syncPending;

    WorldDynamics(SimWorld world) {
        this.w = world;
    }

    /** The initial cluster: every pod Ready on {@code fromVersion}, the scenario's leader elected. */
    void start() {
        Scenario s = w.scenario;
        w.trace.write(w.trace.line("run.start").put("replicas", s.replicas()).put("fromVersion",
                SimWorld.canonical(s.fromVersion())).put("toVersion", SimWorld.canonical(s.toVersion()))
                .put("strategy", "RollingUpdate").put("seed", s.seed()).put("leader", s.leader()));
        w.trace.write(w.trace.line("sts.created").put("statefulSet", w.sts.name).put("partition", 0));
        w.trace.write(w.trace.line("sts.template").put("statefulSet", w.sts.name).put("image", w.sts.templateImage)
                .put("version", SimWorld.versionOf(w.sts.templateImage)));
        for (int ordinal = 0; ordinal < s.replicas(); ordinal++) {
            SimPod pod = createPod(ordinal, w.sts.currentRevision);
            pod.state = SimPod.State.RUNNING;
            pod.lag = 0L;
            w.trace.write(w.trace.line("pod.ready").put("pod", pod.name).put("ordinal", ordinal).put("version",
                    pod.version));
        }
        w.sts.readyReplicas = s.replicas();
        w.sts.updatedReplicas = s.replicas();
        w.raft.elect(s.leader(), false);
        w.raft.settleLabels(); // the starting cluster has settled: its labels are right
        w.api.traceStatus();
        for (Fault fault : s.faults()) {
            scheduleTimed(fault);
        }
    }

    private void scheduleTimed(Fault fault) {
        if (fault instanceof Fault.LeaderChange f) {
            w.atInstant(w.clock.start().plusSeconds(f.at()), () -> {
                w.trace.write(w.trace.line("fault").put("fault", "leader-change"));
                w.raft.transfer();
            });
        } else if (fault instanceof Fault.PodCrash f) {
            w.atInstant(w.clock.start().plusSeconds(f.at()), () -> crash(f));
        } else if (fault instanceof Fault.NewTarget f) {
            w.atInstant(w.clock.start().plusSeconds(f.at()), () -> w.api.requestVersion(f.version()));
        } else if (fault instanceof Fault.SplitBrain f) {
            w.atInstant(w.clock.start().plusSeconds(f.at()), w.raft::splitBrain);
        }
    }

    SimPod createPod(int ordinal, String revision) {
        String image = w.sts.imageOfRevision.get(revision);
        SimPod pod = new SimPod(w.podName(ordinal), ordinal, w.nextUid(), revision, image, SimWorld.versionOf(image),
                w.clock.instant());
        w.pods.put(ordinal, pod);
        w.trace.write(w.trace.line("pod.created").put("pod", pod.name).put("ordinal", ordinal).put("version",
                pod.version).put("revision", revision));
        w.changed();
        return pod;
    }

    /** The kubelet starts the container; a broken version never gets Ready. */
    private void boot(SimPod pod) {
        pod.state = SimPod.State.STARTING;
        String uid = pod.uid;
        int restarts = pod.restartCount;
        w.at(w.between(3000, 8000), () -> {
            SimPod now = w.pods.get(pod.ordinal);
            if (now == null || !now.uid.equals(uid) || now.state != SimPod.State.STARTING || now.restartCount != restarts) {
                return;
            }
            if (w.scenario.brokenVersion() != null && SimWorld.sameVersion(now.version, w.scenario.brokenVersion())) {
                boolean crashLoop = w.scenario.failureMode() == Scenario.PodFailureMode.CRASH_LOOP;
                now.state = crashLoop ? SimPod.State.CRASH_LOOP : SimPod.State.NEVER_READY;
                now.restartCount += crashLoop ? 1 : 0;
                w.trace.write(w.trace.line("pod.unready").put("pod", now.name).put("ordinal", now.ordinal)
                        .put("reason", crashLoop ? "CrashLoopBackOff" : "NeverReady"));
                w.changed();
                return;
            }
            becomeReady(now);
        });
    }

    private void becomeReady(SimPod pod) {
        pod.state = SimPod.State.RUNNING;
        pod.lag = 150L + w.random.nextInt(350); // replaying the log it missed
        w.trace.write(w.trace.line("pod.ready").put("pod", pod.name).put("ordinal", pod.ordinal).put("version",
                pod.version));
        w.trace.write(w.trace.line("raft.member").put("pod", pod.name).put("voter", true).put("lag", pod.lag));
        w.changed();
        String uid = pod.uid;
        int restarts = pod.restartCount;
        w.at(w.between(1000, 4000), () -> {
            SimPod now = w.pods.get(pod.ordinal);
            if (now != null && now.uid.equals(uid) && now.ready() && now.restartCount == restarts) {
                now.lag = (long) w.random.nextInt(10);
                w.trace.write(w.trace.line("raft.member").put("pod", now.name).put("voter", true).put("lag", now.lag));
                w.changed();
            }
        });
        requestSync();
        w.raft.memberReady();
    }

    /** Starts the graceful deletion of a pod; {@code cause} is controller, rollout or fault. */
    void delete(SimPod pod, String cause) {
        boolean leads = w.raft.leads(pod.ordinal);
        pod.state = SimPod.State.TERMINATING;
        w.trace.write(w.trace.line("pod.deleted").put("pod", pod.name).put("ordinal", pod.ordinal).put("version",
                pod.version).put("leader", leads).put("cause", cause));
        w.changed();
        w.raft.lose(pod.ordinal);
        String uid = pod.uid;
        w.at(w.between(1000, 3000), () -> {
            SimPod now = w.pods.get(pod.ordinal);
            if (now != null && now.uid.equals(uid)) {
                w.pods.remove(pod.ordinal);
                w.changed();
                requestSync();
            }
        });
    }

    private void crash(Fault.PodCrash f) {
        SimPod pod = w.pods.get(f.ordinal());
        if (pod == null || pod.terminating()) {
            return;
        }
        w.trace.write(w.trace.line("fault").put("fault", "pod-crash").put("pod", pod.name));
        w.trace.write(w.trace.line("pod.deleted").put("pod", pod.name).put("ordinal", pod.ordinal).put("version",
                pod.version).put("leader", w.raft.leads(pod.ordinal)).put("cause", "crash"));
        pod.restartCount++;
        w.changed();
        w.raft.lose(pod.ordinal);
        boot(pod);
        requestSync();
    }

    void requestSync() {
        if (!syncPending) {
            syncPending = true;
            w.at(SYNC_DELAY, this::sync);
        }
    }

    /**
     * The StatefulSet controller: create the lowest missing pod once all lower ones are Ready
     * (OrderedReady); when every pod is Ready, delete the highest pod at or above the partition
     * that is not on the update revision; then report status.
     */
    private void sync() {
        syncPending = false;
        SimStatefulSet sts = w.sts;
        boolean allReady = true;
        for (int ordinal = 0; ordinal < sts.replicas; ordinal++) {
            SimPod pod = w.pods.get(ordinal);
            if (pod == null) {
                if (allReady) {
                    String revision = ordinal >= sts.effectivePartition() ? sts.updateRevision : sts.currentRevision;
                    boot(createPod(ordinal, revision));
                }
                allReady = false;
            } else if (!pod.ready()) {
                allReady = false;
            }
        }
        if (allReady) {
            for (int ordinal = sts.replicas - 1; ordinal >= sts.effectivePartition(); ordinal--) {
                SimPod pod = w.pods.get(ordinal);
                if (!pod.revision.equals(sts.updateRevision)) {
                    delete(pod, "rollout");
                    break;
                }
            }
        }
        report();
    }

    private void report() {
        SimStatefulSet sts = w.sts;
        int ready = 0;
        int updated = 0;
        for (SimPod pod : w.pods.values()) {
            ready += pod.ready() ? 1 : 0;
            updated += !pod.terminating() && pod.revision.equals(sts.updateRevision) ? 1 : 0;
        }
        String current = updated == sts.replicas ? sts.updateRevision : sts.currentRevision;
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

    /**
     * The executor steps the target down only if it still leads (it asks the workload first), so
     * a repeated step-down cannot move leadership back onto the target; without a target it steps
     * down whoever leads.
     */
    private void stepDown(String targetPod) {
        Integer target = null;
        for (SimPod pod : w.pods.values()) {
            target = pod.name.equals(targetPod) ? Integer.valueOf(pod.ordinal) : target;
        }
        if (targetPod == null || (target != null && w.raft.leads(target))) {
            w.raft.transfer();
        }
    }

    /** A Job runs for a few seconds; a step-down that succeeds moves leadership away from the leader. */
    void run(SimJob job) {
        w.at(w.between(2000, 6000), () -> {
            if (w.jobs.get(job.request.name()) != job) {
                return; // deleted meanwhile
            }
            job.finishedAt = w.clock.instant();
            job.result = job.fails ? JobResult.FAILED : JobResult.SUCCEEDED;
            job.message = job.fails ? "injected failure" : null;
            if (!job.fails && job.request.action() == ExecutorAction.STEP_DOWN) {
                stepDown(job.request.parameters().get(TARGET_POD));
            }
            w.trace.write(w.trace.line("job.finished").put("job", job.request.name())
                    .put("action", job.request.action().wireName())
                    .put("result", job.fails ? "failed" : "succeeded"));
            w.changed();
        });
    }
}
