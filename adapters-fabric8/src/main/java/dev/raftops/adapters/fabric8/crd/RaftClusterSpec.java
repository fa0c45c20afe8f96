package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * {@code spec} of a {@code RaftCluster} (field meanings: the Day-2 specification, section 1). Plain
 * fields on purpose: every value may be absent or malformed, and the mapping turns that into a
 * validation condition rather than a deserialization error.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RaftClusterSpec {

    /** Go-style durations: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 7d}. */
    public static final String DURATION_PATTERN = "^([0-9]+(ms|s|m|h|d))+$";

    @Required
    @Size(min = 1, max = 128)
    @JsonPropertyDescription("Desired SemVer 2.0.0 (a leading v is accepted).")
    public String version;
    @Size(max = 512)
    @JsonPropertyDescription("Container image of the workload.")
    public String image;
    @Min(1)
    @Default("3")
    @JsonPropertyDescription("Number of Raft voters.")
    public Integer replicas;
    @JsonPropertyDescription("While true raftops writes nothing but status conditions (Paused).")
    public Boolean paused;
    @JsonPropertyDescription("Maintenance marks on the StatefulSet and its pods.")
    public SpecMaintenance maintenance;
    @Size(max = 64)
    @JsonPropertyDescription("Must equal status.breakGlass.nonce to leave break-glass.")
    public String breakGlassAck;
    @JsonPropertyDescription("How a version drift becomes an upgrade.")
    public SpecUpgrade upgrade;
    @JsonPropertyDescription("Scheduled and manual backups.")
    public SpecBackup backup;
    @JsonPropertyDescription("TLS of the workload's API listener.")
    public SpecTls tls;
    @Size(max = 65536)
    @JsonPropertyDescription("OpenBao configuration (HCL) appended to the one raftops renders: a seal stanza for "
            + "auto-unseal, telemetry, ...")
    public String config;
    @JsonPropertyDescription("Whose StatefulSet raftops runs Day 2 on: absent, the one it renders; statefulSetRef, "
            + "an existing one it adopts.")
    public SpecWorkload workload;
    @JsonPropertyDescription("Requests about the operation lock.")
    public SpecOperationLock operationLock;
}
