package dev.raftops.domain.resource;

import dev.raftops.domain.version.WorkloadVersion;
import java.util.Objects;

/**
 * The {@code RaftCluster} spec fields Day 2 reads. Versions stay raw strings here: parsing them is a
 * decision (an invalid version is reported, never thrown past a reconcile).
 *
 * @param backup null when backups are not configured
 * @param breakGlassAck the operator's acknowledgement of a break-glass nonce, or null
 * @param workload rendered (the default) or an adopted StatefulSet; an adopted one is never upgraded blue/green
 * @param forceRelease {@code spec.operationLock.forceRelease}, or null
 * @param tls {@code spec.tls} as the member probe reads it
 */
public record ClusterSpec(
        String version,
        String image,
        int replicas,
        boolean paused,
        Maintenance maintenance,
        String breakGlassAck,
        UpgradeSpec upgrade,
        BackupSpec backup,
        WorkloadSpec workload,
        ForceRelease forceRelease,
        TlsSpec tls) {

    public static final int DEFAULT_REPLICAS = 3;

    /** The image repository used when {@code spec.image} is not set; the tag is the version's image tag. */
    public static final String DEFAULT_IMAGE_REPOSITORY = "quay.io/openbao/openbao";

    public ClusterSpec {
        Objects.requireNonNull(version, "spec.version");
        if (replicas < 1) {
            throw new IllegalArgumentException("spec.replicas must be at least 1, was " + replicas);
        }
        maintenance = maintenance == null ? Maintenance.off() : maintenance;
        upgrade = upgrade == null ? UpgradeSpec.defaults() : upgrade;
        workload = workload == null ? WorkloadSpec.rendered() : workload;
        tls = tls == null ? TlsSpec.defaults() : tls;
        if (workload.adopted() && upgrade.strategy() == UpgradeStrategy.BLUE_GREEN) {
            throw new IllegalArgumentException(ADOPTED_BLUE_GREEN);
        }
    }

    /** Why a pre-upgrade snapshot cannot be taken: no backup target or executor image to take it with. */
    public static final String SNAPSHOT_NEEDS_BACKUP = "spec.upgrade.preUpgradeSnapshot needs spec.backup (target "
            + "and executor image) to take the snapshot";

    /** Why blue/green is refused for an adopted StatefulSet (docs/decisions/adopted-statefulsets.md). */
    public static final String ADOPTED_BLUE_GREEN = "spec.upgrade.strategy BlueGreen cannot upgrade the adopted "
            + "StatefulSet named by spec.workload.statefulSetRef: blue/green creates a second StatefulSet, and raftops "
            + "owns only the image (and partition) of an adopted one; use RollingUpdate";

    /** A spec without a {@code spec.workload} (rendered) and without a forced-release request. */
    public ClusterSpec(String version, String image, int replicas, boolean paused, Maintenance maintenance,
            String breakGlassAck, UpgradeSpec upgrade, BackupSpec backup) {
        this(version, image, replicas, paused, maintenance, breakGlassAck, upgrade, backup, null, null, null);
    }

    /** A spec with no forced-release request and {@code spec.tls} at its defaults. */
    public ClusterSpec(String version, String image, int replicas, boolean paused, Maintenance maintenance,
            String breakGlassAck, UpgradeSpec upgrade, BackupSpec backup, WorkloadSpec workload) {
        this(version, image, replicas, paused, maintenance, breakGlassAck, upgrade, backup, workload, null, null);
    }

    /** A spec with defaults for everything but version, image and replicas. */
    public static ClusterSpec of(String version, String image, int replicas) {
        return new ClusterSpec(version, image, replicas, false, null, null, null, null);
    }

    /**
     * The container image that runs {@code version}, as {@link WorkloadVersion#image(String, String, String, String)}
     * decides it: {@code spec.image} when set (for {@code spec.version}), else the default repository
     * tagged with the version's image tag (no leading {@code v}, no build metadata).
     */
    public String imageFor(String version) {
        return WorkloadVersion.image(image, this.version, version, DEFAULT_IMAGE_REPOSITORY);
    }

    public ClusterSpec withWorkload(WorkloadSpec value) {
        return new ClusterSpec(version, image, replicas, paused, maintenance, breakGlassAck,
                upgrade, backup, value, forceRelease, tls);
    }

    public ClusterSpec withVersion(String value, String imageValue) {
        return new ClusterSpec(value, imageValue, replicas, paused, maintenance, breakGlassAck,
                upgrade, backup, workload, forceRelease, tls);
    }

    public ClusterSpec withPaused(boolean value) {
        return new ClusterSpec(version, image, replicas, value, maintenance, breakGlassAck,
                upgrade, backup, workload, forceRelease, tls);
    }

    public ClusterSpec withMaintenance(Maintenance value) {
        return new ClusterSpec(version, image, replicas, paused, value, breakGlassAck,
                upgrade, backup, workload, forceRelease, tls);
    }

    public ClusterSpec withBreakGlassAck(String value) {
        return new ClusterSpec(version, image, replicas, paused, maintenance, value,
                upgrade, backup, workload, forceRelease, tls);
    }

    public ClusterSpec withUpgrade(UpgradeSpec value) {
        return new ClusterSpec(version, image, replicas, paused, maintenance, breakGlassAck,
                value, backup, workload, forceRelease, tls);
    }

    public ClusterSpec withForceRelease(ForceRelease value) {
        return new ClusterSpec(version, image, replicas, paused, maintenance, breakGlassAck,
                upgrade, backup, workload, value, tls);
    }

    public ClusterSpec withBackup(BackupSpec value) {
        return new ClusterSpec(version, image, replicas, paused, maintenance, breakGlassAck,
                upgrade, value, workload, forceRelease, tls);
    }

    public ClusterSpec withTls(TlsSpec value) {
        return new ClusterSpec(version, image, replicas, paused, maintenance, breakGlassAck,
                upgrade, backup, workload, forceRelease, value);
    }
}
