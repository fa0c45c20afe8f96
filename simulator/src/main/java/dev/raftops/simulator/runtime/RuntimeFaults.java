package dev.raftops.simulator.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The faults the cluster side of a real-time run plays (docs/decisions/runtime-faults.md).
 *
 * @param neverReady ordinals whose pod, once recreated on a revision other than the one the
 *     StatefulSet was first played with, never becomes Ready while the ordinal is listed here; taking
 *     it out (a new value through {@link ClusterRuntime#inject}) heals the pod, which then becomes
 *     Ready at once
 * @param failingJobs per {@code raftops.dev/action}, how many of the first executor Jobs of that
 *     action (counted since the runtime started) end failed
 */
public record RuntimeFaults(SortedSet<Integer> neverReady, SortedMap<String, Integer> failingJobs) {

    public RuntimeFaults {
        neverReady = Collections.unmodifiableSortedSet(new TreeSet<>(neverReady));
        failingJobs = Collections.unmodifiableSortedMap(new TreeMap<>(failingJobs));
    }

    /** No fault: every pod becomes Ready and every Job but an impossible step-down succeeds. */
    public static RuntimeFaults none() {
        return new RuntimeFaults(new TreeSet<>(), new TreeMap<>());
    }

    /** These faults, and the pod at {@code ordinal} stuck once it is on a new revision. */
    public RuntimeFaults withNeverReady(int ordinal) {
        SortedSet<Integer> next = new TreeSet<>(neverReady);
        next.add(ordinal);
        return new RuntimeFaults(next, failingJobs);
    }

    /** These faults without the stuck pod at {@code ordinal}: the pod is fixed. */
    public RuntimeFaults healed(int ordinal) {
        SortedSet<Integer> next = new TreeSet<>(neverReady);
        next.remove(ordinal);
        return new RuntimeFaults(next, failingJobs);
    }

    /** These faults, and one more Job of {@code action} failing. */
    public RuntimeFaults withFailingJob(String action) {
        SortedMap<String, Integer> next = new TreeMap<>(failingJobs);
        next.merge(action, 1, Integer::sum);
        return new RuntimeFaults(neverReady, next);
    }

    boolean holdsBack(int ordinal) {
        return neverReady.contains(ordinal);
    }

    int failingJobs(String action) {
        return action == null ? 0 : failingJobs.getOrDefault(action, 0);
    }

    /** The faults as the sandbox's {@code --fault} names them, for a trace line. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        neverReady.forEach(o -> text.append(text.length() == 0 ? "" : " ").append("pod-never-ready@").append(o));
        for (Map.Entry<String, Integer> e : failingJobs.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                text.append(text.length() == 0 ? "" : " ").append("job-fail@").append(e.getKey());
            }
        }
        return text.toString();
    }
}
