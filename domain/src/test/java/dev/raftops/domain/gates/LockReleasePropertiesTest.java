package dev.raftops.domain.gates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.OperationFamily;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.pass.DayTwoPass;
import dev.raftops.domain.resource.BackupStatus;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ForceRelease;
import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.PropertyCases.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any lock (free or held by any holder at any epoch) with or without the holder's work in flight,
 * against any request (the right one, another holder, an older or newer epoch, no epoch, one already
 * handled): only the request naming the current holder and epoch releases, and then the epoch moves on.
 */
class LockReleasePropertiesTest {

    record Holder(Operation operation, String name) {
    }

    static final List<Holder> HOLDERS = List.of(new Holder(Operation.Upgrade, Holders.UPGRADE),
            new Holder(Operation.Backup, Holders.BACKUP), new Holder(Operation.BlueGreen, Holders.BLUE_GREEN),
            new Holder(Operation.Restore, Holders.restore("nightly")));

    record Input(ClusterStatus status, ForceRelease request) {
    }

    static Input input(Random r) {
        long epoch = r.nextInt(50);
        OperationLock lock = new OperationLock(null, null, null, null, null, epoch);
        Holder holder = Generate.oneOf(r, HOLDERS);
        if (Generate.chance(r, 0.8)) {
            lock = LockReleaseTest.held(holder.operation(), holder.name(), epoch + 1);
        }
        ClusterStatus status = ClusterStatus.initial().withOperationLock(lock);
        if (Generate.chance(r, 0.5)) {
            status = status.withUpgrade(LockReleaseTest.upgrade());
        }
        if (Generate.chance(r, 0.3)) {
            status = status.withBackup(BackupStatus.empty().started(new BackupStatus.ActiveRun("vault-backup-1",
                    LockReleaseTest.ACQUIRED, true, LockReleaseTest.ACQUIRED, null)));
        }
        String named = Generate.chance(r, 0.6) ? holder.name() : Generate.oneOf(r, HOLDERS).name();
        Long namedEpoch = Generate.chance(r, 0.1) ? null : lock.epoch() + Generate.oneOf(r, 0L, 0L, 0L, -1L, 1L);
        ForceRelease request = new ForceRelease(named, namedEpoch, Generate.chance(r, 0.5) ? "alice" : null);
        if (Generate.chance(r, 0.1)) {
            status = status.withRequests(status.requests().withForceRelease(request.identity()));
        }
        return new Input(status, request);
    }

    static Stream<Arguments> inputs() {
        return PropertyCases.of(400, LockReleasePropertiesTest::input);
    }

    private static Optional<Decision> decide(Input i) {
        return LockRelease.decide(LockReleaseTest.input(i.status(), i.request()), i.status());
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void onlyTheRequestNamingTheCurrentHolderAndEpochReleasesAndThenTheEpochMovesOn(Case<Input> c) {
        Input i = c.value();
        OperationLock before = i.status().operationLock();
        boolean pending = !i.request().identity().equals(i.status().requests().lastHandledForceRelease());
        boolean names = before.isHeld() && before.holder().equals(i.request().holder())
                && Long.valueOf(before.epoch()).equals(i.request().epoch());
        boolean releases = pending && names && !Holders.BLUE_GREEN.equals(before.holder());

        Optional<Decision> d = decide(i);

        assertThat(d.isPresent()).as(c.why("invariant a request is handled exactly while pending")).isEqualTo(pending);
        if (!pending) {
            return;
        }
        OperationLock after = d.get().nextStatus().operationLock();
        List<ClusterEvent> events = d.get().actionsOf(Action.Emit.class).stream().map(Action.Emit::event).toList();
        assertThat(events).as(c.why("invariant one Warning Event answers every request")).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(ClusterEvent.Type.Warning));
        assertThat(d.get().nextStatus().requests().lastHandledForceRelease())
                .as(c.why("invariant the request is recorded as handled")).isEqualTo(i.request().identity());
        if (releases) {
            assertThat(after.isHeld()).as(c.why("invariant a matching request frees the lock")).isFalse();
            assertThat(after.epoch()).as(c.why("invariant the epoch moves on")).isEqualTo(before.epoch() + 1);
            assertThat(events.get(0).reason()).isEqualTo(GateReasons.LOCK_FORCE_RELEASED);
            assertThat(events.get(0).audit().epoch()).as(c.why("invariant the Event names the displaced epoch"))
                    .isEqualTo(before.epoch());
            assertThat(d.get().wake().endsPass()).as(c.why("invariant a release ends the pass")).isTrue();
        } else {
            assertThat(d.get().nextStatus().withRequests(i.status().requests()))
                    .as(c.why("invariant a refused request changes nothing else")).isEqualTo(i.status());
            assertThat(events.get(0).reason()).isEqualTo(GateReasons.LOCK_FORCE_RELEASE_REFUSED);
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void theDisplacedOperationIsEndedSoItNeverActsUnderTheOldEpoch(Case<Input> c) {
        Input i = c.value();
        Optional<Decision> d = decide(i);
        if (d.isEmpty() || d.get().nextStatus().operationLock().equals(i.status().operationLock())) {
            return;
        }
        ClusterStatus next = d.get().nextStatus();
        String displaced = i.status().operationLock().holder();
        if (displaced.equals(Holders.UPGRADE) && i.status().upgrade() != null) {
            assertThat(next.upgrade().failed()).as(c.why("invariant a displaced upgrade is failed")).isTrue();
            assertThat(next.upgrade().currentPartition()).as(c.why("invariant its progress is kept"))
                    .isEqualTo(i.status().upgrade().currentPartition());
        }
        if (displaced.equals(Holders.BACKUP) && i.status().backup().activeRun() != null) {
            assertThat(next.backup().activeRun()).as(c.why("invariant a displaced backup run is over")).isNull();
        }
        if (!displaced.equals(Holders.UPGRADE)) {
            assertThat(next.upgrade()).as(c.why("invariant another operation's upgrade is untouched"))
                    .isEqualTo(i.status().upgrade());
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void noFamilyDecidesInThePassThatReleasesTheLock(Case<Input> c) {
        Input i = c.value();
        List<Operation> decided = new ArrayList<>();
        List<OperationFamily> families = HOLDERS.stream().map(h -> new OperationFamily(h.operation(), in -> {
            decided.add(h.operation());
            return Decision.of(in.status(), Wake.idle());
        })).toList();
        DecisionInput in = LockReleaseTest.input(i.status(), i.request());

        Decision d = new DayTwoPass(families).decide(in);

        boolean released = !d.nextStatus().operationLock().isHeld() && i.status().operationLock().isHeld();
        if (released) {
            assertThat(decided).as(c.why("invariant the release is persisted before any family acts")).isEmpty();
        } else {
            assertThat(decided).as(c.why("invariant without a release the families decide")).isNotEmpty();
        }
    }
}
