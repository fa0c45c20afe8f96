package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driving.ReconcileOutcome;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Workload reconciliation, the steady-state controller (separate from Day 2): renders the objects
 * of {@link WorkloadObjects} (identities, server configuration, StatefulSet, Services,
 * PodDisruptionBudget) from the cluster document, creates what is missing
 * and patches only the fields that differ, each patch conditioned on the resourceVersion just read.
 * A pass over an unchanged cluster writes nothing. It never writes the partition, never changes the
 * template image while a partition is set (Day 2 owns the image during an upgrade), and keeps the
 * revision a client Service selects (blue/green owns traffic). Every write first asks the caller's
 * fence (the controller's leadership): a pass whose replica stopped leading writes nothing more.
 */
public final class WorkloadReconciliation {

    private final KubernetesClient client;
    private final AdapterSettings settings;

    WorkloadReconciliation(KubernetesClient client, AdapterSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /**
     * What one pass wrote ({@code created StatefulSet ns/db}, ...), whether a write met a conflict, and
     * whether the fence stopped a write (the pass then wrote nothing more).
     */
    public record Outcome(List<String> writes, boolean conflicted, boolean fenced) {
        public Outcome {
            writes = List.copyOf(writes);
        }

        public Outcome(List<String> writes, boolean conflicted) {
            this(writes, conflicted, false);
        }
    }

    /** Delay before a pass that met a conflict runs again on fresh reads. */
    static final java.time.Duration CONFLICT_RETRY = java.time.Duration.ofSeconds(1);

    /**
     * One pass for {@code cluster} from a fresh read, shaped for a work queue: done, or run again soon
     * after a conflict. A cluster that is gone or has an invalid spec is done (nothing to write).
     */
    public ReconcileOutcome reconcile(ClusterKey cluster) {
        return reconcile(cluster, () -> true);
    }

    /**
     * As {@link #reconcile(ClusterKey)}, asking {@code mayWrite} right before each write. A fenced pass
     * is done: this replica no longer leads, and the one that does reconciles the cluster itself.
     */
    public ReconcileOutcome reconcile(ClusterKey cluster, BooleanSupplier mayWrite) {
        DocumentRead read = DocumentRead.get(client, cluster).orElse(null);
        if (read == null) {
            return new ReconcileOutcome.Done();
        }
        Outcome o = reconcile(Fabric8StatusPort.document(cluster, read),
                WorkloadSpecMapping.read(cluster, read.cluster().getSpec()), mayWrite);
        return o.conflicted() && !o.fenced() ? new ReconcileOutcome.WaitFor(CONFLICT_RETRY, "WorkloadConflict")
                : new ReconcileOutcome.Done();
    }

    /** One pass for {@code document}; an invalid spec writes nothing (Day 2 reports it as a condition). */
    public Outcome reconcile(ClusterDocument document) {
        return reconcile(document, () -> true);
    }

    /**
     * As {@link #reconcile(ClusterDocument)}, asking {@code mayWrite} right before each write; the
     * workload fields ({@code spec.tls}, {@code spec.config}, the executor's identity) are read from the
     * RaftCluster of the document's key.
     */
    public Outcome reconcile(ClusterDocument document, BooleanSupplier mayWrite) {
        ClusterKey key = document.key();
        RaftCluster cr = DocumentRead.get(client, key).map(DocumentRead::cluster).orElse(null);
        return reconcile(document, cr == null ? WorkloadSpec.defaults(key) : WorkloadSpecMapping.read(key, cr.getSpec()),
                mayWrite);
    }

    private Outcome reconcile(ClusterDocument document, WorkloadSpec workload, BooleanSupplier mayWrite) {
        if (!(document.spec() instanceof SpecReading.Valid valid)) {
            return new Outcome(List.of(), false);
        }
        ClusterKey key = document.key();
        String uid = document.uid();
        ClusterSpec spec = valid.spec();
        WorkloadPass pass = new WorkloadPass(client, mayWrite);
        if (spec.workload().adopted()) {
            // an adopted StatefulSet is someone else's (a Helm release, say): nothing of the workload is rendered,
            // and Day 2 writes only its image and partition (docs/decisions/adopted-statefulsets.md); the
            // executor's service account is still needed where its Jobs run
            if (workload.createsExecutorAccount()) {
                pass.serviceAccount(WorkloadIdentity.executorServiceAccount(key, uid, settings));
            }
            return new Outcome(pass.writes, pass.conflicted, pass.fenced);
        }
        StatefulSet blue = WorkloadRendering.initialBlue(key, uid, spec, document.status(), workload, settings);
        StatefulSet rolling = client.apps().statefulSets().inNamespace(key.namespace()).withName(key.name()).get();
        boolean colours = blue != null && rolling == null;
        StatefulSet desired = colours ? blue : WorkloadRendering.statefulSet(key, uid, spec, document.status(), workload,
                settings);
        // while a blue/green attempt runs, Day 2 alone creates and deletes the colours and their configuration; so
        // too, under BlueGreen, the rolling StatefulSet adopted as Blue under its own name: no replica or image
        // patch may touch it (docs/decisions/strategy-switch.md)
        boolean dayTwoOwns = colours && blueGreenInFlight(document.status()) || adoptedBlue(key, document.status());
        for (HasMetadata object : WorkloadObjects.of(key, uid, dayTwoOwns ? null : desired, workload, settings)) {
            if (object instanceof ServiceAccount account) {
                pass.serviceAccount(account);
            } else if (object instanceof Role role) {
                pass.role(role);
            } else if (object instanceof RoleBinding binding) {
                pass.roleBinding(binding);
            } else if (object instanceof ConfigMap config) {
                pass.configMap(config);
            } else if (object instanceof StatefulSet sts) {
                // a blue/green cluster lives in revisioned StatefulSets that Day 2 owns: created here once, never
                // patched (a Blue deleted in Cleanup stays deleted); the live rolling one is read once per pass
                if (colours) {
                    pass.createIfAbsent(sts);
                } else {
                    pass.statefulSet(sts, rolling);
                }
            } else if (object instanceof Service svc) {
                pass.service(svc, WorkloadRendering.CLIENT_ROLE.equals(svc.getMetadata().getLabels().get(Labels.SERVICE_ROLE)));
            } else if (object instanceof PodDisruptionBudget pdb) {
                pass.disruptionBudget(pdb);
            }
        }
        return new Outcome(pass.writes, pass.conflicted, pass.fenced);
    }

    private static boolean adoptedBlue(ClusterKey key, ClusterStatus status) {
        return status != null && status.blueGreen() != null && key.name().equals(status.blueGreen().blueStatefulSet())
                && UpgradeStrategy.BLUE_GREEN.wireName().equals(status.acceptedUpgradeStrategy());
    }

    private static boolean blueGreenInFlight(ClusterStatus status) {
        return status != null && status.blueGreen() != null && status.blueGreen().inFlight();
    }

}
