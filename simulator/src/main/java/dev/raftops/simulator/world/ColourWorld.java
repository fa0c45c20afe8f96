package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.ports.driven.WriteResult;
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
 * ({@link ColourJobs}); what the controller observes is {@link ColourObservation}, and when the
 * colours have come to rest {@link ColourConvergence}.
 */
final class ColourWorld implements Workloads {

    /** The client Service, named after the cluster as the adapter renders it. */
    static final String SERVICE = SimWorld.NAME;

    private final SimWorld w;
    private final ColourJobs jobs;
    private final ColourKubelet kubelet;
    private final ColourObservation observation;
    private final ColourConvergence convergence;
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
        this.observation = new ColourObservation(sets, orphans, raft, () -> selected);
        this.convergence = new ColourConvergence(sets, orphans, raft, () -> selected);
    }

    /** The starting cluster and the scenario's faults ({@link ColourStart}). */
    @Override
    public void start() {
        new ColourStart(w, this, kubelet, raft).start();
    }

    /** A new colour's StatefulSet, traced as created with its template. */
    ColourSet create(String name, String revision, String version, String image, int replicas,
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
        return observation.observe(jobs);
    }

    @Override
    public java.util.Map<String, dev.raftops.domain.cluster.MemberState> members(java.time.Instant at) {
        return observation.members(at);
    }

    @Override
    public WriteResult lockPartitionAndSetImage(String statefulSet, int partition, String image, String restartedAt,
            String expected) {
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

    /** A colour's pods carry their revision from the template: a label write that names it changes nothing. */
    @Override
    public WriteResult labelPod(String name, String uid, String revision) {
        for (ColourSet set : sets.values()) {
            SimPod pod = set.pods.values().stream().filter(p -> p.name.equals(name)).findFirst().orElse(null);
            if (pod != null) {
                return !pod.uid.equals(uid) ? new WriteResult.Conflict("pod " + name + " has UID " + pod.uid)
                        : set.revision.equals(revision) ? new WriteResult.Written(null)
                        : new WriteResult.Conflict("pod " + name + " is a pod of revision " + set.revision);
            }
        }
        return new WriteResult.NotFound("pod " + name + " not found");
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

    /** One colour left, on {@code version}, serving and leading ({@link ColourConvergence}). */
    @Override
    public boolean runsEverywhere(String version) {
        return convergence.runsEverywhere(version);
    }

    @Override
    public boolean oneColourSettled() {
        return convergence.oneColourSettled();
    }

    @Override
    public List<String> podSummary() {
        return convergence.podSummary();
    }
}
