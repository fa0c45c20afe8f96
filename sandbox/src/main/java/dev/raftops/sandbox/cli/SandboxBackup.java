package dev.raftops.sandbox.cli;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.sandbox.ObjectStore;
import dev.raftops.sandbox.SandboxEnvironment;
import java.time.Instant;
import java.util.Map;

/**
 * A manual backup as a person asks for one: {@code spec.backup} with a schedule, the sandbox's
 * S3Proxy bucket as target and a {@code requests.trigger} token; the backup lands in that bucket.
 */
final class SandboxBackup {

    static final String TOKEN = "sandbox-tour-1";

    private SandboxBackup() {
    }

    /** Asks {@code leg}'s cluster for a backup and follows it; the status once it ended, null on timeout. */
    static RaftClusterStatus ask(SandboxEnvironment environment, SandboxLeg leg, Instant deadline)
            throws InterruptedException {
        leg.patchSpec(Map.of("backup", Map.of("schedule", "@daily", "requests", Map.of("trigger", TOKEN),
                "target", environment.objectStore().target())));
        environment.cluster().record(leg.name(), "operator", l -> l.put("request", "backup").put("token", TOKEN));
        boolean ended = leg.follow(deadline, s -> s != null && (failure(s) != null || (s.requests != null
                && TOKEN.equals(s.requests.lastHandledBackupTrigger) && s.backup != null
                && s.backup.activeRun == null && s.backup.lastBackupJob != null)));
        return ended ? leg.status() : null;
    }

    /** An object as the sandbox shows it: key, size and the SHA-256 of the bytes read back. */
    static String object(ObjectStore.StoredObject b) {
        return b.key() + " " + b.bytes() + " bytes sha256 " + b.sha256();
    }

    /** Why the last backup failed, or null. */
    static String failure(RaftClusterStatus s) {
        return s.backup == null || s.backup.lastFailure == null ? null
                : s.backup.lastFailure.reason + ": " + s.backup.lastFailure.message;
    }
}
