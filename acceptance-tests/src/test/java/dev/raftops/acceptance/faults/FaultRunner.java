package dev.raftops.acceptance.faults;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.adapters.fabric8.crd.StatusCondition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays one {@link FaultRun} in a fresh {@link ProcessWorld}: the cluster is created and runs, the
 * operation starts, the fault is played on the Lease holder at the run's point, and the run waits
 * for the operation to complete or to stop with a named condition; then every {@link RunChecks}
 * check runs on the trace and the audit.
 */
public final class FaultRunner {

    static final String CLUSTER = "bao";
    /** Where a run with violations leaves its trace, audit and process output (relative to the module). */
    static final Path KEPT = Path.of("target", "fault-runs");
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration FINISH = Duration.ofSeconds(120);
    /** After a named stop: how long nothing disruptive may happen. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private FaultRunner() {
    }

    public static RunReport run(FaultRun run, Path parent) throws Exception {
        long began = System.nanoTime();
        Path dir = Files.createDirectories(parent.resolve(run.fault() + "-" + run.seed()));
        Operation op = run.operation();
        List<String> marks = new ArrayList<>();
        Runnable mark = () -> marks.add(Duration.ofNanos(System.nanoTime() - began).toMillis() + "ms");
        try (ProcessWorld world = ProcessWorld.open(run.seed(), dir, 2)) {
            world.await("one process takes the Lease", START, () -> world.holder() != null);
            mark.run();
            world.create(CLUSTER, op.spec(), op.target());
            world.await("the cluster runs " + Operation.FROM, START, () -> {
                RaftClusterStatus st = world.status(CLUSTER);
                return st != null && op.running(st);
            });
            mark.run();
            int startedAt = world.trace(CLUSTER).size();
            op.start(world, CLUSTER, run.seed());
            world.within(Duration.ofSeconds(20), () -> world.trace(CLUSTER).size() >= startedAt + run.point()
                    || op.done(world, CLUSTER, run.seed()));
            ControllerSlot leader = world.slot(world.holder());
            if (leader == null) {
                world.await("a process holds the Lease", START, () -> world.holder() != null);
                leader = world.slot(world.holder());
            }
            world.cluster().record(CLUSTER, "fault", l -> l.put("fault", run.fault().name()).put("seed", run.seed())
                    .put("instance", world.holder()));
            mark.run();
            FaultPlayed played = run.fault().play(world, leader, run.faultRandom());
            mark.run();

            boolean done = world.within(FINISH, () -> op.done(world, CLUSTER, run.seed()));
            List<String> violations = new ArrayList<>();
            String outcome;
            if (done) {
                outcome = "completed";
            } else {
                RaftClusterStatus st = world.status(CLUSTER);
                StatusCondition condition = stopCondition(st);
                String named = condition != null ? condition.type + "/" + condition.reason : op.stopped(world, CLUSTER);
                int stoppedAt = world.trace(CLUSTER).size();
                Thread.sleep(QUIET.toMillis());
                if (named == null) {
                    outcome = "neither completed nor stopped";
                    violations.add("the " + op + " neither completed nor stopped with a named condition within "
                            + FINISH + "; status " + world.client().getKubernetesSerialization().asJson(st));
                } else {
                    outcome = "stopped: " + named;
                    violations.addAll(RunChecks.quietAfter(world.trace(CLUSTER), stoppedAt, outcome));
                }
            }
            mark.run();
            Thread.sleep(500); // the passes in flight land in the trace and the audit
            List<String> lines = world.trace(CLUSTER);
            if (played.violation() != null) {
                violations.add(played.violation());
            }
            violations.addAll(RunChecks.invariants(lines));
            violations.addAll(RunChecks.restartsOnce(lines));
            violations.addAll(RunChecks.jobsOnce(lines));
            violations.addAll(world.leaseViolations());
            // after a cut-off the proxy delivers the bytes it held: writes sent while the process still led arrive
            // after the takeover, guarded by their preconditions alone (docs/reliability.md); counted, not a violation
            if (!run.fault().deliversLate()) {
                violations.addAll(RunChecks.fenced(world.audit().entries(), played.token(), played.fencedFromNanos()));
            }
            if (!violations.isEmpty()) {
                // kept beyond the test's temporary directory: the trace and the processes' last lines
                Path kept = Files.createDirectories(KEPT.resolve(run.fault() + "-" + run.seed()));
                Files.write(kept.resolve("trace.jsonl"), lines);
                Files.writeString(kept.resolve("processes.txt"), world.diagnostics());
                Files.write(kept.resolve("audit.txt"), world.audit().entries().stream().map(ApiAudit.Entry::toString)
                        .toList());
            }
            List<ApiAudit.Entry> attempts = world.audit().entries().stream().filter(e -> e.token().equals(
                    played.token()) && e.write() && played.fencedFromNanos() >= 0 && e.nanos() > played.fencedFromNanos())
                    .toList();
            return new RunReport(run, outcome, played, world.leaseHolders(), marks, attempts,
                    Duration.ofNanos(System.nanoTime() - began).toMillis(), violations);
        }
    }

    /** Conditions whose True says the cluster stopped (docs/reference/conditions-and-reasons.md). */
    private static final java.util.Set<String> STOPPED = java.util.Set.of("Degraded", "Paused", "BackupFailing",
            "BackupConfigurationInvalid");
    /** Reasons of a False {@code Upgrading} that are no stop: done, nothing to do. */
    private static final java.util.Set<String> NOT_STOPPED = java.util.Set.of("UpgradeComplete", "UpToDate",
            "BuildMetadataOnly");

    /**
     * The condition that names why the operation stopped: a True {@code Degraded}, {@code Paused} or
     * backup failure, or a False {@code Upgrading} with a blocking reason; null when none does (a True
     * {@code Available} is no reason to stop).
     */
    private static StatusCondition stopCondition(RaftClusterStatus st) {
        if (st == null || st.conditions == null) {
            return null;
        }
        return st.conditions.stream().filter(c -> c.reason != null && !c.reason.isBlank()
                && ("True".equals(c.status) && STOPPED.contains(c.type) || "False".equals(c.status)
                        && "Upgrading".equals(c.type) && !NOT_STOPPED.contains(c.reason)))
                .findFirst().orElse(null);
    }
}
