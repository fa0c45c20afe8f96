package dev.raftops.sandbox.cli;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.adapters.fabric8.crd.RaftRestore;
import dev.raftops.adapters.fabric8.crd.RaftRestoreSpec;
import dev.raftops.adapters.fabric8.crd.RaftRestoreStatus;
import dev.raftops.adapters.fabric8.crd.RestoreSourceSpec;
import dev.raftops.sandbox.SandboxEnvironment;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code raftops sandbox --scenario restore}: a running cluster is backed up by hand into the
 * sandbox's S3Proxy bucket, then a {@code RaftRestore} of {@code latest: true} restores that backup
 * (docs/reference/restore.md); its phases are printed as they change, and the members it restarts
 * one at a time.
 */
final class SandboxRestore {

    private final SandboxConsole console;
    private final SandboxEnvironment environment;
    private final SandboxLeg leg;
    private final int replicas;
    private final String name;
    private final List<String> phases = new ArrayList<>();

    SandboxRestore(SandboxConsole console, SandboxEnvironment environment, SandboxLeg leg, int replicas) {
        this.console = console;
        this.environment = environment;
        this.leg = leg;
        this.replicas = replicas;
        this.name = leg.name() + "-restore";
    }

    /** Backs the running cluster up, restores the latest backup and follows the restore to its end. */
    SandboxOutcome run(String version, Instant deadline) throws InterruptedException {
        console.say("cluster runs " + version + "; asking for a manual backup (schedule @daily, trigger "
                + SandboxBackup.TOKEN + ")");
        RaftClusterStatus backedUp = SandboxBackup.ask(environment, leg, deadline);
        if (backedUp == null) {
            return SandboxOutcome.timeout(leg.status());
        }
        if (SandboxBackup.failure(backedUp) != null) {
            console.say("blocked: " + SandboxBackup.failure(backedUp));
            return SandboxOutcome.blocked(backedUp);
        }
        console.say("backup done: job " + backedUp.backup.lastBackupJob);
        environment.objectStore().objects().forEach(b -> console.say("backup object " + SandboxBackup.object(b)));
        console.say("creating RaftRestore " + name + " of the latest backup (spec.source.latest true)");
        SandboxRestarts restarts = new SandboxRestarts(() -> environment.cluster().traceLines(leg.name()), replicas,
                console::say);
        environment.cluster().record(leg.name(), "operator", l -> l.put("request", "restore").put("restore", name));
        environment.client().resource(restore()).create();
        boolean ended = leg.follow(deadline, s -> {
            restarts.show();
            RaftRestoreStatus r = status();
            return r != null && ("Failed".equals(r.phase) || "Completed".equals(r.phase) && settled(s));
        });
        restarts.show();
        RaftRestoreStatus done = status();
        if (!ended) {
            return SandboxOutcome.timeout(leg.status());
        }
        if (!"Completed".equals(done.phase)) {
            console.say("blocked: restore " + name + " failed: " + (done.failure == null ? "-"
                    : done.failure.reason + ": " + done.failure.message));
            return SandboxOutcome.blocked(leg.status());
        }
        console.say("done: restore " + name + " " + String.join(" -> ", phases) + "; object " + done.objectKey
                + " sha256 " + done.sha256 + ", index reached " + done.indexReached + "; " + restarts.text());
        return SandboxOutcome.converged(leg.status());
    }

    /** The restore's status, printing each phase it enters. */
    private RaftRestoreStatus status() {
        RaftRestore r = environment.client().resources(RaftRestore.class).inNamespace(leg.namespace())
                .withName(name).get();
        RaftRestoreStatus s = r == null ? null : r.getStatus();
        if (s != null && s.phase != null && (phases.isEmpty() || !phases.get(phases.size() - 1).equals(s.phase))) {
            phases.add(s.phase);
            console.say("restore " + name + " phase " + s.phase + detail(s));
        }
        return s;
    }

    private static String detail(RaftRestoreStatus s) {
        return switch (s.phase) {
            case "Locked" -> ": lock " + s.holder + " epoch " + s.lockEpoch;
            case "Restoring" -> ": job " + s.job + " restores " + s.objectKey;
            case "RestartingMembers" -> ": every member restarts once, the leader last";
            case "Failed" -> s.failure == null ? "" : ": " + s.failure.reason;
            default -> "";
        };
    }

    /** The roll the restore asked for is over and the lock is free. */
    private static boolean settled(RaftClusterStatus s) {
        return s != null && s.upgrade == null && (s.operationLock == null || s.operationLock.holder == null);
    }

    private RaftRestore restore() {
        RaftRestore restore = new RaftRestore();
        restore.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(leg.namespace()).build());
        RaftRestoreSpec spec = new RaftRestoreSpec();
        spec.clusterRef = leg.name();
        spec.source = new RestoreSourceSpec();
        spec.source.latest = true;
        restore.setSpec(spec);
        return restore;
    }
}
