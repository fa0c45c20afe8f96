package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kubernetes identities of a cluster's pods: the OpenBao server's service account with a Role
 * that lets service registration label its own pod (get, update, patch on pods of the namespace,
 * nothing else), and the executor's service account, which needs no Kubernetes permission at all
 * (the executor logs in to OpenBao with its projected token).
 */
final class WorkloadIdentity {

    static final String COMPONENT = "app.kubernetes.io/component";

    private WorkloadIdentity() {
    }

    /** {@code <cluster>-openbao}: the server pods' service account, and the name of its Role and RoleBinding. */
    static String serverAccount(ClusterKey cluster) {
        return cluster.name() + "-openbao";
    }

    static ServiceAccount serverServiceAccount(ClusterKey cluster, String ownerUid) {
        return new ServiceAccountBuilder()
                .withMetadata(WorkloadRendering.meta(cluster, serverAccount(cluster), ownerUid, labels(cluster, "server")))
                .build();
    }

    /** What OpenBao's Kubernetes service registration needs: read and label its own pod. */
    static Role serverRole(ClusterKey cluster, String ownerUid) {
        return new RoleBuilder()
                .withMetadata(WorkloadRendering.meta(cluster, serverAccount(cluster), ownerUid, labels(cluster, "server")))
                .addNewRule().withApiGroups("").withResources("pods").withVerbs("get", "update", "patch").endRule()
                .build();
    }

    static RoleBinding serverRoleBinding(ClusterKey cluster, String ownerUid) {
        return new RoleBindingBuilder()
                .withMetadata(WorkloadRendering.meta(cluster, serverAccount(cluster), ownerUid, labels(cluster, "server")))
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role")
                .withName(serverAccount(cluster)).endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName(serverAccount(cluster))
                .withNamespace(cluster.namespace()).endSubject()
                .build();
    }

    /**
     * The executor's service account ({@link AdapterSettings#executorServiceAccount}), shared by
     * every cluster of the namespace: each owns it without being its controller, so it goes when the
     * last of them does. No token is mounted; Jobs project their own, audience-bound.
     */
    static ServiceAccount executorServiceAccount(ClusterKey cluster, String ownerUid, AdapterSettings settings) {
        ServiceAccount account = new ServiceAccountBuilder()
                .withNewMetadata().withNamespace(cluster.namespace()).withName(executorAccount(settings))
                .withLabels(executorLabels()).endMetadata()
                .withAutomountServiceAccountToken(false)
                .build();
        if (ownerUid != null) {
            account.getMetadata().setOwnerReferences(new ArrayList<>(List.of(sharedOwner(cluster, ownerUid))));
        }
        return account;
    }

    /** The executor's service account when the spec names none: raftops creates it in the cluster's namespace. */
    static String executorAccount(AdapterSettings settings) {
        return settings.executorServiceAccount() != null ? settings.executorServiceAccount() : "raftops-executor";
    }

    /** The owner reference a cluster puts on a shared object: not its controller. */
    static OwnerReference sharedOwner(ClusterKey cluster, String ownerUid) {
        OwnerReference owner = WorkloadRendering.owner(cluster, ownerUid);
        owner.setController(false);
        return owner;
    }

    private static Map<String, String> executorLabels() {
        Map<String, String> labels = new TreeMap<>();
        labels.put(Labels.MANAGED_BY, Labels.MANAGER);
        labels.put(COMPONENT, "executor");
        return labels;
    }

    private static Map<String, String> labels(ClusterKey cluster, String component) {
        Map<String, String> labels = Labels.of(cluster);
        labels.put(COMPONENT, component);
        return labels;
    }
}
