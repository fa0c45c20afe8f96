package dev.raftops.domain.cluster;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One consistent observation of the world around a cluster: its StatefulSets, their pods, the
 * executor Jobs raftops created, and which revision each client Service selects. Iteration order
 * is always sorted (by name, then ordinal), so decisions never depend on hash order.
 */
public record ClusterObservation(
        SortedMap<String, StatefulSetView> statefulSets,
        List<PodView> pods,
        SortedMap<String, JobView> jobs,
        SortedMap<String, String> serviceSelectors) {

    public ClusterObservation {
        statefulSets = Sorted.copyOf(statefulSets);
        jobs = Sorted.copyOf(jobs);
        serviceSelectors = Sorted.copyOf(serviceSelectors);
        pods = pods == null ? List.of() : pods.stream()
                .sorted((a, b) -> {
                    int c = String.valueOf(a.statefulSet()).compareTo(String.valueOf(b.statefulSet()));
                    return c != 0 ? c : Integer.compare(a.ordinal(), b.ordinal());
                })
                .toList();
    }

    public static ClusterObservation of(Collection<StatefulSetView> sets, Collection<PodView> pods, Collection<JobView> jobs) {
        return new ClusterObservation(
                sets.stream().collect(Collectors.toMap(StatefulSetView::name, s -> s, (a, b) -> b, TreeMap::new)),
                List.copyOf(pods),
                jobs.stream().collect(Collectors.toMap(JobView::name, j -> j, (a, b) -> b, TreeMap::new)),
                new TreeMap<>());
    }

    public Optional<StatefulSetView> statefulSet(String name) {
        return Optional.ofNullable(statefulSets.get(name));
    }

    /** Pods of one StatefulSet by ordinal. */
    public SortedMap<Integer, PodView> podsOf(String statefulSet) {
        SortedMap<Integer, PodView> byOrdinal = new TreeMap<>();
        for (PodView pod : pods) {
            if (Objects.equals(pod.statefulSet(), statefulSet)) {
                byOrdinal.put(pod.ordinal(), pod);
            }
        }
        return byOrdinal;
    }

    public Optional<JobView> job(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    public ClusterObservation withStatefulSet(StatefulSetView set) {
        SortedMap<String, StatefulSetView> copy = new TreeMap<>(statefulSets);
        copy.put(set.name(), set);
        return new ClusterObservation(copy, pods, jobs, serviceSelectors);
    }

    public ClusterObservation withPods(List<PodView> newPods) {
        return new ClusterObservation(statefulSets, newPods, jobs, serviceSelectors);
    }

    public ClusterObservation withJob(JobView job) {
        SortedMap<String, JobView> copy = new TreeMap<>(jobs);
        copy.put(job.name(), job);
        return new ClusterObservation(statefulSets, pods, copy, serviceSelectors);
    }

    /**
     * The observation with each pod's Raft facts from the workload's API: {@code members} by pod name
     * (a pod without an entry was not probed, so unknown). The lag is the leader's
     * {@code raft_committed_index} minus the pod's {@code raft_applied_index}; with no known leader
     * every lag is unknown.
     */
    public ClusterObservation withMembers(Map<String, MemberState> members, Instant now) {
        // two claiming leaders (split brain): counted from the higher commit index, the larger lag;
        // the decisions see both leaders and stop on that
        Long committed = pods.stream().map(p -> members.get(p.name()))
                .filter(m -> m != null && m.known() && m.leading() && m.committedIndex() != null)
                .map(MemberState::committedIndex).max(Long::compare).orElse(null);
        List<PodView> probed = pods.stream().map(p -> p.probed(
                members.getOrDefault(p.name(), MemberState.failed(now, "not probed")), committed)).toList();
        return withPods(probed);
    }
}
