package dev.raftops.controller.cli;

import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.resource.BackupStatus;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.rolling.ProgressPreview;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operation, the lock and the backups of a status in a person's words. A rolling upgrade is told
 * with {@link ProgressPreview} (the wording {@code raftops plan} and the decisions use).
 */
final class OperationWords {

    private OperationWords() {
    }

    static ClusterReport.Operation operation(ClusterStatus status, ClusterSpec spec, Map<Integer, PodView> pods) {
        RollingProgress rolling = status.upgrade();
        if (rolling != null) {
            ProgressPreview p = ProgressPreview.of(rolling, spec == null ? pods.size() : spec.replicas(), pods);
            StringBuilder s = new StringBuilder(p.reason().summary("→")
                    + (p.attempt() > 1 ? " (attempt " + p.attempt() + ")" : "") + ": " + p.waitsFor());
            StringBuilder rest = new StringBuilder();
            if (!p.done().isEmpty()) {
                rest.append("; done ").append(p.done().stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
            if (!p.next().isEmpty()) {
                rest.append("; then ").append(p.next().stream().map(n -> n.ordinal() + (n.stepDown() ? " (step-down first)" : ""))
                        .collect(Collectors.joining(", ")));
            }
            boolean released = p.stage() == ProgressPreview.Stage.RELEASED;
            return new ClusterReport.Operation(s.toString(), released ? rolling.releasedAt() : null,
                    released && spec != null ? spec.upgrade().timeouts().podReady() : null, rest.toString());
        }
        BlueGreenStatus bg = status.blueGreen();
        if (bg != null && bg.inFlight()) {
            String s = "blue/green " + orUnknown(status.currentVersion()) + " → " + bg.greenVersion() + ": phase "
                    + bg.phase() + " (attempt " + bg.attemptId() + ", Blue " + bg.blueRevision() + ", Green "
                    + bg.greenRevision() + ")" + (bg.holdReason() == null ? "" : "; held for a person: " + bg.holdReason());
            return new ClusterReport.Operation(s, bg.phaseStartedAt(), null, "");
        }
        String desired = spec == null ? null : spec.version();
        String s = status.currentVersion() == null ? "no upgrade; the version is not recorded yet"
                : "no upgrade in flight; runs " + status.currentVersion()
                        + (desired != null && !desired.equals(status.currentVersion()) ? " (spec.version " + desired + ")" : "");
        return new ClusterReport.Operation(s, null, null, "");
    }

    static String lock(OperationLock lock, Instant now, boolean ages) {
        if (!lock.isHeld()) {
            return "free";
        }
        return lock.operation() + " held by " + lock.holder()
                + (lock.acquiredAt() == null ? "" : " since " + seconds(lock.acquiredAt())
                        + (ages ? " (" + StatusText.words(java.time.Duration.between(lock.acquiredAt(), now)) + ")" : ""))
                + (lock.message() == null ? "" : ": " + lock.message());
    }

    static String backup(BackupStatus b, Instant now, boolean ages) {
        StringBuilder s = new StringBuilder();
        if (b.lastBackupTime() == null) {
            s.append("no successful backup yet");
        } else {
            s.append("last ").append(seconds(b.lastBackupTime()))
                    .append(ages ? " (" + StatusText.words(java.time.Duration.between(b.lastBackupTime(), now)) + " ago)" : "")
                    .append(b.lastBackupJob() == null ? "" : ", job " + b.lastBackupJob());
        }
        s.append("; next window ").append(b.nextScheduledBackup() == null ? "none scheduled"
                : seconds(b.nextScheduledBackup()));
        if (b.activeRun() != null) {
            s.append("; running: job ").append(b.activeRun().job());
        }
        if (b.consecutiveFailures() > 0) {
            s.append("; ").append(b.consecutiveFailures()).append(" failed in a row");
            if (b.lastFailure() != null) {
                s.append(": ").append(b.lastFailure().reason()).append(" (").append(b.lastFailure().message()).append(')');
            }
        }
        return s.toString();
    }

    /** Instants as a person reads them: to the second. */
    static Instant seconds(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static String orUnknown(String version) {
        return version == null ? "unknown" : version;
    }
}
