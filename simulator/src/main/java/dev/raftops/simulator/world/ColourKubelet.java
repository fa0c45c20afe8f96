package dev.raftops.simulator.world;

import dev.raftops.simulator.model.RaftMembership;
import dev.raftops.simulator.model.StatefulSetRules;
import dev.raftops.simulator.model.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The kubelet and the StatefulSet controller of a blue/green {@link ColourWorld}: each colour's
 * StatefulSet creates its pods by {@link StatefulSetRules} (OrderedReady; {@code OnDelete}, so nothing
 * rolls); pods start, become Ready (a broken version never does), crash and restart in place, and
 * terminate; a member that comes back replays the log, its lag dividing by three every second or
 * two; a leaderless Raft elects a Ready voter a moment later.
 */
final class ColourKubelet {

    private final SimWorld w;
    private final SortedMap<String, ColourSet> sets;
    private final SortedMap<String, ColourSet> orphans;
    private final RaftMembership raft;
    /** The revision the client Service selects (null: every pod). */
    private final Supplier<String> selected;
    private boolean electionPending;

    ColourKubelet(SimWorld world, SortedMap<String, ColourSet> sets, SortedMap<String, ColourSet> orphans,
            RaftMembership raft, Supplier<String> selected) {
        this.w = world;
        this.sets = sets;
        this.orphans = orphans;
        this.raft = raft;
        this.selected = selected;
    }

    /** Creates the pod of {@code set} at {@code ordinal} (not started yet). */
    SimPod createPod(ColourSet set, int ordinal) {
        SimPod pod = new SimPod(set.name + "-" + ordinal, ordinal, w.nextUid(), set.revision, set.image, set.version,
                w.clock().instant());
        set.pods.put(ordinal, pod);
        w.trace().write(w.trace().line("pod.created").put("pod", pod.name).put("ordinal", ordinal).put("version",
                pod.version).put("revision", set.revision));
        w.changed();
        return pod;
    }

    /** The StatefulSet controller syncs a moment later. */
    void requestSync() {
        w.at(WorldDynamics.SYNC_DELAY, this::sync);
    }

    /** Each set creates its lowest missing pod once all lower ones are Ready ({@link StatefulSetRules}); OnDelete never rolls. */
    private void sync() {
        for (ColourSet set : sets.values()) {
            SortedMap<Integer, StatefulSetRules.Replica> replicas = new TreeMap<>();
            set.pods.forEach((ordinal, pod) -> replicas.put(ordinal, new StatefulSetRules.Replica(set.revision,
                    pod.ready())));
            StatefulSetRules.nextToCreate(set.replicas, replicas).ifPresent(ordinal -> boot(set, createPod(set, ordinal)));
            report(set);
        }
    }

    private void report(ColourSet set) {
        int ready = (int) set.pods.values().stream().filter(SimPod::ready).count();
        if (ready != set.readyReplicas) {
            set.readyReplicas = ready;
            set.resourceVersion = Long.parseLong(w.nextResourceVersion());
            w.changed();
        }
    }

    private void boot(ColourSet set, SimPod pod) {
        pod.state = SimPod.State.STARTING;
        String uid = pod.uid;
        int restarts = pod.restartCount;
        w.at(w.between(3000, 8000), () -> {
            if (set.pods.get(pod.ordinal) != pod || !pod.uid.equals(uid) || pod.state != SimPod.State.STARTING
                    || pod.restartCount != restarts) {
                return;
            }
            if (w.scenario().brokenVersion() != null && Versions.same(pod.version, w.scenario().brokenVersion())) {
                pod.state = SimPod.State.NEVER_READY;
                w.trace().write(w.trace().line("pod.unready").put("pod", pod.name).put("ordinal", pod.ordinal)
                        .put("reason", "NeverReady"));
                w.changed();
                return;
            }
            pod.state = SimPod.State.RUNNING;
            w.trace().write(w.trace().line("pod.ready").put("pod", pod.name).put("ordinal", pod.ordinal).put("version",
                    pod.version));
            w.changed();
            if (raft.isMember(pod.name)) {
                raft.ready(pod.name, true);
                raft.lag(pod.name, 150L + w.random().nextInt(350)); // replaying what it missed while down
                catchUp(pod.name);
            }
            scheduleElection();
            requestSync();
        });
    }

    /** Graceful deletion: the member stops at once, the pod object goes a moment later. */
    void delete(ColourSet set, SimPod pod, String cause) {
        boolean leads = pod.name.equals(raft.leader());
        pod.state = SimPod.State.TERMINATING;
        w.trace().write(w.trace().line("pod.deleted").put("pod", pod.name).put("ordinal", pod.ordinal).put("version",
                pod.version).put("leader", leads).put("cause", cause));
        w.changed();
        raft.ready(pod.name, false);
        scheduleElection();
        w.at(w.between(1000, 3000), () -> {
            if (set.pods.get(pod.ordinal) == pod) {
                set.pods.remove(pod.ordinal);
                if (!raft.isVoter(pod.name)) {
                    raft.remove(pod.name); // a gone non-voter drops out (autopilot's dead-server cleanup)
                }
                w.changed();
                report(set);
                if (sets.get(set.name) == set) {
                    requestSync();
                } else if (set.pods.isEmpty()) {
                    orphans.remove(set.name);
                }
            }
        });
    }

    /** The container of pod {@code ordinal} of the serving colour crashes and restarts. */
    void crash(int ordinal) {
        ColourSet set = serving();
        SimPod pod = set == null ? null : set.pods.get(ordinal);
        if (pod == null || pod.terminating()) {
            return;
        }
        w.trace().write(w.trace().line("fault").put("fault", "pod-crash").put("pod", pod.name));
        w.trace().write(w.trace().line("pod.deleted").put("pod", pod.name).put("ordinal", pod.ordinal).put("version",
                pod.version).put("leader", pod.name.equals(raft.leader())).put("cause", "crash"));
        pod.restartCount++;
        w.changed();
        raft.ready(pod.name, false);
        scheduleElection();
        boot(set, pod);
    }

    /** The set the client Service selects, else the first one (Blue before any switch). */
    private ColourSet serving() {
        for (ColourSet set : sets.values()) {
            if (set.revision.equals(selected.get())) {
                return set;
            }
        }
        return sets.isEmpty() ? null : sets.get(sets.firstKey());
    }

    void scheduleElection() {
        if (electionPending || raft.leader() != null) {
            return;
        }
        electionPending = true;
        w.at(w.between(1000, 3000), () -> {
            electionPending = false;
            if (raft.leader() == null) {
                if (raft.electAtRandom(w.random())) {
                    w.changed();
                } else if (!raft.readyVoters(null).isEmpty()) {
                    scheduleElection();
                }
            }
        });
    }

    /** A member replays the log: its lag shrinks every second or two until it has caught up. */
    void catchUp(String pod) {
        w.at(w.between(1000, 2000), () -> {
            Long lag = raft.lag(pod);
            if (lag == null || lag < 5 || !isReady(pod)) {
                return;
            }
            raft.lag(pod, lag / 3);
            w.changed();
            catchUp(pod);
        });
    }

    private boolean isReady(String podName) {
        SimPod pod = pod(podName);
        return pod != null && pod.ready();
    }

    private SimPod pod(String podName) {
        List<ColourSet> all = new ArrayList<>(sets.values());
        all.addAll(orphans.values());
        for (ColourSet set : all) {
            for (SimPod pod : set.pods.values()) {
                if (pod.name.equals(podName)) {
                    return pod;
                }
            }
        }
        return null;
    }

}
