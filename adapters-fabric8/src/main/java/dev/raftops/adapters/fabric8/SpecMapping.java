package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftClusterSpec;
import dev.raftops.adapters.fabric8.crd.SpecBackup;
import dev.raftops.adapters.fabric8.crd.SpecExecutor;
import dev.raftops.adapters.fabric8.crd.SpecPolicy;
import dev.raftops.adapters.fabric8.crd.SpecForceRelease;
import dev.raftops.adapters.fabric8.crd.SpecOperationLock;
import dev.raftops.adapters.fabric8.crd.SpecRequests;
import dev.raftops.adapters.fabric8.crd.SpecRolling;
import dev.raftops.adapters.fabric8.crd.SpecTimeouts;
import dev.raftops.adapters.fabric8.crd.SpecTls;
import dev.raftops.adapters.fabric8.crd.SpecUpgrade;
import dev.raftops.adapters.fabric8.crd.SpecWorkload;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ExecutorSpec;
import dev.raftops.domain.resource.Maintenance;
import dev.raftops.domain.resource.RaftStateSource;
import dev.raftops.domain.resource.RollingSpec;
import dev.raftops.domain.resource.ForceRelease;
import dev.raftops.domain.resource.TlsSpec;
import dev.raftops.domain.resource.UpgradeRequests;
import dev.raftops.domain.resource.UpgradeSpec;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.domain.resource.UpgradeTimeouts;
import dev.raftops.domain.resource.WorkloadSpec;
import dev.raftops.domain.version.UpgradePolicy;
import dev.raftops.ports.driven.SpecReading;
import java.time.Duration;

/**
 * Reads a {@code RaftCluster} spec into the domain's {@link ClusterSpec}. The API server validates
 * against the generated schema, but a CR may predate a schema change or come from a server without
 * validation, so every field is checked again here; the first bad one becomes
 * {@link SpecReading.Invalid} (never an exception).
 */
final class SpecMapping {

    private SpecMapping() {
    }

    static SpecReading read(RaftClusterSpec spec) {
        try {
            return new SpecReading.Valid(toDomain(spec));
        } catch (InvalidField e) {
            return new SpecReading.Invalid(e.field(), e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            // a domain constructor refused a combination the checks above let through
            return new SpecReading.Invalid("spec", String.valueOf(e.getMessage()));
        }
    }

    private static ClusterSpec toDomain(RaftClusterSpec spec) {
        if (spec == null) {
            throw new InvalidField("spec", "spec is missing");
        }
        if (spec.version == null || spec.version.isBlank()) {
            throw new InvalidField("spec.version", "spec.version is required");
        }
        int replicas = spec.replicas == null ? ClusterSpec.DEFAULT_REPLICAS : spec.replicas;
        if (replicas < 1) {
            throw new InvalidField("spec.replicas", "spec.replicas must be at least 1, was " + replicas);
        }
        WorkloadSpecMapping.check(spec);
        Maintenance maintenance = spec.maintenance == null ? Maintenance.off()
                : new Maintenance(isTrue(spec.maintenance.enabled), blankToNull(spec.maintenance.restartAt));
        WorkloadSpec workload = workload(spec.workload);
        UpgradeSpec upgrade = upgrade(spec.upgrade);
        if (workload.adopted() && upgrade.strategy() == UpgradeStrategy.BLUE_GREEN) {
            throw new InvalidField("spec.upgrade.strategy", ClusterSpec.ADOPTED_BLUE_GREEN);
        }
        BackupSpec backup = backup(spec.backup);
        if (upgrade.preUpgradeSnapshot() && backup == null) {
            // named now, whatever runs: before, it was named only when the next upgrade tried to start
            throw new InvalidField("spec.upgrade.preUpgradeSnapshot", ClusterSpec.SNAPSHOT_NEEDS_BACKUP);
        }
        return new ClusterSpec(spec.version.trim(), blankToNull(spec.image), replicas, isTrue(spec.paused), maintenance,
                blankToNull(spec.breakGlassAck), upgrade, backup, workload, forceRelease(spec.operationLock),
                tls(spec.tls));
    }

    private static ForceRelease forceRelease(SpecOperationLock lock) {
        if (lock == null || lock.forceRelease == null || blankToNull(lock.forceRelease.holder) == null) {
            return null;
        }
        SpecForceRelease f = lock.forceRelease;
        return new ForceRelease(f.holder.trim(), f.epoch, blankToNull(f.requestedBy));
    }

    /** The one reading of {@code spec.tls}: the probe and the workload rendering both take it from here. */
    static TlsSpec tls(SpecTls t) {
        return t == null ? TlsSpec.defaults()
                : new TlsSpec(isTrue(t.disabled), blankToNull(t.caConfigMap),
                        blankToNull(t.secretName) == null ? null : t.secretName.strip());
    }

    private static RaftStateSource raftState(String value) {
        return RaftStateSource.ofWire(value).orElseThrow(() -> new InvalidField("spec.upgrade.raftState",
                "spec.upgrade.raftState must be api or labels, was " + value));
    }

    private static WorkloadSpec workload(SpecWorkload w) {
        if (w == null || w.statefulSetRef == null) {
            return WorkloadSpec.rendered();
        }
        if (w.statefulSetRef.name == null || w.statefulSetRef.name.isBlank()) {
            throw new InvalidField("spec.workload.statefulSetRef.name", "spec.workload.statefulSetRef.name is required "
                    + "to adopt a StatefulSet");
        }
        return WorkloadSpec.adopted(w.statefulSetRef.name.trim());
    }

    private static UpgradeSpec upgrade(SpecUpgrade u) {
        if (u == null) {
            return UpgradeSpec.defaults();
        }
        UpgradeStrategy strategy;
        try {
            strategy = UpgradeStrategy.fromWire(u.strategy);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("spec.upgrade.strategy", e.getMessage());
        }
        return new UpgradeSpec(strategy, isTrue(u.preUpgradeSnapshot), policy(u.policy), timeouts(u.timeouts),
                executor(u.executor), requests(u.requests), BlueGreenSpecMapping.blueGreen(u.blueGreen), rolling(u.rolling),
                raftState(u.raftState));
    }

    private static RollingSpec rolling(SpecRolling r) {
        if (r == null || r.maxLagEntries == null) {
            return RollingSpec.unset();
        }
        if (r.maxLagEntries < 0) {
            throw new InvalidField("spec.upgrade.rolling.maxLagEntries",
                    "spec.upgrade.rolling.maxLagEntries must not be negative, was " + r.maxLagEntries);
        }
        return new RollingSpec(r.maxLagEntries);
    }

    private static UpgradePolicy policy(SpecPolicy p) {
        if (p == null) {
            return UpgradePolicy.defaults();
        }
        if (p.maxMinorSkip != null && p.maxMinorSkip < 0) {
            throw new InvalidField("spec.upgrade.policy.maxMinorSkip",
                    "spec.upgrade.policy.maxMinorSkip must not be negative, was " + p.maxMinorSkip);
        }
        return new UpgradePolicy(isTrue(p.allowMajor), p.allowPrerelease == null || p.allowPrerelease, p.maxMinorSkip);
    }

    private static UpgradeTimeouts timeouts(SpecTimeouts t) {
        if (t == null) {
            return UpgradeTimeouts.defaults();
        }
        Duration stepDown = positive("spec.upgrade.timeouts.stepDown", Durations.parse("spec.upgrade.timeouts.stepDown", t.stepDown));
        Duration podReady = positive("spec.upgrade.timeouts.podReady", Durations.parse("spec.upgrade.timeouts.podReady", t.podReady));
        return new UpgradeTimeouts(stepDown, podReady);
    }

    private static ExecutorSpec executor(SpecExecutor e) {
        if (e == null) {
            return ExecutorSpec.defaults();
        }
        return new ExecutorSpec(blankToNull(e.image), blankToNull(e.serviceAccount),
                e.resources == null ? null : e.resources.requests, e.resources == null ? null : e.resources.limits);
    }

    private static UpgradeRequests requests(SpecRequests r) {
        return r == null ? UpgradeRequests.none() : new UpgradeRequests(r.retry, r.promote, r.rollback);
    }

    private static BackupSpec backup(SpecBackup b) {
        if (b == null) {
            return null;
        }
        BackupSpec.Retention retention = BackupSpec.Retention.unlimited();
        if (b.retention != null) {
            if (b.retention.maxCount != null && b.retention.maxCount < 1) {
                throw new InvalidField("spec.backup.retention.maxCount",
                        "spec.backup.retention.maxCount must be at least 1, was " + b.retention.maxCount);
            }
            // a zero age would let the backup Job's retention delete every snapshot it keeps
            retention = new BackupSpec.Retention(b.retention.maxCount, positive("spec.backup.retention.maxAge",
                    Durations.parse("spec.backup.retention.maxAge", b.retention.maxAge)));
        }
        // schedule and time zone stay raw: the backup decision reports them as BackupConfigurationInvalid
        return new BackupSpec(b.schedule, b.timeZone, retention, b.target,
                b.executor == null ? null : blankToNull(b.executor.image), b.requests == null ? null : b.requests.trigger);
    }

    private static Duration positive(String field, Duration d) {
        if (d != null && (d.isZero() || d.isNegative())) {
            throw new InvalidField(field, field + " must be positive");
        }
        return d;
    }

    private static boolean isTrue(Boolean b) {
        return b != null && b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
