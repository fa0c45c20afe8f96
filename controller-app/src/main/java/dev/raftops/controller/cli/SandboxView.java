package dev.raftops.controller.cli;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.version.UpgradeVerdict;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the sandbox shows a person: one line with every pod (version, revision, Ready, leader), the
 * partition, the phase, the lock and the current version, read from the API as the controller sees it.
 */
final class SandboxView {

    private static final Set<String> BLOCKING = Set.of("InvalidVersion", "ImageVersionMismatch");

    private SandboxView() {
    }

    static String line(KubernetesClient client, String namespace, String name) {
        StringBuilder out = new StringBuilder();
        List<Pod> pods = client.pods().inNamespace(namespace).withLabel("raftops.dev/cluster", name).list().getItems();
        pods.sort(Comparator.comparing(p -> p.getMetadata().getName()));
        for (Pod pod : pods) {
            Map<String, String> labels = pod.getMetadata().getLabels();
            Map<String, String> annotations = pod.getMetadata().getAnnotations();
            out.append(pod.getMetadata().getName()).append(' ')
                    .append(annotations == null ? "?" : annotations.get("raftops.dev/version")).append(' ')
                    .append(ready(pod) ? "Ready" : "starting")
                    .append(annotations != null && "false".equals(annotations.get("raftops.dev/voter")) ? " non-voter" : "")
                    .append("true".equals(labels.get("openbao-active")) ? " LEADER" : "").append(" | ");
        }
        StatefulSet sts = client.apps().statefulSets().inNamespace(namespace).withName(name).get();
        Integer partition = sts == null || sts.getSpec().getUpdateStrategy() == null
                || sts.getSpec().getUpdateStrategy().getRollingUpdate() == null ? null
                : sts.getSpec().getUpdateStrategy().getRollingUpdate().getPartition();
        RaftClusterStatus status = status(client, namespace, name);
        if (pods.isEmpty()) {
            out.append("no pods yet | ");
        }
        if (sts != null) {
            out.append("partition=").append(partition); // the rolling StatefulSet's; blue/green colours have none
        }
        for (Job job : client.batch().v1().jobs().inNamespace(namespace).withLabel("raftops.dev/cluster", name).list()
                .getItems()) {
            if (running(job)) {
                out.append(" job=").append(job.getMetadata().getName());
            }
        }
        if (status != null) {
            out.append(" phase=").append(status.phase)
                    .append(" lock=").append(status.operationLock == null ? null : status.operationLock.operation)
                    .append(" currentVersion=").append(status.currentVersion);
            if (status.blueGreen != null && status.blueGreen.phase != null && !"Idle".equals(status.blueGreen.phase)) {
                out.append(" blueGreen=").append(status.blueGreen.phase);
            }
            Service clientService = client.services().inNamespace(namespace).withName(name).get();
            String selected = clientService == null || clientService.getSpec().getSelector() == null ? null
                    : clientService.getSpec().getSelector().get("raftops.dev/revision");
            if (selected != null) {
                out.append(" traffic=").append(selected);
            }
            if (status.upgrade != null) {
                out.append(" upgrade=").append(status.upgrade.fromVersion).append("->")
                        .append(status.upgrade.targetVersion);
            }
        }
        return out.toString().replace("|  ", "| ").strip();
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
            for (RaftClusterStatus.StatusCondition c : status.conditions) {
                if (c.reason != null && (c.reason.endsWith("Blocked") || BLOCKING.contains(c.reason))) {
                    return c.reason + ": " + c.message;
                }
            }
        }
        return null;
    }
}
