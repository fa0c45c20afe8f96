package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** {@code spec.upgrade.blueGreen.verification.prePromotionHook}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecPrePromotionHook {
    @Size(max = 512)
    @JsonPropertyDescription("Image of the optional validation Job run before promotion.")
    public String image;
    @JsonPropertyDescription("Command of the validation Job.")
    public List<String> command;
    @JsonPropertyDescription("Arguments of the validation Job.")
    public List<String> args;
    @Min(1)
    @JsonPropertyDescription("The Job's active deadline.")
    public Integer timeoutSeconds;
}
