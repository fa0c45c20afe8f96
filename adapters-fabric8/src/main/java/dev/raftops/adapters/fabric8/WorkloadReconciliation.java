package dev.raftops.adapters.fabric8;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.ports.driving.ReconcileOutcome;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
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

/**
 * Workload reconciliation, the steady-state controller (separate from Day 2): renders the
 * StatefulSet, Services and PodDisruptionBudget from the cluster document, creates what is missing
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
        return new Fabric8StatusPort(client).read(cluster)
                .map(document -> reconcile(document, mayWrite))
                .<ReconcileOutcome>map(o -> o.conflicted() && !o.fenced()
                        ? new ReconcileOutcome.WaitFor(CONFLICT_RETRY, "WorkloadConflict")
                        : new ReconcileOutcome.Done())
                .orElseGet(ReconcileOutcome.Done::new);
    }

    /** One pass for {@code document}; an invalid spec writes nothing (Day 2 reports it as a condition). */
    public Outcome reconcile(ClusterDocument document) {
        return reconcile(document, () -> true);
    }

    /** As {@link #reconcile(ClusterDocument)}, asking {@code mayWrite} right before each write. */
    public Outcome reconcile(ClusterDocument document, BooleanSupplier mayWrite) {
        if (!(document.spec() instanceof SpecReading.Valid valid)) {
            return new Outcome(List.of(), false);
        }
        ClusterKey key = document.key();
        ClusterSpec spec = valid.spec();
        if (spec.workload().adopted()) {
            // an adopted StatefulSet is someone else's (a Helm release, say): nothing is rendered for it, and
            // Day 2 writes only its image and partition (docs/decisions/adopted-statefulsets.md)
            return new Outcome(List.of(), false);
        }
        Pass pass = new Pass(mayWrite);
        StatefulSet blue = WorkloadRendering.initialBlue(key, document.uid(), spec, document.status(), settings);
        StatefulSet rolling = client.apps().statefulSets().inNamespace(key.namespace()).withName(key.name()).get();
        if (blue != null && rolling == null) {
            // a blue/green cluster lives in revisioned StatefulSets that Day 2 owns: created here once, never patched;
            // while an attempt runs, Day 2 alone creates and deletes them (a Blue deleted in Cleanup stays deleted)
            if (!blueGreenInFlight(document.status())) {
                pass.createIfAbsent(blue);
            }
        } else {
            // the StatefulSet just read is the live one: read once per pass
            pass.statefulSet(WorkloadRendering.statefulSet(key, document.uid(), spec, document.status(), settings), rolling);
        }
        pass.service(WorkloadRendering.headlessService(key, document.uid(), settings), false);
        pass.service(WorkloadRendering.clientService(key, document.uid(), settings), true);
        pass.disruptionBudget(WorkloadRendering.disruptionBudget(key, document.uid()));
        return new Outcome(pass.writes, pass.conflicted, pass.fenced);
    }

    private static boolean blueGreenInFlight(ClusterStatus status) {
        return status != null && status.blueGreen() != null && status.blueGreen().inFlight();
    }

    private final class Pass {
        final List<String> writes = new ArrayList<>();
        final BooleanSupplier mayWrite;
        boolean conflicted;
        boolean fenced;

        Pass(BooleanSupplier mayWrite) {
            this.mayWrite = mayWrite;
        }

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
            String image = WorkloadViews.templateImage(desired);
            Integer partition = WorkloadViews.partition(live);
            if ((partition == null || partition == 0) && !Objects.equals(WorkloadViews.templateImage(live), image)) {
                ops.add(JsonPatch.add("/spec/template/spec/containers/0/image", image));
            }
            if (live.getSpec().getUpdateStrategy() == null
                    || !"RollingUpdate".equals(live.getSpec().getUpdateStrategy().getType())) {
                ops.add(JsonPatch.add("/spec/updateStrategy", Map.of("type", "RollingUpdate")));
            }
            patch(live, ops, body -> ref.patch(PatchContext.of(PatchType.JSON), body));
        }

        void service(Service desired, boolean clientRole) {
            Resource<Service> ref = client.services()
                    .inNamespace(desired.getMetadata().getNamespace()).withName(desired.getMetadata().getName());
            Service live = ref.get();
            if (live == null) {
                create(desired, () -> client.resource(desired).create());
                return;
            }
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
            patch(live, ops, body -> ref.patch(PatchContext.of(PatchType.JSON), body));
        }

        void disruptionBudget(PodDisruptionBudget desired) {
            Resource<PodDisruptionBudget> ref = client.policy().v1().podDisruptionBudget()
                    .inNamespace(desired.getMetadata().getNamespace()).withName(desired.getMetadata().getName());
            PodDisruptionBudget live = ref.get();
            if (live == null) {
                create(desired, () -> client.resource(desired).create());
                return;
            }
            List<Map<String, Object>> ops = new ArrayList<>();
            if (!Objects.equals(live.getSpec().getMaxUnavailable(), desired.getSpec().getMaxUnavailable())) {
                ops.add(JsonPatch.add("/spec/maxUnavailable", 1));
            }
            if (live.getSpec().getMinAvailable() != null) {
                ops.add(JsonPatch.remove("/spec/minAvailable")); // path known to exist: safe with the mock
            }
            patch(live, ops, body -> ref.patch(PatchContext.of(PatchType.JSON), body));
        }

        void createIfAbsent(StatefulSet desired) {
            Resource<StatefulSet> ref = client.apps().statefulSets().inNamespace(desired.getMetadata().getNamespace())
                    .withName(desired.getMetadata().getName());
            if (ref.get() == null) {
                create(desired, () -> ref.create(desired));
            }
        }

        private void create(HasMetadata desired, java.util.function.Supplier<HasMetadata> write) {
            record(() -> ConditionalWrite.attempt(write), "created", desired);
        }

        private void patch(HasMetadata live, List<Map<String, Object>> ops,
                java.util.function.Function<String, HasMetadata> write) {
            if (ops.isEmpty()) {
                return;
            }
            List<Map<String, Object>> all = new ArrayList<>();
            all.add(JsonPatch.precondition(live.getMetadata().getResourceVersion()));
            all.addAll(ops);
            String body = client.getKubernetesSerialization().asJson(all);
            record(() -> ConditionalWrite.attempt(() -> write.apply(body)), "patched", live);
        }

        private void record(java.util.function.Supplier<WriteResult> write, String verb, HasMetadata object) {
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
    }

    private static List<String> ports(Service svc) {
        List<String> out = new ArrayList<>();
        for (ServicePort p : svc.getSpec().getPorts()) {
            out.add(p.getName() + "=" + p.getPort() + ">" + (p.getTargetPort() == null ? null : p.getTargetPort().getStrVal()));
        }
        return out;
    }
}
