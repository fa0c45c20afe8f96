package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.simulator.model.RaftMembership;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the controller observes of a blue/green {@link ColourWorld}: every colour's StatefulSet, the
 * pods of the colours and of deleted StatefulSets the garbage collector has not removed yet (still
 * observed, as in Kubernetes), their Raft roles, and the client Service's revision selector.
 */
record ColourObservation(SortedMap<String, ColourSet> sets, SortedMap<String, ColourSet> orphans, RaftMembership raft,
        Supplier<String> selected) {

    ClusterObservation observe(List<JobView> jobs) {
        List<StatefulSetView> views = sets.values().stream().map(ColourSet::view).toList();
        return new ClusterObservation(ClusterObservation.of(views, List.of(), List.of()).statefulSets(), podViews(),
                ClusterObservation.of(List.of(), List.of(), jobs).jobs(), selectors());
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
                        raft.isVoter(pod.name), pod.annotations, null, null, set.revision));
            }
        }
        return out;
    }

    /** What each pod's API answers, from the one Raft model. */
    java.util.Map<String, dev.raftops.domain.cluster.MemberState> members(java.time.Instant at) {
        java.util.Map<String, dev.raftops.domain.cluster.MemberState> out = new TreeMap<>();
        List<ColourSet> all = new ArrayList<>(sets.values());
        all.addAll(orphans.values());
        for (ColourSet set : all) {
            for (SimPod pod : set.pods.values()) {
                out.put(pod.name, ApiAnswers.of(pod, raft.isMember(pod.name), pod.name.equals(raft.leader()),
                        raft.lag(pod.name), at));
            }
        }
        return out;
    }

    private SortedMap<String, String> selectors() {
        SortedMap<String, String> out = new TreeMap<>();
        if (selected.get() != null) {
            out.put(ColourWorld.SERVICE, selected.get());
        }
        return out;
    }
}
