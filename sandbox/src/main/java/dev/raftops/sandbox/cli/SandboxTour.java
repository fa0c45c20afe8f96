package dev.raftops.sandbox.cli;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.domain.version.SemVer;
import dev.raftops.sandbox.ObjectStore;
import dev.raftops.sandbox.SandboxEnvironment;
import dev.raftops.sandbox.SandboxFault;
import dev.raftops.simulator.runtime.ClusterRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The guided tour {@code raftops sandbox} runs: a cluster created at {@code --from} and upgraded to
 * {@code --to} under the faults given, then (unless {@code --no-backup}) a manual backup, then
 * (after a RollingUpdate run, unless {@code --then-blue-green none}) a switch of the same cluster to
 * BlueGreen and a blue/green upgrade; each upgrade is one {@link SandboxLeg}, and a summary per leg
 * closes the run.
 */
final class SandboxTour {

    private static final String NAMESPACE = "sandbox";
    private static final String NAME = "demo";

    private final SandboxCommand o;
    private final SandboxConsole console;
    private final List<SandboxSummary> summaries = new ArrayList<>();
    private java.nio.file.Path trace;
    /** Where the tour's backups land; null until the environment is open. */
    private ObjectStore store;

    SandboxTour(SandboxCommand options, SandboxConsole console) {
        this.o = options;
        this.console = console;
    }

    /** Runs the tour; the command's exit code. */
    int run() throws Exception {
        Instant deadline = console.started().plusSeconds(o.timeoutSeconds);
        Duration readyDelay = Duration.ofMillis(o.readyDelayMillis);
        // the timeline is drawn from the trace: without --trace it goes to a file of its own
        trace = o.trace != null || o.timeline == null ? o.trace
                : java.nio.file.Files.createTempFile("raftops-sandbox-", ".jsonl");
        if (o.trace == null && trace != null) {
            trace.toFile().deleteOnExit();
        }
        ClusterRuntime.Settings runtimeSettings = new ClusterRuntime.Settings(NAMESPACE, o.seed, Duration.ofMillis(100),
                readyDelay, readyDelay.dividedBy(2), o.leader, trace);
        try (SandboxEnvironment environment = SandboxEnvironment.open(runtimeSettings)) {
            store = environment.objectStore();
            String target = o.scenario() == SandboxScenario.TOUR ? o.to : o.from;
            SandboxLeg leg = new SandboxLeg(console, environment, NAMESPACE, NAME, o.from, target, o.strategy(),
                    o.timeoutSeconds, console.started());
            leg.recordStart(o.replicas, target, o.seed, o.leader);
            environment.start();
            environment.endpointAddresses().values().stream().flatMap(List::stream).findFirst().ifPresent(a -> say(
                    "controller health and metrics on http://" + a.getAddress().getHostAddress() + ":" + a.getPort()
                            + " (/healthz, /readyz, /metrics)"));
            if (o.kubeconfig != null) {
                dev.raftops.sandbox.SandboxKubeconfig.write(o.kubeconfig, environment.client().getMasterUrl().toString(),
                        NAMESPACE);
                say("a kubeconfig for kubectl and raftops status is written; in another shell:");
                say("export KUBECONFIG=" + o.kubeconfig.toAbsolutePath());
            }
            int code = scenario(environment, leg, deadline);
            if (o.keep) {
                say("the sandbox keeps running (API server, controller, simulated pods) until interrupted (Ctrl-C)");
                leg.follow(Instant.now().plus(Duration.ofDays(3650)), s -> false);
            }
            return code;
        }
    }

    /** The scenario asked for, from the cluster's creation; the exit code. */
    private int scenario(SandboxEnvironment environment, SandboxLeg leg, Instant deadline) throws Exception {
        say("creating RaftCluster " + NAMESPACE + "/" + NAME + " at " + o.from + " with " + o.replicas + " replicas");
        if (!leg.create(o.replicas, deadline)) {
            return end(leg, "timeout", null, 1);
        }
        if (o.scenario() != SandboxScenario.TOUR && !o.faults.isEmpty()) {
            say("faults from now on: " + o.faults.stream().map(SandboxFault::spelling).collect(Collectors.joining(" ")));
            environment.inject(o.faults);
        }
        SandboxOutcome outcome;
        switch (o.scenario()) {
            case RESTART -> outcome = new SandboxRestart(console, environment, leg, o.replicas).run(o.from, deadline);
            case RESTORE -> outcome = new SandboxRestore(console, environment, leg, o.replicas).run(o.from, deadline);
            default -> {
                return tour(environment, leg, deadline);
            }
        }
        return end(leg, outcome.result(), outcome.status(), outcome.code());
    }

    /** The guided tour, once the cluster runs at --from; the exit code. */
    private int tour(SandboxEnvironment environment, SandboxLeg leg, Instant deadline) throws Exception {
        say("cluster runs " + o.from + "; asking for " + o.to);
        leg.requesting(o.to);
        String timeout = o.podReadyTimeout != null ? o.podReadyTimeout
                : o.faults.stream().anyMatch(f -> f instanceof SandboxFault.PodNeverReady) ? "15s" : null;
        Map<String, Object> request = new TreeMap<>(Map.of("version", o.to));
        if (timeout != null) {
            request.put("upgrade", Map.of("timeouts", Map.of("podReady", timeout)));
        }
        if (!o.faults.isEmpty()) {
            say("faults from now on: " + o.faults.stream().map(SandboxFault::spelling)
                    .collect(Collectors.joining(" ")) + (timeout == null ? "" : " (timeouts.podReady " + timeout + ")"));
        }
        environment.inject(o.faults);
        boolean ended = leg.askAndFollow(request, deadline);
        RaftClusterStatus status = leg.status();
        if (!ended) {
            return end(leg, "timeout", status, 1);
        }
        if (SandboxView.nothingToRoll(status) != null) {
            say("done: " + SandboxView.nothingToRoll(status));
            return end(leg, "converged", status, 0);
        }
        if (leg.converged(status) && o.backup) {
            say("the cluster runs " + o.to + "; asking for a manual backup (schedule @daily, trigger "
                    + SandboxBackup.TOKEN + ")");
            status = SandboxBackup.ask(environment, leg, deadline);
            if (status == null) {
                return end(leg, "timeout", leg.status(), 1);
            }
            if (SandboxBackup.failure(status) != null) {
                say("blocked: " + SandboxBackup.failure(status));
                return end(leg, "blocked", status, 2);
            }
            say("backup done: job " + status.backup.lastBackupJob);
            store.objects().forEach(b -> say("backup object " + SandboxBackup.object(b)));
        }
        if (leg.converged(status) && blueGreenLeg()) {
            int code = end(leg, "converged", status, 0, false);
            return blueGreenTour(environment, deadline, code);
        }
        if (leg.converged(status)) {
            say("done: the cluster runs " + o.to);
            return end(leg, "converged", status, 0);
        }
        say("blocked: " + SandboxView.blocked(status));
        return end(leg, "blocked", status, 2);
    }

    /** The guided tour goes on with a blue/green upgrade: after a RollingUpdate run, to a newer version. */
    private boolean blueGreenLeg() {
        if (o.strategy() != UpgradeStrategy.ROLLING_UPDATE || "none".equalsIgnoreCase(o.thenBlueGreen)) {
            return false;
        }
        try {
            return SemVer.parse(o.thenBlueGreen).compareTo(SemVer.parse(o.to)) > 0;
        } catch (IllegalArgumentException notAVersion) {
            return false;
        }
    }

    /**
     * The tour's blue/green leg on the same cluster: {@code spec.upgrade.strategy} switches to
     * BlueGreen, the StatefulSet the tour rolled becomes Blue under its own name without a pod
     * restart (docs/decisions/strategy-switch.md), then --then-blue-green is asked for.
     */
    private int blueGreenTour(SandboxEnvironment environment, Instant deadline, int rollingCode)
            throws InterruptedException {
        SandboxLeg leg = new SandboxLeg(console, environment, NAMESPACE, NAME, o.to, o.to,
                UpgradeStrategy.BLUE_GREEN, o.timeoutSeconds, Instant.now());
        say("switching " + NAME + " to spec.upgrade.strategy BlueGreen: the StatefulSet it rolled becomes Blue");
        if (!leg.switchStrategy(deadline)) {
            return end(leg, "timeout", leg.status(), 1);
        }
        RaftClusterStatus blue = leg.status();
        say(NAME + " runs " + o.to + " with StatefulSet " + blue.blueGreen.blueStatefulSet + " as Blue (revision "
                + SandboxView.shortRevision(blue.blueGreen.blueRevision) + ", pods labelled, none restarted); asking for "
                + o.thenBlueGreen + ": Green is created beside it");
        leg.requesting(o.thenBlueGreen);
        boolean ended = leg.askAndFollow(Map.of("version", o.thenBlueGreen), deadline);
        RaftClusterStatus status = leg.status();
        if (!ended) {
            return end(leg, "timeout", status, 1);
        }
        if (leg.converged(status)) {
            say("done: " + NAME + " runs " + o.thenBlueGreen + " (rolled to " + o.to + ", then blue/green)");
            return end(leg, "converged", status, rollingCode);
        }
        say("blocked: " + SandboxView.blocked(status));
        return end(leg, "blocked", status, 2);
    }

    private int end(SandboxLeg leg, String result, RaftClusterStatus status, int code) {
        return end(leg, result, status, code, true);
    }

    /** Ends {@code leg}; {@code last}: no other leg of the tour follows, so the summaries are printed. */
    private int end(SandboxLeg leg, String result, RaftClusterStatus status, int code, boolean last) {
        summaries.add(leg.end(result, status));
        if (last) {
            summaries.forEach(s -> say(s.text()));
            List<ObjectStore.StoredObject> objects = store == null ? List.of() : store.objects();
            say("bucket " + ObjectStore.BUCKET + " at " + (store == null ? "-" : store.endpoint()) + ": "
                    + objects.size() + (objects.size() == 1 ? " object" : " objects"));
            objects.forEach(b -> say("  " + SandboxBackup.object(b)));
        }
        if (o.trace != null && last) {
            say("trace written to " + o.trace);
        }
        if (o.timeline != null && last) {
            try {
                dev.raftops.sandbox.timeline.TimelineFile.write(trace, o.timeline);
                say("timeline written to " + o.timeline.toAbsolutePath());
            } catch (java.io.IOException | dev.raftops.sandbox.timeline.TimelineFile.BadTrace e) {
                say("cannot write the timeline to " + o.timeline + ": " + e.getMessage());
            }
        }
        return code;
    }

    private void say(String text) {
        console.say(text);
    }
}
