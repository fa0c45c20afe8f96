package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.AdapterSettings.PodAddress;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.resource.TlsSpec;
import dev.raftops.simulator.openbao.MembershipRaftCluster;
import dev.raftops.simulator.openbao.OpenBaoDouble;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What one probe of a cluster costs, measured against the API double on loopback: HTTP requests
 * (exactly two per answering pod) and wall time of a probe pass, for 3 and 5 pods. The figures are
 * printed for docs/performance.md ({@code mvn -pl adapters-fabric8 -am test -Dtest=MemberProbeCostTest}).
 */
class MemberProbeCostTest {

    static final int PASSES = 200;

    @Test
    void aProbePassCostsTwoRequestsPerPodAndRunsThePodsSideBySide() throws Exception {
        for (int replicas : new int[] {3, 5}) {
            List<String> pods = IntStream.range(0, replicas).mapToObj(i -> "vault-" + i).toList();
            try (OpenBaoDouble openbao = OpenBaoDouble.start(MembershipRaftCluster.of("vault", pods, "vault-0", 100, 1),
                    pods, "2.4.1", "kubernetes", "raftops-executor", "jwt")) {
                PodAddress address = (cluster, pod, plain) -> URI.create(openbao.base(pod));
                AdapterSettings settings = AdapterSettings.openBao().withPodAddress(address, Duration.ofSeconds(2));
                HttpMemberProbe probe = new HttpMemberProbe(new ProbeTrust(null, settings.probeTimeout()), settings,
                        Clock.systemUTC());
                ClusterKey key = new ClusterKey("default", "vault");
                TlsSpec plain = new TlsSpec(true, null);
                for (int i = 0; i < 20; i++) {
                    probe.probe(key, pods, plain); // warm-up: connections, JIT
                }
                long before = probe.requests();
                long[] micros = new long[PASSES];
                for (int i = 0; i < PASSES; i++) {
                    long t = System.nanoTime();
                    assertThat(probe.probe(key, pods, plain).values()).allMatch(m -> m.known());
                    micros[i] = (System.nanoTime() - t) / 1000;
                }
                long requests = probe.requests() - before;
                assertThat(requests).isEqualTo(2L * replicas * PASSES);
                Arrays.sort(micros);
                System.out.printf("member-probe replicas=%d passes=%d requests/pass=%d median=%dus p95=%dus max=%dus%n",
                        replicas, PASSES, requests / PASSES, micros[PASSES / 2], micros[PASSES * 95 / 100],
                        micros[PASSES - 1]);
            }
        }
    }
}
