package dev.raftops.sandbox.cli;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.sandbox.SandboxEnvironment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * {@code raftops sandbox --scenario restart}: a running cluster is asked for a rolling restart by
 * setting {@code spec.maintenance.restartAt} to now; every pod rolls once with the gates of an
 * upgrade (one at a time, the leader last after its step-down) and the version stays.
 */
final class SandboxRestart {

    private final SandboxConsole console;
    private final SandboxEnvironment environment;
    private final SandboxLeg leg;
    private final int replicas;

    SandboxRestart(SandboxConsole console, SandboxEnvironment environment, SandboxLeg leg, int replicas) {
        this.console = console;
        this.environment = environment;
        this.leg = leg;
        this.replicas = replicas;
    }

    /** Asks for the restart of the running cluster and follows it to its end. */
    SandboxOutcome run(String version, Instant deadline) throws InterruptedException {
        String request = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        console.say("cluster runs " + version + "; asking for a rolling restart: spec.maintenance.restartAt "
                + request);
        SandboxRestarts restarts = new SandboxRestarts(() -> environment.cluster().traceLines(leg.name()), replicas,
                console::say);
        environment.cluster().record(leg.name(), "operator", l -> l.put("request", "restart")
                .put("restartAt", request));
        leg.patchSpec(Map.of("maintenance", Map.of("restartAt", request)));
        boolean ended = leg.follow(deadline, s -> {
            restarts.show();
            return s != null && (SandboxView.blocked(s) != null || handled(s, request));
        });
        restarts.show();
        RaftClusterStatus status = leg.status();
        if (!ended) {
            return SandboxOutcome.timeout(status);
        }
        if (!handled(status, request)) {
            console.say("blocked: " + SandboxView.blocked(status));
            return SandboxOutcome.blocked(status);
        }
        console.say("done: restart " + request + " handled (status.requests.lastHandledRestart); "
                + restarts.text() + "; the cluster runs " + status.currentVersion);
        return SandboxOutcome.converged(status);
    }

    /** The request is handled, no roll is left in flight and the lock is free. */
    private static boolean handled(RaftClusterStatus s, String request) {
        return s.requests != null && request.equals(s.requests.lastHandledRestart) && s.upgrade == null
                && (s.operationLock == null || s.operationLock.holder == null);
    }
}
