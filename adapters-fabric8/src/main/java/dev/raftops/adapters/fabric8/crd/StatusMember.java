package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One entry of {@code status.members}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusMember {
    @JsonPropertyDescription("The pod's name.")
    public String name;
    @JsonPropertyDescription("The pod's StatefulSet ordinal.")
    public Integer ordinal;
    @JsonPropertyDescription("The version the pod runs.")
    public String version;
    @JsonPropertyDescription("The pod's Ready condition.")
    public Boolean ready;
    @JsonPropertyDescription("The pod leads the Raft group.")
    public Boolean leading;
    @JsonPropertyDescription("The pod is a Raft voter.")
    public Boolean voter;
    @JsonPropertyDescription("Raft entries behind the leader.")
    public Long lag;
    @JsonPropertyDescription("sys/health answered 503.")
    public Boolean sealed;
    @JsonPropertyDescription("False when sys/health answered 501.")
    public Boolean initialized;
    @JsonPropertyDescription("When the pod's API was last asked.")
    public String lastProbeTime;
    @JsonPropertyDescription("Why the last probe got no answer.")
    public String probeError;
}
