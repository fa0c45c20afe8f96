package dev.raftops.simulator.runtime;

import dev.raftops.simulator.model.StatefulSetRules;
import dev.raftops.simulator.model.Versions;
import dev.raftops.simulator.trace.Trace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One StatefulSet played against the API: the StatefulSet controller (pods {@code <sts>-<ordinal>},
 * RollingUpdate partition semantics, its {@link StatefulSetStatus}) and the kubelet (pods Ready
 * after a start-up delay, {@link PlayedKubelet}), with the Raft group of its pods and what it
 * writes on them ({@link RaftLabels}). The StatefulSet rules are the one model both engines play
 * ({@link StatefulSetRules}); the Raft is {@link PlayedRaft}.
 */
final class PlayedStatefulSet {

    final PodWrites api;
    private final Trace trace;
    final String name;
    final PlayedRaft raft;
    private final Map<String, String> imageOfRevision = new TreeMap<>();
    /** The restart annotation ({@code raftops.dev/restartedAt}) of each revision that has one. */
    private final Map<String, String> restartOfRevision = new TreeMap<>();
    private String restartedAt;
    private final Map<Integer, PlayedPod> pods = new TreeMap<>();
    private String currentRevision, image;
    private Integer partition;
    /** The run's faults (set by the cluster); only the never-Ready pod is played here ({@link PlayedKubelet}). */
    Supplier<RuntimeFaults> faults = RuntimeFaults::none;
    /** The revision the StatefulSet was first played with: a pod on any other one is "recreated on a new revision". */
    private String firstRevision;
    private final PlayedKubelet kubelet;
    private final RaftLabels labels;
    /** The status last written. */
    private String lastStatus;

    /** {@code onDelete}: the StatefulSet's update strategy, traced with its creation (a template change rolls nothing). */
    PlayedStatefulSet(KubernetesClient client, String namespace, String name, Trace trace, PlayedRaft raft,
            Duration readyDelay, boolean onDelete) {
        this.api = new PodWrites(client, namespace);
        this.name = name;
        this.trace = trace;
        this.raft = raft;
        this.kubelet = new PlayedKubelet(api, trace, readyDelay, name, raft, () -> faults.get());
        this.labels = new RaftLabels(api, name, raft);
        var created = trace.line("sts.created").put("statefulSet", name);
        trace.write(onDelete ? created.put("onDelete", true) : created);
    }

    /** Ordinals of the pods that are Ready now. */
    SortedSet<Integer> ready() {
        SortedSet<Integer> ready = new TreeSet<>();
        pods.values().stream().filter(p -> p.readyAt != null).forEach(p -> ready.add(p.ordinal));
        return ready;
    }

    /** The version its leading pod runs (else its first pod's), as sys/health reports it; null without pods. */
    String version() {
        return pods.values().stream().filter(p -> raft.leads(p.ordinal)).findFirst()
                .or(() -> pods.values().stream().findFirst()).map(p -> p.version).orElse(null);
    }

    /** The pod at {@code ordinal}, or null. */
    PlayedPod pod(int ordinal) {
        return pods.get(ordinal);
    }

    /** Ordinals of the pods that exist now. */
    SortedSet<Integer> ordinals() {
        return new TreeSet<>(pods.keySet());
    }

    /** Traces a new partition or template, as the watch reported the StatefulSet written. */
    void observe(StatefulSet sts) {
        String templateImage = sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        String templateRestart = PlayedTemplate.restartAnnotation(sts);
        String templateRevision = PlayedTemplate.revision(name, templateImage, templateRestart);
        imageOfRevision.put(templateRevision, templateImage);
        if (templateRestart != null) {
            restartOfRevision.put(templateRevision, templateRestart);
        }
        Integer nextPartition = PlayedTemplate.partition(sts);
        if (nextPartition != null && !nextPartition.equals(partition)) {
            trace.write(trace.line("sts.partition").put("statefulSet", name).put("value", nextPartition));
        }
        partition = nextPartition;
        if (!templateImage.equals(image) || !java.util.Objects.equals(templateRestart, restartedAt)) {
            var line = trace.line("sts.template").put("statefulSet", name).put("image", templateImage)
                    .put("version", Versions.ofImage(templateImage));
            trace.write(templateRestart == null ? line : line.put("restartedAt", templateRestart));
            image = templateImage;
            restartedAt = templateRestart;
        }
    }

    /**
     * Plays the StatefulSet controller and the kubelet once for {@code sts}, the state last observed.
     * The pods are those it created and has not seen go: it holds them itself, and learns of a
     * deletion by someone else from the watch ({@link #vanished}).
     */
    void play(StatefulSet sts, Instant now) {
        int replicas = PlayedTemplate.replicas(sts);
        String updateRevision = PlayedTemplate.revision(name, image, restartedAt);
        if (currentRevision == null) {
            currentRevision = updateRevision;
            firstRevision = updateRevision;
        }
        kubelet.play(pods.values(), firstRevision, now);
        raftRound(replicas, now);
        boolean changed = createMissing(sts, replicas, updateRevision, now);
        if (!changed) {
            // RollingUpdate: with every pod Ready, the highest out-of-date ordinal at or above the partition; OnDelete: none
            StatefulSetRules.nextToRoll(PlayedTemplate.onDelete(sts), replicas, partition, updateRevision, replicas())
                    .ifPresent(ordinal -> {
                        api.delete(name + "-" + ordinal);
                        deleted(pods.get(ordinal), "rollout");
                    });
        }
        writeStatus(sts, replicas, updateRevision);
    }

    /**
     * The pod at {@code ordinal} with {@code uid} was deleted by someone else ({@code cause}: the
     * controller or a person); a uid it does not play now (its own deletion reported back, an older
     * pod of the name) is ignored.
     */
    void vanished(int ordinal, String uid, String cause) {
        PlayedPod pod = pods.get(ordinal);
        if (pod != null && pod.uid.equals(uid)) {
            deleted(pod, cause);
        }
    }

    private void deleted(PlayedPod pod, String cause) {
        trace.write(trace.line("pod.deleted").put("pod", name + "-" + pod.ordinal).put("ordinal", pod.ordinal)
                .put("version", pod.version).put("leader", raft.leads(pod.ordinal)).put("cause", cause));
        pods.remove(pod.ordinal);
        raft.lose(pod.ordinal, name + "-" + pod.ordinal);
    }

    /**
     * The container of the pod at {@code ordinal} crashes and restarts in place (same pod): traced
     * as {@code pod.deleted} with {@code cause: crash}, as the simulator does; it is Ready again a
     * ready delay later. False when there is no such pod.
     */
    boolean crash(int ordinal, Instant now) {
        PlayedPod pod = pods.get(ordinal);
        if (pod == null) {
            return false;
        }
        trace.write(trace.line("pod.deleted").put("pod", name + "-" + ordinal).put("ordinal", ordinal)
                .put("version", pod.version).put("leader", raft.leads(ordinal)).put("cause", "crash"));
        raft.lose(ordinal, name + "-" + ordinal);
        relabel();
        kubelet.restarted(pod, now);
        return true;
    }

    /** Leadership moves to the Ready pod at {@code ordinal} without a step-down; false when it cannot. */
    boolean moveLeader(int ordinal) {
        if (!raft.moveTo(ordinal, ready(), name)) {
            return false;
        }
        relabel();
        return true;
    }

    private void raftRound(int replicas, Instant now) {
        raft.elect(ready(), replicas, name, now);
        relabel();
        labels.annotate(pods.values());
    }

    /** The StatefulSet was deleted: the garbage collector deletes its pods. */
    void collected() {
        trace.write(trace.line("sts.deleted").put("statefulSet", name));
        api.collect(name);
        for (PlayedPod pod : List.copyOf(pods.values())) {
            deleted(pod, "garbage-collection");
        }
    }

    /** Brings the pods' leader labels in line with the Raft group ({@link RaftLabels}). */
    void relabel() {
        labels.relabel(pods.values());
    }

    /** The pods as the StatefulSet controller sees them ({@link StatefulSetRules}). */
    private SortedMap<Integer, StatefulSetRules.Replica> replicas() {
        SortedMap<Integer, StatefulSetRules.Replica> out = new TreeMap<>();
        pods.forEach((ordinal, pod) -> out.put(ordinal, new StatefulSetRules.Replica(pod.revision, pod.readyAt != null)));
        return out;
    }

    /**
     * Creates missing pods ({@link StatefulSetRules}: OrderedReady the lowest once every lower one is
     * Ready, Parallel all at once); true when the set is still coming up (created one, or one not Ready).
     */
    private boolean createMissing(StatefulSet sts, int replicas, String updateRevision, Instant now) {
        boolean ordered = !"Parallel".equals(sts.getSpec().getPodManagementPolicy());
        SortedMap<Integer, StatefulSetRules.Replica> seen = replicas();
        List<Integer> create = StatefulSetRules.toCreate(replicas, seen, ordered);
        for (int ordinal : create) {
            String revision = StatefulSetRules.revisionFor(PlayedTemplate.onDelete(sts), ordinal, partition,
                    currentRevision, updateRevision);
            String podImage = imageOfRevision.getOrDefault(revision, image);
            Pod created = api.create(new PodBuilder()
                    .withNewMetadata().withName(name + "-" + ordinal)
                    .withLabels(sts.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
                    .withSpec(sts.getSpec().getTemplate().getSpec()).build(), revision, podImage, Versions.ofImage(podImage));
            pods.put(ordinal, new PlayedPod(created.getMetadata().getUid(), ordinal, revision, Versions.ofImage(podImage), now));
            var line = trace.line("pod.created").put("pod", name + "-" + ordinal).put("ordinal", ordinal)
                    .put("version", Versions.ofImage(podImage)).put("revision", revision);
            String restart = restartOfRevision.get(revision);
            trace.write(restart == null ? line : line.put("restartedAt", restart));
        }
        return ordered ? !StatefulSetRules.allReady(replicas, seen) : !create.isEmpty();
    }

    private void writeStatus(StatefulSet sts, int replicas, String updateRevision) {
        long updated = pods.values().stream().filter(p -> p.revision.equals(updateRevision)).count();
        if (pods.size() == replicas) {
            currentRevision = StatefulSetRules.currentRevision(PlayedTemplate.onDelete(sts), replicas, updated,
                    currentRevision, updateRevision);
        }
        Map<String, Object> status = StatefulSetStatus.of(pods.values(), ready().size(), currentRevision, updateRevision,
                sts.getMetadata().getGeneration());
        String summary = status.toString();
        if (!summary.equals(lastStatus)) { // written only when it changed
            api.statefulSetStatus(name, status);
            lastStatus = summary;
        }
    }
}
