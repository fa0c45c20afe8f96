package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.resource.ExecutorSpec;
import dev.raftops.ports.driven.JobCreation;
import dev.raftops.ports.driven.JobPort;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driven.WriteResult;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link JobPort} on batch/v1 Jobs. The name is deterministic, so "already exists" is answered by
 * ownership: a Job owned by this very {@code RaftCluster} (same UID) is the same work already started;
 * a Job of that name owned by anything else is refused and left alone.
 */
record Fabric8JobPort(KubernetesClient client, AdapterSettings settings) implements JobPort {

    /**
     * The headless Service the executor reaches the pods through: an adopted StatefulSet's own
     * {@code serviceName} (the OpenBao chart's {@code <release>-internal}), else the rendered one.
     */
    private String headless(ClusterKey cluster, SpecReading spec) {
        if (spec instanceof SpecReading.Valid valid && valid.spec().workload().adopted()) {
            StatefulSet adopted = client.apps().statefulSets().inNamespace(cluster.namespace())
                    .withName(valid.spec().workload().statefulSetRef()).get();
            if (adopted != null && adopted.getSpec().getServiceName() != null) {
                return adopted.getSpec().getServiceName();
            }
        }
        return WorkloadRendering.headlessName(cluster);
    }

    @Override
    public JobCreation createIfAbsent(ClusterKey cluster, JobRequest request) {
        RaftCluster owner = DocumentRead.get(client, cluster).map(DocumentRead::cluster).orElse(null);
        if (owner == null) {
            return new JobCreation.Refused("RaftCluster " + cluster + " does not exist");
        }
        String uid = owner.getMetadata().getUid();
        SpecReading spec = SpecMapping.read(owner.getSpec());
        ExecutorSpec executor = spec instanceof SpecReading.Valid valid ? valid.spec().upgrade().executor() : ExecutorSpec.defaults();
        int replicas = spec instanceof SpecReading.Valid valid ? valid.spec().replicas() : 0;
        Job job = ExecutorJobs.render(cluster, uid, request, executor, ExecutorPods.of(cluster, request, replicas),
                WorkloadSpecMapping.read(cluster, owner.getSpec()), settings, headless(cluster, spec));
        Resource<Job> ref = client.batch().v1().jobs().inNamespace(cluster.namespace()).withName(request.name());
        try {
            client.resource(job).create();
            return new JobCreation.Created();
        } catch (KubernetesClientException e) {
            if (e.getCode() != ConditionalWrite.CONFLICT) {
                throw e;
            }
        }
        Job existing = ref.get();
        if (existing == null) {
            return new JobCreation.Refused("Job " + request.name() + " was reported as existing but is gone; retry");
        }
        boolean ours = existing.getMetadata().getOwnerReferences() != null && existing.getMetadata().getOwnerReferences()
                .stream().anyMatch(o -> uid.equals(o.getUid()) && "RaftCluster".equals(o.getKind()));
        return ours ? new JobCreation.AlreadyExists()
                : new JobCreation.Refused("Job " + request.name() + " exists but is not owned by RaftCluster " + cluster);
    }

    @Override
    public WriteResult delete(ClusterKey cluster, String jobName) {
        Resource<Job> ref = client.batch().v1().jobs().inNamespace(cluster.namespace()).withName(jobName);
        Job live = ref.get();
        if (live == null) {
            return new WriteResult.NotFound("Job " + jobName + " does not exist");
        }
        Map<String, String> labels = Fabric8ClusterObserver.orEmpty(live.getMetadata().getLabels());
        if (!cluster.name().equals(labels.get(Labels.CLUSTER)) || !Labels.MANAGER.equals(labels.get(Labels.MANAGED_BY))) {
            return new WriteResult.Conflict("Job " + jobName + " is not an executor Job of " + cluster + "; not deleted");
        }
        try {
            // background propagation: the executor pod goes with its Job
            ref.withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete();
            return new WriteResult.Written(null);
        } catch (KubernetesClientException e) {
            if (e.getCode() == ConditionalWrite.CONFLICT || e.getCode() == ConditionalWrite.NOT_FOUND) {
                return e.getCode() == ConditionalWrite.CONFLICT ? new WriteResult.Conflict(e.getMessage())
                        : new WriteResult.NotFound(e.getMessage());
            }
            throw e;
        }
    }

    static Map<String, Quantity> quantities(Map<String, String> values) {
        Map<String, Quantity> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, new Quantity(v)));
        return out;
    }
}
