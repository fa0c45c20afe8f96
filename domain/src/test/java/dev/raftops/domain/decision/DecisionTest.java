package dev.raftops.domain.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.resource.ClusterStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {

    private static final ClusterStatus STATUS = ClusterStatus.initial();
    private static final Wake WAIT = Wake.after(Duration.ofSeconds(5), "poll");
    private static final Action RELEASE = new Action.SetPartition("c", 2, "rv-1");
    private static final Action LOCK_ONLY = new Action.LockPartitionAndSetImage("c", 3, "openbao:1.2.0", "rv-1");
    private static final Action DELETE = new Action.DeletePod("c-1", "uid-1");
    private static final Action DELETE_GREEN = new Action.DeleteWorkload("c-green", "uid-g");
    private static final Action EMIT = new Action.Emit(
            ClusterEvent.normal("UpgradeStep", "ordinal 2 released", AuditFields.of("ns/c", "UpgradeStep")));

    @Test
    void twoDisruptiveActionsAreRefused() {
        assertThatThrownBy(() -> Decision.of(STATUS, WAIT, RELEASE, DELETE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most one disruptive action");
        assertThatThrownBy(() -> Decision.of(STATUS, WAIT, DELETE, EMIT, DELETE_GREEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneDisruptiveActionAmongQuietOnesIsAllowed() {
        Decision decision = Decision.of(STATUS, WAIT, EMIT, LOCK_ONLY, RELEASE, EMIT);

        assertThat(decision.actions()).containsExactly(EMIT, LOCK_ONLY, RELEASE, EMIT);
        assertThat(decision.hasDisruptiveAction()).isTrue();
    }

    @Test
    void addingASecondDisruptiveActionIsRefused() {
        Decision decision = Decision.of(STATUS, WAIT, RELEASE);

        assertThatThrownBy(() -> decision.plus(EMIT, DELETE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(decision.plus(EMIT).actions()).containsExactly(RELEASE, EMIT);
    }

    @Test
    void onlyReleasingDeletingPodsAndDeletingWorkloadsDisrupt() {
        assertThat(RELEASE.disruptive()).isTrue();
        assertThat(DELETE.disruptive()).isTrue();
        assertThat(DELETE_GREEN.disruptive()).isTrue();
        assertThat(LOCK_ONLY.disruptive()).isFalse();
        assertThat(EMIT.disruptive()).isFalse();
        assertThat(new Action.SwitchTraffic("rev-b").disruptive()).isFalse();
        assertThat(new Action.DeleteJob("j").disruptive()).isFalse();
    }

    @Test
    void theActionsCannotBeChangedAfterwards() {
        List<Action> actions = new ArrayList<>(List.of(RELEASE));
        Decision decision = new Decision(actions, STATUS, WAIT);

        actions.add(DELETE);

        assertThat(decision.actions()).containsExactly(RELEASE);
        assertThatThrownBy(() -> decision.actions().add(DELETE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void statusAndWakeAreRequired() {
        assertThatThrownBy(() -> Decision.of(null, WAIT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Decision.of(STATUS, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void findsActionsByType() {
        Decision decision = Decision.of(STATUS, WAIT, EMIT, RELEASE, EMIT);

        assertThat(decision.actionsOf(Action.Emit.class)).hasSize(2);
        assertThat(decision.actionsOf(Action.SetPartition.class)).containsExactly((Action.SetPartition) RELEASE);
        assertThat(decision.actionsOf(Action.DeletePod.class)).isEmpty();
    }

    @Test
    void onlyIdleLetsTheNextFamilyRun() {
        assertThat(Wake.idle().endsPass()).isFalse();
        assertThat(WAIT.endsPass()).isTrue();
        assertThat(Wake.onEvent(Duration.ofMinutes(1), "pod Ready").endsPass()).isTrue();
    }
}
