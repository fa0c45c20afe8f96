package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** {@code spec.tls}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecTls {
    @JsonPropertyDescription("The workload's API is plain HTTP: the controller probes it without TLS.")
    public Boolean disabled;
    @Size(max = 253)
    @JsonPropertyDescription("ConfigMap in the cluster's namespace whose key ca.crt (PEM) is the CA the controller trusts when it "
            + "probes each pod's sys/health and sys/leader.")
    public String caConfigMap;
}
