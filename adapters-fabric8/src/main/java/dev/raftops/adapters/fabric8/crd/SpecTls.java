package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** {@code spec.tls}: the TLS of the workload's API listener. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SpecTls {
    @Size(max = 253)
    @JsonPropertyDescription("Secret with tls.crt, tls.key and ca.crt that the OpenBao listener serves "
            + "(default <cluster>-tls).")
    public String secretName;
    @JsonPropertyDescription("Serve plain HTTP: for development only; excludes secretName.")
    public Boolean disabled;
    @Size(max = 253)
    @JsonPropertyDescription("ConfigMap with the CA (key ca.crt), for clients that must not read the Secret "
            + "(executor Jobs).")
    public String caConfigMap;
}
