package dev.raftops.simulator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedMap;

/**
 * The StatefulSet controller's rules, the one model both engines play (the deterministic world's
 * rolling and blue/green StatefulSets, and the real-time runtime's): pods are {@code <name>-<ordinal>}
 * for ordinals {@code 0..replicas-1}.
 *
 * <ul>
 *   <li>OrderedReady creation: the lowest missing ordinal is created once every lower pod exists and
 *       is Ready; {@code Parallel} creates every missing ordinal at once.</li>
 *   <li>A new pod's revision: at or above the partition the update revision, below it the current one
 *       (a pod deleted below the partition comes back at the current revision).</li>
 *   <li>RollingUpdate: only while every replica exists and is Ready, the highest ordinal at or above the
 *       partition that is not on the update revision is deleted, one at a time. {@code OnDelete} never
 *       deletes: a pod rolls only when someone deletes it, and comes back on the update revision.</li>
 *   <li>{@code currentRevision} becomes {@code updateRevision} once every replica is updated, under
 *       RollingUpdate only: under {@code OnDelete} the StatefulSet controller leaves it alone
 *       (kubernetes/kubernetes#73492).</li>
 * </ul>
 */
public final class StatefulSetRules {

    /** One existing pod as the StatefulSet controller sees it: its revision and whether it is Ready. */
    public record Replica(String revision, boolean ready) {
    }

    private StatefulSetRules() {
    }

    /** OrderedReady: the ordinal to create now, if any (pods by ordinal). */
    public static OptionalInt nextToCreate(int replicas, SortedMap<Integer, Replica> pods) {
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            Replica pod = pods.get(ordinal);
            if (pod == null) {
                return OptionalInt.of(ordinal);
            }
            if (!pod.ready()) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    /** The ordinals to create now: {@link #nextToCreate} when {@code ordered}, else every missing one. */
    public static List<Integer> toCreate(int replicas, SortedMap<Integer, Replica> pods, boolean ordered) {
        List<Integer> out = new ArrayList<>();
        if (ordered) {
            nextToCreate(replicas, pods).ifPresent(out::add);
            return out;
        }
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            if (!pods.containsKey(ordinal)) {
                out.add(ordinal);
            }
        }
        return out;
    }

    /** The revision a pod created at {@code ordinal} gets ({@code partition} null: 0). */
    public static String revisionFor(int ordinal, Integer partition, String currentRevision, String updateRevision) {
        return ordinal >= (partition == null ? 0 : partition) ? updateRevision : currentRevision;
    }

    /** Whether every replica exists and is Ready (a RollingUpdate only rolls then). */
    public static boolean allReady(int replicas, SortedMap<Integer, Replica> pods) {
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            Replica pod = pods.get(ordinal);
            if (pod == null || !pod.ready()) {
                return false;
            }
        }
        return true;
    }

    /** RollingUpdate: the ordinal to delete now so it comes back on the update revision, if any. */
    public static OptionalInt nextToRoll(int replicas, Integer partition, String updateRevision,
            SortedMap<Integer, Replica> pods) {
        if (!allReady(replicas, pods)) {
            return OptionalInt.empty();
        }
        for (int ordinal = replicas - 1; ordinal >= (partition == null ? 0 : partition); ordinal--) {
            if (!pods.get(ordinal).revision().equals(updateRevision)) {
                return OptionalInt.of(ordinal);
            }
        }
        return OptionalInt.empty();
    }

    /** The StatefulSet's {@code currentRevision} once {@code updated} of {@code replicas} pods run the update. */
    public static String currentRevision(int replicas, long updated, String currentRevision, String updateRevision) {
        return updated == replicas ? updateRevision : currentRevision;
    }

    /** As {@link #currentRevision(int, long, String, String)}; under {@code OnDelete} it never moves. */
    public static String currentRevision(boolean onDelete, int replicas, long updated, String currentRevision,
            String updateRevision) {
        return onDelete ? currentRevision : currentRevision(replicas, updated, currentRevision, updateRevision);
    }

    /** As {@link #nextToRoll(int, Integer, String, SortedMap)}; under {@code OnDelete} nothing rolls by itself. */
    public static OptionalInt nextToRoll(boolean onDelete, int replicas, Integer partition, String updateRevision,
            SortedMap<Integer, Replica> pods) {
        return onDelete ? OptionalInt.empty() : nextToRoll(replicas, partition, updateRevision, pods);
    }

    /**
     * The revision a pod created at {@code ordinal} gets: under {@code OnDelete} always the update
     * revision (there is no partition), else as {@link #revisionFor(int, Integer, String, String)}.
     */
    public static String revisionFor(boolean onDelete, int ordinal, Integer partition, String currentRevision,
            String updateRevision) {
        return onDelete ? updateRevision : revisionFor(ordinal, partition, currentRevision, updateRevision);
    }
}
