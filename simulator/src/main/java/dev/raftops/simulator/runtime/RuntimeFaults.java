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
 * @param api per ordinal, how the OpenBao API of that pod answers once it is recreated on a
 *     revision other than the first ({@link ApiFault}), while the ordinal is listed here
 */
public record RuntimeFaults(SortedSet<Integer> neverReady, SortedMap<String, Integer> failingJobs,
        SortedMap<Integer, ApiFault> api) {

    /** How a pod's OpenBao API departs from a healthy one ({@code --fault api-refused@N}, {@code api-sealed@N}). */
    public enum ApiFault {
        /** Nothing answers on the API port: every connection is refused. */
        REFUSED,
        /** The server runs sealed: health answers 503 and the member takes no part in Raft. */
        SEALED;

        /** As {@code --fault} names it. */
        public String spelling() {
            return "api-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RuntimeFaults {
        neverReady = Collections.unmodifiableSortedSet(new TreeSet<>(neverReady));
        failingJobs = Collections.unmodifiableSortedMap(new TreeMap<>(failingJobs));
        api = Collections.unmodifiableSortedMap(new TreeMap<>(api));
    }

    public RuntimeFaults(SortedSet<Integer> neverReady, SortedMap<String, Integer> failingJobs) {
        this(neverReady, failingJobs, new TreeMap<>());
    }

    /** No fault: every pod becomes Ready and every Job but an impossible step-down succeeds. */
    public static RuntimeFaults none() {
        return new RuntimeFaults(new TreeSet<>(), new TreeMap<>());
    }

    /** These faults, and the API of the pod at {@code ordinal} answering as {@code fault} once it is on a new revision. */
    public RuntimeFaults withApi(int ordinal, ApiFault fault) {
        SortedMap<Integer, ApiFault> next = new TreeMap<>(api);
        next.put(ordinal, fault);
        return new RuntimeFaults(neverReady, failingJobs, next);
    }

    /** These faults, and the pod at {@code ordinal} stuck once it is on a new revision. */
    public RuntimeFaults withNeverReady(int ordinal) {
        SortedSet<Integer> next = new TreeSet<>(neverReady);
        next.add(ordinal);
        return new RuntimeFaults(next, failingJobs, api);
    }

    /** These faults without the stuck pod at {@code ordinal}: the pod is fixed. */
    public RuntimeFaults healed(int ordinal) {
        SortedSet<Integer> next = new TreeSet<>(neverReady);
        next.remove(ordinal);
        return new RuntimeFaults(next, failingJobs, api);
    }

    /** These faults, and one more Job of {@code action} failing. */
    public RuntimeFaults withFailingJob(String action) {
        SortedMap<String, Integer> next = new TreeMap<>(failingJobs);
        next.merge(action, 1, Integer::sum);
        return new RuntimeFaults(neverReady, next, api);
    }

    boolean holdsBack(int ordinal) {
        return neverReady.contains(ordinal);
    }

    /** How the API of the pod at {@code ordinal} departs from a healthy one, or null. */
    ApiFault api(int ordinal) {
        return api.get(ordinal);
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
        api.forEach((ordinal, fault) -> text.append(text.length() == 0 ? "" : " ").append(fault.spelling())
                .append('@').append(ordinal));
        return text.toString();
    }
}
