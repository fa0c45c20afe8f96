package dev.raftops.domain.backup;

import static dev.raftops.domain.testing.Generate.between;
import static dev.raftops.domain.testing.Generate.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.OneShotRequest;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.BackupStatus;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.PropertyCases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random scripts of passes, clock jumps (mostly forward, sometimes back), Job outcomes, manual
 * tokens, schedule edits, lost status writes, controller restarts (the persisted status fed back
 * with a fresh observation) and rolling upgrades that start, fail and complete. Each property
 * replays the script and checks its invariant after every pass.
 */
class BackupDecisionPropertiesTest {

    private static final int CASES = 250;

    /** One thing that happens to the world. */
    sealed interface Step {
    }

    /** Passes until the decision stops asking to look again at once. */
    record Settle() implements Step {
    }

    /** A controller restart: a fresh observation of the persisted status, then passes. */
    record Restart() implements Step {
    }

    /** A pass whose actions ran but whose status write was lost (a crash before the write). */
    record LostWrite() implements Step {
    }

    /** One pass, persisted, and then the controller stops before the immediate follow-up pass. */
    record Interrupted() implements Step {
    }

    record Jump(Duration by) implements Step {
    }

    /** The running backup Job, if any, finishes. */
    record Finish(JobResult result) implements Step {
    }

    /** A finished Job is garbage-collected (TTL). */
    record Vanish() implements Step {
    }

    record Trigger(String token) implements Step {
    }

    record EditSchedule(String schedule, String zone) implements Step {
    }

    /** spec.version moves on; the rolling upgrade starts when the lock is free, else it stays pending. */
    record UpgradeRequested() implements Step {
    }

    record UpgradeFails() implements Step {
    }

    record UpgradeCompletes() implements Step {
    }

    record Script(Instant start, String schedule, String zone, List<Step> steps) {
    }

    private static final String[][] SCHEDULES = {
        {"@hourly", "UTC"}, {"*/20 * * * *", "UTC"}, {"30 2 * * *", "Europe/Amsterdam"},
        {"@daily", "America/New_York"}, {"0 */3 * * *", "Europe/Amsterdam"}, {"15 1 * * 0", "Australia/Lord_Howe"},
        {"@weekly", "UTC"}, {"@monthly", "Europe/Amsterdam"}};

    private static final Instant[] STARTS = {
        Instant.parse("2026-03-28T20:00:00Z"), Instant.parse("2026-10-24T20:00:00Z"),
        Instant.parse("2026-05-01T10:15:00Z"), Instant.parse("2026-12-31T22:00:00Z")};

    static Stream<Arguments> scripts() {
        return PropertyCases.of(CASES, BackupDecisionPropertiesTest::script);
    }

    static Script script(Random random) {
        String[] schedule = oneOf(random, SCHEDULES);
        Instant start = oneOf(random, STARTS).plusSeconds(between(random, 0, 36_000));
        List<Step> steps = new ArrayList<>();
        int count = between(random, 10, 40);
        for (int i = 0; i < count; i++) {
            steps.add(step(random, i));
        }
        return new Script(start, schedule[0], schedule[1], steps);
    }

    private static Step step(Random random, int index) {
        int roll = random.nextInt(100);
        if (roll < 25) {
            return new Settle();
        } else if (roll < 30) {
            return new Restart();
        } else if (roll < 33) {
            return new LostWrite();
        } else if (roll < 37) {
            return new Interrupted();
        } else if (roll < 52) {
            Duration by = oneOf(random, Duration.ofMinutes(between(random, 1, 59)), Duration.ofHours(between(random, 1, 30)),
                    Duration.ofSeconds(between(random, 1, 300)), Duration.ofDays(between(random, 1, 9)));
            return new Jump(random.nextInt(10) == 0 ? Duration.ofMinutes(-between(random, 1, 90)) : by);
        } else if (roll < 67) {
            return new Finish(random.nextBoolean() ? JobResult.SUCCEEDED : JobResult.FAILED);
        } else if (roll < 69) {
            return new Vanish();
        } else if (roll < 77) {
            return new Trigger("token-" + index);
        } else if (roll < 81) {
            String[] schedule = random.nextInt(6) == 0 ? new String[] {"0 25 * * *", "UTC"} : oneOf(random, SCHEDULES);
            return new EditSchedule(schedule[0], schedule[1]);
        } else if (roll < 88) {
            return new UpgradeRequested();
        } else if (roll < 92) {
            return new UpgradeFails();
        }
        return new UpgradeCompletes();
    }

    /** Plays a script, calling {@code check} after every pass and every step. */
    static final class Run {

        final BackupPasses world;
        final Case<Script> c;
        int version = 4;
        int tokens;
        /** Whether a new Job appeared in a pass that started while an upgrade suppressed backups. */
        final List<String> createdWhileSuppressed = new ArrayList<>();
        final List<String> concurrent = new ArrayList<>();
        /** Whether the last step ended in a settled, persisted pass. */
        boolean settled;
        boolean converged = true;

        Run(Case<Script> c) {
            this.c = c;
            Script s = c.value();
            this.world = new BackupPasses(s.schedule(), s.zone(), s.start());
        }

        void play(Runnable check) {
            for (Step step : c.value().steps()) {
                apply(step, check);
                check.run();
            }
        }

        private void apply(Step step, Runnable check) {
            settled = false;
            if (step instanceof Settle || step instanceof Restart) {
                settle(check);
            } else if (step instanceof LostWrite) {
                pass(false);
            } else if (step instanceof Interrupted) {
                pass(true);
            } else if (step instanceof Jump jump) {
                world.advance(jump.by());
            } else if (step instanceof Finish finish) {
                world.jobs.values().stream().filter(j -> j.result() == JobResult.RUNNING).findFirst()
                        .ifPresent(j -> world.finish(j.name(), finish.result(), "simulated failure"));
            } else if (step instanceof Vanish) {
                world.jobs.values().stream().filter(j -> j.result().finished()).findFirst()
                        .ifPresent(j -> world.jobs.remove(j.name()));
            } else if (step instanceof Trigger trigger) {
                tokens++;
                world.trigger(trigger.token());
            } else if (step instanceof EditSchedule edit) {
                world.spec = world.spec.withBackup(world.spec.backup().withSchedule(edit.schedule(), edit.zone()));
            } else if (step instanceof UpgradeRequested) {
                upgradeRequested();
            } else if (step instanceof UpgradeFails) {
                ClusterStatus s = world.status;
                if (s.upgrade() != null && !s.upgrade().failed()) {
                    world.status = s.withUpgrade(s.upgrade().withFailure(new Failure("PodNotReady", "sim", world.now)))
                            .withOperationLock(s.operationLock().release(Operation.Upgrade, Holders.UPGRADE).lock());
                }
            } else if (step instanceof UpgradeCompletes) {
                ClusterStatus s = world.status;
                boolean lockFree = !s.operationLock().isHeld() || s.operationLock().operation() == Operation.Upgrade;
                if (s.upgrade() != null || (lockFree && !world.spec.version().equals(s.currentVersion()))) {
                    world.status = s.withCurrentVersion(world.spec.version()).withUpgrade(null)
                            .withOperationLock(s.operationLock().release(Operation.Upgrade, Holders.UPGRADE).lock());
                }
            }
        }

        /** The rolling upgrade can only start when the lock is free; otherwise it stays pending. */
        private void upgradeRequested() {
            if (world.status.upgrade() != null) {
                return;
            }
            version++;
            String target = "1." + version + ".0";
            world.spec = world.spec.withVersion(target, null);
            if (!world.status.operationLock().isHeld()) {
                var lock = world.status.operationLock().acquire(Operation.Upgrade, Holders.UPGRADE, "upgrade", world.now);
                RollingProgress progress = new RollingProgress(world.status.currentVersion(), target, "openbao:" + target,
                        world.now, 3, List.of(), null, null, List.of(), null, 1, null);
                world.status = world.status.withUpgrade(progress).withOperationLock(lock.lock());
            }
        }

        private void settle(Runnable check) {
            Decision d = pass(true);
            check.run();
            for (int i = 0; i < 8 && BackupPasses.isImmediate(d.wake()); i++) {
                d = pass(true);
                check.run();
            }
            converged &= !BackupPasses.isImmediate(d.wake());
            settled = true;
        }

        private Decision pass(boolean persist) {
            boolean suppressed = upgradeSuppresses(world.status, world.spec.version());
            int before = world.created.size();
            Decision d = persist ? world.pass() : world.passLosingStatus();
            for (JobRequest job : world.created.subList(before, world.created.size())) {
                if (suppressed) {
                    createdWhileSuppressed.add(job.name());
                }
                long running = world.jobs.values().stream()
                        .filter(j -> j.result() == JobResult.RUNNING && "backup".equals(j.action())).count();
                if (running > 1) {
                    concurrent.add(job.name() + " while " + running + " backup Jobs ran");
                }
            }
            return d;
        }

        static boolean upgradeSuppresses(ClusterStatus s, String specVersion) {
            boolean otherLock = s.operationLock().isHeld() && s.operationLock().operation() != Operation.Backup;
            return s.upgrade() != null || !specVersion.equals(s.currentVersion()) || otherLock;
        }

        boolean scheduleValid() {
            BackupSpec b = world.spec.backup();
            ScheduleReading r = BackupSchedule.read(b.schedule(), b.timeZone());
            return r instanceof ScheduleReading.Valid v && v.schedule().nextAfter(world.now).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void neverTwoBackupJobsRunAtOnce(Case<Script> c) {
        Run run = new Run(c);
        run.play(() -> {
            long running = run.world.jobs.values().stream()
                    .filter(j -> j.result() == JobResult.RUNNING && "backup".equals(j.action())).count();
            assertThat(running).as(c.why("invariant: at most one backup Job runs at a time")).isLessThanOrEqualTo(1);
        });
        assertThat(run.concurrent).as(c.why("invariant: no Job is created while another backup Job runs")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void eachScheduledWindowRunsAtMostOnceAndWindowsOnlyMoveForward(Case<Script> c) {
        Run run = new Run(c);
        run.play(() -> {
        });
        List<Instant> windows = run.world.created.stream()
                .filter(j -> BackupJob.KIND_SCHEDULED.equals(j.parameters().get(BackupJob.SNAPSHOT_KIND)))
                .map(j -> Instant.parse(j.parameters().get(BackupJob.WINDOW))).toList();
        for (int i = 1; i < windows.size(); i++) {
            assertThat(windows.get(i)).as(c.why("invariant: scheduled windows strictly increase: " + windows))
                    .isAfter(windows.get(i - 1));
        }
        assertThat(run.world.created.stream().map(JobRequest::name).distinct().count())
                .as(c.why("invariant: one Job per name")).isEqualTo(run.world.created.size());
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void theNextWindowIsAlwaysAfterTheLastScheduledTime(Case<Script> c) {
        Run run = new Run(c);
        run.play(() -> {
            BackupStatus b = run.world.backup();
            if (b.nextScheduledBackup() != null && b.lastScheduledTime() != null) {
                assertThat(b.nextScheduledBackup()).as(c.why("invariant: nextScheduledBackup > lastScheduledTime"))
                        .isAfter(b.lastScheduledTime());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void aSettledScheduleIsNeverStuckInThePast(Case<Script> c) {
        Run run = new Run(c);
        run.play(() -> {
            BackupStatus b = run.world.backup();
            if (run.settled && b.activeRun() == null && run.scheduleValid()) {
                assertThat(b.nextScheduledBackup()).as(c.why("invariant: after a settled pass the next window is set"))
                        .isNotNull();
                assertThat(b.nextScheduledBackup()).as(c.why("invariant: after a settled pass the next window is ahead"))
                        .isAfter(run.world.now);
            }
        });
        assertThat(run.converged).as(c.why("invariant: passes settle within 8 immediate wake-ups")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void noJobStartsWhileAnUpgradeIsPendingRunningOrFailed(Case<Script> c) {
        Run run = new Run(c);
        run.play(() -> {
        });
        assertThat(run.createdWhileSuppressed).as(c.why("invariant: upgrades suppress new backup Jobs")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void theBackupHoldsTheLockOnlyWhileARunIsInFlight(Case<Script> c) {
        Run run = new Run(c);
        run.play(() -> {
            ClusterStatus s = run.world.status;
            if (s.operationLock().isHeldBy(Operation.Backup, Holders.BACKUP)) {
                assertThat(s.backup().activeRun()).as(c.why("invariant: a backup lock always has a run behind it"))
                        .isNotNull();
            }
            if (s.backup().activeRun() != null) {
                assertThat(s.operationLock().isHeldBy(Operation.Backup, Holders.BACKUP))
                        .as(c.why("invariant: a run in flight holds the lock")).isTrue();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void everyTokenIsHandledOnceAndStartsAtMostOneJob(Case<Script> c) {
        Run run = new Run(c);
        run.play(() -> {
            if (run.settled) {
                OneShotRequest trigger = new OneShotRequest(run.world.spec.backup().triggerRequest(),
                        run.world.status.requests().lastHandledBackupTrigger());
                assertThat(trigger.pending()).as(c.why("invariant: a settled pass leaves no token pending")).isFalse();
            }
        });
        long manual = run.world.created.stream()
                .filter(j -> BackupJob.KIND_MANUAL.equals(j.parameters().get(BackupJob.SNAPSHOT_KIND))).count();
        assertThat(manual).as(c.why("invariant: manual Jobs <= tokens")).isLessThanOrEqualTo(run.tokens);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void resultsAreCountedOncePerJob(Case<Script> c) {
        Run run = new Run(c);
        run.play(() -> {
            BackupStatus b = run.world.backup();
            long finished = run.world.created.stream().map(j -> run.world.jobs.get(j.name()))
                    .filter(j -> j == null || j.result().finished()).count();
            assertThat(b.successfulBackups()).as(c.why("invariant: successes never exceed finished or vanished Jobs"))
                    .isLessThanOrEqualTo(finished);
            assertThat(b.consecutiveFailures()).as(c.why("invariant: failures never negative")).isNotNegative();
        });
    }

}
