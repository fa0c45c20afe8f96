package dev.raftops.simulator.decisions.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.rolling.RollingUpgrade;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.PropertyCases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import dev.raftops.simulator.faults.Fault;
import dev.raftops.simulator.trace.TraceRecord;
import dev.raftops.simulator.world.FamilyDrive;
import dev.raftops.simulator.world.SimWorld;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rolling decision's rules over generated clusters (1..9 replicas, any leader placement,
 * unknown leadership, leader changes and pod crashes, crashes between a write and the status
 * write), checked on every decision of a run. The cluster is the simulator's one model of the
 * StatefulSet and Raft ({@link FamilyDrive}); a step is one decision and five seconds of the world.
 */
class RollingUpgradePropertiesTest {

    static final int MAX_STEPS = 600;
    /** Disturbances stop after this many steps: from then on nothing the controller did not cause blocks the upgrade. */
    static final int DISTURBED_STEPS = 300;

    record Scenario(int replicas, int leader, double unknownLeadership, double disturbance, double crash) {
    }

    static final Duration STEP = Duration.ofSeconds(5);

    static Stream<Arguments> disturbedClusters() {
        return PropertyCases.of(200, r -> new Scenario(Generate.between(r, 1, 9), 0, r.nextDouble() * 0.3,
                r.nextDouble() * 0.3, r.nextDouble() * 0.2)).map(a -> a);
    }

    static Stream<Arguments> calmClusters() {
        return PropertyCases.of(200, r -> {
            int replicas = Generate.between(r, 1, 9);
            return new Scenario(replicas, r.nextInt(replicas), r.nextDouble() * 0.3, 0, r.nextDouble() * 0.2);
        });
    }

    @ParameterizedTest
    @MethodSource("disturbedClusters")
    void everyDecisionKeepsQuorumLeaderAndPartitionRules(Case<Scenario> c) {
        Run run = run(c, true);
        // progress: a decision that always waited would keep every rule above
        assertThat(run.status.currentVersion()).as(c.why("once the disturbances stop (step " + DISTURBED_STEPS
                + ") the upgrade finishes within " + MAX_STEPS + " steps, a failed one after a retry token; status "
                + run.status.upgrade() + " conditions " + run.status.conditions())).isEqualTo("2.5.0");
        assertThat(run.status.operationLock().isHeld()).as(c.why("the lock is released")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("calmClusters")
    void aCalmClusterConvergesWithEveryPodRestartedOnceAndNoLeaderRestarted(Case<Scenario> c) {
        Run run = run(c, false);
        List<TraceRecord> restarts = restarts(run.world);
        assertThat(run.status.currentVersion()).as(c.why("the upgrade converges within " + MAX_STEPS + " steps; status "
                + run.status.upgrade() + " conditions " + run.status.conditions() + "; pods "
                + run.world.world().podSummary())).isEqualTo("2.5.0");
        assertThat(run.status.upgrade()).as(c.why("progress is cleared with the version move")).isNull();
        assertThat(run.world.world().runsEverywhere("2.5.0")).as(c.why("every pod runs the target")).isTrue();
        Map<String, Long> perPod = new HashMap<>();
        for (TraceRecord restart : restarts) {
            if (c.value().replicas() > 1) { // a single voter is always the leader: its restart is unavoidable
                assertThat(restart.flag("leader")).as(c.why("no leader is ever restarted: " + restart)).isFalse();
            }
            perPod.merge(restart.string("pod"), 1L, Long::sum);
        }
        assertThat(perPod.values()).as(c.why("each pod restarts exactly once: " + perPod)).allMatch(n -> n == 1L);
        assertThat(perPod).as(c.why("every pod restarted")).hasSize(c.value().replicas());
        assertThat(run.status.operationLock().isHeld()).as(c.why("the lock is released")).isFalse();
    }

    static Stream<Arguments> blockedTargets() {
        return PropertyCases.of(200, r -> {
            String target = Generate.oneOf(r, "2.3.9", "2.4.0-rc.1", "3.0.0", "2.4.x", "v2..4", "", "1.0.0", "02.5.0");
            return new Object[] {Generate.between(r, 1, 9), target, r.nextInt(9)};
        });
    }

    @ParameterizedTest
    @MethodSource("blockedTargets")
    void downgradeInvalidAndBlockedMajorTargetsNeverDisrupt(Case<Object[]> c) {
        int replicas = (int) c.value()[0];
        String target = (String) c.value()[1];
        FamilyDrive world = new FamilyDrive(dev.raftops.simulator.world.Scenario.upgrade(replicas, "2.4.0", "2.4.0",
                (int) c.value()[2] % replicas, c.seed()));
        ClusterSpec spec = ClusterSpec.of(target, null, replicas);
        ClusterStatus status = ClusterStatus.initial().withCurrentVersion("2.4.0");
        for (int step = 0; step < 20; step++) {
            Decision d = RollingUpgrade.decide(world.input(spec, status, world.observe()));
            assertThat(d.actions()).as(c.why("only Events for a blocked target " + target))
                    .allMatch(a -> a instanceof Action.Emit);
            assertThat(d.nextStatus().upgrade()).as(c.why("no upgrade starts")).isNull();
            assertThat(d.nextStatus().operationLock().isHeld()).as(c.why("the lock is never taken")).isFalse();
            status = d.nextStatus();
            world.runFor(STEP);
        }
    }

    record Run(FamilyDrive world, ClusterStatus status) {
    }

    /** Leader changes and pod crashes at random seconds of the disturbed steps, about one per step in {@code 1/rate}. */
    private static List<Fault> disturbances(Random random, Scenario s) {
        List<Fault> faults = new ArrayList<>();
        for (int step = 0; step < DISTURBED_STEPS; step++) {
            if (random.nextDouble() < s.disturbance()) {
                int at = (int) (step * STEP.toSeconds());
                faults.add(random.nextBoolean() ? new Fault.LeaderChange(at)
                        : new Fault.PodCrash(at, random.nextInt(s.replicas())));
            }
        }
        return faults;
    }

    private Run run(Case<Scenario> c, boolean disturb) {
        Scenario s = c.value();
        Random random = new Random(c.seed());
        int leader = disturb ? random.nextInt(s.replicas()) : s.leader();
        List<Fault> faults = disturb ? disturbances(random, s) : List.of();
        FamilyDrive world = new FamilyDrive(dev.raftops.simulator.world.Scenario.upgrade(s.replicas(), "2.4.0",
                "2.5.0", leader, c.seed()).withFaults(faults));
        ClusterSpec spec = ClusterSpec.of("2.5.0", null, s.replicas());
        ClusterStatus status = ClusterStatus.initial().withCurrentVersion("2.4.0");
        Map<String, Integer> lowestRelease = new HashMap<>();
        for (int step = 0; step < MAX_STEPS; step++) {
            if (disturb && status.upgrade() != null && status.upgrade().failed()) {
                // what a person does after reading the failure: a fresh retry token
                spec = spec.withUpgrade(spec.upgrade().withRequests(spec.upgrade().requests().withRetry("retry-" + step)));
            }
            ClusterObservation observation = mask(world.observe(), random, s.unknownLeadership());
            DecisionInput in = world.input(spec, status, observation);
            Decision d = RollingUpgrade.decide(in);
            assertThat(RollingUpgrade.decide(in)).as(c.why("decide is a pure function")).isEqualTo(d);
            checkDecision(c, in, d, lowestRelease);
            checkSettled(c, in, d);
            boolean applied = world.perform(d);
            boolean crashed = !d.actions().isEmpty() && random.nextDouble() < s.crash();
            if (applied && !crashed) {
                status = d.nextStatus();
            }
            // after a crash between the workload write and the status write, the next iteration decides
            // again from the old status and the new observation, which is what a restarted controller does
            if (status.upgrade() == null && "2.5.0".equals(status.currentVersion())) {
                break;
            }
            world.runFor(STEP);
        }
        return new Run(world, status);
    }

    /** The pods the controller's writes took down: rolled by the StatefulSet after a release, or deleted. */
    private static List<TraceRecord> restarts(FamilyDrive world) {
        List<TraceRecord> restarts = new ArrayList<>();
        List<String> lines = world.world().traceLines();
        for (int i = 0; i < lines.size(); i++) {
            TraceRecord line = TraceRecord.parse(i + 1, lines.get(i));
            String cause = line.has("cause") ? line.string("cause") : "";
            if ("pod.deleted".equals(line.kind()) && ("rollout".equals(cause) || "controller".equals(cause))) {
                restarts.add(line);
            }
        }
        return restarts;
    }

    private static void checkDecision(Case<Scenario> c, DecisionInput in, Decision d, Map<String, Integer> lowest) {
        StatefulSetView sts = in.observation().statefulSet(SimWorld.NAME).orElseThrow();
        Map<Integer, PodView> pods = in.observation().podsOf(SimWorld.NAME);
        int replicas = in.spec().replicas();
        if (in.status().upgrade() != null && d.nextStatus().upgrade() != null) {
            List<Integer> recorded = new ArrayList<>(d.nextStatus().upgrade().completedOrdinals());
            recorded.removeAll(in.status().upgrade().completedOrdinals());
            for (int ordinal : recorded) {
                PodView pod = pods.get(ordinal);
                assertThat(pod != null && pod.revision().equals(sts.updateRevision()) && pod.caughtUp(100))
                        .as(c.why("ordinal " + ordinal + " recorded done only when seen on the update revision and caught up"))
                        .isTrue();
            }
        }
        for (Action a : d.actions()) {
            Integer ordinal = null;
            if (a instanceof Action.SetPartition sp) {
                ordinal = sp.partition();
                assertThat(sp.partition()).as(c.why("a release lowers the observed partition by exactly one"))
                        .isEqualTo(sts.effectivePartition() - 1);
                // a pass may record the last ordinal done and release the next one: the release follows what it records
                assertThat(sp.partition()).as(c.why("a release follows the progress it records"))
                        .isEqualTo(d.nextStatus().upgrade().currentPartition() - 1);
                String target = in.status().upgrade().targetVersion();
                Integer before = lowest.get(target);
                assertThat(before == null || sp.partition() < before)
                        .as(c.why("the partition only decreases for one target (" + before + " -> " + sp.partition() + ")"))
                        .isTrue();
                lowest.put(target, sp.partition());
                PodView pod = pods.get(ordinal);
                assertThat(pod != null && pod.revision().equals(sts.updateRevision()) && pod.caughtUp(100))
                        .as(c.why("a pod already on the update revision is never released again")).isFalse();
            }
            if (a instanceof Action.DeletePod dp) {
                ordinal = Integer.parseInt(dp.pod().substring(dp.pod().lastIndexOf('-') + 1));
            }
            if (ordinal == null) {
                continue;
            }
            for (int other = 0; other < replicas; other++) {
                PodView pod = pods.get(other);
                if (other != ordinal) {
                    assertThat(pod != null && pod.caughtUp(100))
                            .as(c.why("ordinal " + ordinal + " disrupted while voter " + other + " is not Ready or lags"))
                            .isTrue();
                }
            }
            if (replicas > 1) {
                PodView target = pods.get(ordinal);
                assertThat(target == null || target.leadership() == Leadership.FOLLOWER)
                        .as(c.why("ordinal " + ordinal + " disrupted while it leads or may lead")).isTrue();
                if (a instanceof Action.SetPartition) {
                    assertThat(pods.values().stream().filter(PodView::isLeader).count())
                            .as(c.why("a release needs exactly one known leader elsewhere")).isEqualTo(1);
                }
            }
        }
    }

    /**
     * A pass that changes nothing in the workload and goes idle must be settled: the watch event of
     * its own status write wakes nobody and idle has no fallback poll, so deciding again on the same
     * observation must change nothing (a wait on events polls again by itself).
     */
    private static void checkSettled(Case<Scenario> c, DecisionInput in, Decision d) {
        if (!(d.wake() instanceof Wake.Idle) || !d.actions().stream().allMatch(a -> a instanceof Action.Emit)) {
            return;
        }
        Decision again = RollingUpgrade.decide(in.withStatus(d.nextStatus()));
        assertThat(again.nextStatus()).as(c.why("a settled pass decided again changes no status")).isEqualTo(d.nextStatus());
        assertThat(again.actions()).as(c.why("a settled pass decided again acts no more")).isEmpty();
    }

    private static ClusterObservation mask(ClusterObservation observation, Random random, double unknown) {
        List<PodView> pods = new ArrayList<>();
        for (PodView pod : observation.pods()) {
            pods.add(random.nextDouble() < unknown ? pod.withLeadership(Leadership.UNKNOWN) : pod);
        }
        return observation.withPods(pods);
    }
}
