package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.RaftClusterSpec;
import dev.raftops.adapters.fabric8.crd.SpecUpgrade;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.ports.driven.ClusterDocument;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.time.Clock;

/** Shared setup for the contract tests: the generated CRD in the mock, and minimal RaftClusters. */
final class ClusterFixtures {

    static final String CRD_RESOURCE = "/META-INF/fabric8/raftclusters.raftops.dev-v1.yml";

    private ClusterFixtures() {
    }

    /** Creates the generated CRD so the mock applies status-subresource semantics. */
    static void installCrd(KubernetesClient client) {
        try (InputStream yaml = ClusterFixtures.class.getResourceAsStream(CRD_RESOURCE)) {
            client.apiextensions().v1().customResourceDefinitions().load(yaml).create();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RaftCluster cluster(String namespace, String name, String version, int replicas) {
        RaftCluster cr = new RaftCluster();
        cr.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        RaftClusterSpec spec = new RaftClusterSpec();
        spec.version = version;
        spec.replicas = replicas;
        cr.setSpec(spec);
        return cr;
    }

    static RaftCluster create(KubernetesClient client, RaftCluster cr) {
        return client.resources(RaftCluster.class).inNamespace(cr.getMetadata().getNamespace()).resource(cr).create();
    }

    /** {@code cr} with {@code spec.upgrade.strategy} set to {@code strategy}. */
    static RaftCluster withStrategy(RaftCluster cr, String strategy) {
        cr.getSpec().upgrade = new SpecUpgrade();
        cr.getSpec().upgrade.strategy = strategy;
        return cr;
    }

    /** The adapters over {@code client} as the controller builds them for OpenBao, on the wall clock. */
    static Fabric8Adapters adapters(KubernetesClient client) {
        return new Fabric8Adapters(client, AdapterSettings.openBao(), Clock.systemUTC());
    }

    /** Creates {@code cr} and reads it back through the status port, as a pass starts. */
    static ClusterDocument stored(KubernetesClient client, RaftCluster cr) {
        create(client, cr);
        return adapters(client).statusPort()
                .read(new ClusterKey(cr.getMetadata().getNamespace(), cr.getMetadata().getName())).orElseThrow();
    }
}
