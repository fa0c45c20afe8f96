package dev.raftops.adapters.fabric8;

import static dev.raftops.domain.testing.Generate.between;
import static dev.raftops.domain.testing.Generate.chance;
import static dev.raftops.domain.testing.Generate.oneOf;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.opslifecycle.HandledRequests;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.BackupStatus;
import dev.raftops.domain.resource.BlueGreenPhase;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.BreakGlass;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ForceRelease;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorSpec;
import dev.raftops.domain.resource.Maintenance;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.resource.RollingSpec;
import dev.raftops.domain.resource.UpgradeRequests;
import dev.raftops.domain.resource.UpgradeSpec;
import dev.raftops.domain.resource.UpgradeStrategy;
import dev.raftops.domain.resource.UpgradeTimeouts;
import dev.raftops.domain.version.UpgradePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random but valid domain specs and statuses, every optional part sometimes absent. */
final class RandomClusters {

    private RandomClusters() {
    }

    static ClusterSpec spec(Random r) {
        UpgradeSpec upgrade = new UpgradeSpec(oneOf(r, UpgradeStrategy.values()), r.nextBoolean(),
                new UpgradePolicy(r.nextBoolean(), r.nextBoolean(), chance(r, 0.5) ? between(r, 0, 5) : null),
                new UpgradeTimeouts(duration(r, 1), duration(r, 1)),
                new ExecutorSpec(text(r), text(r), chance(r, 0.5) ? Map.of("cpu", "100m") : null,
                        chance(r, 0.5) ? Map.of("memory", "64Mi", "cpu", "1") : null),
                new UpgradeRequests(text(r), text(r), text(r)),
                new BlueGreenSpec(r.nextBoolean(), between(r, 1, 9),
                        new BlueGreenSpec.Verification(duration(r, 0), between(r, 0, 1000),
                                chance(r, 0.5) ? null : new BlueGreenSpec.PrePromotionHook("hook:" + r.nextInt(9),
                                        List.of("sh", "-c"), chance(r, 0.5) ? List.of() : List.of("check"), between(r, 0, 900))),
                        new BlueGreenSpec.AutoRollback(r.nextBoolean(), r.nextBoolean(), r.nextBoolean())),
                new RollingSpec(chance(r, 0.5) ? null : (long) between(r, 0, 1000)),
                oneOf(r, dev.raftops.domain.resource.RaftStateSource.values()));
        BackupSpec backup = chance(r, 0.3) ? null : new BackupSpec(oneOf(r, "@daily", "0 3 * * *", "bad cron"),
                oneOf(r, "UTC", "Europe/Berlin"), new BackupSpec.Retention(chance(r, 0.5) ? between(r, 1, 30) : null,
                        chance(r, 0.5) ? duration(r, 1) : null),
                chance(r, 0.5) ? Map.of("bucket", "b" + r.nextInt(9)) : Map.of(), text(r), text(r));
        if (backup == null) {
            upgrade = upgrade.withPreUpgradeSnapshot(false); // a snapshot needs spec.backup: else the spec is invalid
        }
        return new ClusterSpec(oneOf(r, "2.1.0", "v3.0.0-rc.1", "not-a-version"), text(r), between(r, 1, 7),
                r.nextBoolean(), new Maintenance(r.nextBoolean(), text(r)), text(r), upgrade, backup, null, forceRelease(r),
                tls(r));
    }

    /** Plain HTTP, or TLS from the default Secret or a named one, with or without a CA ConfigMap. */
    private static dev.raftops.domain.resource.TlsSpec tls(Random r) {
        boolean disabled = r.nextBoolean();
        return new dev.raftops.domain.resource.TlsSpec(disabled, chance(r, 0.5) ? null : "ca-" + r.nextInt(9),
                disabled || chance(r, 0.5) ? null : "certs-" + r.nextInt(9));
    }

    private static ForceRelease forceRelease(Random r) {
        return chance(r, 0.5) ? null : new ForceRelease(oneOf(r, "raftcluster/upgrade", "restore/nightly"),
                chance(r, 0.2) ? null : (long) between(r, 0, 99), text(r));
    }

    static ClusterStatus status(Random r) {
        List<Condition> conditions = new ArrayList<>();
        for (String type : List.of(Condition.AVAILABLE, Condition.UPGRADING, Condition.DEGRADED)) {
            if (r.nextBoolean()) {
                conditions = Condition.set(conditions, type, oneOf(r, Condition.Status.values()), "Reason" + r.nextInt(5),
                        oneOf(r, "", "message " + r.nextInt(9)), between(r, 0, 9), instant(r));
            }
        }
        OperationLock lock = new OperationLock(null, null, null, null, null, between(r, 0, 50));
        if (r.nextBoolean()) {
            lock = new OperationLock(oneOf(r, Operation.values()), "raftcluster/upgrade", text(r), instant(r), instant(r),
                    between(r, 1, 50));
        }
        RollingProgress upgrade = chance(r, 0.4) ? null : new RollingProgress(text(r), "2.2.0", text(r), instant(r),
                between(r, 0, 5), List.of(4, 3), maybeInstant(r),
                chance(r, 0.5) ? null : new RollingProgress.StepDown(2, between(r, 1, 3), "db-step-down-1-2", instant(r), maybeInstant(r)),
                List.of(new RollingProgress.PlanStep(2, true), new RollingProgress.PlanStep(1, r.nextBoolean())),
                chance(r, 0.7) ? null : failure(r), between(r, 1, 4),
                chance(r, 0.5) ? null : new RollingProgress.Snapshot(text(r), between(r, 0, 3), maybeInstant(r)), text(r));
        BlueGreenStatus blueGreen = chance(r, 0.5) ? null : new BlueGreenStatus(oneOf(r, BlueGreenPhase.values()), text(r),
                "b0", text(r), text(r), text(r), text(r), between(r, 0, 5), r.nextBoolean(), maybeInstant(r), between(r, 0, 5),
                chance(r, 0.5) ? null : failure(r), text(r), text(r), maybeInstant(r), between(r, 0, 3), text(r),
                chance(r, 0.5) ? List.of() : List.of("join-green", "wait-synced"), text(r),
                chance(r, 0.5) ? null : "db");
        BreakGlass breakGlass = chance(r, 0.7) ? BreakGlass.inactive() : new BreakGlass(true, "SplitBrain", "two leaders",
                "00ff" + r.nextInt(1000), instant(r), List.of("1. look", "2. fix"), maybeInstant(r));
        BackupStatus.ActiveRun run = chance(r, 0.5) ? null
                : new BackupStatus.ActiveRun("db-backup-" + r.nextInt(99), instant(r), r.nextBoolean(), instant(r),
                        maybeInstant(r));
        BackupStatus backup = new BackupStatus(maybeInstant(r), maybeInstant(r), maybeInstant(r), maybeInstant(r), text(r),
                between(r, 0, 4), chance(r, 0.5) ? null : failure(r), between(r, 0, 100), run, text(r),
                chance(r, 0.5) ? null : new dev.raftops.domain.resource.BackupObject("backups/" + r.nextInt(9) + ".snap",
                        chance(r, 0.3) ? null : (long) between(r, 0, 9999), chance(r, 0.3) ? null : "ab" + r.nextInt(99)));
        return new ClusterStatus(text(r), oneOf(r, Phase.values()), between(r, 0, 20), conditions, upgrade, blueGreen, lock,
                breakGlass, backup, new HandledRequests(text(r), text(r), text(r), text(r), text(r), text(r)),
                chance(r, 0.5) ? null : failure(r), chance(r, 0.5) ? null : oneOf(r, "RollingUpdate", "BlueGreen"),
                null, chance(r, 0.5) ? List.of() : List.of(member(r, 0), member(r, 1)));
    }

    private static dev.raftops.domain.resource.MemberStatus member(Random r, int ordinal) {
        boolean probed = r.nextBoolean();
        return new dev.raftops.domain.resource.MemberStatus("db-" + ordinal, ordinal, text(r), r.nextBoolean(),
                chance(r, 0.3) ? null : r.nextBoolean(), chance(r, 0.5) ? null : r.nextBoolean(),
                chance(r, 0.3) ? null : (long) between(r, 0, 500), probed ? r.nextBoolean() : null,
                probed ? r.nextBoolean() : null, probed ? instant(r) : null, chance(r, 0.7) ? null : "connection refused");
    }

    private static Failure failure(Random r) {
        return new Failure("Reason" + r.nextInt(9), oneOf(r, "", "went wrong"), instant(r));
    }

    private static Instant instant(Random r) {
        return Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100_000_000), chance(r, 0.5) ? 0 : r.nextInt(1_000_000_000));
    }

    private static Instant maybeInstant(Random r) {
        return chance(r, 0.5) ? null : instant(r);
    }

    private static Duration duration(Random r, int minSeconds) {
        return chance(r, 0.5) ? Duration.ofSeconds(between(r, minSeconds, 7200)) : Duration.ofMillis(between(r, minSeconds * 1000 + 1, 900_000));
    }

    private static String text(Random r) {
        return chance(r, 0.4) ? null : "v" + r.nextInt(1000);
    }
}
