package dev.raftops.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.MemberState;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.opslifecycle.Holders;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RaftStateSource;
import dev.raftops.domain.resource.TlsSpec;
import dev.raftops.ports.driven.MemberProbe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberReadingTest {

    static final ClusterKey KEY = new ClusterKey("default", "db");
    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    static final ClusterSpec SPEC = ClusterSpec.of("2.4.0", null, 1);
    static final ClusterObservation ONE_POD = ClusterObservation.of(List.of(), List.of(new PodView("db-0", "db", 0,
            "uid", "rev", "img", "2.4.0", true, false, 0, Leadership.UNKNOWN, null, true, Map.of())), List.of());

    final List<Instant> probes = new ArrayList<>();
    final MemberProbe probe = new MemberProbe() {
        @Override
        public Map<String, MemberState> probe(ClusterKey cluster, List<String> pods, TlsSpec tls) {
            probes.add(T0.plusSeconds(probes.size()));
            return Map.of("db-0", new MemberState(true, true, false, true, "2.4.0", 5L, 5L, T0, null));
        }
    };

    @Test
    void aSteadyClusterIsProbedAtMostOncePerInterval() {
        MemberReading reading = new MemberReading(probe);
        ClusterStatus steady = ClusterStatus.initial();
        reading.read(KEY, SPEC, steady, ONE_POD, T0);
        reading.read(KEY, SPEC, steady, ONE_POD, T0.plusSeconds(10));
        reading.read(KEY, SPEC, steady, ONE_POD, T0.plus(MemberReading.STEADY_INTERVAL).minusMillis(1));
        assertThat(probes).hasSize(1);
        reading.read(KEY, SPEC, steady, ONE_POD, T0.plus(MemberReading.STEADY_INTERVAL));
        assertThat(probes).hasSize(2);
    }

    @Test
    void aSteadyClusterWithAPodBehindIsProbedOnEveryPass() {
        MemberProbe behind = (cluster, pods, tls) -> {
            probes.add(T0.plusSeconds(probes.size()));
            return Map.of("db-0", new MemberState(true, false, true, true, "2.4.0", null, null, T0, null));
        };
        MemberReading reading = new MemberReading(behind);
        reading.read(KEY, SPEC, ClusterStatus.initial(), ONE_POD, T0);
        reading.read(KEY, SPEC, ClusterStatus.initial(), ONE_POD, T0.plusSeconds(1));
        assertThat(probes).as("a sealed pod is asked again at once: the start it holds must not wait out the interval")
                .hasSize(2);
    }

    @Test
    void anActiveOperationProbesOnEveryPass() {
        MemberReading reading = new MemberReading(probe);
        ClusterStatus active = ClusterStatus.initial().withOperationLock(
                OperationLock.free().acquire(Operation.Upgrade, Holders.UPGRADE, "rolling", T0).lock());
        for (int i = 0; i < 3; i++) {
            reading.read(KEY, SPEC, active, ONE_POD, T0.plusSeconds(i));
        }
        assertThat(probes).hasSize(3);
    }

    @Test
    void labelsModeNeverProbesAndKeepsTheObservation() {
        MemberReading reading = new MemberReading(probe);
        ClusterSpec labels = SPEC.withUpgrade(SPEC.upgrade().withRaftState(RaftStateSource.LABELS));
        assertThat(reading.read(KEY, labels, ClusterStatus.initial(), ONE_POD, T0)).isEqualTo(ONE_POD);
        assertThat(probes).isEmpty();
    }

    @Test
    void apiModeGivesEveryPodTheProbedFacts() {
        ClusterObservation read = new MemberReading(probe).read(KEY, SPEC, ClusterStatus.initial(), ONE_POD, T0);
        assertThat(read.pods().get(0).leadership()).isEqualTo(Leadership.LEADER);
        assertThat(read.pods().get(0).lag()).isZero();
    }
}
