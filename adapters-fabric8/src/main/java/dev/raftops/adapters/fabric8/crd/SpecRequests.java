package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** {@code spec.upgrade.requests}: one-shot tokens. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecRequests {
    @Size(max = 128)
    @JsonPropertyDescription("One-shot token: resumes a failed rolling upgrade, clears a latched blue/green "
            + "target, re-runs a held blue/green step.")
    public String retry;
    @Size(max = 128)
    @JsonPropertyDescription("One-shot token: promotes a blue/green attempt that waits with AwaitingPromotion.")
    public String promote;
    @Size(max = 128)
    @JsonPropertyDescription("One-shot token: aborts (before promotion) or rolls back (after promotion) a "
            + "blue/green attempt.")
    public String rollback;
}
