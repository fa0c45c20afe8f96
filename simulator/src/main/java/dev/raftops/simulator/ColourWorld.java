package dev.raftops.simulator;

import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.Revision;
import dev.raftops.ports.driven.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The blue/green half of a {@link SimWorld}: revisioned {@code OnDelete} StatefulSets (Blue, and
 * Green while an attempt runs), their pods, one {@link RaftMembership} spanning both colours, the
 * client Service whose revision selector the controller switches, and the executor Jobs acting on
 * that Raft. It shares the world's clock, schedule, random source and trace, so a blue/green run
 * is as deterministic as a rolling one.
 *
 * <p>Executor Jobs act when they finish: {@code join-green} makes the Ready Green pods non-voters
 * (far behind, then catching up); {@code wait-synced} succeeds once every Green member is within
 * the Job's {@code maxLagEntries} (and fails after {@link #SYNC_PATIENCE}); {@code promote-green}
 * makes Green voters; {@code demote-blue} makes Blue non-voters and moves a Blue leadership to a
 * Green voter; {@code remove-blue-peers} / {@code remove-green-peers} remove a colour's members;
 * {@code repair-consensus} makes Blue voters and Green non-voters again and moves leadership back
 * to Blue. A Job named by a {@link Fault.JobFailure} fails without acting.
 */
final class ColourWorld {

    /** The client Service, named after the cluster as the adapter renders it. */
    static final String SERVICE = SimWorld.NAME;

    /** How long a wait-synced Job waits for Green to catch up (or a Job for a Ready voter to lead) before it fails. */
    static final Duration SYNC_PATIENCE = Duration.ofSeconds(60);

    private final SimWorld w;
    final SortedMap<String, ColourSet> sets = new TreeMap<>();
    /** Deleted StatefulSets whose pods the garbage collector has not removed yet: still observed, as in Kubernetes. */
    private final SortedMap<String, ColourSet> orphans = new TreeMap<>();
    final RaftMembership raft;
    /** The revision the client Service selects; null while it selects every pod of the cluster. */
    String selected;
    private boolean electionPending;

    ColourWorld(SimWorld world) {
        this.w = world;
        this.raft = new RaftMembership(world.trace, 1);
    }

    /** The starting cluster: Blue Ready on {@code fromVersion}, all voters, the scenario's leader elected. */
    void start() {
        Scenario s = w.scenario;
        String version = SimWorld.canonical(s.fromVersion());
        w.trace.write(w.trace.line("run.start").put("replicas", s.replicas()).put("fromVersion", version)
                .put("toVersion", SimWorld.canonical(s.toVersion())).put("strategy", "BlueGreen").put("seed", s.seed())
                .put("leader", s.leader()));
        String revision = Revision.of(version, w.spec.image(), s.replicas());
        ColourSet blue = create(Revision.statefulSet(SimWorld.NAME, revision), revision, version,
                w.spec.imageFor(version), s.replicas(), null);
        for (int ordinal = 0; ordinal < s.replicas(); ordinal++) {
            SimPod pod = createPod(blue, ordinal);
            pod.state = SimPod.State.RUNNING;
            w.trace.write(w.trace.line("pod.ready").put("pod", pod.name).put("ordinal", ordinal).put("version",
                    pod.version));
            raft.join(pod.name, true, true, 0);
        }
        blue.readyReplicas = s.replicas();
        raft.elect(blue.pods.get(s.leader()).name, false);
        // the client Service as the adapter first renders it: the cluster label only, no revision
        w.trace.write(w.trace.line("service.selector").put("service", SERVICE).put("revision", null));
        w.api.traceStatus();
        for (Fault fault : s.faults()) {
            if (fault instanceof Fault.LeaderChange f) {
                w.atInstant(w.clock.start().plusSeconds(f.at()), () -> {
                    w.trace.write(w.trace.line("fault").put("fault", "leader-change"));
                    raft.transfer(p -> true, w.random);
                    w.changed();
                });
            } else if (fault instanceof Fault.PodCrash f) {
                w.atInstant(w.clock.start().plusSeconds(f.at()), () -> crash(f.ordinal()));
            } else if (fault instanceof Fault.NewTarget f) {
                w.atInstant(w.clock.start().plusSeconds(f.at()), () -> w.api.requestVersion(f.version()));
            }
        }
    }

    private ColourSet create(String name, String revision, String version, String image, int replicas,
            String joinRevision) {
        ColourSet set = new ColourSet(name, w.nextUid(), revision, image, version, replicas, joinRevision);
        set.resourceVersion = Long.parseLong(w.nextResourceVersion());
        sets.put(name, set);
        w.trace.write(w.trace.line("sts.created").put("statefulSet", name).put("revision", revision)
                .put("join", joinRevision));
        w.trace.write(w.trace.line("sts.template").put("statefulSet", name).put("image", image).put("version",
                version));
        w.changed();
        return set;
    }

    private SimPod createPod(ColourSet set, int ordinal) {
        SimPod pod = new SimPod(set.name + "-" + ordinal, ordinal, w.nextUid(), set.revision, set.image, set.version,
                w.clock.instant());
        set.pods.put(ordinal, pod);
        w.trace.write(w.trace.line("pod.created").put("pod", pod.name).put("ordinal", ordinal).put("version",
                pod.version).put("revision", set.revision));
        w.changed();
        return pod;
    }

    // ---- the API the ports call ----

    List<StatefulSetView> setViews() {
        return sets.values().stream().map(ColourSet::view).toList();
    }

    List<PodView> podViews() {
        List<PodView> out = new ArrayList<>();
        List<ColourSet> all = new ArrayList<>(sets.values());
        all.addAll(orphans.values());
        for (ColourSet set : all) {
            for (SimPod pod : set.pods.values()) {
                boolean leads = pod.name.equals(raft.leader());
                Long lag = raft.lag(pod.name);
                out.add(new PodView(pod.name, set.name, pod.ordinal, pod.uid, set.revision, pod.image, pod.version,
                        pod.ready(), pod.terminating(), pod.restartCount,
                        leads ? Leadership.LEADER : Leadership.FOLLOWER, pod.ready() ? lag : null,
                        raft.isVoter(pod.name), pod.annotations));
            }
        }
        return out;
    }

    SortedMap<String, String> selectors() {
        SortedMap<String, String> out = new TreeMap<>();
        if (selected != null) {
            out.put(SERVICE, selected);
        }
        return out;
    }

    WriteResult createWorkload(String name, String revision, String version, String image, int replicas,
            String joinRevision) {
        ColourSet live = sets.get(name);
        if (live != null) {
            // as the adapter: the same revision already there is the same work, done; anything else a conflict
            return live.revision.equals(revision) ? new WriteResult.Written(Long.toString(live.resourceVersion))
                    : new WriteResult.Conflict("StatefulSet " + name + " has revision " + live.revision);
        }
        String canonical = SimWorld.canonical(version);
        ColourSet set = create(name, revision, canonical, image != null ? image : w.spec.imageFor(canonical), replicas,
                joinRevision);
        requestSync();
        return new WriteResult.Written(Long.toString(set.resourceVersion));
    }

    /** Deletes the StatefulSet; the garbage collector then deletes its pods. */
    WriteResult deleteWorkload(String name, String uid) {
        ColourSet set = sets.get(name);
        if (set == null) {
            return new WriteResult.NotFound("StatefulSet " + name + " does not exist");
        }
        if (uid != null && !uid.equals(set.uid)) {
            return new WriteResult.Conflict("StatefulSet " + name + " has UID " + set.uid + ", not " + uid);
        }
        sets.remove(name);
        if (!set.pods.isEmpty()) {
            orphans.put(name, set);
        }
        w.trace.write(w.trace.line("sts.deleted").put("statefulSet", name).put("write", w.writeInFlight));
        w.changed();
        w.at(WorldDynamics.SYNC_DELAY, () -> {
            for (SimPod pod : new ArrayList<>(set.pods.values())) {
                if (!pod.terminating()) {
                    delete(set, pod, "garbage-collection");
                }
            }
        });
        return new WriteResult.Written(null);
    }

    WriteResult switchTraffic(String revision) {
        if (!revision.equals(selected)) {
            selected = revision;
            w.trace.write(w.trace.line("service.selector").put("service", SERVICE).put("revision", revision)
                    .put("write", w.writeInFlight));
            w.changed();
        }
        return new WriteResult.Written(null);
    }

    WriteResult deletePod(String name, String uid) {
        for (ColourSet set : sets.values()) {
            for (SimPod pod : set.pods.values()) {
                if (pod.name.equals(name)) {
                    if (!pod.uid.equals(uid)) {
                        return new WriteResult.Conflict("pod " + name + " has UID " + pod.uid + ", not " + uid);
                    }
                    if (!pod.terminating()) {
                        delete(set, pod, "controller");
                    }
                    return new WriteResult.Written(null);
                }
            }
        }
        return new WriteResult.NotFound("pod " + name + " not found");
    }

    // ---- kubelet and StatefulSet controller ----

    private void requestSync() {
        w.at(WorldDynamics.SYNC_DELAY, this::sync);
    }

    /** OrderedReady: each set creates its lowest missing pod once all lower ones are Ready. */
    private void sync() {
        for (ColourSet set : sets.values()) {
            for (int ordinal = 0; ordinal < set.replicas; ordinal++) {
                SimPod pod = set.pods.get(ordinal);
                if (pod == null) {
                    boot(set, createPod(set, ordinal));
                    break;
                }
                if (!pod.ready()) {
                    break;
                }
            }
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
            if (w.scenario.brokenVersion() != null && SimWorld.sameVersion(pod.version, w.scenario.brokenVersion())) {
                pod.state = SimPod.State.NEVER_READY;
                w.trace.write(w.trace.line("pod.unready").put("pod", pod.name).put("ordinal", pod.ordinal)
                        .put("reason", "NeverReady"));
                w.changed();
                return;
            }
            pod.state = SimPod.State.RUNNING;
            w.trace.write(w.trace.line("pod.ready").put("pod", pod.name).put("ordinal", pod.ordinal).put("version",
                    pod.version));
            w.changed();
            if (raft.isMember(pod.name)) {
                raft.ready(pod.name, true);
                raft.lag(pod.name, 150L + w.random.nextInt(350)); // replaying what it missed while down
                catchUp(pod.name);
            }
            scheduleElection();
            requestSync();
        });
    }

    /** Graceful deletion: the member stops at once, the pod object goes a moment later. */
    private void delete(ColourSet set, SimPod pod, String cause) {
        boolean leads = pod.name.equals(raft.leader());
        pod.state = SimPod.State.TERMINATING;
        w.trace.write(w.trace.line("pod.deleted").put("pod", pod.name).put("ordinal", pod.ordinal).put("version",
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
    private void crash(int ordinal) {
        ColourSet set = serving();
        SimPod pod = set == null ? null : set.pods.get(ordinal);
        if (pod == null || pod.terminating()) {
            return;
        }
        w.trace.write(w.trace.line("fault").put("fault", "pod-crash").put("pod", pod.name));
        w.trace.write(w.trace.line("pod.deleted").put("pod", pod.name).put("ordinal", pod.ordinal).put("version",
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
            if (set.revision.equals(selected)) {
                return set;
            }
        }
        return sets.isEmpty() ? null : sets.get(sets.firstKey());
    }

    private void scheduleElection() {
        if (electionPending || raft.leader() != null) {
            return;
        }
        electionPending = true;
        w.at(w.between(1000, 3000), () -> {
            electionPending = false;
            if (raft.leader() == null) {
                if (raft.electAtRandom(w.random)) {
                    w.changed();
                } else if (!raft.readyVoters(null).isEmpty()) {
                    scheduleElection();
                }
            }
        });
    }

    /** A member replays the log: its lag shrinks every second or two until it has caught up. */
    private void catchUp(String pod) {
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

    // ---- executor Jobs ----

    /** A Job runs a few seconds, then acts on the Raft configuration (or fails without acting). */
    void run(SimJob job) {
        w.at(w.between(2000, 6000), () -> finish(job, w.clock.instant().plus(SYNC_PATIENCE)));
    }

    private void finish(SimJob job, Instant patience) {
        if (w.jobs.get(job.request.name()) != job) {
            return; // deleted meanwhile
        }
        ExecutorEffects.Effect effect = job.fails ? null : act(job);
        String failure = job.fails ? "injected failure" : effect.failure();
        boolean unsynced = failure == null && job.request.action() == ExecutorAction.WAIT_SYNCED && !synced(job);
        if (unsynced || (effect != null && effect.waits())) {
            if (w.clock.instant().isBefore(patience)) {
                w.at(Duration.ofSeconds(1), () -> finish(job, patience));
                return;
            }
            failure = unsynced ? "Green did not catch up within " + SYNC_PATIENCE : failure;
        }
        job.finishedAt = w.clock.instant();
        job.result = failure == null ? JobResult.SUCCEEDED : JobResult.FAILED;
        job.message = failure;
        w.trace.write(w.trace.line("job.finished").put("job", job.request.name())
                .put("action", job.request.action().wireName()).put("result", failure == null ? "succeeded" : "failed"));
        w.changed();
    }

    /** Applies a Job's effect ({@link ExecutorEffects}). */
    private ExecutorEffects.Effect act(SimJob job) {
        var p = job.request.parameters();
        String green = p.get("greenStatefulSet");
        SortedMap<String, Boolean> greenPods = new TreeMap<>();
        ColourSet set = green == null ? null : sets.get(green);
        if (set != null) {
            set.pods.values().forEach(pod -> greenPods.put(pod.name, pod.ready()));
        }
        ExecutorEffects.Effect effect = ExecutorEffects.apply(raft, job.request.action(), p.get("blueStatefulSet"),
                green, greenPods, p.get(WorldDynamics.TARGET_POD), w.random, () -> 300L + w.random.nextInt(500));
        effect.joined().forEach(this::catchUp);
        scheduleElection();
        return effect;
    }

    private boolean synced(SimJob job) {
        String green = job.request.parameters().get("greenStatefulSet");
        long max = Long.parseLong(job.request.parameters().getOrDefault("maxLagEntries", "100"));
        ColourSet set = sets.get(green);
        if (set == null) {
            return false;
        }
        for (SimPod pod : set.pods.values()) {
            Long lag = raft.lag(pod.name);
            if (lag == null || lag > max || !pod.ready()) {
                return false;
            }
        }
        return true;
    }

    // ---- convergence ----

    /**
     * One colour left, on {@code version}: every pod Ready, every member a voter of it, it leads,
     * and the client Service selects it.
     */
    boolean runsEverywhere(String version) {
        if (sets.size() != 1 || !orphans.isEmpty()) {
            return false;
        }
        ColourSet set = sets.get(sets.firstKey());
        if (set.pods.size() != set.replicas || !set.revision.equals(selected)) {
            return false;
        }
        for (SimPod pod : set.pods.values()) {
            if (!pod.ready() || !SimWorld.sameVersion(pod.version, version) || !raft.isVoter(pod.name)) {
                return false;
            }
        }
        return raft.members().size() == set.replicas && raft.leader() != null;
    }

    /** Exactly one colour with all its pods and no other pod left over (after an abort or a rollback). */
    boolean oneColourSettled() {
        ColourSet only = sets.isEmpty() ? null : sets.get(sets.firstKey());
        return sets.size() == 1 && orphans.isEmpty() && only.pods.size() == only.replicas
                && raft.leader() != null;
    }

    List<String> podSummary() {
        List<String> out = new ArrayList<>();
        for (ColourSet set : sets.values()) {
            for (SimPod pod : set.pods.values()) {
                out.add(pod.name + "=" + pod.version + "/" + pod.state + (raft.isVoter(pod.name) ? "" : "(nv)")
                        + (pod.name.equals(raft.leader()) ? "*" : ""));
            }
        }
        return out;
    }
}
