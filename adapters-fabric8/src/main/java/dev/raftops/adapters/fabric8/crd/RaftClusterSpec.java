package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Map;

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
    public Maintenance maintenance;
    @Size(max = 64)
    @JsonPropertyDescription("Must equal status.breakGlass.nonce to leave break-glass.")
    public String breakGlassAck;
    @JsonPropertyDescription("How a version drift becomes an upgrade.")
    public Upgrade upgrade;
    @JsonPropertyDescription("Scheduled and manual backups.")
    public Backup backup;

    /** {@code spec.maintenance}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Maintenance {
        @JsonPropertyDescription("Annotates the StatefulSet and its pods with raftops.dev/maintenance: \"true\" "
                + "(removed when false).")
        public Boolean enabled;
    }

    /** {@code spec.upgrade}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Upgrade {
        @SchemaFrom(type = UpgradeStrategyName.class)
        @JsonPropertyDescription("Upgrade strategy: RollingUpdate or BlueGreen.")
        public String strategy;
        @JsonPropertyDescription("Take a snapshot Job before the first pod is touched.")
        public Boolean preUpgradeSnapshot;
        @JsonPropertyDescription("Which version changes may start an upgrade.")
        public Policy policy;
        @JsonPropertyDescription("Time budgets of the upgrade steps.")
        public Timeouts timeouts;
        @JsonPropertyDescription("How executor Jobs run.")
        public Executor executor;
        @JsonPropertyDescription("One-shot tokens: a new value is one request.")
        public Requests requests;
        @JsonPropertyDescription("Blue/green settings.")
        public BlueGreen blueGreen;
        @JsonPropertyDescription("Rolling upgrade settings.")
        public Rolling rolling;
    }

    /** {@code spec.upgrade.rolling}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Rolling {
        @Min(0)
        @JsonPropertyDescription("Raft entries a pod may lag behind the leader and count as caught up in a rolling upgrade.")
        public Long maxLagEntries;
    }

    /** {@code spec.upgrade.policy}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Policy {
        @JsonPropertyDescription("A major jump is blocked with MajorUpgradeBlocked unless true.")
        public Boolean allowMajor;
        @JsonPropertyDescription("When false a pre-release target is blocked with PrereleaseBlocked.")
        public Boolean allowPrerelease;
        @Min(0)
        @JsonPropertyDescription("Minor versions an upgrade may skip without a warning.")
        public Integer maxMinorSkip;
    }

    /** {@code spec.upgrade.timeouts}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Timeouts {
        @Pattern(DURATION_PATTERN)
        @Size(max = 32)
        @JsonPropertyDescription("How long leadership may take to move away, from the step-down Job's creation.")
        public String stepDown;
        @Pattern(DURATION_PATTERN)
        @Size(max = 32)
        @JsonPropertyDescription("How long a released pod may take to run the update revision, Ready and caught up, "
                + "from its release.")
        public String podReady;
    }

    /** {@code spec.upgrade.executor}: how executor Jobs run. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Executor {
        @Size(max = 512)
        @JsonPropertyDescription("Image of executor Jobs (step-down, snapshot, blue/green steps).")
        public String image;
        @Size(max = 253)
        @JsonPropertyDescription("Service account of executor Jobs.")
        public String serviceAccount;
        @JsonPropertyDescription("Resource requests and limits of executor Jobs.")
        public Resources resources;
    }

    /** Resource requests and limits of executor Jobs ({@code cpu: 100m}, {@code memory: 64Mi}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Resources {
        @JsonPropertyDescription("Resource requests of executor Jobs.")
        public Map<String, String> requests;
        @JsonPropertyDescription("Resource limits of executor Jobs.")
        public Map<String, String> limits;
    }

    /** {@code spec.upgrade.requests}: one-shot tokens. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Requests {
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

    /** {@code spec.upgrade.blueGreen}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BlueGreen {
        @JsonPropertyDescription("Promote Green as soon as it is in sync.")
        public Boolean autoPromote;
        @Min(1)
        @JsonPropertyDescription("Failed executor Jobs per phase before the attempt unwinds.")
        public Integer maxJobFailures;
        @JsonPropertyDescription("What Green must show before promotion.")
        public Verification verification;
        @JsonPropertyDescription("When a failure unwinds the attempt by itself.")
        public AutoRollback autoRollback;
    }

    /** {@code spec.upgrade.blueGreen.verification}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Verification {
        @Pattern(DURATION_PATTERN)
        @Size(max = 32)
        @JsonPropertyDescription("Minimum time in Syncing before promotion.")
        public String minSyncDuration;
        @Min(0)
        @JsonPropertyDescription("Raft entries a Green pod may lag and count as synced.")
        public Long maxLagEntries;
        @JsonPropertyDescription("An optional validation Job run before promotion.")
        public PrePromotionHook prePromotionHook;
    }

    /** {@code spec.upgrade.blueGreen.verification.prePromotionHook}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class PrePromotionHook {
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

    /** {@code spec.upgrade.blueGreen.autoRollback}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class AutoRollback {
        @JsonPropertyDescription("Master switch for onJobFailure and onValidationFailure.")
        public Boolean enabled;
        @JsonPropertyDescription("Count failed executor Jobs towards maxJobFailures instead of holding.")
        public Boolean onJobFailure;
        @JsonPropertyDescription("Unwind at once when the pre-promotion hook fails.")
        public Boolean onValidationFailure;
    }

    /** {@code spec.backup}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Backup {
        @Size(max = 64)
        @JsonPropertyDescription("5-field cron or @hourly, @daily, @weekly, @monthly.")
        public String schedule;
        @Size(max = 64)
        @JsonPropertyDescription("IANA zone of the schedule.")
        public String timeZone;
        @JsonPropertyDescription("How many backups the backup Job keeps.")
        public Retention retention;
        /** Opaque to the controller: handed to the backup Job as is. */
        @JsonPropertyDescription("Opaque to the controller: each entry is handed to the Job as RAFTOPS_TARGET_<KEY>.")
        public Map<String, String> target;
        @JsonPropertyDescription("How backup Jobs run.")
        public BackupExecutor executor;
        @JsonPropertyDescription("One-shot tokens for backups.")
        public BackupRequests requests;
    }

    /** {@code spec.backup.retention}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Retention {
        @Min(1)
        @JsonPropertyDescription("Backups to keep at most.")
        public Integer maxCount;
        @Pattern(DURATION_PATTERN)
        @Size(max = 32)
        @JsonPropertyDescription("Age after which the backup Job deletes a backup.")
        public String maxAge;
    }

    /** {@code spec.backup.executor}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BackupExecutor {
        @Size(max = 512)
        @JsonPropertyDescription("Image of backup and pre-upgrade snapshot Jobs.")
        public String image;
    }

    /** {@code spec.backup.requests}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BackupRequests {
        @Size(max = 128)
        @JsonPropertyDescription("One-shot token for a manual backup.")
        public String trigger;
    }
}
