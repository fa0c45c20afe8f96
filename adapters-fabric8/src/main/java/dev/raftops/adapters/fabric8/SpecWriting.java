package dev.raftops.adapters.fabric8;

import dev.raftops.adapters.fabric8.crd.RaftClusterSpec;
import dev.raftops.adapters.fabric8.crd.SpecAutoRollback;
import dev.raftops.adapters.fabric8.crd.SpecBackup;
import dev.raftops.adapters.fabric8.crd.SpecBackupExecutor;
import dev.raftops.adapters.fabric8.crd.SpecBackupRequests;
import dev.raftops.adapters.fabric8.crd.SpecBlueGreen;
import dev.raftops.adapters.fabric8.crd.SpecExecutor;
import dev.raftops.adapters.fabric8.crd.SpecMaintenance;
import dev.raftops.adapters.fabric8.crd.SpecPolicy;
import dev.raftops.adapters.fabric8.crd.SpecPrePromotionHook;
import dev.raftops.adapters.fabric8.crd.SpecForceRelease;
import dev.raftops.adapters.fabric8.crd.SpecOperationLock;
import dev.raftops.adapters.fabric8.crd.SpecRequests;
import dev.raftops.adapters.fabric8.crd.SpecResources;
import dev.raftops.adapters.fabric8.crd.SpecRetention;
import dev.raftops.adapters.fabric8.crd.SpecRolling;
import dev.raftops.adapters.fabric8.crd.SpecTimeouts;
import dev.raftops.adapters.fabric8.crd.SpecTls;
import dev.raftops.adapters.fabric8.crd.SpecUpgrade;
import dev.raftops.adapters.fabric8.crd.SpecVerification;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.UpgradeSpec;

/**
 * Domain {@link ClusterSpec} to the {@code RaftCluster} spec wire form, the inverse of
 * {@link SpecMapping} (used by tools that create clusters, and by the round-trip tests).
 */
final class SpecWriting {

    private SpecWriting() {
    }

    static RaftClusterSpec toResource(ClusterSpec s) {
        RaftClusterSpec out = new RaftClusterSpec();
        out.version = s.version();
        out.image = s.image();
        out.replicas = s.replicas();
        out.paused = s.paused();
        out.maintenance = new SpecMaintenance();
        out.maintenance.enabled = s.maintenance().enabled();
        out.maintenance.restartAt = s.maintenance().restartAt();
        out.breakGlassAck = s.breakGlassAck();
        out.upgrade = upgrade(s.upgrade());
        out.backup = backup(s.backup());
        if (s.workload().adopted()) {
            out.workload = new dev.raftops.adapters.fabric8.crd.SpecWorkload();
            out.workload.statefulSetRef = new dev.raftops.adapters.fabric8.crd.SpecStatefulSetRef();
            out.workload.statefulSetRef.name = s.workload().statefulSetRef();
        }
        if (s.forceRelease() != null) {
            out.operationLock = new SpecOperationLock();
            out.operationLock.forceRelease = new SpecForceRelease();
            out.operationLock.forceRelease.holder = s.forceRelease().holder();
            out.operationLock.forceRelease.epoch = s.forceRelease().epoch();
            out.operationLock.forceRelease.requestedBy = s.forceRelease().requestedBy();
        }
        if (s.tls().disabled() || s.tls().caConfigMap() != null || s.tls().secretName() != null) {
            out.tls = new SpecTls();
            out.tls.disabled = s.tls().disabled() ? Boolean.TRUE : null;
            out.tls.caConfigMap = s.tls().caConfigMap();
            out.tls.secretName = s.tls().secretName();
        }
        return out;
    }

    private static SpecUpgrade upgrade(UpgradeSpec u) {
        SpecUpgrade out = new SpecUpgrade();
        out.strategy = u.strategy().wireName();
        out.raftState = u.raftState().wire();
        out.preUpgradeSnapshot = u.preUpgradeSnapshot();
        out.policy = new SpecPolicy();
        out.policy.allowMajor = u.policy().allowMajor();
        out.policy.allowPrerelease = u.policy().allowPrerelease();
        out.policy.maxMinorSkip = u.policy().maxMinorSkip();
        out.timeouts = new SpecTimeouts();
        out.timeouts.stepDown = Durations.format(u.timeouts().stepDown());
        out.timeouts.podReady = Durations.format(u.timeouts().podReady());
        out.executor = new SpecExecutor();
        out.executor.image = u.executor().image();
        out.executor.serviceAccount = u.executor().serviceAccount();
        out.executor.resources = new SpecResources();
        out.executor.resources.requests = u.executor().requests();
        out.executor.resources.limits = u.executor().limits();
        out.requests = new SpecRequests();
        out.requests.retry = u.requests().retry();
        out.requests.promote = u.requests().promote();
        out.requests.rollback = u.requests().rollback();
        out.blueGreen = blueGreen(u.blueGreen());
        if (u.rolling().maxLagEntries() != null) {
            out.rolling = new SpecRolling();
            out.rolling.maxLagEntries = u.rolling().maxLagEntries();
        }
        return out;
    }

    private static SpecBlueGreen blueGreen(BlueGreenSpec b) {
        SpecBlueGreen out = new SpecBlueGreen();
        out.autoPromote = b.autoPromote();
        out.maxJobFailures = b.maxJobFailures();
        out.verification = new SpecVerification();
        out.verification.minSyncDuration = Durations.format(b.verification().minSyncDuration());
        out.verification.maxLagEntries = b.verification().maxLagEntries();
        BlueGreenSpec.PrePromotionHook hook = b.verification().prePromotionHook();
        if (hook != null) {
            out.verification.prePromotionHook = new SpecPrePromotionHook();
            out.verification.prePromotionHook.image = hook.image();
            out.verification.prePromotionHook.command = hook.command();
            out.verification.prePromotionHook.args = hook.args();
            out.verification.prePromotionHook.timeoutSeconds = hook.timeoutSeconds();
        }
        out.autoRollback = new SpecAutoRollback();
        out.autoRollback.enabled = b.autoRollback().enabled();
        out.autoRollback.onJobFailure = b.autoRollback().onJobFailure();
        out.autoRollback.onValidationFailure = b.autoRollback().onValidationFailure();
        return out;
    }

    private static SpecBackup backup(BackupSpec b) {
        if (b == null) {
            return null;
        }
        SpecBackup out = new SpecBackup();
        out.schedule = b.schedule();
        out.timeZone = b.timeZone();
        out.retention = new SpecRetention();
        out.retention.maxCount = b.retention().maxCount();
        out.retention.maxAge = Durations.format(b.retention().maxAge());
        out.target = b.target();
        if (b.executorImage() != null) {
            out.executor = new SpecBackupExecutor();
            out.executor.image = b.executorImage();
        }
        if (b.triggerRequest() != null) {
            out.requests = new SpecBackupRequests();
            out.requests.trigger = b.triggerRequest();
        }
        return out;
    }
}
