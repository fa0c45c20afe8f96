package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.ClusterObserver;
import dev.raftops.ports.driven.EventPort;
import dev.raftops.ports.driven.JobPort;
import dev.raftops.ports.driven.MemberProbe;
import dev.raftops.ports.driven.RestorePort;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WorkloadPort;
import dev.raftops.ports.driven.SpecReading;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The fabric8 implementations of the driven ports, for the controller to wire. The implementing
 * classes stay package-private; only the port interfaces leave this package.
 */
public final class Fabric8Adapters {

    /** Where the generated CRD sits on the classpath (inside this module's jar). */
    public static final String CRD_RESOURCE = "/META-INF/fabric8/raftclusters.raftops.dev-v1.yml";
    /** The generated {@code RaftRestore} CRD on the classpath. */
    public static final String RESTORE_CRD_RESOURCE = "/META-INF/fabric8/raftrestores.raftops.dev-v1.yml";

    private final KubernetesClient client;
    private final AdapterSettings settings;
    private final Clock clock;

    public Fabric8Adapters(KubernetesClient client, AdapterSettings settings, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ClusterObserver clusterObserver() {
        return new Fabric8ClusterObserver(client, settings);
    }

    /** The member probe: the pods' own unauthenticated API, over TLS with the CA of {@code spec.tls.caConfigMap}. */
    public MemberProbe memberProbe() {
        return new HttpMemberProbe(new ProbeTrust(client, settings.probeTimeout()), settings, clock);
    }

    public StatusPort statusPort() {
        return new Fabric8StatusPort(client);
    }

    /** The {@code RaftRestore} resources. */
    public RestorePort restorePort() {
        return new Fabric8RestorePort(client);
    }

    public WorkloadPort workloadPort() {
        return new Fabric8WorkloadPort(client, settings);
    }

    public JobPort jobPort() {
        return new Fabric8JobPort(client, settings);
    }

    public EventPort eventPort() {
        return new Fabric8EventPort(client, clock);
    }

    public WorkloadReconciliation workloadReconciliation() {
        return new WorkloadReconciliation(client, settings);
    }

    /** A new {@code RaftCluster} for {@code spec} (for the CLI and the sandbox); create it with the client. */
    public static RaftCluster raftCluster(ClusterKey key, ClusterSpec spec) {
        RaftCluster cr = new RaftCluster();
        cr.setMetadata(new ObjectMetaBuilder().withNamespace(key.namespace()).withName(key.name()).build());
        cr.setSpec(SpecWriting.toResource(spec));
        return cr;
    }

    /**
     * The document a {@code RaftCluster} object maps to (spec reading and status), for tools that
     * read a manifest instead of the API, such as {@code raftops plan}.
     */
    public static ClusterDocument document(RaftCluster cr) {
        String namespace = cr.getMetadata() == null || cr.getMetadata().getNamespace() == null ? "default"
                : cr.getMetadata().getNamespace();
        String name = cr.getMetadata() == null || cr.getMetadata().getName() == null ? "cluster"
                : cr.getMetadata().getName();
        return Fabric8StatusPort.document(new ClusterKey(namespace, name), cr);
    }

    /**
     * Every object the workload reconciliation would create for {@code cr}, a manifest not yet applied
     * (no UID, so no owner references), in the order it writes them; for {@code raftops render}. A spec
     * that does not map is an error with the field and why.
     */
    public static List<HasMetadata> rendered(RaftCluster cr, AdapterSettings settings) {
        ClusterDocument doc = document(cr);
        if (doc.spec() instanceof SpecReading.Invalid invalid) {
            throw new IllegalArgumentException(invalid.field() + ": " + invalid.message());
        }
        ClusterSpec spec = ((SpecReading.Valid) doc.spec()).spec();
        WorkloadSpec workload = WorkloadSpecMapping.read(doc.key(), cr.getSpec());
        return WorkloadObjects.of(doc.key(), null,
                WorkloadObjects.statefulSet(doc.key(), null, spec, doc.status(), workload, settings), workload, settings);
    }
}
