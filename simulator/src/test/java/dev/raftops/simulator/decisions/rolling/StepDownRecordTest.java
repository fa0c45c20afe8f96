package dev.raftops.simulator.decisions.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress.StepDown;
import dev.raftops.domain.rolling.RollingReasons;
import org.junit.jupiter.api.Test;

/**
 * The step-down writes no status of its own: its Job, found by its deterministic name, is the
 * record until the release that follows writes it (docs/decisions/step-down-record.md). Same
 * fixture as {@link RollingUpgradeTest}.
 */
class StepDownRecordTest extends RollingUpgradeFixture {

    @Test
    void aStepDownCreatesItsJobWithoutAStatusWriteOrAnEventOfItsOwn() {
        world = world(3, 2, null);
        passUntil(Action.LockPartitionAndSetImage.class);
        world.runFor(STEP);
        ClusterStatus before = status;

        Decision stepDown = pass();

        assertThat(stepDown.actionsOf(Action.CreateJob.class)).singleElement()
                .satisfies(j -> assertThat(j.job().name()).startsWith(STS + "-step-down-2-2-4-4-a1-s1-"));
        assertThat(stepDown.actionsOf(Action.Emit.class)).isEmpty();
        assertThat(stepDown.nextStatus()).isEqualTo(before);
    }

    @Test
    void theReleaseAfterAStepDownTellsItInItsEvent() {
        world = world(3, 2, null);
        String job = passUntil(Action.CreateJob.class).job().name();

        passUntil(Action.SetPartition.class);

        assertThat(lastPass.actionsOf(Action.Emit.class)).singleElement().satisfies(e -> {
            assertThat(e.event().reason()).isEqualTo(RollingReasons.POD_RELEASED);
            assertThat(e.event().message()).endsWith("after its leader step-down (job " + job + ")");
        });
    }

    @Test
    void thePassesWhileTheStepDownRunsWriteNothingAndAskForNoSecondJob() {
        world = world(3, 2, null);
        passUntil(Action.CreateJob.class);
        ClusterStatus after = status;

        Decision again = pass();

        assertThat(again.actions()).isEmpty();
        assertThat(again.nextStatus()).isEqualTo(after);
    }

    @Test
    void theReleaseAfterAStepDownRecordsItConfirmedUnderTheJobsName() {
        world = world(3, 2, null);
        String job = passUntil(Action.CreateJob.class).job().name();

        assertThat(passUntil(Action.SetPartition.class).partition()).isEqualTo(2);

        StepDown recorded = status.upgrade().stepDown();
        assertThat(recorded.ordinal()).isEqualTo(2);
        assertThat(recorded.sequence()).isEqualTo(1);
        assertThat(recorded.job()).isEqualTo(job);
        assertThat(recorded.confirmedAt()).isNotNull();
        assertThat(recorded.startedAt()).isBeforeOrEqualTo(recorded.confirmedAt());
    }

    @Test
    void aFinishedOrdinalBeforeAStepDownIsRecordedWithTheReleaseThatFollowsIt() {
        world = world(3, 1, null);
        passUntil(Action.SetPartition.class);
        passUntil(Action.CreateJob.class);
        Decision stepDown = lastPass;

        assertThat(status.upgrade().completedOrdinals()).isEmpty();
        assertThat(stepDown.actionsOf(Action.Emit.class)).isEmpty();

        passUntil(Action.SetPartition.class);

        assertThat(status.upgrade().completedOrdinals()).containsExactly(2);
        assertThat(status.upgrade().currentPartition()).isEqualTo(2);
        assertThat(status.upgrade().stepDown().ordinal()).isEqualTo(1);
        assertThat(lastPass.actionsOf(Action.Emit.class)).singleElement().satisfies(e -> assertThat(e.event().message())
                .startsWith("ordinal 2 runs 2.4.4 and is caught up; released ordinal 1"));
    }
}
