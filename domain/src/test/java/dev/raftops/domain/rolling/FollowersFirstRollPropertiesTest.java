package dev.raftops.domain.rolling;

import static dev.raftops.domain.rolling.AdoptedOnDelete.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.resource.RollingProgress.PlanStep;
import dev.raftops.domain.testing.PropertyCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deleting order's decision on fixed, generated observations of an adopted {@code OnDelete}
 * StatefulSet mid-upgrade (pods rolled or not, Ready or not, lagging, terminating, missing, any
 * leadership, the release recorded or lost in a crash): whatever it sees, a decision deletes at most
 * one pod, with that pod's UID and resourceVersion, never the leader, never with another voter down,
 * never a pod that is already deleted or rolled, and never writes a partition.
 */
class FollowersFirstRollPropertiesTest {

    /** One generated moment of an upgrade 2.4.0 → 2.4.4. */
    record Moment(int replicas, List<PodView> pods, StatefulSetView sts, RollingProgress progress) {
    }

    static Moment generate(Random r) {
        int replicas = 1 + r.nextInt(7);
        int leader = r.nextInt(10) == 0 ? -1 : r.nextInt(replicas);
        List<PodView> pods = new ArrayList<>();
        List<Integer> done = new ArrayList<>();
        for (int ordinal = replicas - 1; ordinal >= 0; ordinal--) {
            if (r.nextInt(15) == 0) {
                continue; // missing (deleted, not yet recreated)
            }
            boolean rolled = r.nextInt(3) == 0;
            Leadership leadership = ordinal == leader ? Leadership.LEADER
                    : r.nextInt(20) == 0 ? Leadership.UNKNOWN : Leadership.FOLLOWER;
            PodView pod = pod(ordinal, rolled, leadership).withReady(r.nextInt(8) != 0)
                    .withLag(r.nextInt(6) == 0 ? 5_000L : (long) r.nextInt(50));
            if (r.nextInt(12) == 0) {
                pod = new PodView(pod.name(), pod.statefulSet(), ordinal, pod.uid(), pod.revision(), pod.image(),
                        pod.version(), pod.ready(), true, 0, pod.leadership(), pod.lag(), true, Map.of(),
                        pod.resourceVersion());
            }
            pods.add(pod);
            if (rolled && r.nextBoolean()) {
                done.add(ordinal);
            }
        }
        RollingProgress progress = started(replicas, pods);
        for (int ordinal : done) {
            progress = progress.completed(ordinal, List.of());
        }
        // the plan as written at the last completion: from this observation, or from an older leadership
        List<PodView> planned = r.nextInt(4) == 0 ? reshuffledLeadership(pods, r) : pods;
        progress = progress.withPlan(RollingPlan.followersFirst(progress.completedOrdinals(), replicas,
                byOrdinal(planned)));
        if (r.nextInt(4) == 0) {
            progress = progress.withReleasedAt(NOW.minusSeconds(r.nextInt(120)));
        }
        int updated = (int) pods.stream().filter(p -> p.revision().equals(NEW_REV)).count();
        int ready = (int) pods.stream().filter(PodView::ready).count();
        StatefulSetView sts = statefulSet(replicas, "2.4.4", r.nextInt(10) != 0, updated, ready);
        return new Moment(replicas, List.copyOf(pods), sts, progress);
    }

    private static List<PodView> reshuffledLeadership(List<PodView> pods, Random r) {
        int leader = pods.isEmpty() ? -1 : pods.get(r.nextInt(pods.size())).ordinal();
        return pods.stream().map(p -> p.withLeadership(p.ordinal() == leader ? Leadership.LEADER
                : Leadership.FOLLOWER)).toList();
    }

    static Stream<Arguments> moments() {
        return PropertyCases.of(400, FollowersFirstRollPropertiesTest::generate);
    }

    private static Decision decide(Moment m) {
        return AdoptedOnDelete.decide(spec("2.4.4", m.replicas()), upgrading(m.progress()), m.sts(), m.pods());
    }

    @ParameterizedTest
    @MethodSource("moments")
    void aDecisionDeletesAtMostOnePodAndNeverWritesAPartition(PropertyCases.Case<Moment> c) {
        Decision d = decide(c.value());

        assertThat(d.actions().stream().filter(Action::disruptive).count()).as(c.why("one disruption")).isLessThanOrEqualTo(1);
        assertThat(d.actions()).as(c.why("OnDelete has no partition"))
                .noneMatch(a -> a instanceof Action.SetPartition || a instanceof Action.LockPartitionAndSetImage);
    }

    /** The pod {@code delete} names, as the moment observed it; a delete of an unobserved pod fails. */
    private static PodView observed(Moment m, Action.DeletePod delete) {
        return m.pods().stream().filter(p -> p.name().equals(delete.pod())).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("moments")
    void aDeletedPodIsTheObservedOneOnTheOldRevisionWithItsPreconditions(PropertyCases.Case<Moment> c) {
        Moment m = c.value();
        for (Action.DeletePod delete : decide(m).actionsOf(Action.DeletePod.class)) {
            PodView pod = observed(m, delete);
            assertThat(delete.uid()).as(c.why("UID precondition")).isEqualTo(pod.uid());
            assertThat(delete.resourceVersion()).as(c.why("resourceVersion precondition")).isEqualTo(pod.resourceVersion());
            assertThat(pod.revision()).as(c.why("a rolled pod is never deleted")).isEqualTo(OLD_REV);
            assertThat(pod.terminating()).as(c.why("a deleted pod is never deleted again")).isFalse();
            if (m.progress().releasedAt() != null) {
                assertThat(pod.ordinal()).as(c.why("the target of a recorded release is never deleted again"))
                        .isNotEqualTo(m.progress().plan().get(0).ordinal());
            }
            assertThat(m.sts().observedGeneration()).as(c.why("the template is observed first"))
                    .isGreaterThanOrEqualTo(m.sts().generation());
        }
    }

    @ParameterizedTest
    @MethodSource("moments")
    void aPodIsDeletedOnlyWithEveryOtherVoterCaughtUpAndAnotherPodLeading(PropertyCases.Case<Moment> c) {
        Moment m = c.value();
        for (Action.DeletePod delete : decide(m).actionsOf(Action.DeletePod.class)) {
            PodView pod = observed(m, delete);
            assertThat(Quorum.allowsTakingDown(pod.ordinal(), m.replicas(), byOrdinal(m.pods()), 100))
                    .as(c.why("quorum")).isTrue();
            if (m.replicas() > 1) {
                assertThat(pod.leadership()).as(c.why("never the leader")).isEqualTo(Leadership.FOLLOWER);
                assertThat(m.pods().stream().filter(PodView::isLeader).map(PodView::ordinal).toList())
                        .as(c.why("exactly one other pod leads")).singleElement().isNotEqualTo(pod.ordinal());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("moments")
    void aDeleteIsRecordedWithItsTargetFirstSoARestartedControllerWaitsForIt(PropertyCases.Case<Moment> c) {
        Decision d = decide(c.value());
        for (Action.DeletePod delete : d.actionsOf(Action.DeletePod.class)) {
            RollingProgress next = d.nextStatus().upgrade();
            assertThat(next.releasedAt()).as(c.why("release recorded")).isEqualTo(NOW);
            assertThat(STS + "-" + next.plan().get(0).ordinal()).as(c.why("the target stays first"))
                    .isEqualTo(delete.pod());
        }
    }

    @ParameterizedTest
    @MethodSource("moments")
    void thePlanPutsEveryFollowerBeforeAnyPodThatMayLeadHighestOrdinalFirst(PropertyCases.Case<Moment> c) {
        Moment m = c.value();
        List<PlanStep> plan = RollingPlan.followersFirst(m.progress().completedOrdinals(), m.replicas(),
                byOrdinal(m.pods()));

        List<Integer> ordinals = plan.stream().map(PlanStep::ordinal).toList();
        assertThat(ordinals).as(c.why("every ordinal not done, once")).doesNotHaveDuplicates()
                .hasSize(m.replicas() - m.progress().completedOrdinals().size())
                .noneMatch(o -> m.progress().completedOrdinals().contains(o));
        for (int i = 1; i < plan.size(); i++) {
            PlanStep before = plan.get(i - 1);
            PlanStep after = plan.get(i);
            boolean sameGroup = before.stepDown() == after.stepDown();
            assertThat(sameGroup ? before.ordinal() > after.ordinal() : !before.stepDown())
                    .as(c.why("followers first, then those that may lead, each highest first: " + plan)).isTrue();
        }
        assertThat(plan).filteredOn(PlanStep::stepDown).as(c.why("a step-down only where a pod may lead"))
                .allMatch(s -> m.replicas() > 1 && !Objects.equals(leadership(m, s.ordinal()), Leadership.FOLLOWER));
    }

    private static Leadership leadership(Moment m, int ordinal) {
        return m.pods().stream().filter(p -> p.ordinal() == ordinal).map(PodView::leadership).findFirst().orElse(null);
    }
}
