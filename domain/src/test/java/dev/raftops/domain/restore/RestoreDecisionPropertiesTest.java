package dev.raftops.domain.restore;

import static dev.raftops.domain.restore.Restores.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.rolling.RestoreRestart;
import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.PropertyCases.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A restore against a cluster whose lock other operations take and release, with its Job and the
 * members' roll finishing or failing at random, the controller crashing between its writes, forced
 * releases and deletion: it never takes or changes another holder's lock, runs its Job only under
 * its own lock, never restarts members after a failed Job, and always ends with the lock free of it.
 */
class RestoreDecisionPropertiesTest {

    private static final String HOLDER = Holders.restore("r1");

    /** The events of one run, drawn up front so the case prints and replays. */
    record Script(boolean restartVoters, List<Integer> events, long crashSeed) {
    }

    static Stream<Arguments> scripts() {
        return PropertyCases.of(300, r -> {
            List<Integer> events = new ArrayList<>();
            for (int i = 0; i < Generate.between(r, 5, 40); i++) {
                events.add(Generate.between(r, 0, 9));
            }
            return new Script(Generate.chance(r, 0.8), events, r.nextLong());
        });
    }

    /** The world a restore runs in: the cluster's status, the restore's, its Job and its object. */
    static final class World {
        ClusterStatus cluster = BACKED_UP;
        RestoreStatus status = RestoreStatus.initial();
        JobView job;
        boolean finalizer;
        boolean deleting;
        boolean gone;
        boolean jobFailedSeen;
        final List<String> broken = new ArrayList<>();
        final Random crashes;
        final RestoreSpec spec;

        World(Script s) {
            crashes = new Random(s.crashSeed());
            spec = new RestoreSpec("db", RestoreSource.newest(), false, s.restartVoters());
        }

        void pass(boolean mayCrash) {
            if (gone) {
                return;
            }
            OperationLock before = cluster.operationLock();
            RestoreResult r = RestoreDecision.decide(new RestoreInput("r1", 1, spec, status,
                    Optional.of(cluster(cluster)), Optional.ofNullable(job), finalizer, deleting, NOW, new Random(1),
                    RetryTiming.defaults().withoutJitter()));
            if (job != null && job.result() == JobResult.FAILED) {
                jobFailedSeen = true;
            }
            if (r.clusterStatus() != null) {
                if (before.isHeld() && !before.isHeldBy(Operation.Restore, HOLDER)
                        && !r.clusterStatus().operationLock().equals(before)) {
                    broken.add("changed the lock of " + before.holder());
                }
                cluster = r.clusterStatus();
            }
            if (jobFailedSeen && cluster.upgrade() != null && cluster.upgrade().restartAt() != null) {
                broken.add("asked for a roll after its Job failed");
            }
            if (mayCrash && crashes.nextInt(5) == 0) {
                return; // crashed after the cluster write
            }
            for (Action a : r.actions()) {
                if (a instanceof Action.CreateJob c && job == null) {
                    if (!status.holds(cluster.operationLock()) && !r.status().holds(cluster.operationLock())) {
                        broken.add("created its Job without holding the lock");
                    }
                    job = new JobView(c.job().name(), "restore", JobResult.RUNNING, NOW, null, null);
                } else if (a instanceof Action.DeleteJob) {
                    job = null;
                }
            }
            if (mayCrash && crashes.nextInt(5) == 0) {
                return; // crashed before the restore's status write
            }
            status = r.status();
            if (r.finalizer()) {
                finalizer = true;
            } else if (deleting) {
                gone = true;
            }
            if (status.phase().terminal() && cluster.operationLock().isHeldBy(Operation.Restore, HOLDER)) {
                broken.add("recorded " + status.phase() + " while holding the lock");
            }
        }

        void event(int e) {
            OperationLock lock = cluster.operationLock();
            switch (e) {
                case 0, 1, 2, 3 -> pass(true);
                case 4 -> finishJob(crashes.nextInt(3) == 0 ? JobResult.FAILED : JobResult.SUCCEEDED);
                case 5 -> finishRoll(crashes.nextInt(4) == 0);
                case 6 -> cluster = lock.isHeld() ? cluster : cluster.withOperationLock(
                        lock.acquire(Operation.Backup, Holders.BACKUP, "backup", NOW).lock());
                case 7 -> cluster = cluster.withOperationLock(lock.release(Operation.Backup, Holders.BACKUP).lock());
                case 8 -> deleting = true;
                default -> cluster = crashes.nextInt(4) == 0 && lock.isHeld()
                        ? cluster.withOperationLock(lock.forceRelease(lock.holder(), lock.epoch()).lock()) : cluster;
            }
        }

        void finishJob(JobResult result) {
            if (job != null && job.result() == JobResult.RUNNING) {
                job = new JobView(job.name(), "restore", result, NOW, NOW, result == JobResult.FAILED
                        ? "object has SHA-256 00, its metadata says " + SHA : "restored",
                        result == JobResult.FAILED ? Map.of() : Map.of("indexReached", "9"));
            }
        }

        void finishRoll(boolean fail) {
            RollingProgress roll = cluster.upgrade();
            if (roll == null || roll.restartAt() == null || roll.failed()) {
                return;
            }
            int at = roll.restartAt().lastIndexOf('@');
            RestoreRestart reason = new RestoreRestart(roll.restartAt().substring(0, at),
                    Long.parseLong(roll.restartAt().substring(at + 1)), roll.targetVersion(), roll.targetImage());
            cluster = fail ? cluster.withUpgrade(roll.withFailure(new Failure("PodNotReady", "pod db-1 not ready", NOW)))
                    : reason.finished(cluster).withUpgrade(null);
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void aRestoreKeepsToItsOwnLockAndAlwaysEndsWithTheLockFreeOfIt(Case<Script> c) {
        World w = new World(c.value());
        c.value().events().forEach(w::event);
        // the others stop; the restore's Job and roll end well from here on
        w.cluster = w.cluster.withOperationLock(w.cluster.operationLock().release(Operation.Backup, Holders.BACKUP)
                .lock());
        for (int i = 0; i < 30 && !w.gone && !w.status.phase().terminal(); i++) {
            w.pass(false);
            w.finishJob(JobResult.SUCCEEDED);
            w.finishRoll(false);
        }

        assertThat(w.broken).as(c.why("invariant the restore keeps to its lock")).isEmpty();
        assertThat(w.gone || w.status.phase().terminal()).as(c.why("invariant a restore ends")).isTrue();
        assertThat(w.cluster.operationLock().isHeldBy(Operation.Restore, HOLDER))
                .as(c.why("invariant an ended or deleted restore leaves the lock free of it")).isFalse();
        assertThat(w.cluster.upgrade()).as(c.why("invariant no roll of the restore is left behind")).isNull();
    }
}
