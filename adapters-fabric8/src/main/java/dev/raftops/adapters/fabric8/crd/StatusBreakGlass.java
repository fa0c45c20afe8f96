package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** {@code status.breakGlass}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusBreakGlass {
    @JsonPropertyDescription("Automation that could lose quorum or data has stopped.")
    public Boolean active;
    @JsonPropertyDescription("RollbackFailed or SplitBrain.")
    public String reason;
    @JsonPropertyDescription("What happened.")
    public String message;
    @JsonPropertyDescription("128 random bits, hex.")
    public String nonce;
    @JsonPropertyDescription("When break-glass was entered.")
    public String enteredAt;
    @JsonPropertyDescription("Numbered steps with the exact commands, ending with the acknowledgement patch.")
    public List<String> steps;
    @JsonPropertyDescription("When the nonce was accepted.")
    public String acknowledgedAt;
}
