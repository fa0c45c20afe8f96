package dev.raftops.domain.opslifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.backup.BackupDecision;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.resource.BackupSpec;
import dev.raftops.domain.resource.BackupStatus.ActiveRun;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.rolling.RollingPlan;
import dev.raftops.domain.rolling.RollingReasons;
import dev.raftops.domain.rolling.RollingUpgrade;
import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.PropertyCases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One-shot tokens handled by the real decisions: {@code spec.upgrade.requests.retry} by the rolling
 * upgrade (a released pod that never rolls fails the upgrade after {@code timeouts.podReady}, a
 * retry resumes it) and {@code spec.backup.requests.trigger} by the backup decision. A generated
 * history sets fresh tokens, re-applies or clears them and lets time pass between passes; the
 * status each decision returns is the only memory, as after a controller restart.
 */
class OneShotRequestPropertiesTest {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final ClusterKey KEY = new ClusterKey("default", "db");
    static final String OLD = "quay.io/openbao/openbao:2.4.0";
    static final String NEW = "quay.io/openbao/openbao:2.5.0";

    enum Kind { RETRY, BACKUP_TRIGGER }

    sealed interface Event permits SetToken, ClearToken, Pass {
    }

    /** The user writes {@code value}: a fresh one, or the value it already has (a re-applied manifest). */
    record SetToken(String value) implements Event {
    }

    /** The user empties the token ({@code ""}) or removes it. */
    record ClearToken(boolean remove) implements Event {
    }

    /** One pass of the decision after {@code minutes} minutes. */
    record Pass(int minutes) implements Event {
    }

    record History(Kind kind, List<Event> events) {
    }

    static History history(Random r) {
        List<Event> events = new ArrayList<>();
        String last = null;
        int fresh = 0;
        for (int i = Generate.between(r, 5, 60); i > 0; i--) {
            int roll = r.nextInt(10);
            if (roll < 3) {
                last = "t" + (++fresh);
                events.add(new SetToken(last));
            } else if (roll == 3 && last != null) {
                events.add(new SetToken(last));
            } else if (roll == 4) {
                events.add(new ClearToken(r.nextBoolean()));
            } else {
                events.add(new Pass(r.nextInt(5)));
            }
        }
        return new History(Generate.oneOf(r, Kind.values()), events);
    }

    static Stream<Arguments> histories() {
        return PropertyCases.of(300, OneShotRequestPropertiesTest::history);
    }

    @ParameterizedTest
    @MethodSource("histories")
    void everyTokenValueIsHandledOnceInThePassThatSeesItAndActsOnlyThen(Case<History> c) {
        Kind kind = c.value().kind();
        ClusterSpec spec = kind == Kind.RETRY ? ClusterSpec.of("2.5.0", null, 3) : withBackup(ClusterSpec.of("2.4.0", null, 3));
        ClusterStatus status = kind == Kind.RETRY ? releasedUpgrade() : ClusterStatus.initial().withCurrentVersion("2.4.0");
        Instant now = T0;
        String token = null;
        Set<String> handled = new HashSet<>();
        for (Event event : c.value().events()) {
            if (event instanceof SetToken set) {
                token = set.value();
                continue;
            }
            if (event instanceof ClearToken clear) {
                token = clear.remove() ? null : "";
                continue;
            }
            now = now.plus(Duration.ofMinutes(((Pass) event).minutes()));
            boolean pending = new OneShotRequest(token, lastHandled(kind, status)).pending();
            boolean failed = status.upgrade() != null && status.upgrade().failed();
            Decision d = decide(kind, withToken(kind, spec, token), status, now);
            String why = " (token " + token + ", status " + status.requests() + ")";

            assertThat(new OneShotRequest(token, lastHandled(kind, d.nextStatus())).pending())
                    .as(c.why("invariant a pending token is handled (acted on or ignored) in the pass that sees it" + why))
                    .isFalse();
            if (pending) {
                assertThat(handled.add(token)).as(c.why("invariant token " + token + " is handled only once" + why)).isTrue();
            } else {
                assertThat(lastHandled(kind, d.nextStatus())).as(c.why("invariant no pending token, nothing handled" + why))
                        .isEqualTo(lastHandled(kind, status));
            }
            boolean acted = acted(kind, status, d);
            assertThat(!acted || pending).as(c.why("invariant a token acts only while pending" + why)).isTrue();
            if (kind == Kind.RETRY) {
                assertThat(acted).as(c.why("invariant a retry resumes exactly a failed upgrade that sees it" + why))
                        .isEqualTo(pending && failed);
                if (acted) {
                    assertThat(d.nextStatus().upgrade().failed()).as(c.why("the resumed upgrade has no failure")).isFalse();
                }
            }
            status = d.nextStatus();
        }
    }

    static Decision decide(Kind kind, ClusterSpec spec, ClusterStatus status, Instant now) {
        DecisionInput in = new DecisionInput(KEY, 1, spec, status, observation(), now, new Random(1),
                RetryTiming.defaults().withoutJitter());
        return kind == Kind.RETRY ? RollingUpgrade.decide(in) : BackupDecision.decide(in);
    }

    /** Whether the decision did what the token asks: a retry accepted, a new manual backup run recorded. */
    static boolean acted(Kind kind, ClusterStatus before, Decision d) {
        if (kind == Kind.RETRY) {
            return d.actions().stream().anyMatch(a -> a instanceof Action.Emit e
                    && e.event().reason().equals(RollingReasons.RETRY_ACCEPTED));
        }
        ActiveRun run = d.nextStatus().backup().activeRun();
        ActiveRun earlier = before.backup().activeRun();
        return run != null && run.manual() && (earlier == null || !earlier.job().equals(run.job()));
    }

    /**
     * Three Ready pods on 2.4.0, ordinal 0 leading, the partition lowered to 2 under a 2.5.0 template:
     * ordinal 2 is released but never rolls, so the upgrade fails once {@code timeouts.podReady} has passed.
     */
    static ClusterObservation observation() {
        StatefulSetView sts = new StatefulSetView("db", "uid-sts", "7", 3, 2, false, "rev-a", "rev-b", NEW, 2, 2, 3, 0,
                Map.of());
        List<PodView> pods = new ArrayList<>();
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            pods.add(new PodView("db-" + ordinal, "db", ordinal, "uid-" + ordinal, "rev-a", OLD, "2.4.0", true, false, 0,
                    ordinal == 0 ? Leadership.LEADER : Leadership.FOLLOWER, 0L, true, Map.of()));
        }
        return ClusterObservation.of(List.of(sts), pods, List.of());
    }

    /** The status of that upgrade right after ordinal 2's release: the lock held, the podReady budget running. */
    static ClusterStatus releasedUpgrade() {
        ClusterStatus status = ClusterStatus.initial().withCurrentVersion("2.4.0");
        OperationLock lock = status.operationLock().acquire(Operation.Upgrade, Holders.UPGRADE, "upgrade to 2.5.0", T0)
                .lock();
        RollingProgress progress = RollingProgress.started("2.4.0", "2.5.0", NEW, T0, 3,
                RollingPlan.remaining(3, 3, observation().podsOf("db")), 1, false).withReleasedAt(T0);
        return status.withOperationLock(lock).withUpgrade(progress);
    }

    static ClusterSpec withBackup(ClusterSpec spec) {
        return spec.withBackup(new BackupSpec("@daily", "UTC", BackupSpec.Retention.unlimited(), Map.of("bucket", "b"),
                "raftops/backup:1", null));
    }

    static ClusterSpec withToken(Kind kind, ClusterSpec spec, String token) {
        return kind == Kind.RETRY
                ? spec.withUpgrade(spec.upgrade().withRequests(spec.upgrade().requests().withRetry(token)))
                : spec.withBackup(spec.backup().withTriggerRequest(token));
    }

    static String lastHandled(Kind kind, ClusterStatus status) {
        return kind == Kind.RETRY ? status.requests().lastHandledRetry() : status.requests().lastHandledBackupTrigger();
    }
}
