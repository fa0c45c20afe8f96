package dev.raftops.domain.resource;

import java.util.List;
import java.util.Objects;

/**
 * {@code status.workload}: for an adopted StatefulSet, which one raftops works on and the only
 * fields of it raftops writes. Absent for a rendered StatefulSet (raftops owns all of it).
 *
 * @param statefulSet the adopted StatefulSet's name
 * @param ownedFields the StatefulSet fields raftops writes; besides them it only deletes pods under {@code OnDelete}
 */
public record WorkloadStatus(String statefulSet, List<String> ownedFields) {

    /** The workload container's image in the pod template. */
    public static final String IMAGE = ".spec.template.spec.containers[].image";

    /** The RollingUpdate partition. */
    public static final String PARTITION = ".spec.updateStrategy.rollingUpdate.partition";

    public WorkloadStatus {
        Objects.requireNonNull(statefulSet, "statefulSet");
        ownedFields = ownedFields == null ? List.of() : List.copyOf(ownedFields);
    }

    /**
     * What raftops owns of the StatefulSet {@code workload} names, given its update strategy
     * ({@code onDelete} null while the StatefulSet is not observed: the image only is claimed);
     * null for a rendered StatefulSet.
     */
    public static WorkloadStatus of(WorkloadSpec workload, Boolean onDelete) {
        if (!workload.adopted()) {
            return null;
        }
        return new WorkloadStatus(workload.statefulSetRef(),
                Boolean.FALSE.equals(onDelete) ? List.of(IMAGE, PARTITION) : List.of(IMAGE));
    }
}
