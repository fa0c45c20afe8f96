package dev.raftops.controller.metrics;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.BackupStatus;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.BlueGreenTarget;
import dev.raftops.domain.resource.BreakGlass;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.rolling.RollingReasons;
import dev.raftops.controller.queue.ControllerLoop;
import dev.raftops.controller.queue.WorkQueue;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.ports.driving.ReconcileOutcome;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the controller exports, read off its Prometheus scrape after each pass of a
 * Day-2 life: the controller's loops run a pass each, and the statuses of an upgrade (snapshot
 * failure, step-down, a completed pod, a failed step-down, completion), backups (success, three
 * failures) and a blue/green attempt that fails a Job and enters break-glass go through the
 * metered status port as the controller reads and writes them.
 */
final class ExportedMetricsTour {

    static final ClusterKey KEY = new ClusterKey("ns", "db");
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private ExportedMetricsTour() {
    }

    /** Every sample name of every scrape. */
    static TreeSet<String> sampleNames() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        TreeSet<String> names = new TreeSet<>();
        for (String controller : List.of("workload", "adminops")) {
            try (ControllerLoop loop = new ControllerLoop(controller, new WorkQueue<>(RetryTiming.defaults()),
                    key -> new ReconcileOutcome.Error("Test", "a failing pass"), registry)) {
                loop.start(1);
                loop.queue().add(KEY);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (registry.find("raftops_reconcile_errors").counter().count() < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
        }
        AtomicReference<ClusterStatus> stored = new AtomicReference<>(ClusterStatus.initial());
        StatusPort store = new StatusPort() {
            @Override
            public Optional<ClusterDocument> read(ClusterKey cluster) {
                return Optional.of(new ClusterDocument(cluster, "uid", 1, "1",
                        new SpecReading.Valid(ClusterSpec.of("2.4.4", null, 3)), stored.get()));
            }

            @Override
            public WriteResult compareAndSet(ClusterKey cluster, String expected, ClusterStatus status) {
                stored.set(status);
                return new WriteResult.Written("2");
            }
        };
        DayTwoMetrics metrics = new DayTwoMetrics(registry);
        Instant now = T0;
        for (ClusterStatus status : life()) {
            now = now.plusSeconds(60);
            // a pass: the controller reads, then writes the next status at its clock's time
            MeteredStatusPort port = new MeteredStatusPort(store, metrics, Clock.fixed(now, ZoneOffset.UTC));
            port.read(KEY);
            names.addAll(names(registry.scrape()));
            port.compareAndSet(KEY, "1", status);
            names.addAll(names(registry.scrape()));
        }
        return names;
    }

    private static List<ClusterStatus> life() {
        ClusterStatus running = ClusterStatus.initial().withCurrentVersion("2.4.0")
                .withBackup(new BackupStatus(null, null, T0, T0, "db-backup-1", 0, null, 1));
        OperationLock upgradeLock = OperationLock.free().acquire(Operation.Upgrade, Holders.UPGRADE, "upgrade", T0).lock();
        RollingProgress started = RollingProgress.started("2.4.0", "2.4.4", "img:2.4.4", T0, 3, List.of(), 1, true);
        RollingProgress snapshotFailed = started.withSnapshot(new RollingProgress.Snapshot("db-snap-1", 1, null));
        RollingProgress snapshotDone = started.withSnapshot(new RollingProgress.Snapshot("db-snap-2", 1, T0));
        RollingProgress stepDown = snapshotDone.withStepDown(new RollingProgress.StepDown(2, 1, "db-step-down", T0, null));
        RollingProgress released = snapshotDone.withReleasedAt(T0.plusSeconds(300));
        RollingProgress completed = released.completed(2, List.of());
        RollingProgress failed = completed.withFailure(new Failure(RollingReasons.STEP_DOWN_FAILED, "step-down failed", T0));
        ClusterStatus upgrading = running.withOperationLock(upgradeLock);
        ClusterStatus done = running.withCurrentVersion("2.4.4")
                .withOperationLock(upgradeLock.release(Operation.Upgrade, Holders.UPGRADE).lock());
        ClusterStatus backupFailing = done.withBackup(new BackupStatus(null, null, T0, T0, "db-backup-1", 3,
                new Failure("BackupFailed", "job failed", T0), 1));
        BlueGreenStatus attempt = BlueGreenStatus.idle("aaaa", "img:2.4.4")
                .started("a1", new BlueGreenTarget("2.5.0", "img:2.5.0", 3, true), null, T0);
        BlueGreenStatus jobFailed = attempt.withJobFailure(1, new Failure("ExecutorJobFailed",
                "job db-join-green (join-green) failed", T0));
        BreakGlass glass = new BreakGlass(true, "RollbackFailed", "rollback failed", "nonce", T0, List.of("step"), null);
        return List.of(running, upgrading.withUpgrade(started), upgrading.withUpgrade(snapshotFailed),
                upgrading.withUpgrade(stepDown), upgrading.withUpgrade(released), upgrading.withUpgrade(completed),
                upgrading.withUpgrade(failed), done, backupFailing, backupFailing.withBlueGreen(attempt),
                backupFailing.withBlueGreen(jobFailed).withBreakGlass(glass));
    }

    private static TreeSet<String> names(String scrape) {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^(raftops_[a-z_]+)[{ ]").matcher(scrape);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
