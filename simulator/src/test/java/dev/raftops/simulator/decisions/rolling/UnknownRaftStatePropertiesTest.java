package dev.raftops.simulator.decisions.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.MemberState;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.rolling.RollingUpgrade;
import dev.raftops.simulator.world.FamilyDrive;
import dev.raftops.simulator.world.SimWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Raft state from the workload's API, where a probe can fail, a member be sealed or uninitialised:
 * whatever the probes say, nothing is released or deleted on an unknown. Every pod but the target
 * is a known, unsealed, initialised member within the lag limit, and the target a known follower.
 */
class UnknownRaftStatePropertiesTest {

    static final long COMMITTED = 10_000;

    record Scenario(int replicas, int leader, double failing, double sealed, double uninitialised) {
    }

    static Stream<Arguments> probedClusters() {
        return PropertyCases.of(200, r -> {
            int replicas = Generate.between(r, 2, 7);
            return new Scenario(replicas, r.nextInt(replicas), r.nextDouble() * 0.4, r.nextDouble() * 0.2,
                    r.nextDouble() * 0.1);
        });
    }

    @ParameterizedTest
    @MethodSource("probedClusters")
    void noPodIsReleasedOrDeletedWhileAnyMemberItDependsOnIsUnknown(Case<Scenario> c) {
        Scenario s = c.value();
        Random random = new Random(c.seed());
        FamilyDrive world = new FamilyDrive(dev.raftops.simulator.world.Scenario.upgrade(s.replicas(), "2.4.0", "2.5.0",
                s.leader(), c.seed()));
        ClusterSpec spec = ClusterSpec.of("2.5.0", null, s.replicas());
        ClusterStatus status = ClusterStatus.initial().withCurrentVersion("2.4.0");
        int releases = 0;
        for (int step = 0; step < 300; step++) {
            ClusterObservation observation = probe(world.observe(), random, s);
            DecisionInput in = world.input(spec, status, observation);
            Decision d = RollingUpgrade.decide(in);
            Map<Integer, PodView> pods = observation.podsOf(SimWorld.NAME);
            long maxLag = in.spec().upgrade().rollingMaxLagEntries();
            for (Action a : d.actions()) {
                if (a instanceof Action.SetPartition sp) {
                    releases++;
                    assertDependsOnlyOnKnown(c, pods, sp.partition(), s.replicas(), maxLag);
                }
                if (a instanceof Action.DeletePod dp) {
                    int ordinal = Integer.parseInt(dp.pod().substring(dp.pod().lastIndexOf('-') + 1));
                    assertDependsOnlyOnKnown(c, pods, ordinal, s.replicas(), maxLag);
                }
            }
            if (world.perform(d)) {
                status = d.nextStatus();
            }
            if (status.upgrade() == null && "2.5.0".equals(status.currentVersion())) {
                break;
            }
            world.runFor(Duration.ofSeconds(5));
        }
        if (s.failing() + s.sealed() + s.uninitialised() < 0.05) {
            assertThat(releases).as(c.why("with (almost) every probe answering the roll moves")).isPositive();
        }
    }

    private static void assertDependsOnlyOnKnown(Case<Scenario> c, Map<Integer, PodView> pods, int target, int replicas,
            long maxLag) {
        PodView released = pods.get(target);
        assertThat(released != null && released.member().follower())
                .as(c.why("ordinal " + target + " goes down only when known not to lead: " + released)).isTrue();
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            PodView pod = pods.get(ordinal);
            if (ordinal != target) {
                assertThat(pod != null && pod.member().known() && !pod.member().sealed() && pod.member().initialized()
                        && pod.lag() != null && pod.lag() <= maxLag)
                        .as(c.why("ordinal " + target + " goes down only with ordinal " + ordinal
                                + " known, unsealed, initialised and caught up: " + pod)).isTrue();
            }
        }
    }

    /** What the API would answer for each pod of {@code observed}, with failing, sealed and uninitialised probes mixed in. */
    static ClusterObservation probe(ClusterObservation observed, Random random, Scenario s) {
        Map<String, MemberState> members = new HashMap<>();
        Instant at = Instant.parse("2026-11-24T10:00:00Z");
        for (PodView pod : observed.pods()) {
            double roll = random.nextDouble();
            if (roll < s.failing()) {
                members.put(pod.name(), MemberState.failed(at, random.nextBoolean() ? "connection refused" : "timed out"));
                continue;
            }
            boolean sealed = roll < s.failing() + s.sealed();
            boolean uninitialised = !sealed && roll < s.failing() + s.sealed() + s.uninitialised();
            boolean leading = pod.leadership() == Leadership.LEADER && !sealed && !uninitialised;
            long lag = pod.lag() == null ? 0 : pod.lag();
            members.put(pod.name(), new MemberState(true, leading, sealed, !uninitialised, pod.version(),
                    sealed || uninitialised ? null : COMMITTED - lag, COMMITTED, at, null));
        }
        return observed.withMembers(members, at);
    }
}
