package dev.raftops.simulator.check;

import dev.raftops.simulator.trace.TraceRecord;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the trace has said so far, as the invariants read it: the cluster's pods and leaders
 * ({@link TracedCluster}), the run's replicas and target, each StatefulSet's partition and target
 * version, the lock, {@code status.currentVersion}, and the voters the controller has down (see
 * docs/decisions/simulator-checker-attribution.md). Only {@link #apply} changes it.
 */
final class TraceState {

    private final TracedCluster cluster = new TracedCluster();
    private final Map<String, Integer> partitions = new TreeMap<>();
    private final Map<String, String> targets = new TreeMap<>();
    private final Map<String, String> restartTargets = new TreeMap<>();
    private final Set<String> templates = new TreeSet<>();
    /** StatefulSets with {@code updateStrategy: OnDelete}: nothing rolls until a pod is deleted. */
    private final Set<String> onDelete = new TreeSet<>();
    /** Voters the controller took down that are not back Ready yet. */
    private final Set<String> controllerDown = new TreeSet<>();
    private final Set<String> releasedNotDeleted = new TreeSet<>();
    private final Set<String> replacedWhileDown = new TreeSet<>();
    private final Set<String> releasedLeading = new TreeSet<>();
    private int replicas = -1;
    private String toVersion;
    private String currentVersion;
    private String lock;
    private boolean rolling;

    TracedCluster cluster() {
        return cluster;
    }

    /** The run's replicas, or -1 before {@code run.start}. */
    int replicas() {
        return replicas;
    }

    /** The version the run is asked for last (run.start, then a person's edits). */
    String toVersion() {
        return toVersion;
    }

    String currentVersion() {
        return currentVersion;
    }

    /** The operation holding the lock, or null. */
    String lock() {
        return lock;
    }

    /** Whether the last status recorded a roll ({@code status.upgrade}, its partition in the line). */
    boolean rolling() {
        return rolling;
    }

    /** The partition of {@code sts}, or null before any. */
    Integer partition(String sts) {
        return partitions.get(sts);
    }

    /** The version {@code sts}'s template moved to last (its target), or null before any change. */
    String target(String sts) {
        return targets.get(sts);
    }

    /** Whether {@code sts} has had a template line (the first is the starting point, not a target). */
    boolean onDelete(String sts) {
        return onDelete.contains(sts);
    }

    boolean hasTemplate(String sts) {
        return templates.contains(sts);
    }

    /** The voters the controller has down, other than {@code pod}. */
    Set<String> downBesides(String pod) {
        Set<String> others = new TreeSet<>(controllerDown);
        others.remove(pod);
        return others;
    }

    /** Whether {@code pod} was released while it led (already reported at its release). */
    boolean releasedWhileLeading(String pod) {
        return releasedLeading.contains(pod);
    }

    /** What the controller takes down on {@code line}, or null when it takes nothing down. */
    TakeDown takeDown(TraceRecord line) {
        if ("pod.deleted".equals(line.kind()) && "controller".equals(line.string("cause"))) {
            return new TakeDown(line.string("pod"), "deleted pod " + line.string("pod"));
        }
        if ("sts.partition".equals(line.kind())) {
            String sts = line.string("statefulSet");
            int value = (int) line.number("value");
            Integer previous = partitions.get(sts);
            if (value < (previous == null ? 0 : previous) && !alreadyOnTarget(sts, value)) {
                return new TakeDown(sts + "-" + value, "released ordinal " + value);
            }
        }
        return null;
    }

    /** Whether ordinal {@code ordinal} of {@code sts} already runs the target and is Ready (a resume releases nothing). */
    boolean alreadyOnTarget(String sts, int ordinal) {
        TracedCluster.Pod pod = cluster.find(sts + "-" + ordinal);
        String target = targets.get(sts);
        return pod != null && pod.ready && onTarget(pod, sts);
    }

    /** The restart request {@code sts}'s template carries last, or null. */
    String restartTarget(String sts) {
        return restartTargets.get(sts);
    }

    /**
     * Whether {@code pod} runs what {@code sts}'s template asks for: the target version and, once a
     * rolling restart set one, the restart request its template carried.
     */
    boolean onTarget(TracedCluster.Pod pod, String sts) {
        String target = targets.get(sts);
        return target != null && VersionOrder.same(pod.version, target)
                && java.util.Objects.equals(pod.restartedAt, restartTargets.get(sts));
    }

    /** Moves the state past {@code line}, once every invariant has judged it. */
    void apply(TraceRecord line) {
        TakeDown down = takeDown(line);
        String pod = line.string("pod");
        switch (line.kind()) {
            case "run.start" -> {
                replicas = (int) line.number("replicas");
                toVersion = line.string("toVersion");
            }
            case "operator" -> {
                if ("version".equals(line.string("request"))) {
                    toVersion = line.string("version");
                }
            }
            case "pod.created" -> {
                if (controllerDown.contains(pod)) {
                    replacedWhileDown.add(pod);
                }
            }
            case "pod.ready" -> {
                if (replacedWhileDown.remove(pod)) {
                    controllerDown.remove(pod);
                }
            }
            case "pod.deleted" -> deleted(line, pod);
            case "sts.template" -> {
                String sts = line.string("statefulSet");
                if (!templates.add(sts)) {
                    targets.put(sts, line.string("version"));
                }
                if (line.string("restartedAt") != null) {
                    restartTargets.put(sts, line.string("restartedAt"));
                }
            }
            case "sts.partition" -> partition(line, down);
            case "sts.created" -> {
                if (line.flag("onDelete")) {
                    onDelete.add(line.string("statefulSet"));
                }
            }
            case "status" -> {
                lock = line.string("lock");
                rolling = line.optionalInt("partition") != null;
                if (line.string("currentVersion") != null) {
                    currentVersion = line.string("currentVersion");
                }
            }
            default -> {
            }
        }
        if (down != null) {
            controllerDown.add(down.pod());
        }
        cluster.apply(line);
    }

    private void deleted(TraceRecord line, String pod) {
        String cause = line.string("cause");
        if ("crash".equals(cause)) {
            return;
        }
        releasedNotDeleted.remove(pod);
        replacedWhileDown.remove(pod);
        if ("rollout".equals(cause) && line.flag("leader") && replicas > 1) {
            releasedLeading.remove(pod);
        }
    }

    private void partition(TraceRecord line, TakeDown down) {
        String sts = line.string("statefulSet");
        int value = (int) line.number("value");
        Integer previous = partitions.put(sts, value);
        if (value > (previous == null ? 0 : previous)) {
            withdrawReleases(sts, value);
        }
        if (down != null) {
            if (cluster.leads(down.pod()) && replicas > 1) {
                releasedLeading.add(down.pod());
            }
            releasedNotDeleted.add(down.pod());
        }
    }

    /**
     * A lock raised the partition above ordinals released but not yet restarted: the StatefulSet
     * will no longer restart them, so they are not down (a retarget does this).
     */
    private void withdrawReleases(String sts, int partition) {
        for (String name : new ArrayList<>(releasedNotDeleted)) {
            TracedCluster.Pod pod = cluster.find(name);
            if (pod != null && pod.statefulSet.equals(sts) && pod.ordinal < partition) {
                releasedNotDeleted.remove(name);
                controllerDown.remove(name);
                releasedLeading.remove(name);
            }
        }
    }
}
