package dev.raftops.adapters.fabric8.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    public String version;
    @Size(max = 512)
    public String image;
    @Min(1)
    @Default("3")
    public Integer replicas;
    public Boolean paused;
    public Maintenance maintenance;
    @Size(max = 64)
    public String breakGlassAck;
    public Upgrade upgrade;
    public Backup backup;

    /** {@code spec.maintenance}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Maintenance {
        public Boolean enabled;
        @Size(max = 64)
        public String restartAt;
    }

    /** {@code spec.upgrade}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Upgrade {
        @SchemaFrom(type = UpgradeStrategyName.class)
        public String strategy;
        public Boolean preUpgradeSnapshot;
        public Policy policy;
        public Timeouts timeouts;
        public Executor executor;
        public Requests requests;
        public BlueGreen blueGreen;
        public Rolling rolling;
    }

    /** {@code spec.upgrade.rolling}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Rolling {
        @Min(0)
        public Long maxLagEntries;
    }

    /** {@code spec.upgrade.policy}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Policy {
        public Boolean allowMajor;
        public Boolean allowPrerelease;
        @Min(0)
        public Integer maxMinorSkip;
    }

    /** {@code spec.upgrade.timeouts}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Timeouts {
        @Pattern(DURATION_PATTERN)
        @Size(max = 32)
        public String stepDown;
        @Pattern(DURATION_PATTERN)
        @Size(max = 32)
        public String podReady;
    }

    /** {@code spec.upgrade.executor}: how executor Jobs run. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Executor {
        @Size(max = 512)
        public String image;
        @Size(max = 253)
        public String serviceAccount;
        public Resources resources;
    }

    /** Resource requests and limits of executor Jobs ({@code cpu: 100m}, {@code memory: 64Mi}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Resources {
        public Map<String, String> requests;
        public Map<String, String> limits;
    }

    /** {@code spec.upgrade.requests}: one-shot tokens. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Requests {
        @Size(max = 128)
        public String retry;
        @Size(max = 128)
        public String promote;
        @Size(max = 128)
        public String rollback;
    }

    /** {@code spec.upgrade.blueGreen}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BlueGreen {
        public Boolean autoPromote;
        @Min(1)
        public Integer maxJobFailures;
        public Verification verification;
        public AutoRollback autoRollback;
    }

    /** {@code spec.upgrade.blueGreen.verification}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Verification {
        @Pattern(DURATION_PATTERN)
        @Size(max = 32)
        public String minSyncDuration;
        @Min(0)
        public Long maxLagEntries;
        public PrePromotionHook prePromotionHook;
    }

    /** {@code spec.upgrade.blueGreen.verification.prePromotionHook}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class PrePromotionHook {
        @Size(max = 512)
        public String image;
        public List<String> command;
        public List<String> args;
        @Min(1)
        public Integer timeoutSeconds;
    }

    /** {@code spec.upgrade.blueGreen.autoRollback}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class AutoRollback {
        public Boolean enabled;
        public Boolean onJobFailure;
        public Boolean onValidationFailure;
    }

    /** {@code spec.backup}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Backup {
        @Size(max = 64)
        public String schedule;
        @Size(max = 64)
        public String timeZone;
        public Retention retention;
        /** Opaque to the controller: handed to the backup Job as is. */
        public Map<String, String> target;
        public BackupExecutor executor;
        public BackupRequests requests;
    }

    /** {@code spec.backup.retention}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Retention {
        @Min(1)
        public Integer maxCount;
        @Pattern(DURATION_PATTERN)
        @Size(max = 32)
        public String maxAge;
    }

    /** {@code spec.backup.executor}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BackupExecutor {
        @Size(max = 512)
        public String image;
    }

    /** {@code spec.backup.requests}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BackupRequests {
        @Size(max = 128)
        public String trigger;
    }
}
