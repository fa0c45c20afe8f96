package dev.raftops.domain.opslifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.PropertyCases.Case;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any interleaving of acquire, renew, release and forced release (naming the current holder and
 * epoch, or a stale one) by two or three holders, checked against a tiny model of who should own the lock.
 */
class OperationLockPropertiesTest {

    /** A caller: an operation and a logical holder. The impostor shares a holder name with upgrade. */
    record Caller(Operation operation, String holder) {
    }

    private static final List<Caller> CALLERS = List.of(
            new Caller(Operation.Upgrade, Holders.UPGRADE),
            new Caller(Operation.Backup, Holders.BACKUP),
            new Caller(Operation.Restore, Holders.restore("nightly")),
            new Caller(Operation.BlueGreen, Holders.UPGRADE));

    enum Kind { ACQUIRE, RENEW, RELEASE, FORCE }

    /** {@code staleEpoch}: a forced release names the epoch before the current one. */
    record Step(Kind kind, int caller, boolean staleEpoch) {
    }

    record Scenario(List<Caller> callers, long startEpoch, List<Step> steps) {
    }

    static Scenario scenario(Random r) {
        List<Caller> pool = new ArrayList<>(CALLERS);
        java.util.Collections.shuffle(pool, r);
        List<Caller> callers = List.copyOf(pool.subList(0, Generate.between(r, 2, 3)));
        long startEpoch = Generate.chance(r, 0.5) ? 0 : r.nextInt(1_000_000);
        List<Step> steps = new ArrayList<>();
        int n = Generate.between(r, 1, 40);
        for (int i = 0; i < n; i++) {
            // forced releases are rare in life; keep them rarer than the ordinary calls
            Kind kind = Generate.chance(r, 0.15) ? Kind.FORCE : Generate.oneOf(r, Kind.ACQUIRE, Kind.RENEW, Kind.RELEASE);
            steps.add(new Step(kind, r.nextInt(callers.size()), Generate.chance(r, 0.3)));
        }
        return new Scenario(callers, startEpoch, steps);
    }

    static Stream<Arguments> scenarios() {
        return PropertyCases.of(300, OperationLockPropertiesTest::scenario);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theLockBehavesLikeItsModel(Case<Scenario> c) {
        Scenario s = c.value();
        OperationLock lock = new OperationLock(null, null, null, null, null, s.startEpoch());
        Integer owner = null; // the model: index of the caller that should hold the lock
        long[] believedEpoch = new long[s.callers().size()]; // epoch each caller last won, 0 = none
        Instant now = Instant.parse("2026-11-24T00:00:00Z");
        for (int i = 0; i < s.steps().size(); i++) {
            Step step = s.steps().get(i);
            Caller who = s.callers().get(step.caller());
            now = now.plusSeconds(1);
            String at = " at step " + i + " (" + step + ")";
            OperationLock before = lock;
            LockOutcome outcome = switch (step.kind()) {
                case ACQUIRE, RENEW -> lock.acquire(who.operation(), who.holder(), "step " + i, now);
                case RELEASE -> lock.release(who.operation(), who.holder());
                case FORCE -> lock.forceRelease(who.holder(), step.staleEpoch() ? lock.epoch() - 1 : lock.epoch());
            };
            lock = outcome.lock();

            Class<?> expected;
            if (step.kind() == Kind.FORCE) {
                // the holder is named by its name only: a caller sharing it with the owner breaks the owner's lock
                boolean names = owner != null && s.callers().get(owner).holder().equals(who.holder())
                        && !step.staleEpoch();
                expected = names ? LockOutcome.ForceReleased.class : LockOutcome.Stale.class;
                if (names) {
                    owner = null;
                }
            } else if (step.kind() == Kind.RELEASE) {
                expected = owner != null && owner == step.caller() ? LockOutcome.Released.class : LockOutcome.NotHolder.class;
                if (expected == LockOutcome.Released.class) {
                    owner = null;
                }
            } else if (owner == null) {
                expected = LockOutcome.Acquired.class;
                owner = step.caller();
            } else {
                expected = owner == step.caller() ? LockOutcome.Renewed.class : LockOutcome.HeldByOther.class;
            }
            assertThat(outcome).as(c.why("invariant the outcome is the model's" + at)).isInstanceOf(expected);

            if (outcome instanceof LockOutcome.Acquired) {
                assertThat(lock.epoch()).as(c.why("invariant every acquisition raises the epoch" + at))
                        .isGreaterThan(before.epoch());
                believedEpoch[step.caller()] = lock.epoch();
            } else if (outcome instanceof LockOutcome.ForceReleased released) {
                assertThat(lock.epoch()).as(c.why("invariant a forced release moves the epoch on" + at))
                        .isGreaterThan(before.epoch());
                assertThat(lock.isHeld()).as(c.why("invariant a forced release frees the lock" + at)).isFalse();
                assertThat(released.previous()).as(c.why("invariant a forced release names what it displaced" + at))
                        .isEqualTo(before);
            } else {
                assertThat(lock.epoch()).as(c.why("invariant the epoch moves only on acquisition" + at))
                        .isEqualTo(before.epoch());
            }
            if (outcome instanceof LockOutcome.NotHolder || outcome instanceof LockOutcome.HeldByOther
                    || outcome instanceof LockOutcome.Stale) {
                assertThat(lock).as(c.why("invariant a refused call changes nothing" + at)).isEqualTo(before);
            }
            if (outcome.holds()) {
                assertThat(lock.isHeldBy(who.operation(), who.holder()))
                        .as(c.why("invariant the caller told it holds is the holder" + at)).isTrue();
            }

            int holders = 0;
            int fenced = 0;
            for (int k = 0; k < s.callers().size(); k++) {
                Caller other = s.callers().get(k);
                if (lock.isHeldBy(other.operation(), other.holder())) {
                    holders++;
                }
                if (believedEpoch[k] == lock.epoch() && lock.isHeldBy(other.operation(), other.holder())) {
                    fenced++;
                }
            }
            for (int k = 0; k < s.callers().size(); k++) {
                if (lock.isHeld() && believedEpoch[k] == lock.epoch()) {
                    // a holder displaced by a forced release never finds its epoch current again
                    assertThat(owner).as(c.why("invariant only the owner believes in the current epoch" + at))
                            .isEqualTo(k);
                }
            }
            assertThat(holders).as(c.why("invariant at most one holder at a time" + at)).isLessThanOrEqualTo(1);
            assertThat(fenced).as(c.why("invariant at most one caller holds the current epoch" + at))
                    .isLessThanOrEqualTo(1);
            assertThat(holders).as(c.why("invariant the lock is held exactly when the model says" + at))
                    .isEqualTo(owner == null ? 0 : 1);
            if (owner != null) {
                Caller expectedOwner = s.callers().get(owner);
                assertThat(lock.isHeldBy(expectedOwner.operation(), expectedOwner.holder()))
                        .as(c.why("invariant the model's owner holds the lock" + at)).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void releaseByANonHolderNeverClearsTheLock(Case<Scenario> c) {
        Scenario s = c.value();
        OperationLock lock = new OperationLock(null, null, null, null, null, s.startEpoch());
        Instant now = Instant.parse("2026-11-24T00:00:00Z");
        for (Step step : s.steps()) {
            Caller who = s.callers().get(step.caller());
            now = now.plusSeconds(1);
            if (lock.isHeld() && !lock.isHeldBy(who.operation(), who.holder())) {
                LockOutcome release = lock.release(who.operation(), who.holder());
                assertThat(release.lock()).as(c.why("invariant release by a non-holder keeps the lock")).isEqualTo(lock);
                assertThat(release.lock().isHeld()).as(c.why("invariant release by a non-holder keeps the lock")).isTrue();
            }
            lock = switch (step.kind()) {
                case ACQUIRE, RENEW -> lock.acquire(who.operation(), who.holder(), null, now).lock();
                case RELEASE -> lock.release(who.operation(), who.holder()).lock();
                case FORCE -> lock.forceRelease(who.holder(), lock.epoch()).lock();
            };
        }
    }
}
