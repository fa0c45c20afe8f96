package dev.raftops.domain.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.cluster.StatefulSetView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.Wake;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.RollingWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rolling decision's rules over generated clusters (1..9 replicas, any leader placement,
 * unknown leadership, readiness flaps, lag, leader changes, crashes between a write and the status
 * write), checked on every decision of a run.
 */
class RollingUpgradePropertiesTest {

    static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    static final int MAX_STEPS = 600;
    /** Disturbances stop after this many steps: from then on nothing the controller did not cause blocks the upgrade. */
    static final int DISTURBED_STEPS = 300;

    record Scenario(int replicas, int leader, double unknownLeadership, double disturbance, double crash) {
    }

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
        assertThat(run.status.currentVersion()).as(c.why("the upgrade converges within " + MAX_STEPS + " steps; status " + run.status.upgrade() + " conditions " + run.status.conditions() + "; log "
                + run.world.log())).isEqualTo("2.5.0");
        assertThat(run.status.upgrade()).as(c.why("progress is cleared with the version move")).isNull();
        assertThat(run.world.allRun("2.5.0")).as(c.why("every pod runs the target")).isTrue();
        Map<String, Long> restarts = new HashMap<>();
        for (String line : run.world.log()) {
            if (line.startsWith("sts restarts pod")) {
                if (c.value().replicas() > 1) { // a single voter is always the leader: its restart is unavoidable
                    assertThat(line).as(c.why("no leader is ever restarted: " + run.world.log())).doesNotContain("(leader)");
                }
                restarts.merge(line.split(" ")[3], 1L, Long::sum);
            }
        }
        assertThat(restarts.values()).as(c.why("each pod restarts exactly once: " + restarts))
                .allMatch(n -> n == 1L);
        assertThat(restarts).as(c.why("every pod restarted")).hasSize(c.value().replicas());
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
        Random random = new Random(c.seed());
        RollingWorld world = new RollingWorld(random, replicas, "2.4.0", (int) c.value()[2] % replicas, START);
        ClusterSpec spec = ClusterSpec.of(target, null, replicas);
        ClusterStatus status = ClusterStatus.initial().withCurrentVersion("2.4.0");
        for (int step = 0; step < 20; step++) {
            Decision d = RollingUpgrade.decide(input(spec, status, world.observe(), world.now(), random));
            assertThat(d.actions()).as(c.why("only Events for a blocked target " + target))
                    .allMatch(a -> a instanceof Action.Emit);
            assertThat(d.nextStatus().upgrade()).as(c.why("no upgrade starts")).isNull();
            assertThat(d.nextStatus().operationLock().isHeld()).as(c.why("the lock is never taken")).isFalse();
            status = d.nextStatus();
            world.tick();
        }
    }

    record Run(RollingWorld world, ClusterStatus status) {
    }

    private Run run(Case<Scenario> c, boolean disturb) {
        Scenario s = c.value();
        Random random = new Random(c.seed());
        int leader = disturb ? random.nextInt(s.replicas()) : s.leader();
        RollingWorld world = new RollingWorld(random, s.replicas(), "2.4.0", leader, START);
        ClusterSpec spec = RollingWorld.spec(s.replicas(), "2.5.0");
        ClusterStatus status = ClusterStatus.initial().withCurrentVersion("2.4.0");
        Map<String, Integer> lowestRelease = new HashMap<>();
        for (int step = 0; step < MAX_STEPS; step++) {
            if (disturb && status.upgrade() != null && status.upgrade().failed()) {
                // what a person does after reading the failure: a fresh retry token
                spec = spec.withUpgrade(spec.upgrade().withRequests(spec.upgrade().requests().withRetry("retry-" + step)));
            }
            ClusterObservation observation = mask(world.observe(), random, s.unknownLeadership());
            DecisionInput in = input(spec, status, observation, world.now(), random);
            Decision d = RollingUpgrade.decide(in);
            assertThat(RollingUpgrade.decide(in)).as(c.why("decide is a pure function")).isEqualTo(d);
            checkDecision(c, in, d, lowestRelease);
            checkSettled(c, in, d);
            boolean applied = true;
            for (Action a : d.actions()) {
                if (!world.apply(a)) {
                    applied = false;
                    break;
                }
            }
            boolean crashed = !d.actions().isEmpty() && random.nextDouble() < s.crash();
            if (applied && !crashed) {
                status = d.nextStatus();
            }
            // after a crash between the workload write and the status write, the next iteration decides
            // again from the old status and the new observation, which is what a restarted controller does
            if (status.upgrade() == null && "2.5.0".equals(status.currentVersion())) {
                break;
            }
            world.tick();
            if (disturb && step < DISTURBED_STEPS && random.nextDouble() < s.disturbance()) {
                world.disturb();
            }
            world.advance(Duration.ofSeconds(5));
        }
        return new Run(world, status);
    }

    private static void checkDecision(Case<Scenario> c, DecisionInput in, Decision d, Map<String, Integer> lowest) {
        StatefulSetView sts = in.observation().statefulSet("db").orElseThrow();
        Map<Integer, PodView> pods = in.observation().podsOf("db");
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

    static DecisionInput input(ClusterSpec spec, ClusterStatus status, ClusterObservation observation, Instant now,
            Random random) {
        return new DecisionInput(RollingWorld.KEY, 1, spec, status, observation, now, random,
                RetryTiming.defaults().withoutJitter());
    }
}
