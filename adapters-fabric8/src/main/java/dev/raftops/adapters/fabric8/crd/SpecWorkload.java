package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code spec.workload}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecWorkload {
    @JsonPropertyDescription("An existing StatefulSet in the namespace (for example the OpenBao Helm chart's) that "
            + "raftops adopts instead of rendering one: it writes only the template image (and the partition under "
            + "RollingUpdate) and, under OnDelete, deletes the pods itself; BlueGreen is refused.")
    public SpecStatefulSetRef statefulSetRef;
}
