package dev.raftops.domain.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.PropertyCases.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any restart request (none, handled, new) against a steady cluster or an upgrade or restart at any
 * partition, with the lock free, the upgrade's or the backup's: a request is rolled at most once,
 * never beside another roll, and a restart never changes the version.
 */
class RollingRestartPropertiesTest {

    record Input(ClusterSpec spec, ClusterStatus status, ClusterObservation observation) {
    }

    static Input input(Random r) {
        String version = Generate.oneOf(r, "2.4.0", "2.5.0");
        String token = Generate.oneOf(r, null, "r1", "r2");
        ClusterSpec spec = RollingRestartTest.spec(version, token);
        ClusterStatus status = RollingRestartTest.RUNNING;
        if (Generate.chance(r, 0.5)) {
            status = status.withRequests(status.requests().withRestart(Generate.oneOf(r, "r1", "r2")));
        }
        String image = RollingRestartTest.IMAGE;
        String annotation = Generate.oneOf(r, null, "r0");
        int partition = 0;
        if (Generate.chance(r, 0.5)) {
            String target = Generate.oneOf(r, "2.4.0", "2.5.0");
            String restartAt = target.equals("2.4.0") ? "r1" : Generate.oneOf(r, null, "r1");
            image = "quay.io/openbao/openbao:" + target;
            partition = Generate.between(r, 0, 3);
            RollingProgress progress = RollingProgress.started("2.4.0", target, image, RollingRestartTest.NOW, 3,
                    List.of(), 1, false).withRestartAt(restartAt);
            if (partition < 3) {
                progress = progress.completed(partition, List.of());
            }
            status = status.withUpgrade(progress);
            annotation = restartAt == null ? annotation : restartAt;
            spec = RollingRestartTest.spec(target, token);
        }
        int lock = Generate.between(r, 0, 2);
        if (lock == 1 || lock == 0 && status.upgrade() != null) {
            status = RollingRestartTest.heldByUpgrade(status);
        } else if (lock == 2) {
            status = status.withOperationLock(new OperationLock(Operation.Backup, Holders.BACKUP, "b",
                    RollingRestartTest.NOW, RollingRestartTest.NOW, 4));
        }
        return new Input(spec, status, RollingRestartTest.cluster(image, partition, annotation));
    }

    static Stream<Arguments> inputs() {
        return PropertyCases.of(400, RollingRestartPropertiesTest::input);
    }

    private static Decision decide(Input i) {
        return RollingRestartTest.decide(i.spec(), i.status(), i.observation());
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void aRollNeverRunsBesideAnotherAndATemplateWriteNamesTheRequestItAnswers(Case<Input> c) {
        Decision d = decide(c.value());
        List<Action.LockPartitionAndSetImage> locks = d.actionsOf(Action.LockPartitionAndSetImage.class);

        assertThat(locks.size()).as(c.why("invariant at most one template write")).isLessThanOrEqualTo(1);
        if (!locks.isEmpty()) {
            assertThat(d.actionsOf(Action.SetPartition.class)).as(c.why("invariant no release beside a new roll"))
                    .isEmpty();
            assertThat(locks.get(0).partition()).as(c.why("invariant a roll starts at the top")).isEqualTo(3);
            String restartAt = locks.get(0).restartedAt();
            if (restartAt != null) {
                assertThat(restartAt).as(c.why("invariant the template carries the spec's request"))
                        .isEqualTo(c.value().spec().maintenance().restartAt());
                assertThat(d.nextStatus().upgrade().restartAt()).as(c.why("invariant status names the request"))
                        .isEqualTo(restartAt);
                assertThat(d.nextStatus().requests().lastHandledRestart())
                        .as(c.why("invariant the request is handled as it is rolled")).isEqualTo(restartAt);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void aRequestIsRolledAtMostOnce(Case<Input> c) {
        Input first = c.value();
        Decision d = decide(first);
        List<Action.LockPartitionAndSetImage> locks = d.actionsOf(Action.LockPartitionAndSetImage.class);
        if (locks.isEmpty() || locks.get(0).restartedAt() == null) {
            return;
        }
        Action.LockPartitionAndSetImage written = locks.get(0);
        // the write was applied: the template carries the request and the partition is locked
        Input after = new Input(first.spec(), d.nextStatus(),
                RollingRestartTest.cluster(written.image(), 3, written.restartedAt()));

        Decision again = decide(after);

        assertThat(again.actionsOf(Action.LockPartitionAndSetImage.class))
                .as(c.why("invariant the next pass does not roll the request again")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void aRestartNeverChangesTheVersion(Case<Input> c) {
        Decision d = decide(c.value());
        RollingProgress progress = d.nextStatus().upgrade();
        if (progress != null && progress.restartOnly()) {
            assertThat(progress.targetVersion()).as(c.why("invariant a restart keeps the running version"))
                    .isEqualTo(d.nextStatus().currentVersion());
        }
        if (!Objects.equals(c.value().status().currentVersion(), d.nextStatus().currentVersion())) {
            List<String> targets = new ArrayList<>();
            if (c.value().status().upgrade() != null) {
                targets.add(c.value().status().upgrade().targetVersion());
            }
            assertThat(targets).as(c.why("invariant only a finished upgrade moves the version"))
                    .contains(d.nextStatus().currentVersion());
        }
    }
}
