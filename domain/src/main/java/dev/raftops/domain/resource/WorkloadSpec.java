package dev.raftops.domain.resource;

/**
 * {@code spec.workload}: whose StatefulSet raftops runs Day 2 on. Rendered (the default): raftops
 * renders the StatefulSet named after the cluster and owns all of it. Adopted: {@code
 * statefulSetRef} names a StatefulSet someone else installed (the OpenBao Helm chart, say); raftops
 * renders nothing for it and writes only the template image and, under {@code RollingUpdate}, the
 * partition (see docs/decisions/adopted-statefulsets.md).
 *
 * @param statefulSetRef the adopted StatefulSet's name in the cluster's namespace, or null when rendered
 */
public record WorkloadSpec(String statefulSetRef) {

    public WorkloadSpec {
        if (statefulSetRef != null && statefulSetRef.isBlank()) {
            statefulSetRef = null;
        }
    }

    public static WorkloadSpec rendered() {
        return new WorkloadSpec(null);
    }

    public static WorkloadSpec adopted(String statefulSet) {
        return new WorkloadSpec(statefulSet);
    }

    public boolean adopted() {
        return statefulSetRef != null;
    }

    /** The StatefulSet Day 2 works on: the adopted one, else the one rendered under the cluster's name. */
    public String statefulSetName(String clusterName) {
        return adopted() ? statefulSetRef : clusterName;
    }
}
