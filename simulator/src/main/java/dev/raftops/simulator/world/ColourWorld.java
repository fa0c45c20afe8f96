package dev.raftops.simulator.world;

import dev.raftops.domain.resource.Revision;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.model.RaftMembership;
import dev.raftops.simulator.model.StatefulSetRules;
import dev.raftops.simulator.model.Versions;
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
 * <p>The kubelet and the StatefulSet controller ({@link StatefulSetRules}: OrderedReady, {@code OnDelete},
 * nothing rolls) are {@link ColourKubelet}; the executor Jobs act on the Raft when they finish
 * ({@link ColourJobs}).
 */
final class ColourWorld implements Workloads {

    /** The client Service, named after the cluster as the adapter renders it. */
    static final String SERVICE = SimWorld.NAME;

    private final SimWorld w;
    private final ColourJobs jobs;
    private final ColourKubelet kubelet;
    private final SortedMap<String, ColourSet> sets = new TreeMap<>();
    /** Deleted StatefulSets whose pods the garbage collector has not removed yet: still observed, as in Kubernetes. */
    private final SortedMap<String, ColourSet> orphans = new TreeMap<>();
    private final RaftMembership raft;
    /** The revision the client Service selects; null while it selects every pod of the cluster. */
    private String selected;

    ColourWorld(SimWorld world) {
        this.w = world;
        this.raft = new RaftMembership(world.trace(), 1);
        this.jobs = new ColourJobs(world, this);
        this.kubelet = new ColourKubelet(world, sets, orphans, raft, () -> selected);
    }

    /** The starting cluster: Blue Ready on {@code fromVersion}, all voters, the scenario's leader elected. */
    @Override
    public void start() {
        Scenario s = w.scenario();
        String version = Versions.canonical(s.fromVersion());
        w.trace().write(w.trace().line("run.start").put("replicas", s.replicas()).put("fromVersion", version)
                .put("toVersion", Versions.canonical(s.toVersion())).put("strategy", "BlueGreen").put("seed", s.seed())
                .put("leader", s.leader()));
        String revision = Revision.of(version, w.spec().image(), s.replicas());
        ColourSet blue = create(Revision.statefulSet(SimWorld.NAME, revision), revision, version,
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
        w.trace().write(w.trace().line("service.selector").put("service", SERVICE).put("revision", null));
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

    private ColourSet create(String name, String revision, String version, String image, int replicas,
            String joinRevision) {
        ColourSet set = new ColourSet(name, w.nextUid(), revision, image, version, replicas, joinRevision);
        set.resourceVersion = Long.parseLong(w.nextResourceVersion());
        sets.put(name, set);
        w.trace().write(w.trace().line("sts.created").put("statefulSet", name).put("revision", revision)
                .put("join", joinRevision));
        w.trace().write(w.trace().line("sts.template").put("statefulSet", name).put("image", image).put("version",
                version));
        w.changed();
        return set;
    }

    // ---- the API the ports call ----

    @Override
    public ClusterObservation observe(List<JobView> jobs) {
        List<StatefulSetView> views = sets.values().stream().map(ColourSet::view).toList();
        return new ClusterObservation(ClusterObservation.of(views, List.of(), List.of()).statefulSets(), podViews(),
                ClusterObservation.of(List.of(), List.of(), jobs).jobs(), selectors());
    }

    @Override
    public WriteResult lockPartitionAndSetImage(String statefulSet, int partition, String image, String expected) {
        return new WriteResult.NotFound("StatefulSet " + statefulSet + " not found");
    }

    @Override
    public WriteResult setPartition(String statefulSet, int partition, String expected) {
        return new WriteResult.NotFound("StatefulSet " + statefulSet + " not found");
    }

    @Override
    public WriteResult annotate(boolean statefulSet, String name, String annotation, boolean set) {
        return new WriteResult.NotFound("maintenance marks are not simulated on blue/green workloads");
    }

    private List<PodView> podViews() {
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

    private SortedMap<String, String> selectors() {
        SortedMap<String, String> out = new TreeMap<>();
        if (selected != null) {
            out.put(SERVICE, selected);
        }
        return out;
    }

    @Override
    public WriteResult createWorkload(String name, String revision, String version, String image, int replicas,
            String joinRevision) {
        ColourSet live = sets.get(name);
        if (live != null) {
            // as the adapter: the same revision already there is the same work, done; anything else a conflict
            return live.revision.equals(revision) ? new WriteResult.Written(Long.toString(live.resourceVersion))
                    : new WriteResult.Conflict("StatefulSet " + name + " has revision " + live.revision);
        }
        String canonical = Versions.canonical(version);
        ColourSet set = create(name, revision, canonical, image != null ? image : w.spec().imageFor(canonical), replicas,
                joinRevision);
        kubelet.requestSync();
        return new WriteResult.Written(Long.toString(set.resourceVersion));
    }

    /** Deletes the StatefulSet; the garbage collector then deletes its pods. */
    @Override
    public WriteResult deleteWorkload(String name, String uid) {
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
        w.trace().write(w.trace().line("sts.deleted").put("statefulSet", name).put("write", w.writeInFlight()));
        w.changed();
        w.at(WorldDynamics.SYNC_DELAY, () -> {
            for (SimPod pod : new ArrayList<>(set.pods.values())) {
                if (!pod.terminating()) {
                    kubelet.delete(set, pod, "garbage-collection");
                }
            }
        });
        return new WriteResult.Written(null);
    }

    @Override
    public WriteResult switchTraffic(String revision) {
        if (!revision.equals(selected)) {
            selected = revision;
            w.trace().write(w.trace().line("service.selector").put("service", SERVICE).put("revision", revision)
                    .put("write", w.writeInFlight()));
            w.changed();
        }
        return new WriteResult.Written(null);
    }

    @Override
    public WriteResult deletePod(String name, String uid) {
        for (ColourSet set : sets.values()) {
            for (SimPod pod : set.pods.values()) {
                if (pod.name.equals(name)) {
                    if (!pod.uid.equals(uid)) {
                        return new WriteResult.Conflict("pod " + name + " has UID " + pod.uid + ", not " + uid);
                    }
                    if (!pod.terminating()) {
                        kubelet.delete(set, pod, "controller");
                    }
                    return new WriteResult.Written(null);
                }
            }
        }
        return new WriteResult.NotFound("pod " + name + " not found");
    }

    // ---- what the executor Jobs (ColourJobs) act on ----

    /** An executor Job was created: it runs, then acts on the colours' Raft ({@link ColourJobs}). */
    @Override
    public void run(SimJob job) {
        jobs.run(job);
    }

    RaftMembership raft() {
        return raft;
    }

    /** The pods of StatefulSet {@code name} by pod name, with whether each is Ready (none when it does not exist). */
    SortedMap<String, Boolean> podsOf(String name) {
        SortedMap<String, Boolean> out = new TreeMap<>();
        ColourSet set = name == null ? null : sets.get(name);
        if (set != null) {
            set.pods.values().forEach(pod -> out.put(pod.name, pod.ready()));
        }
        return out;
    }

    /** Members that joined catch up from here; a leaderless Raft holds an election. */
    void acted(List<String> joined) {
        joined.forEach(kubelet::catchUp);
        kubelet.scheduleElection();
    }

    // ---- convergence ----

    @Override
    public Integer leader() {
        return RaftMembership.ordinal(raft.leader());
    }

    @Override
    public long term() {
        return raft.term();
    }

    /**
     * One colour left, on {@code version}: every pod Ready, every member a voter of it, it leads,
     * and the client Service selects it.
     */
    @Override
    public boolean runsEverywhere(String version) {
        if (sets.size() != 1 || !orphans.isEmpty()) {
            return false;
        }
        ColourSet set = sets.get(sets.firstKey());
        if (set.pods.size() != set.replicas || !set.revision.equals(selected)) {
            return false;
        }
        for (SimPod pod : set.pods.values()) {
            if (!pod.ready() || !Versions.same(pod.version, version) || !raft.isVoter(pod.name)) {
                return false;
            }
        }
        return raft.members().size() == set.replicas && raft.leader() != null;
    }

    /** Exactly one colour with all its pods and no other pod left over (after an abort or a rollback). */
    @Override
    public boolean oneColourSettled() {
        ColourSet only = sets.isEmpty() ? null : sets.get(sets.firstKey());
        return sets.size() == 1 && orphans.isEmpty() && only.pods.size() == only.replicas
                && raft.leader() != null;
    }

    @Override
    public List<String> podSummary() {
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
