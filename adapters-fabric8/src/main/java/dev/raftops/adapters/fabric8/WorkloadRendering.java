package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.Revision;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.domain.version.SemVer;
import dev.raftops.domain.version.WorkloadVersion;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure rendering of the steady-state workload from (spec, status): the StatefulSet with its OpenBao
 * server pods ({@link ServerPod}) and configuration ConfigMap ({@link OpenBaoConfig}), the headless and
 * client Services and the PodDisruptionBudget; also the blue/green StatefulSets Day 2 asks for. No
 * I/O. The partition is never rendered: it belongs to Day 2.
 */
final class WorkloadRendering {

    static final String CLIENT_ROLE = "client";
    static final String HEADLESS_ROLE = "headless";

    private WorkloadRendering() {
    }

    /**
     * The version the pod template runs: the upgrade's target while a rolling upgrade exists, else
     * the converged {@code status.currentVersion}, else {@code spec.version} (first deployment).
     */
    static String templateVersion(ClusterSpec spec, ClusterStatus status) {
        if (status.upgrade() != null) {
            return status.upgrade().targetVersion();
        }
        return status.currentVersion() != null ? status.currentVersion() : spec.version();
    }

    /**
     * The template image: the upgrade's recorded target image during an upgrade; otherwise the image
     * that runs the template version as the domain names it ({@link WorkloadVersion#image}, which the
     * Day-2 loop asks too): {@code spec.image} as written when it runs {@code spec.version}, else the
     * repository of {@code spec.image} (or the default one) tagged with the version's image tag.
     */
    static String templateImage(ClusterSpec spec, ClusterStatus status, AdapterSettings settings) {
        if (status.upgrade() != null && status.upgrade().targetImage() != null) {
            return status.upgrade().targetImage();
        }
        return WorkloadVersion.image(spec.image(), spec.version(), templateVersion(spec, status),
                settings.defaultRepository());
    }

    static StatefulSet statefulSet(ClusterKey cluster, String ownerUid, ClusterSpec spec, ClusterStatus status,
            WorkloadSpec workload, AdapterSettings settings) {
        return orderedReady(cluster, meta(cluster, cluster.name(), ownerUid, Labels.of(cluster)), spec.replicas(),
                "RollingUpdate", podTemplate(cluster, cluster.name(), templateImage(spec, status, settings), null,
                        workload, settings), settings);
    }

    /**
     * A StatefulSet named by {@code meta} of {@code replicas} pods, created one by one (OrderedReady),
     * updated by {@code updateStrategy}, selecting its own pods, each with a {@code data} claim.
     */
    private static StatefulSet orderedReady(ClusterKey cluster, ObjectMeta meta, int replicas, String updateStrategy,
            PodTemplateSpec template, AdapterSettings settings) {
        return new StatefulSetBuilder()
                .withMetadata(meta)
                .withNewSpec()
                .withReplicas(replicas)
                .withServiceName(headlessName(cluster))
                .withPodManagementPolicy("OrderedReady")
                .withNewUpdateStrategy().withType(updateStrategy).endUpdateStrategy()
                .withNewSelector().withMatchLabels(podSelector(cluster, meta.getName())).endSelector()
                .withTemplate(template)
                .withVolumeClaimTemplates(dataClaim(settings))
                .endSpec()
                .build();
    }

    /** The {@code data} claim of each pod, mounted at the Raft path. */
    private static PersistentVolumeClaim dataClaim(AdapterSettings settings) {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("data").endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().addToRequests("storage", new Quantity(settings.storageSize())).endResources()
                .endSpec().build();
    }

    /**
     * The Blue StatefulSet of a cluster under the BlueGreen strategy ({@code status.acceptedUpgradeStrategy},
     * else {@code spec.upgrade.strategy}): {@code <name>-<blueRevision>}, where the revision is the one
     * {@code status.blueGreen} records, or before that the revision of the version the template runs.
     * Null under RollingUpdate, unless {@code status.blueGreen} records a revisioned Blue (a switch back
     * from BlueGreen): that Blue stays the workload, so no {@code <name>} is created beside it.
     */
    static StatefulSet initialBlue(ClusterKey cluster, String ownerUid, ClusterSpec spec, ClusterStatus status,
            WorkloadSpec workload, AdapterSettings settings) {
        String accepted = status.acceptedUpgradeStrategy();
        UpgradeStrategy strategy = accepted != null ? UpgradeStrategy.fromWire(accepted) : spec.upgrade().strategy();
        BlueGreenStatus recorded = status.blueGreen();
        // a revisioned Blue stays the workload after a switch back to RollingUpdate: Day 2 rolls it where it is
        boolean revisionedBlue = recorded != null && recorded.blueRevision() != null && recorded.blueStatefulSet() == null;
        if (strategy != UpgradeStrategy.BLUE_GREEN && !revisionedBlue) {
            return null;
        }
        String version = SemVer.canonical(templateVersion(spec, status));
        String revision;
        String image;
        if (status.blueGreen() != null && status.blueGreen().blueRevision() != null) {
            revision = status.blueGreen().blueRevision();
            image = status.blueGreen().blueImage();
        } else {
            revision = Revision.of(version, spec.image(), spec.replicas());
            image = spec.image();
        }
        return colour(cluster, ownerUid, new Action.CreateWorkload(Revision.statefulSet(cluster.name(), revision),
                revision, version, image, spec.replicas(), null), workload, settings);
    }

    /** A blue or green StatefulSet: {@code OnDelete}, its pods labelled with the revision. */
    static StatefulSet colour(ClusterKey cluster, String ownerUid, Action.CreateWorkload action, WorkloadSpec workload,
            AdapterSettings settings) {
        Map<String, String> labels = Labels.of(cluster);
        labels.put(Labels.REVISION, action.revision());
        ObjectMeta meta = meta(cluster, action.statefulSet(), ownerUid, labels);
        if (action.joinRevision() != null) {
            meta.setAnnotations(new TreeMap<>(Map.of(Labels.JOIN_REVISION, action.joinRevision())));
        }
        String image = action.image() != null ? action.image()
                : WorkloadVersion.image(settings.defaultRepository(), action.version());
        return orderedReady(cluster, meta, action.replicas(), "OnDelete",
                podTemplate(cluster, action.statefulSet(), image, action.revision(), workload, settings), settings);
    }

    private static PodTemplateSpec podTemplate(ClusterKey cluster, String statefulSet, String image, String revision,
            WorkloadSpec workload, AdapterSettings settings) {
        Map<String, String> labels = new TreeMap<>(Labels.of(cluster));
        labels.putAll(podSelector(cluster, statefulSet));
        if (revision != null) {
            labels.put(Labels.REVISION, revision);
        }
        return ServerPod.template(cluster, statefulSet, image, labels, workload, settings);
    }

    static Service headlessService(ClusterKey cluster, String ownerUid, AdapterSettings settings) {
        return new ServiceBuilder()
                .withMetadata(meta(cluster, headlessName(cluster), ownerUid, roleLabels(cluster, HEADLESS_ROLE)))
                .withNewSpec()
                .withClusterIP("None")
                .withPublishNotReadyAddresses(true)
                .withSelector(Map.of(Labels.CLUSTER, cluster.name()))
                .withPorts(port("api", settings.apiPort()), port("cluster", settings.clusterPort()))
                .endSpec()
                .build();
    }

    static Service clientService(ClusterKey cluster, String ownerUid, AdapterSettings settings) {
        return new ServiceBuilder()
                .withMetadata(meta(cluster, cluster.name(), ownerUid, roleLabels(cluster, CLIENT_ROLE)))
                .withNewSpec()
                .withSelector(Map.of(Labels.CLUSTER, cluster.name()))
                .withPorts(port("api", settings.apiPort()))
                .endSpec()
                .build();
    }

    static PodDisruptionBudget disruptionBudget(ClusterKey cluster, String ownerUid) {
        return new PodDisruptionBudgetBuilder()
                .withMetadata(meta(cluster, cluster.name(), ownerUid, Labels.of(cluster)))
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(1))
                .withNewSelector().withMatchLabels(Map.of(Labels.CLUSTER, cluster.name())).endSelector()
                .endSpec()
                .build();
    }

    static String headlessName(ClusterKey cluster) {
        return cluster.name() + "-internal";
    }

    static OwnerReference owner(ClusterKey cluster, String ownerUid) {
        return new OwnerReferenceBuilder()
                .withApiVersion(RaftCluster.GROUP + "/" + RaftCluster.VERSION)
                .withKind("RaftCluster")
                .withName(cluster.name())
                .withUid(ownerUid)
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    private static Map<String, String> podSelector(ClusterKey cluster, String statefulSet) {
        return new TreeMap<>(Map.of(Labels.CLUSTER, cluster.name(), Labels.STATEFUL_SET, statefulSet));
    }

    private static Map<String, String> roleLabels(ClusterKey cluster, String role) {
        Map<String, String> labels = Labels.of(cluster);
        labels.put(Labels.SERVICE_ROLE, role);
        return labels;
    }

    private static ServicePort port(String name, int port) {
        return new ServicePortBuilder().withName(name).withPort(port).withNewTargetPort(name).build();
    }

    static ObjectMeta meta(ClusterKey cluster, String name, String ownerUid, Map<String, String> labels) {
        ObjectMetaBuilder meta = new ObjectMetaBuilder().withNamespace(cluster.namespace()).withName(name)
                .withLabels(new TreeMap<>(labels));
        if (ownerUid != null) {
            meta.withOwnerReferences(owner(cluster, ownerUid));
        }
        return meta.build();
    }
}
