package dev.raftops.adapters.fabric8;

import dev.raftops.ports.driven.WriteResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One pass of {@link WorkloadReconciliation}: each object is created when missing, or patched where it
 * differs with a JSON patch whose first operation tests the resourceVersion just read. Every write first
 * asks the fence; after one refusal the pass writes nothing more.
 */
final class WorkloadPass {

    final List<String> writes = new ArrayList<>();
    private final KubernetesClient client;
    private final BooleanSupplier mayWrite;
    boolean conflicted;
    boolean fenced;

    WorkloadPass(KubernetesClient client, BooleanSupplier mayWrite) {
        this.client = client;
        this.mayWrite = mayWrite;
    }

    /**
     * The rolling StatefulSet: created with {@code desired}'s template when missing; a live one gets only its
     * replicas and its update strategy type, never a change of its pod template.
     */
    void statefulSet(StatefulSet desired, StatefulSet live) {
        Resource<StatefulSet> ref = client.apps().statefulSets().inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName());
        if (live == null) {
            create(desired, () -> client.resource(desired).create());
            return;
        }
        List<Map<String, Object>> ops = new ArrayList<>();
        if (!Objects.equals(live.getSpec().getReplicas(), desired.getSpec().getReplicas())) {
            ops.add(JsonPatch.add("/spec/replicas", desired.getSpec().getReplicas()));
        }
        // the pod template of a live StatefulSet is never written here: a change of it restarts pods, and only
        // the Day-2 roll restarts pods (one at a time, the leader stepped down first; image-change-is-a-roll.md)
        if (live.getSpec().getUpdateStrategy() == null
                || !"RollingUpdate".equals(live.getSpec().getUpdateStrategy().getType())) {
            ops.add(JsonPatch.add("/spec/updateStrategy", Map.of("type", "RollingUpdate")));
        }
        patch(live, ops, body -> ref.patch(PatchContext.of(PatchType.JSON), body));
    }

    void service(Service desired, boolean clientRole) {
        converge(desired, client.services().inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName()), live -> {
                    Map<String, String> selector = new TreeMap<>(desired.getSpec().getSelector());
                    Map<String, String> liveSelector = Fabric8ClusterObserver.orEmpty(live.getSpec().getSelector());
                    if (clientRole && liveSelector.containsKey(Labels.REVISION)) {
                        selector.put(Labels.REVISION, liveSelector.get(Labels.REVISION));
                    }
                    List<Map<String, Object>> ops = new ArrayList<>();
                    if (!selector.equals(new TreeMap<>(liveSelector))) {
                        ops.add(JsonPatch.add("/spec/selector", selector));
                    }
                    if (!ports(desired).equals(ports(live))) {
                        ops.add(JsonPatch.add("/spec/ports", desired.getSpec().getPorts()));
                    }
                    return ops;
                });
    }

    void disruptionBudget(PodDisruptionBudget desired) {
        converge(desired, client.policy().v1().podDisruptionBudget().inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName()), live -> {
                    List<Map<String, Object>> ops = new ArrayList<>();
                    if (!Objects.equals(live.getSpec().getMaxUnavailable(), desired.getSpec().getMaxUnavailable())) {
                        ops.add(JsonPatch.add("/spec/maxUnavailable", 1));
                    }
                    if (live.getSpec().getMinAvailable() != null) {
                        ops.add(JsonPatch.remove("/spec/minAvailable")); // path known to exist: safe with the mock
                    }
                    return ops;
                });
    }

    /** The server configuration: its data follows the spec (pods read it when they start). */
    void configMap(ConfigMap desired) {
        converge(desired, client.configMaps().inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName()),
                live -> Objects.equals(Fabric8ClusterObserver.orEmpty(live.getData()), desired.getData()) ? List.of()
                        : List.of(JsonPatch.add("/data", desired.getData())));
    }

    /** The server's Role: its rules stay what raftops renders. */
    void role(Role desired) {
        converge(desired, client.rbac().roles().inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName()),
                live -> Objects.equals(live.getRules(), desired.getRules()) ? List.of()
                        : List.of(JsonPatch.add("/rules", desired.getRules())));
    }

    /** A RoleBinding's roleRef cannot change: created when missing, otherwise left as it is. */
    void roleBinding(RoleBinding desired) {
        Resource<RoleBinding> ref = client.rbac().roleBindings().inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName());
        if (ref.get() == null) {
            create(desired, () -> client.resource(desired).create());
        }
    }

    /**
     * A service account: created when missing. The shared executor account, when another cluster of the
     * namespace created it, gets this cluster as one more owner; one nobody of raftops owns (the user's)
     * is left alone.
     */
    void serviceAccount(ServiceAccount desired) {
        converge(desired, client.serviceAccounts().inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName()), live -> {
                    List<OwnerReference> wanted = desired.getMetadata().getOwnerReferences();
                    List<OwnerReference> owners = live.getMetadata().getOwnerReferences() == null ? List.of()
                            : live.getMetadata().getOwnerReferences();
                    boolean shared = wanted != null && !wanted.isEmpty()
                            && Boolean.FALSE.equals(wanted.get(0).getController());
                    boolean ours = owners.stream().anyMatch(o -> "RaftCluster".equals(o.getKind()));
                    if (!shared || !ours
                            || owners.stream().anyMatch(o -> Objects.equals(o.getUid(), wanted.get(0).getUid()))) {
                        return List.of();
                    }
                    return List.of(JsonPatch.add("/metadata/ownerReferences/-", wanted.get(0)));
                });
    }

    void createIfAbsent(StatefulSet desired) {
        Resource<StatefulSet> ref = client.apps().statefulSets().inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName());
        if (ref.get() == null) {
            create(desired, () -> ref.create(desired));
        }
    }

    /**
     * Creates {@code desired} when {@code ref} finds nothing; otherwise patches the live object with the
     * operations {@code drift} finds between it and {@code desired} (none: no write).
     */
    private <T extends HasMetadata> void converge(T desired, Resource<T> ref,
            Function<T, List<Map<String, Object>>> drift) {
        T live = ref.get();
        if (live == null) {
            create(desired, () -> client.resource(desired).create());
            return;
        }
        patch(live, drift.apply(live), body -> ref.patch(PatchContext.of(PatchType.JSON), body));
    }

    private void create(HasMetadata desired, Supplier<HasMetadata> write) {
        record(() -> ConditionalWrite.attempt(write), "created", desired);
    }

    private void patch(HasMetadata live, List<Map<String, Object>> ops, Function<String, HasMetadata> write) {
        if (ops.isEmpty()) {
            return;
        }
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(JsonPatch.precondition(live.getMetadata().getResourceVersion()));
        all.addAll(ops);
        String body = client.getKubernetesSerialization().asJson(all);
        record(() -> ConditionalWrite.attempt(() -> write.apply(body)), "patched", live);
    }

    private void record(Supplier<WriteResult> write, String verb, HasMetadata object) {
        if (fenced || !mayWrite.getAsBoolean()) {
            fenced = true;
            return;
        }
        WriteResult result = write.get();
        String what = object.getKind() + " " + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
        if (result.written()) {
            writes.add(verb + " " + what);
        } else {
            conflicted = true;
        }
    }

    private static List<String> ports(Service svc) {
        List<String> out = new ArrayList<>();
        for (ServicePort p : svc.getSpec().getPorts()) {
            out.add(p.getName() + "=" + p.getPort() + ">" + (p.getTargetPort() == null ? null : p.getTargetPort().getStrVal()));
        }
        return out;
    }
}
