package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The {@code RaftCluster} custom resource ({@code raftops.dev/v1alpha1}): a Raft-replicated
 * StatefulSet and its Day-2 operations. The CRD is generated from this class at build time
 * ({@code META-INF/fabric8/raftclusters.raftops.dev-v1.yml}).
 */
@Group(RaftCluster.GROUP)
@Version(RaftCluster.VERSION)
@Kind("RaftCluster")
@Plural("raftclusters")
@Singular("raftcluster")
@ShortNames("raft")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Current", jsonPath = ".status.currentVersion", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Target", jsonPath = ".spec.version", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Available\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class RaftCluster extends CustomResource<RaftClusterSpec, RaftClusterStatus> implements Namespaced {

    public static final String GROUP = "raftops.dev";
    public static final String VERSION = "v1alpha1";
    /** The CRD name, also the generated file's stem. */
    public static final String CRD_NAME = "raftclusters." + GROUP;

    @Override
    @Required
    @JsonPropertyDescription("Desired state of the Raft cluster: the version to run and how raftops upgrades and "
            + "backs it up.")
    public RaftClusterSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("What raftops observed and decided, written only by raftops through the status "
            + "subresource.")
    public RaftClusterStatus getStatus() {
        return super.getStatus();
    }
}
