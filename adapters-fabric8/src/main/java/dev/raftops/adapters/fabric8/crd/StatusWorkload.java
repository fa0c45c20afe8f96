package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** {@code status.workload}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusWorkload {
    @JsonPropertyDescription("The adopted StatefulSet raftops works on.")
    public String statefulSet;
    @JsonPropertyDescription("The only fields of the adopted StatefulSet raftops writes; under OnDelete it also "
            + "deletes its pods, one at a time.")
    public List<String> ownedFields;
}
