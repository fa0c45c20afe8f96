package dev.raftops.domain.resource;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.opslifecycle.HandledRequests;
import dev.raftops.domain.opslifecycle.OperationLock;
import java.util.List;

/**
 * The {@code RaftCluster} status fields Day 2 writes. Optional parts are null when absent:
 * {@code upgrade} exists exactly while a rolling upgrade exists, {@code blueGreen} while a
 * blue/green strategy has been used.
 *
 * @param currentVersion the version every voter runs; null before the first convergence
 * @param lastError {@code status.adminOps.lastError}: the last failed pass, cleared by a clean one
 * @param workload for an adopted StatefulSet, the fields raftops owns of it; null for a rendered one
 * @param members {@code status.members}: each pod as last observed (see {@link MemberStatus})
 * @param currentImage the image the rolling StatefulSet's pods run, as raftops found them at the first
 *     convergence or rolled them last; a {@code spec.image} that names another one for {@code currentVersion}
 *     is an image change, rolled once (docs/decisions/image-change-is-a-roll.md); null before it is known
 */
public record ClusterStatus(
        String currentVersion,
        Phase phase,
        long observedGeneration,
        List<Condition> conditions,
        RollingProgress upgrade,
        BlueGreenStatus blueGreen,
        OperationLock operationLock,
        BreakGlass breakGlass,
        BackupStatus backup,
        HandledRequests requests,
        Failure lastError,
        String acceptedUpgradeStrategy,
        WorkloadStatus workload,
        List<MemberStatus> members,
        String currentImage) {

    public ClusterStatus {
        members = members == null ? List.of() : List.copyOf(members);
        phase = phase == null ? Phase.Initializing : phase;
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        operationLock = operationLock == null ? OperationLock.free() : operationLock;
        breakGlass = breakGlass == null ? BreakGlass.inactive() : breakGlass;
        backup = backup == null ? BackupStatus.empty() : backup;
        requests = requests == null ? HandledRequests.none() : requests;
    }

    /** A status without {@code workload} (a rendered StatefulSet). */
    public ClusterStatus(String currentVersion, Phase phase, long observedGeneration, List<Condition> conditions,
            RollingProgress upgrade, BlueGreenStatus blueGreen, OperationLock operationLock, BreakGlass breakGlass,
            BackupStatus backup, HandledRequests requests, Failure lastError, String acceptedUpgradeStrategy) {
        this(currentVersion, phase, observedGeneration, conditions, upgrade, blueGreen, operationLock, breakGlass,
                backup, requests, lastError, acceptedUpgradeStrategy, null, null, null);
    }

    /** A status without {@code members}. */
    public ClusterStatus(String currentVersion, Phase phase, long observedGeneration, List<Condition> conditions,
            RollingProgress upgrade, BlueGreenStatus blueGreen, OperationLock operationLock, BreakGlass breakGlass,
            BackupStatus backup, HandledRequests requests, Failure lastError, String acceptedUpgradeStrategy,
            WorkloadStatus workload) {
        this(currentVersion, phase, observedGeneration, conditions, upgrade, blueGreen, operationLock, breakGlass,
                backup, requests, lastError, acceptedUpgradeStrategy, workload, null, null);
    }

    /** A status without {@code currentImage} (written before it was recorded). */
    public ClusterStatus(String currentVersion, Phase phase, long observedGeneration, List<Condition> conditions,
            RollingProgress upgrade, BlueGreenStatus blueGreen, OperationLock operationLock, BreakGlass breakGlass,
            BackupStatus backup, HandledRequests requests, Failure lastError, String acceptedUpgradeStrategy,
            WorkloadStatus workload, List<MemberStatus> members) {
        this(currentVersion, phase, observedGeneration, conditions, upgrade, blueGreen, operationLock, breakGlass,
                backup, requests, lastError, acceptedUpgradeStrategy, workload, members, null);
    }

    /** The status of a cluster nobody has written yet. */
    public static ClusterStatus initial() {
        return new ClusterStatus(null, Phase.Initializing, 0, List.of(), null, null, null, null, null, null, null, null);
    }

    public ClusterStatus withCurrentVersion(String value) {
        return new ClusterStatus(value, phase, observedGeneration, conditions, upgrade, blueGreen, operationLock,
                breakGlass, backup, requests, lastError, acceptedUpgradeStrategy, workload, members, currentImage);
    }

    /** The image the cluster's pods run as raftops last rolled or found them ({@code status.currentImage}). */
    public ClusterStatus withCurrentImage(String value) {
        return new ClusterStatus(currentVersion, phase, observedGeneration, conditions, upgrade, blueGreen,
                operationLock, breakGlass, backup, requests, lastError, acceptedUpgradeStrategy, workload, members,
                value);
    }

    public ClusterStatus withPhase(Phase value) {
        return new ClusterStatus(currentVersion, value, observedGeneration, conditions, upgrade, blueGreen,
                operationLock, breakGlass, backup, requests, lastError, acceptedUpgradeStrategy, workload, members, currentImage);
    }

    public ClusterStatus withObservedGeneration(long value) {
        return new ClusterStatus(currentVersion, phase, value, conditions, upgrade, blueGreen, operationLock,
                breakGlass, backup, requests, lastError, acceptedUpgradeStrategy, workload, members, currentImage);
    }

    public ClusterStatus withConditions(List<Condition> value) {
        return new ClusterStatus(currentVersion, phase, observedGeneration, value, upgrade, blueGreen, operationLock,
                breakGlass, backup, requests, lastError, acceptedUpgradeStrategy, workload, members, currentImage);
    }

    public ClusterStatus withUpgrade(RollingProgress value) {
        return new ClusterStatus(currentVersion, phase, observedGeneration, conditions, value, blueGreen,
                operationLock, breakGlass, backup, requests, lastError, acceptedUpgradeStrategy, workload, members, currentImage);
    }

    public ClusterStatus withBlueGreen(BlueGreenStatus value) {
        return new ClusterStatus(currentVersion, phase, observedGeneration, conditions, upgrade, value,
                operationLock, breakGlass, backup, requests, lastError, acceptedUpgradeStrategy, workload, members, currentImage);
    }

    public ClusterStatus withOperationLock(OperationLock value) {
        return new ClusterStatus(currentVersion, phase, observedGeneration, conditions, upgrade, blueGreen, value,
                breakGlass, backup, requests, lastError, acceptedUpgradeStrategy, workload, members, currentImage);
    }

    public ClusterStatus withBreakGlass(BreakGlass value) {
        return new ClusterStatus(currentVersion, phase, observedGeneration, conditions, upgrade, blueGreen,
                operationLock, value, backup, requests, lastError, acceptedUpgradeStrategy, workload, members, currentImage);
    }

    public ClusterStatus withBackup(BackupStatus value) {
        return new ClusterStatus(currentVersion, phase, observedGeneration, conditions, upgrade, blueGreen,
                operationLock, breakGlass, value, requests, lastError, acceptedUpgradeStrategy, workload, members, currentImage);
    }

    public ClusterStatus withRequests(HandledRequests value) {
        return new ClusterStatus(currentVersion, phase, observedGeneration, conditions, upgrade, blueGreen,
                operationLock, breakGlass, backup, value, lastError, acceptedUpgradeStrategy, workload, members, currentImage);
    }

    public ClusterStatus withLastError(Failure value) {
        return new ClusterStatus(currentVersion, phase, observedGeneration, conditions, upgrade, blueGreen,
                operationLock, breakGlass, backup, requests, value, acceptedUpgradeStrategy, workload, members, currentImage);
    }

    public ClusterStatus withAcceptedUpgradeStrategy(String value) {
        return new ClusterStatus(currentVersion, phase, observedGeneration, conditions, upgrade, blueGreen,
                operationLock, breakGlass, backup, requests, lastError, value, workload, members, currentImage);
    }

    public ClusterStatus withWorkload(WorkloadStatus value) {
        return new ClusterStatus(currentVersion, phase, observedGeneration, conditions, upgrade, blueGreen,
                operationLock, breakGlass, backup, requests, lastError, acceptedUpgradeStrategy, value, members, currentImage);
    }

    /** Sets one condition (see {@link Condition#set}). */
    public ClusterStatus withCondition(String type, Condition.Status status, String reason, String message,
            long generation, java.time.Instant now) {
        return withConditions(Condition.set(conditions, type, status, reason, message, generation, now));
    }

    public ClusterStatus withMembers(List<MemberStatus> value) {
        return new ClusterStatus(currentVersion, phase, observedGeneration, conditions, upgrade, blueGreen,
                operationLock, breakGlass, backup, requests, lastError, acceptedUpgradeStrategy, workload, value, currentImage);
    }
}
