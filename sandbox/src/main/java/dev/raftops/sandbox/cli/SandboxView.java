package dev.raftops.sandbox.cli;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.adapters.fabric8.crd.StatusCondition;
import dev.raftops.adapters.fabric8.crd.StatusMember;
import dev.raftops.domain.version.UpgradeVerdict;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the sandbox shows a person: one line with every pod (version and Ready from the pod; leader,
 * voter, sealed, uninitialised or unknown Raft state from {@code status.members}, what the controller
 * last saw), the partition, the phase, the lock and the current version, read from the API.
 */
final class SandboxView {

    private static final Set<String> BLOCKING = Set.of("InvalidVersion", "ImageVersionMismatch");
    /** Characters of a blue/green revision shown ({@code demo-bg-16d9-0}). */
    static final int REVISION = 4;

    private SandboxView() {
    }

    /**
     * What a person sees of cluster {@code name} now: its pods (by StatefulSet, then by ordinal as a
     * number; runs of three or more alike as one range, of two as well when a StatefulSet's pods would
     * not fit in {@code width}; revisions cut to {@link #REVISION} characters), then the partition, running
     * Jobs, phase, lock, current version and the upgrade in flight.
     */
    static SandboxLine line(KubernetesClient client, String namespace, String name, int width) {
        // the cluster's own pods, not the pods its executor Jobs ran in
        List<Pod> items = client.pods().inNamespace(namespace).withLabel("raftops.dev/cluster", name)
                .withoutLabel("job-name").list().getItems();
        RaftClusterStatus status = status(client, namespace, name);
        Map<String, StatusMember> members = new java.util.HashMap<>();
        if (status != null && status.members != null) {
            status.members.forEach(m -> members.put(m.name, m));
        }
        List<PodState> states = items.stream().map(p -> PodState.of(p, name, members.get(p.getMetadata().getName())))
                .sorted(Comparator.comparing(PodState::set).thenComparingInt(PodState::ordinal)).toList();
        List<String> state = state(client, namespace, name);
        List<List<String>> sets = sets(states, 3);
        boolean fits = sets.stream().allMatch(set -> String.join(" | ", set).length() <= width);
        return new SandboxLine(fits ? sets : sets(states, 2), state);
    }

    /** Per StatefulSet, its pods: each alone, or runs of at least {@code run} alike pods as one range. */
    private static List<List<String>> sets(List<PodState> states, int run) {
        List<List<String>> sets = new ArrayList<>();
        List<String> pods = new ArrayList<>();
        for (int i = 0; i < states.size(); ) {
            if (i > 0 && !states.get(i).set().equals(states.get(i - 1).set())) {
                sets.add(pods);
                pods = new ArrayList<>();
            }
            int j = i + 1;
            while (j < states.size() && states.get(j).alike(states.get(j - 1))) {
                j++;
            }
            if (j - i >= run) {
                pods.add(states.get(i).text(states.get(j - 1).ordinal()));
            } else {
                for (int k = i; k < j; k++) {
                    pods.add(states.get(k).text(states.get(k).ordinal()));
                }
            }
            i = j;
        }
        if (states.isEmpty()) {
            pods.add("no pods yet");
        }
        sets.add(pods);
        return sets;
    }

    private static List<String> state(KubernetesClient client, String namespace, String name) {
        List<String> state = new ArrayList<>();
        StatefulSet sts = client.apps().statefulSets().inNamespace(namespace).withName(name).get();
        if (sts != null) { // the rolling StatefulSet's; blue/green colours have none
            Integer partition = sts.getSpec().getUpdateStrategy() == null
                    || sts.getSpec().getUpdateStrategy().getRollingUpdate() == null ? null
                    : sts.getSpec().getUpdateStrategy().getRollingUpdate().getPartition();
            state.add("partition=" + partition);
        }
        for (Job job : client.batch().v1().jobs().inNamespace(namespace).withLabel("raftops.dev/cluster", name).list()
                .getItems()) {
            if (running(job)) {
                state.add("job=" + job.getMetadata().getName());
            }
        }
        RaftClusterStatus status = status(client, namespace, name);
        if (status != null) {
            state.add("phase=" + status.phase);
            state.add("lock=" + (status.operationLock == null ? null : status.operationLock.operation));
            state.add("currentVersion=" + status.currentVersion);
            if (status.blueGreen != null && status.blueGreen.phase != null && !"Idle".equals(status.blueGreen.phase)) {
                state.add("blueGreen=" + status.blueGreen.phase);
            }
            Service clientService = client.services().inNamespace(namespace).withName(name).get();
            String selected = clientService == null || clientService.getSpec().getSelector() == null ? null
                    : clientService.getSpec().getSelector().get("raftops.dev/revision");
            if (selected != null) {
                state.add("traffic=" + shortRevision(selected));
            }
            if (status.upgrade != null) {
                state.add("upgrade=" + status.upgrade.fromVersion + "->" + status.upgrade.targetVersion);
            }
        }
        return state;
    }

    /** A blue/green revision (16 hex characters) as the view shows it: its first four. */
    static String shortRevision(String revision) {
        return revision.length() > REVISION && revision.matches("[0-9a-f]+") ? revision.substring(0, REVISION)
                : revision;
    }

    /** One pod as the view shows it. */
    private record PodState(String set, int ordinal, String version, boolean ready, boolean nonVoter,
            boolean leader, String raft) {

        /**
         * {@code <set>-<ordinal>}, the set's revision suffix (blue/green) cut short; its Raft facts from
         * {@code member} (its {@code status.members} entry), else from the pod's label and annotation.
         */
        static PodState of(Pod pod, String cluster, StatusMember member) {
            String podName = pod.getMetadata().getName();
            int dash = podName.lastIndexOf('-');
            String set = dash < 0 ? podName : podName.substring(0, dash);
            int ordinal = dash < 0 || !podName.substring(dash + 1).matches("[0-9]{1,9}") ? -1
                    : Integer.parseInt(podName.substring(dash + 1));
            if (set.startsWith(cluster + "-")) {
                set = cluster + "-" + shortRevision(set.substring(cluster.length() + 1));
            }
            Map<String, String> labels = pod.getMetadata().getLabels();
            Map<String, String> annotations = pod.getMetadata().getAnnotations();
            boolean nonVoter = member != null ? Boolean.FALSE.equals(member.voter)
                    : annotations != null && "false".equals(annotations.get("raftops.dev/voter"));
            boolean leader = member != null ? Boolean.TRUE.equals(member.leading)
                    : labels != null && "true".equals(labels.get("openbao-active"));
            return new PodState(set, ordinal, annotations == null ? "?" : annotations.get("raftops.dev/version"),
                    SandboxView.ready(pod), nonVoter, leader, raft(member));
        }

        /** What the probe said beyond leading: {@code sealed}, {@code uninitialised}, {@code unknown}; null when nothing. */
        private static String raft(StatusMember member) {
            if (member == null) {
                return null;
            }
            if (member.probeError != null) {
                return "unknown";
            }
            // a pod that is no Raft member yet (Green before it joins) answers uninitialised, and sealed too
            return Boolean.FALSE.equals(member.initialized) ? "uninitialised"
                    : Boolean.TRUE.equals(member.sealed) ? "sealed" : null;
        }

        /** The next ordinal of the same set, in the same state, neither leading. */
        boolean alike(PodState previous) {
            return set.equals(previous.set) && ordinal == previous.ordinal + 1 && !leader && !previous.leader
                    && Objects.equals(version, previous.version) && ready == previous.ready
                    && nonVoter == previous.nonVoter && Objects.equals(raft, previous.raft);
        }

        /** This pod, or the range from it to {@code last}. */
        String text(int last) {
            return set + "-" + ordinal + (last == ordinal ? "" : ".." + last) + " " + version + " "
                    + (ready ? "Ready" : "starting") + (raft == null ? "" : " " + raft) + (nonVoter ? " non-voter" : "")
                    + (leader ? " LEADER" : "");
        }
    }

    static RaftClusterStatus status(KubernetesClient client, String namespace, String name) {
        RaftCluster cr = client.resources(RaftCluster.class).inNamespace(namespace).withName(name).get();
        return cr == null ? null : cr.getStatus();
    }

    private static boolean running(Job job) {
        return job.getStatus() == null || job.getStatus().getConditions() == null || job.getStatus().getConditions()
                .stream().noneMatch(c -> "True".equals(c.getStatus())
                        && ("Complete".equals(c.getType()) || "Failed".equals(c.getType())));
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
                .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /**
     * What the controller said when the target differs from the running version only in build
     * metadata (the {@code Upgrading} condition's {@code BuildMetadataOnly} message), or null.
     */
    static String nothingToRoll(RaftClusterStatus status) {
        if (status == null || status.conditions == null) {
            return null;
        }
        return status.conditions.stream()
                .filter(c -> "Upgrading".equals(c.type) && UpgradeVerdict.BUILD_METADATA_ONLY.equals(c.reason))
                .map(c -> c.message).findFirst().orElse(null);
    }

    /** Why the cluster cannot reach its target (a failed upgrade or a blocking condition), or null. */
    static String blocked(RaftClusterStatus status) {
        if (status == null) {
            return null;
        }
        if (status.upgrade != null && status.upgrade.failure != null) {
            return status.upgrade.failure.reason + ": " + status.upgrade.failure.message;
        }
        if (status.blueGreen != null && status.blueGreen.failedTarget != null && "Idle".equals(status.blueGreen.phase)
                && status.blueGreen.rollbackReason != null) {
            return "blue/green attempt ended: " + status.blueGreen.rollbackReason;
        }
        if (status.blueGreen != null && status.blueGreen.holdReason != null) {
            return "blue/green held for a person: " + status.blueGreen.holdReason;
        }
        if (status.conditions != null) {
            for (StatusCondition c : status.conditions) {
                if (c.reason != null && (c.reason.endsWith("Blocked") || BLOCKING.contains(c.reason))) {
                    return c.reason + ": " + c.message;
                }
            }
        }
        return null;
    }
}
