package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The {@code RaftRestore} custom resource ({@code raftops.dev/v1alpha1}): one restore of a
 * {@code RaftCluster} in the same namespace from a snapshot. Its CRD is generated from this class
 * ({@code META-INF/fabric8/raftrestores.raftops.dev-v1.yml}, shipped as
 * {@code controller-app/deploy/restore-crd.yaml}).
 */
@Group(RaftCluster.GROUP)
@Version(RaftCluster.VERSION)
@Kind("RaftRestore")
@Plural("raftrestores")
@Singular("raftrestore")
@AdditionalPrinterColumn(name = "Cluster", jsonPath = ".spec.clusterRef", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Object", jsonPath = ".status.objectKey", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class RaftRestore extends CustomResource<RaftRestoreSpec, RaftRestoreStatus> implements Namespaced {

    /** The CRD name, also the generated file's stem. */
    public static final String CRD_NAME = "raftrestores." + RaftCluster.GROUP;
    /** Keeps a deleted restore until it has released the cluster's operation lock. */
    public static final String FINALIZER = "raftops.dev/restore-lock";

    @Override
    @Required
    @JsonPropertyDescription("The cluster to restore and the snapshot to restore it from.")
    public RaftRestoreSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("Where the restore is and what it did, written only by raftops through the status "
            + "subresource.")
    public RaftRestoreStatus getStatus() {
        return super.getStatus();
    }
}
